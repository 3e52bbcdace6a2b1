// Lessons arrive compiled (see vite.config.ts): load one, then read it synchronously from the cache.
// The store keeps only the cursor; the timeline lives here, derived once per scenario.
import { loaders } from 'virtual:timelines'
import type { CompiledScenario } from '../lessons/compile'

const cache = new Map<string, CompiledScenario>()

export function loadScenario(id: string): Promise<CompiledScenario> {
  const hit = cache.get(id)
  if (hit) return Promise.resolve(hit)
  const load = loaders[id]
  if (!load) return Promise.reject(new Error(`unknown scenario ${id}`))
  return load().then((c) => { cache.set(id, c); return c })
}

export function loaded(id: string): CompiledScenario | undefined {
  return cache.get(id)
}

/** For tests and tools that compile a lesson themselves. */
export function primeScenario(c: CompiledScenario): void {
  cache.set(c.id, c)
}
