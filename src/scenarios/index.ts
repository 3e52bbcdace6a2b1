// Scenarios are data files, collected by glob (DESIGN.md: "Scenarios as data, registered by glob").
import type { Scenario } from './types'

export type { Scenario } from './types'

const modules = import.meta.glob<{ default?: Scenario }>(['./*/*.ts', '!./*/*.test.ts'], { eager: true })

export const SCENARIOS: readonly Scenario[] = Object.values(modules)
  .flatMap((m) => (m.default && typeof m.default.id === 'string' ? [m.default] : []))
  .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))

const byId = new Map(SCENARIOS.map((s) => [s.id, s]))

export function findScenario(id: string): Scenario | undefined {
  return byId.get(id)
}
