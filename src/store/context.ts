import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { Player, PlayerStore } from './player'
import { loaded } from './timeline'
import type { CompiledScenario } from './compile'

export const PlayerContext = createContext<PlayerStore | null>(null)

export function usePlayerStore(): PlayerStore {
  const store = useContext(PlayerContext)
  if (!store) throw new Error('PlayerContext is missing')
  return store
}

/** Select one primitive (zustand v5: selectors that build objects would re-render forever). */
export function usePlayer<T>(selector: (s: Player) => T): T {
  return useStore(usePlayerStore(), selector)
}

/** The current lesson (loaded before the store points at it). */
export function useLesson(): CompiledScenario | undefined {
  const id = usePlayer((s) => s.scenarioId)
  usePlayer((s) => s.lessonRev) // re-render when the sandbox replaces its timeline under the same id
  return loaded(id)
}
