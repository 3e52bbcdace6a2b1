import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { Lesson } from '../lessons/lesson'
import type { Step } from '../model'
import type { Player, PlayerStore } from './player'

export const PlayerContext = createContext<PlayerStore | null>(null)

export function usePlayerStore(): PlayerStore {
  const store = useContext(PlayerContext)
  if (!store) throw new Error('PlayerContext is missing')
  return store
}

/** Select one primitive or one stored reference (zustand v5: selectors that build objects re-render forever). */
export function usePlayer<T>(selector: (s: Player) => T): T {
  return useStore(usePlayerStore(), selector)
}

/** The lesson on screen. */
export function useLesson(): Lesson | null {
  return usePlayer((s) => s.lesson)
}

/** The step on screen now (the last one shown), or undefined before the first. */
export function useCurrentStep(): Step | undefined {
  return usePlayer((s) => (s.step > 0 ? s.lesson?.timeline.steps[s.step - 1] : undefined))
}

/** The lesson's length. */
export function useTotal(): number {
  return usePlayer((s) => s.lesson?.timeline.steps.length ?? 0)
}
