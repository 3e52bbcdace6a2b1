// The address parameters every page reads the same way (CONTRACT.md §2). Which page, and the parameters each
// page writes back, are the rows of ui/pages.tsx.
import type { Lang } from '../content/types'
import { parseLayers } from '../lessons/layers'
import type { Layer } from '../model'
import { DEFAULT_SCENARIO_ID, findLesson } from './lessons'
import type { View } from './player'

export interface LessonRequest {
  readonly scenarioId: string
  /** The scenario the URL asked for when it does not exist (the page then lists the scenarios). */
  readonly missingScenario: string | null
  /** `step` as written; clamp it once the lesson's length is known. */
  readonly rawStep: string | null
  readonly lang: Lang
  readonly view: View
  /** `layers=`: the layers shown; null for all, also for a value that names none (CONTRACT.md §7). */
  readonly layers: readonly Layer[] | null
}

/** `ja*` browsers get Japanese; everyone else English (CONTRACT.md §2 `lang`). */
export function langFrom(param: string | null, browserLanguages: readonly string[]): Lang {
  if (param === 'ja' || param === 'en') return param
  const first = browserLanguages[0]?.toLowerCase() ?? 'ja'
  return first.startsWith('ja') ? 'ja' : 'en'
}

/**
 * Anything that is not a number becomes 0; numbers are clamped to 0..total, so every step past the end is the
 * last one however it is written (`99999`, `1e309`, `Infinity`), and every step before the start is 0.
 */
export function clampStep(raw: string | null, total: number): number {
  const n = raw === null || raw.trim() === '' ? 0 : Number(raw)
  if (Number.isNaN(n)) return 0
  return Math.min(total, Math.max(0, Math.trunc(n)))
}

/** How a course page embeds the app (CONTRACT.md §5): `embed=1` with any mode, and its options. */
export interface EmbedOptions {
  /** full: every control; min: previous, next and the step counter; none: no controls (keys still work). */
  readonly controls: 'full' | 'min' | 'none'
  /** Chosen by the course author, not by the reader's system. */
  readonly theme: 'light' | 'dark' | 'projector'
  readonly autoplay: boolean
}

export function readEmbed(p: URLSearchParams): EmbedOptions | null {
  if (p.get('embed') !== '1') return null
  const controls = p.get('controls')
  const theme = p.get('theme')
  return {
    controls: controls === 'min' || controls === 'none' ? controls : 'full',
    theme: theme === 'dark' || theme === 'projector' ? theme : 'light',
    autoplay: p.get('autoplay') === '1',
  }
}

/** `from=N&to=M`: the steps a lesson is locked to (whole-lesson numbers); null when neither is given or they are junk. */
export function readRange(p: URLSearchParams, total: number): { readonly from: number; readonly to: number } | null {
  if (!p.has('from') && !p.has('to')) return null
  const from = p.has('from') ? clampStep(p.get('from'), total) : 0
  const to = p.has('to') ? clampStep(p.get('to'), total) : total
  return from <= to ? { from, to } : { from: to, to: from }
}

export function readRequest(p: URLSearchParams, browserLanguages: readonly string[]): LessonRequest {
  const lang = langFrom(p.get('lang'), browserLanguages)
  const view: View = p.get('view') === 'eavesdropper' ? 'eavesdropper' : 'learner'
  const layers = parseLayers(p.get('layers'))
  const asked = p.get('scenario')
  const lesson = findLesson(asked ?? DEFAULT_SCENARIO_ID)
  if (!lesson) return { scenarioId: DEFAULT_SCENARIO_ID, missingScenario: asked ?? '', rawStep: null, lang, view, layers }
  return { scenarioId: lesson.id, missingScenario: null, rawStep: p.get('step'), lang, view, layers }
}
