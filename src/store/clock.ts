// Time in one place (after xstate's SimulatedClock): the only timer of the app advances the cursor.
import { totalOf, type PlayerStore } from './player'

/** Milliseconds between steps at speed 1. */
export const STEP_INTERVAL_MS = 1400

export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export function startPlaybackClock(store: PlayerStore, scheduler: Scheduler): () => void {
  let handle: unknown = null
  const stop = () => {
    if (handle !== null) scheduler.clearTimeout(handle)
    handle = null
  }
  const schedule = () => {
    stop()
    const s = store.getState()
    if (!s.playing) return
    handle = scheduler.setTimeout(() => {
      handle = null
      const now = store.getState()
      if (!now.playing) return
      if (now.step >= totalOf(now)) {
        now.pause()
        return
      }
      now.next()
      if (store.getState().step >= totalOf(now)) store.getState().pause()
      else schedule()
    }, STEP_INTERVAL_MS / s.speed)
  }
  const unsub = store.subscribe((s, prev) => {
    if (s.playing !== prev.playing || s.speed !== prev.speed || (s.playing && s.step !== prev.step && handle === null)) schedule()
  })
  schedule()
  return () => {
    unsub()
    stop()
  }
}
