// The player store: where the learner is on the timeline (a cursor), never copies of steps.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Lang } from '../content/types'
import { loaded, loadScenario } from './timeline'

export const SPEEDS = [0.5, 1, 2] as const
export type Speed = (typeof SPEEDS)[number]
export type View = 'learner' | 'eavesdropper'

export interface PlayerState {
  readonly scenarioId: string
  readonly missingScenario: string | null
  /** How many steps are shown: 0 (nothing yet) to total. */
  readonly step: number
  readonly total: number
  readonly lang: Lang
  readonly playing: boolean
  readonly speed: Speed
  readonly hex: boolean
  /** 'eavesdropper' shows what a packet capture reads: TLS records as lengths, secrets flagged. */
  readonly view: View
  /** A lesson that could not be loaded (network); the page says so. */
  readonly loadError: string | null
}

export interface PlayerActions {
  next(): void
  prev(): void
  first(): void
  last(): void
  goTo(step: number): void
  togglePlay(): void
  pause(): void
  setSpeed(speed: Speed): void
  setLang(lang: Lang): void
  setScenario(id: string): Promise<void>
  toggleHex(): void
  toggleView(): void
}

export type Player = PlayerState & PlayerActions
export type PlayerStore = StoreApi<Player>

function totalOf(id: string): number {
  return loaded(id)?.timeline.steps.length ?? 0
}

export interface PlayerInit {
  readonly scenarioId: string
  readonly missingScenario: string | null
  readonly step: number
  readonly lang: Lang
  readonly view?: View
}

export function createPlayerStore(initial: PlayerInit): PlayerStore {
  return createStore<Player>()((set, get) => {
    const goTo = (n: number) => set({ step: Math.min(get().total, Math.max(0, Math.trunc(n))) })
    return {
      scenarioId: initial.scenarioId,
      missingScenario: initial.missingScenario,
      step: initial.step,
      total: totalOf(initial.scenarioId),
      lang: initial.lang,
      playing: false,
      speed: 1,
      hex: false,
      view: initial.view ?? 'learner',
      loadError: null,
      goTo,
      next: () => goTo(get().step + 1),
      prev: () => { set({ playing: false }); goTo(get().step - 1) },
      first: () => { set({ playing: false }); goTo(0) },
      last: () => { set({ playing: false }); goTo(get().total) },
      togglePlay: () => {
        const { playing, step, total } = get()
        // Play at the end starts over, as a media player does.
        if (!playing && step >= total) set({ step: 0 })
        set({ playing: !playing })
      },
      pause: () => set({ playing: false }),
      setSpeed: (speed) => set({ speed }),
      setLang: (lang) => set({ lang }),
      setScenario: (id) => {
        set({ playing: false })
        // The lesson is fetched first, so the page never shows a scenario without its steps.
        return loadScenario(id).then(
          () => set({ scenarioId: id, missingScenario: null, step: 0, total: totalOf(id), loadError: null }),
          () => set({ loadError: id }),
        )
      },
      toggleHex: () => set({ hex: !get().hex }),
      toggleView: () => set({ view: get().view === 'learner' ? 'eavesdropper' : 'learner' }),
    }
  })
}
