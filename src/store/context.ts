import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { Player, PlayerStore } from './player'
import { loaded } from './timeline'
import type { CompiledScenario } from '../lessons/compile'
import type { Step } from '../model'

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

/** The step on screen now (the last one shown), or undefined before the first. */
export function useCurrentStep(): Step | undefined {
  const step = usePlayer((s) => s.step)
  const lesson = useLesson()
  return step > 0 ? lesson?.timeline.steps[step - 1] : undefined
}

/** The current lesson (loaded before the store points at it). */
export function useLesson(): CompiledScenario | undefined {
  const id = usePlayer((s) => s.scenarioId)
  usePlayer((s) => s.lessonRev) // re-render when the sandbox replaces its timeline under the same id
  return loaded(id)
}
