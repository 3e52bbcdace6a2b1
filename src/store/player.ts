// The player store: where the learner is on the timeline (a cursor), never copies of steps.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Lang } from '../content/types'
import type { CompiledScenario } from '../lessons/compile'
import { nextOpenQuestion } from './predict'
import { loaded, loadScenario, primeScenario } from './timeline'

export const SPEEDS = [0.5, 1, 2] as const
export type Speed = (typeof SPEEDS)[number]
export type View = 'learner' | 'eavesdropper'
/** play: step through a lesson; predict: guess each reply first; sandbox: type your own session. */
export type Mode = 'play' | 'predict' | 'sandbox'

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
  readonly mode: Mode
  /** Predict mode: the learner's answer for each question step (by step index). */
  readonly answers: Readonly<Record<number, string>>
  /** Bumped when the lesson under the same id is replaced (the sandbox rebuilds its timeline). */
  readonly lessonRev: number
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
  /** Predict mode: answer the question at the cursor, then the reply is shown. */
  answer(value: string): void
  /** Shows a timeline made in the page (the sandbox), at `step` (default: the end). */
  showCompiled(c: CompiledScenario, step?: number): void
}

export type Player = PlayerState & PlayerActions
export type PlayerStore = StoreApi<Player>

/** Predict mode: the cursor stands before a reply that has not been guessed yet. */
export function waitingForAnswer(s: PlayerState): boolean {
  if (s.mode !== 'predict') return false
  return nextOpenQuestion(loaded(s.scenarioId)?.timeline.steps ?? [], s.answers) === s.step
}

function totalOf(id: string): number {
  return loaded(id)?.timeline.steps.length ?? 0
}

export interface PlayerInit {
  readonly scenarioId: string
  readonly missingScenario: string | null
  readonly step: number
  readonly lang: Lang
  readonly view?: View
  readonly mode?: Mode
}

export function createPlayerStore(initial: PlayerInit): PlayerStore {
  return createStore<Player>()((set, get) => {
    // In predict mode the cursor cannot pass a reply the learner has not guessed yet.
    const limit = (): number => {
      const s = get()
      if (s.mode !== 'predict') return s.total
      const steps = loaded(s.scenarioId)?.timeline.steps ?? []
      const open = nextOpenQuestion(steps, s.answers)
      return open < 0 ? s.total : open
    }
    const goTo = (n: number) => {
      const max = limit()
      const step = Math.min(max, Math.max(0, Math.trunc(n)))
      set(step >= max && max < get().total ? { step, playing: false } : { step })
    }
    return {
      scenarioId: initial.scenarioId,
      missingScenario: initial.missingScenario,
      step: initial.step,
      total: totalOf(initial.scenarioId),
      lang: initial.lang,
      playing: false,
      speed: 1,
      hex: false,
      mode: initial.mode ?? 'play',
      answers: {},
      lessonRev: 0,
      view: initial.view ?? 'learner',
      loadError: null,
      goTo,
      next: () => goTo(get().step + 1),
      prev: () => { set({ playing: false }); goTo(get().step - 1) },
      // In predict mode, back to the start means a new attempt.
      first: () => { set(get().mode === 'predict' ? { playing: false, answers: {} } : { playing: false }); goTo(0) },
      last: () => { set({ playing: false }); goTo(get().total) },
      togglePlay: () => {
        const { playing, step, total, mode } = get()
        // Play at the end starts over, as a media player does (not in predict mode: that would erase the quiz).
        if (!playing && step >= total && mode !== 'predict') set({ step: 0 })
        set({ playing: !playing })
      },
      pause: () => set({ playing: false }),
      setSpeed: (speed) => set({ speed }),
      setLang: (lang) => set({ lang }),
      setScenario: (id) => {
        set({ playing: false })
        // The lesson is fetched first, so the page never shows a scenario without its steps.
        return loadScenario(id).then(
          () => set({ scenarioId: id, missingScenario: null, step: 0, total: totalOf(id), loadError: null, answers: {} }),
          () => set({ loadError: id }),
        )
      },
      toggleHex: () => set({ hex: !get().hex }),
      toggleView: () => set({ view: get().view === 'learner' ? 'eavesdropper' : 'learner' }),
      answer: (value) => {
        const s = get()
        if (s.mode !== 'predict') return
        const steps = loaded(s.scenarioId)?.timeline.steps ?? []
        const open = nextOpenQuestion(steps, s.answers)
        if (open < 0 || open !== s.step) return
        set({ answers: { ...s.answers, [open]: value } })
        goTo(open + 1)
      },
      showCompiled: (c, step) => {
        primeScenario(c)
        const total = c.timeline.steps.length
        set({ scenarioId: c.id, missingScenario: null, total, step: Math.min(total, step ?? total), loadError: null, lessonRev: get().lessonRev + 1 })
      },
    }
  })
}
