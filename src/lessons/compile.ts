// Compiles a scenario into what the player shows: the engine's timeline and each step's caption.
// Runs at build time (vite.config.ts, plugin "timelines") so that the page downloads one small JSON
// per lesson instead of every engine and every caption; the same function runs in the unit tests.
import { buildTimeline } from '../model'
import { lessonOf, type FullLesson, type LessonInfo } from './lesson'
import { findScenario, SCENARIOS, type Scenario } from '../scenarios'

export function compileScenario(s: Scenario): FullLesson {
  return lessonOf(s, buildTimeline({ ...s, seed: s.id }))
}

export function compileById(id: string): FullLesson | undefined {
  const s = findScenario(id)
  return s ? compileScenario(s) : undefined
}

export const scenarioList = (): LessonInfo[] => SCENARIOS.map(({ id, protocol, order, title }) => ({ id, protocol, order, title }))
