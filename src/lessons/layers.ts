// `layers=` (CONTRACT.md §7): the layers whose steps are shown. A lesson with some layers hidden is a lesson of
// its own, re-numbered, so that playback, the step counter, `step=`, phases and predict mode need not know.
import type { Layer } from '../model'
import type { Lesson } from './lesson'

export const LAYER_NAMES = ['tcp', 'tls', 'dns', 'smtp', 'pop3', 'imap'] as const satisfies readonly Layer[]

/** The layers a `layers=` value names, in the table's order; null (every layer) for none, junk or an empty list. */
export function parseLayers(raw: string | null): readonly Layer[] | null {
  if (raw === null) return null
  const asked = new Set(raw.split(',').map((s) => s.trim().toLowerCase()))
  const named = LAYER_NAMES.filter((l) => asked.has(l))
  return named.length > 0 ? named : null
}

/** The `layers=` value for a choice; null (the parameter left out) for every layer. */
export const layersParam = (layers: readonly Layer[] | null): string | null => (layers && layers.length < LAYER_NAMES.length ? layers.join(',') : null)

/** The layers a lesson has steps in, in the table's order. */
export const layersOf = (lesson: Lesson): Layer[] => LAYER_NAMES.filter((l) => lesson.timeline.steps.some((s) => s.layer === l))

/**
 * The lesson with only the steps of `layers`, re-numbered, each with its caption; phases start at their first
 * shown step, deliveries count from the first shown step at or after them. `origin[i]` is the whole lesson's
 * index of step i. The lesson itself when nothing is hidden; null when nothing would be left.
 */
export function filterLesson<L extends Lesson>(lesson: L, layers: readonly Layer[] | null): L | null {
  const all = lesson.timeline.steps
  const origin: number[] = []
  all.forEach((s, i) => {
    if (!layers || layers.includes(s.layer)) origin.push(i)
  })
  if (origin.length === all.length) return lesson
  if (origin.length === 0) return null
  /** The new index of the first shown step at or after the whole lesson's index `i`, if any before `end`. */
  const from = (i: number, end = Infinity): number | undefined => {
    const k = origin.findIndex((o) => o >= i)
    return k >= 0 && (origin[k] ?? Infinity) < end ? k : undefined
  }
  const phases: Lesson['phases'][number][] = []
  lesson.phases.forEach((p, n) => {
    const index = from(p.index, lesson.phases[n + 1]?.index)
    if (index !== undefined && phases.at(-1)?.phase !== p.phase) phases.push({ index, phase: p.phase })
  })
  const steps = origin.map((o, index) => ({ ...(all[o] as (typeof all)[number]), index }))
  const delivered = lesson.timeline.delivered.flatMap((d) => {
    const at = from(d.at)
    return at === undefined ? [] : [{ ...d, at }]
  })
  return {
    ...lesson,
    timeline: { ...lesson.timeline, steps, delivered },
    captions: origin.map((o) => lesson.captions[o] ?? null),
    phases,
    origin,
  }
}
