/// <reference types="vite/client" />

declare module 'virtual:timelines' {
  import type { CompiledScenario, ScenarioInfo } from './lessons/compile'
  export const loaders: Record<string, () => Promise<CompiledScenario>>
  /** Every lesson's id, protocol, order and title, in list order (the rest loads with the lesson). */
  export const SCENARIO_LIST: readonly ScenarioInfo[]
}
