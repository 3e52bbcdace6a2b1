// The player store: which page, which lesson (an immutable reference), and where the learner is on it (a
// cursor). Nothing here copies steps; the total is the lesson's length.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Lang } from '../content/types'
import { filterLesson } from '../lessons/layers'
import type { Lesson } from '../lessons/lesson'
import type { Layer } from '../model'
import type { Phase } from '../lessons/phases'
import type { ReadReason } from '../sandbox/entries'
import type { InputNote, SandboxSession } from '../sandbox/session'
import { loadLesson, withLanguage } from './loader'
import type { EmbedOptions } from './url'
import { isQuestion, nextOpenQuestion } from './questions'

export const SPEEDS = [0.5, 1, 2] as const
export type Speed = (typeof SPEEDS)[number]
export type View = 'learner' | 'eavesdropper'

/** The sandbox's session and what the page says about it. */
export interface SandboxState {
  readonly session: SandboxSession
  /** What the last input did that the learner should know (dot-stuffed, connection closed, limit reached). */
  readonly notes: readonly InputNote[]
  /** The share link's `s=` value: being made, made, or the session is too long for a link. */
  readonly link: { readonly state: 'pending' } | { readonly state: 'ok'; readonly value: string } | { readonly state: 'too-long' }
  /** The setup's address parameters (null: left out), made with the session so the page shell need not know them. */
  readonly setupParams: Readonly<Record<string, string | null>>
  /** The address held a session that could not be read; the sandbox started empty. */
  readonly badLink: ReadReason | null
}

export interface PlayerState {
  /** The page on screen (a row of ui/pages.tsx). */
  readonly page: string
  /** Predict-the-reply: the cursor stops before each server reply until the learner answers. */
  readonly predict: boolean
  /** The lesson asked for ('sandbox' for the sandbox's own). */
  readonly scenarioId: string
  /** The lesson on screen; replaced, never changed. With layers hidden, only their steps, re-numbered. */
  readonly lesson: Lesson | null
  /** The whole lesson, every layer. */
  readonly base: Lesson | null
  /** `layers=`: the layers whose steps are shown; null for all (CONTRACT.md §7). */
  readonly layers: readonly Layer[] | null
  /** The lesson has no step in the chosen layers, so every step is shown (the page says so). */
  readonly layersFallback: boolean
  /** The scenario the URL asked for when it does not exist (the page then lists the scenarios). */
  readonly missingScenario: string | null
  /** How many steps are shown: 0 (nothing yet) to the lesson's length. */
  readonly step: number
  readonly lang: Lang
  readonly playing: boolean
  readonly speed: Speed
  readonly hex: boolean
  /** 'eavesdropper' shows what a packet capture reads: TLS records as lengths, secrets flagged. */
  readonly view: View
  /** A lesson that could not be loaded (network); the page says so. */
  readonly loadError: string | null
  /** Predict mode: the learner's answer for each question step (by step index). */
  readonly answers: Readonly<Record<number, string>>
  readonly sandbox: SandboxState | null
  /** The import page: its session as an `i=` value when it fits a link, null when not (out of the address), undefined before any import; set with setState. */
  readonly importLink?: string | null
  /** The projector is blanked (b or . in the projector view; the presenter's button). */
  readonly blank: boolean
  /** Embedded in a course page (`embed=1`), with the author's options; null otherwise. */
  readonly embed: EmbedOptions | null
  /** `from`/`to`: the steps the lesson is locked to (whole-lesson numbers); null for the whole lesson. */
  readonly range: { readonly from: number; readonly to: number } | null
}

export interface PlayerActions {
  next(): void
  prev(): void
  first(): void
  last(): void
  goTo(step: number): void
  /** The learner picked a step (a row, a tick, the scrubber): playback pauses there. */
  seek(step: number): void
  togglePlay(): void
  pause(): void
  setSpeed(speed: Speed): void
  setLang(lang: Lang): void
  /** Loads and shows a lesson; when several picks overlap, the last one wins. */
  setScenario(id: string): Promise<void>
  toggleHex(): void
  toggleView(): void
  /** Predict mode: answer the question at the cursor, then the reply is shown. */
  answer(value: string): void
  /** Shows a lesson made in the page (the sandbox), at `step` (default: its end). */
  showLesson(lesson: Lesson, step?: number): void
  setSandbox(sandbox: SandboxState | null): void
  /** Jumps to the first step of the next phase (connection, greeting, TLS, authentication, envelope, message, close). */
  nextPhase(): void
  /** Jumps to the start of the phase on screen, or of the one before when already there. */
  prevPhase(): void
  /** Moves to a step another window chose (the presenter): questions passed on the way count as revealed. */
  syncTo(step: number): void
  setBlank(blank: boolean): void
  /** Shows only these layers' steps (null: all); the step on screen stays the one shown, or the last before it. */
  setLayers(layers: readonly Layer[] | null): void
}

export type Player = PlayerState & PlayerActions
export type PlayerStore = StoreApi<Player>

/** The lesson's length. */
export const totalOf = (s: Pick<PlayerState, 'lesson'>): number => s.lesson?.timeline.steps.length ?? 0

/** The first and the last step the learner can reach: the whole lesson, or the range an embed locked it to. */
export const firstStepOf = (s: Pick<PlayerState, 'range'>): number => s.range?.from ?? 0
export const lastStepOf = (s: Pick<PlayerState, 'lesson' | 'range'>): number => Math.min(totalOf(s), s.range?.to ?? Infinity)

/** The phase on screen: the last one that began at or before the current step (undefined before the first step). */
export const phaseOnScreen = (s: Pick<PlayerState, 'lesson' | 'step'>): Phase | undefined => s.lesson?.phases.filter((p) => p.index < s.step).at(-1)?.phase

/** The name of the BroadcastChannel the windows of one browser keep in step over (store/sync.ts). */
export const SYNC_CHANNEL = 'mail-seq.sync'

/** Predict mode: the cursor stands before a reply that has not been guessed yet. */
export function waitingForAnswer(s: PlayerState): boolean {
  if (!s.predict) return false
  return nextOpenQuestion(s.lesson?.timeline.steps ?? [], s.answers) === s.step
}

export interface PlayerInit {
  readonly page?: string
  readonly predict?: boolean
  readonly scenarioId: string
  readonly lesson?: Lesson | null
  readonly missingScenario?: string | null
  readonly step?: number
  readonly lang: Lang
  readonly view?: View
  readonly loadError?: string | null
  readonly embed?: EmbedOptions | null
  readonly range?: { readonly from: number; readonly to: number } | null
  readonly layers?: readonly Layer[] | null
}

/** The lesson on screen for a whole lesson and the layers chosen (lessons/layers.ts). */
function layered(base: Lesson | null, layers: readonly Layer[] | null): Pick<PlayerState, 'base' | 'lesson' | 'layersFallback'> {
  const lesson = base && layers ? filterLesson(base, layers) : base
  return { base, lesson: lesson ?? base, layersFallback: lesson === null }
}

/** How many of the whole lesson's steps are behind the cursor (`origin`: the whole lesson's index of each step shown). */
const wholeSteps = (lesson: Lesson | null, step: number): number => (step > 0 ? (lesson?.origin?.[step - 1] ?? step - 1) + 1 : 0)

export function createPlayerStore(initial: PlayerInit): PlayerStore {
  /** Each pick of a lesson gets a number; only the newest pick may show its lesson. */
  let picks = 0
  return createStore<Player>()((set, get) => {
    // In predict mode the cursor cannot pass a reply the learner has not guessed yet.
    const limit = (): number => {
      const s = get()
      const total = lastStepOf(s)
      if (!s.predict) return total
      const open = nextOpenQuestion(s.lesson?.timeline.steps ?? [], s.answers)
      return open < 0 ? total : open
    }
    const goTo = (n: number) => {
      const max = limit()
      const min = Math.min(max, get().range?.from ?? 0)
      const step = Math.min(max, Math.max(min, Math.trunc(n)))
      set(step >= max && max < totalOf(get()) ? { step, playing: false } : { step })
    }
    const predict = initial.predict ?? false
    const layers = initial.layers ?? null
    const shown = layered(initial.lesson ?? null, layers)
    const lesson = shown.lesson
    return {
      page: initial.page ?? 'play',
      predict,
      scenarioId: initial.scenarioId,
      ...shown,
      layers,
      missingScenario: initial.missingScenario ?? null,
      // Predict mode starts at the beginning: a deep link must not skip the questions. A range holds the step.
      step: Math.min(lastStepOf({ lesson, range: initial.range ?? null }), Math.max(initial.range?.from ?? 0, predict ? 0 : (initial.step ?? 0))),
      lang: initial.lang,
      playing: false,
      speed: 1,
      hex: false,
      answers: {},
      view: initial.view ?? 'learner',
      loadError: initial.loadError ?? null,
      sandbox: null,
      blank: false,
      embed: initial.embed ?? null,
      range: initial.range ?? null,
      goTo,
      seek: (n) => {
        set({ playing: false })
        goTo(n)
      },
      next: () => goTo(get().step + 1),
      prev: () => {
        set({ playing: false })
        goTo(get().step - 1)
      },
      // In predict mode, back to the start means a new attempt.
      first: () => {
        set(get().predict ? { playing: false, answers: {} } : { playing: false })
        goTo(0)
      },
      last: () => {
        set({ playing: false })
        goTo(Infinity)
      },
      togglePlay: () => {
        const s = get()
        // Play at the end starts over, as a media player does (not in predict mode: that would erase the quiz).
        if (!s.playing && s.step >= lastStepOf(s) && !s.predict) set({ step: firstStepOf(s) })
        set({ playing: !s.playing })
      },
      pause: () => set({ playing: false }),
      setSpeed: (speed) => set({ speed }),
      setLang: (lang) => {
        set({ lang })
        // A compiled lesson came with one language's captions: fetch the other's.
        const lesson = get().base
        if (lesson)
          void withLanguage(lesson, lang).then(
            (next) => {
              if (next && get().base === lesson) set(layered(next, get().layers))
            },
            () => set({ loadError: lesson.id }),
          )
      },
      setScenario: async (id) => {
        const mine = ++picks
        set({ playing: false })
        // The lesson is fetched first, so the page never shows a scenario without its steps.
        try {
          const next = await loadLesson(id, get().lang)
          if (mine === picks) set({ scenarioId: id, ...layered(next, get().layers), missingScenario: null, step: 0, loadError: null, answers: {} })
        } catch {
          if (mine === picks) set({ loadError: id })
        }
      },
      toggleHex: () => set({ hex: !get().hex }),
      toggleView: () => set({ view: get().view === 'learner' ? 'eavesdropper' : 'learner' }),
      answer: (value) => {
        const s = get()
        if (!s.predict) return
        const open = nextOpenQuestion(s.lesson?.timeline.steps ?? [], s.answers)
        if (open < 0 || open !== s.step) return
        set({ answers: { ...s.answers, [open]: value } })
        goTo(open + 1)
      },
      showLesson: (next, step) => {
        picks++ // a lesson shown here also outranks a pick still loading
        const total = next.timeline.steps.length
        // The sandbox's and an import's lessons are shown whole: they grow step by step from what is on screen.
        set({
          scenarioId: next.id,
          lesson: next,
          base: next,
          layersFallback: false,
          missingScenario: null,
          step: Math.min(total, step ?? total),
          loadError: null,
        })
      },
      setSandbox: (sandbox) => set({ sandbox }),
      nextPhase: () => {
        const s = get()
        const next = s.lesson?.phases.find((p) => p.index + 1 > s.step)
        if (next) s.seek(next.index + 1)
      },
      prevPhase: () => {
        const s = get()
        const before = s.lesson?.phases.filter((p) => p.index + 1 < s.step) ?? []
        s.seek(before.length > 0 ? (before[before.length - 1]?.index ?? 0) + 1 : 0)
      },
      syncTo: (n) => {
        const s = get()
        if (s.predict && s.lesson) {
          // The class saw the answer on the presenter's word: the questions passed are revealed, not scored.
          const answers = { ...s.answers }
          s.lesson.timeline.steps.forEach((step, i) => {
            if (i < n && answers[i] === undefined && isQuestion(step)) answers[i] = ''
          })
          set({ answers })
        }
        s.seek(n)
      },
      setBlank: (blank) => set({ blank }),
      setLayers: (layers) => {
        const s = get()
        const behind = wholeSteps(s.lesson, s.step)
        const shown = layered(s.base, layers)
        // The new cursor shows every step of the new choice up to the whole-lesson position on screen now.
        const origin = shown.lesson?.origin
        const step = origin ? origin.filter((o) => o < behind).length : behind
        // Predict mode's answers are kept by step number, which just changed: the quiz starts over.
        set({ ...shown, layers, playing: false, answers: {}, step: s.predict ? 0 : step })
        goTo(get().step)
      },
    }
  })
}
