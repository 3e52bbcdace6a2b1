// Lessons arrive compiled (vite.config.ts, plugin "timelines"): the steps in one chunk, the captions in one
// chunk per language, so that a page fetches only its own language. The browser keeps each chunk once fetched.
import { loaders } from 'virtual:timelines'
import type { Lang } from '../content/types'
import type { Lesson } from '../lessons/lesson'
import type { Step } from '../model'

/** A compiled step as the chunk holds it: its index and its CRLF-joined lines are given back here (vite.config.ts). */
type StoredStep = Omit<Step, 'index' | 'bytes'> & { readonly bytes?: string }
type StoredLesson = Omit<Lesson, 'captions' | 'summary' | 'timeline'> & {
  readonly timeline: Omit<Lesson['timeline'], 'steps'> & { readonly steps: readonly StoredStep[] }
}
/** One language of a lesson's words: its summary and each step's caption. */
interface Words {
  readonly summary: string
  readonly captions: readonly (string | null)[]
}

const CRLF = '\r\n'
/** A compiled chunk's one export. */
const data = (m: unknown) => (m as { default: unknown }).default

const loaderOf = (id: string) => (Object.prototype.hasOwnProperty.call(loaders, id) ? loaders[id] : undefined)

/** A lesson with its captions in `lang`. */
export async function loadLesson(id: string, lang: Lang): Promise<Lesson> {
  const load = loaderOf(id)
  if (!load) throw new Error(`unknown scenario ${id}`)
  // (An ambient module cannot name our types by a relative path: the shapes are asserted here, once.)
  const [lesson, words] = (await Promise.all([load.timeline(), load[lang]()]).then((ms) => ms.map(data))) as [StoredLesson, Words]
  const steps = lesson.timeline.steps.map((s, index): Step => ({ ...s, index, bytes: s.bytes ?? s.lines.map((l) => l + CRLF).join('') }))
  return {
    ...lesson,
    timeline: { ...lesson.timeline, steps },
    summary: { ja: '', en: '', [lang]: words.summary },
    captions: words.captions.map((c): Partial<Record<Lang, string>> | null => (c === null ? null : { [lang]: c })),
  }
}

/** The lesson with its captions in `lang` added; null when it has them already (or is not a compiled lesson). */
export async function withLanguage(lesson: Lesson, lang: Lang): Promise<Lesson | null> {
  if (lesson.summary[lang] !== '' && lesson.captions.every((c) => c === null || c[lang] !== undefined)) return null
  const load = loaderOf(lesson.id)
  if (!load) return null
  const words = data(await load[lang]()) as Words
  const more = words.captions
  return {
    ...lesson,
    summary: { ...lesson.summary, [lang]: words.summary },
    captions: lesson.captions.map((c, i) => (c === null || more[i] === null || more[i] === undefined ? c : { ...c, [lang]: more[i] })),
  }
}
