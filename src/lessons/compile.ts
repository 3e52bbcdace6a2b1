// Compiles a scenario into what the player shows: the engine's timeline and each step's caption.
// Runs at build time (vite.config.ts, plugin "timelines") so that the page downloads one small JSON
// per lesson instead of every engine and every caption; the same function runs in the unit tests.
import { captionOf, type Caption } from '../content'
import { buildTimeline, type Timeline } from '../model'
import { findScenario, SCENARIOS, type Scenario } from '../scenarios'

/** What the page shell needs to list a lesson, without its steps or notes. */
export interface ScenarioInfo {
  readonly id: string
  readonly protocol: Scenario['protocol']
  readonly order: number
  readonly title: Scenario['title']
}

export interface CompiledScenario {
  readonly id: string
  readonly title: Scenario['title']
  readonly summary: Scenario['summary']
  readonly timeline: Timeline
  /** captions[i] explains timeline.steps[i]. */
  readonly captions: readonly (Caption | null)[]
}

export function compileScenario(s: Scenario): CompiledScenario {
  const timeline = buildTimeline({ ...s, seed: s.id })
  return { id: s.id, title: s.title, summary: s.summary, timeline, captions: timeline.steps.map((step) => captionOf(step) ?? null) }
}

export function compileById(id: string): CompiledScenario | undefined {
  const s = findScenario(id)
  return s ? compileScenario(s) : undefined
}

export const scenarioList = (): ScenarioInfo[] => SCENARIOS.map(({ id, protocol, order, title }) => ({ id, protocol, order, title }))
