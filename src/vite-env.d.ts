/// <reference types="vite/client" />

declare module 'virtual:timelines' {
  import type { CompiledScenario } from './store/compile'
  export const loaders: Record<string, () => Promise<CompiledScenario>>
}
