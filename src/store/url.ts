// URL parameters of CONTRACT.md §2: the address bar is always a deep link to what is on screen.
import type { Lang } from '../content/types'
import type { View } from './player'

export type PageMode = 'play' | 'predict' | 'sandbox' | 'map' | 'drills'
const MODES: readonly PageMode[] = ['play', 'predict', 'sandbox', 'map', 'drills']
import { DEFAULT_SCENARIO_ID, findLesson as findScenario } from './lessons'

export interface UrlRequest {
  readonly scenarioId: string
  /** The scenario the URL asked for when it does not exist (the page then lists the scenarios). */
  readonly missingScenario: string | null
  /** `step` as written; clamp it once the lesson's length is known. */
  readonly rawStep: string | null
  readonly lang: Lang
  readonly view: View
  /** `mode=`: the player (default), predict-the-reply, the sandbox, the protocol map, or the exam drills. */
  readonly mode: PageMode
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

export function parseUrl(search: string, browserLanguages: readonly string[]): UrlRequest {
  const p = new URLSearchParams(search)
  const lang = langFrom(p.get('lang'), browserLanguages)
  const view: View = p.get('view') === 'eavesdropper' ? 'eavesdropper' : 'learner'
  const mode: PageMode = (MODES as readonly (string | null)[]).includes(p.get('mode')) ? (p.get('mode') as PageMode) : 'play'
  const asked = p.get('scenario')
  const scenario = findScenario(asked ?? DEFAULT_SCENARIO_ID)
  if (!scenario) return { scenarioId: DEFAULT_SCENARIO_ID, missingScenario: asked ?? '', rawStep: null, lang, view, mode }
  return { scenarioId: scenario.id, missingScenario: null, rawStep: p.get('step'), lang, view, mode }
}

/** Writes the state back; keeps parameters this page does not own (a course page's own). */
export function toSearch(current: string, s: { scenarioId: string; step: number; lang: Lang; missingScenario: string | null; view?: View; pageMode?: PageMode }): string {
  const p = new URLSearchParams(current)
  const lesson = s.pageMode === undefined || s.pageMode === 'play' || s.pageMode === 'predict'
  if (s.view === 'eavesdropper') p.set('view', 'eavesdropper')
  else p.delete('view')
  if (s.missingScenario === null && lesson) {
    p.set('scenario', s.scenarioId)
    p.set('step', String(s.step))
  }
  p.set('lang', s.lang)
  return `?${p.toString()}`
}
