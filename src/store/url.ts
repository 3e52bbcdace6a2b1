// The address parameters every page reads the same way (CONTRACT.md §2). Which page, and the parameters each
// page writes back, are the rows of ui/pages.tsx.
import type { Lang } from '../content/types'
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
}

/** `ja*` browsers get Japanese; everyone else English (CONTRACT.md §2 `lang`). */
export function langFrom(param: string | null, browserLanguages: readonly string[]): Lang {
  if (param === 'ja' || param === 'en') return param
  const first = browserLanguages[0]?.toLowerCase() ?? 'ja'
  return first.startsWith('ja') ? 'ja' : 'en'
}

/** Anything that is not a number becomes 0; numbers are clamped to 0..total. */
export function clampStep(raw: string | null, total: number): number {
  const n = raw === null || raw.trim() === '' ? 0 : Number(raw)
  if (!Number.isFinite(n)) return 0
  return Math.min(total, Math.max(0, Math.trunc(n)))
}

export function readRequest(p: URLSearchParams, browserLanguages: readonly string[]): LessonRequest {
  const lang = langFrom(p.get('lang'), browserLanguages)
  const view: View = p.get('view') === 'eavesdropper' ? 'eavesdropper' : 'learner'
  const asked = p.get('scenario')
  const lesson = findLesson(asked ?? DEFAULT_SCENARIO_ID)
  if (!lesson) return { scenarioId: DEFAULT_SCENARIO_ID, missingScenario: asked ?? '', rawStep: null, lang, view }
  return { scenarioId: lesson.id, missingScenario: null, rawStep: p.get('step'), lang, view }
}
