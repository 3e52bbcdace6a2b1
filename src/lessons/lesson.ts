// What the player shows: a timeline and each step's caption. Lessons arrive compiled (compile.ts, at build
// time); the sandbox makes its own as the learner types, captioning only the steps that are new.
import { captionOf, type Caption } from '../content'
import type { Bilingual, Protocol, Timeline } from '../model'
import { phaseStarts, type PhaseStart, type PhaseState } from './phases'

/** What the page shell needs to list a lesson, without its steps or notes. */
export interface LessonInfo {
  readonly id: string
  readonly protocol: Protocol
  readonly order: number
  readonly title: Bilingual
}

export interface Lesson {
  readonly id: string
  readonly title: Bilingual
  readonly summary: Bilingual
  readonly timeline: Timeline
  /** captions[i] explains timeline.steps[i]; a compiled lesson arrives with the page's language and fetches the other on demand. */
  readonly captions: readonly (Partial<Caption> | null)[]
  /** Where each phase begins (chapter marks, phase jumps). */
  readonly phases: readonly PhaseStart[]
  /** Where the phase classification stands after the last step. */
  readonly phaseState: PhaseState
  /** With layers hidden (`layers=`, lessons/layers.ts): the whole lesson's index of each step shown. */
  readonly origin?: readonly number[]
}

/** A lesson with its captions in every language (compiled at build time, or made in the page). */
export interface FullLesson extends Lesson {
  readonly captions: readonly (Caption | null)[]
}

/** A lesson for `timeline`; the captions of `previous` are kept for the steps the two share. */
export function lessonOf(meta: Pick<Lesson, 'id' | 'title' | 'summary'>, timeline: Timeline, previous?: FullLesson | null): FullLesson {
  const steps = timeline.steps
  // A grown timeline keeps its step objects: the first and last shared step say whether it is the same one.
  const old = previous?.timeline.steps ?? []
  const n = old.length
  const kept = previous && n > 0 && n <= steps.length && old[0] === steps[0] && old[n - 1] === steps[n - 1] ? previous.captions : []
  const captions = kept.slice()
  for (let i = kept.length; i < steps.length; i++) captions.push(captionOf(steps[i] as (typeof steps)[number]) ?? null)
  const more = previous && kept.length > 0 ? phaseStarts(steps, kept.length, previous.phaseState) : phaseStarts(steps)
  const phases = previous && kept.length > 0 ? [...previous.phases, ...more.starts] : more.starts
  return { id: meta.id, title: meta.title, summary: meta.summary, timeline, captions, phases, phaseState: more.state }
}
