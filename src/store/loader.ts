// Lessons arrive compiled (vite.config.ts, plugin "timelines"): the steps in one chunk, the captions in one
// chunk per language, so that a page fetches only its own language. The browser keeps each chunk once fetched.
import { loaders } from 'virtual:timelines'
import type { Lang } from '../content/types'
import type { Lesson } from '../lessons/lesson'

const loaderOf = (id: string) => (Object.prototype.hasOwnProperty.call(loaders, id) ? loaders[id] : undefined)

/** A lesson with its captions in `lang`. */
export async function loadLesson(id: string, lang: Lang): Promise<Lesson> {
  const load = loaderOf(id)
  if (!load) throw new Error(`unknown scenario ${id}`)
  // (An ambient module cannot name our types by a relative path: the shapes are asserted here, once.)
  const [lesson, captions] = (await Promise.all([load.timeline(), load[lang]()])) as [Omit<Lesson, 'captions'>, (string | null)[]]
  return { ...lesson, captions: captions.map((c): Partial<Record<Lang, string>> | null => (c === null ? null : { [lang]: c })) }
}

/** The lesson with its captions in `lang` added; null when it has them already (or is not a compiled lesson). */
export async function withLanguage(lesson: Lesson, lang: Lang): Promise<Lesson | null> {
  if (lesson.captions.every((c) => c === null || c[lang] !== undefined)) return null
  const load = loaderOf(lesson.id)
  if (!load) return null
  const more = (await load[lang]()) as (string | null)[]
  return { ...lesson, captions: lesson.captions.map((c, i) => (c === null || more[i] === null || more[i] === undefined ? c : { ...c, [lang]: more[i] })) }
}
