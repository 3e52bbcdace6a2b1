// Which steps are predict-the-reply questions: all the page shell needs to hold the cursor before them.
import type { Step } from '../model'

/** A server's answer to something: the learner guesses it before it is shown. */
export function isQuestion(step: Step | undefined): boolean {
  return step !== undefined && step.kind.key === 'reply' && (step.replies?.length ?? 0) > 0
}

/** The first question not yet answered at or after `from`, or -1. */
export function nextOpenQuestion(steps: readonly Step[], answers: Readonly<Record<number, string>>, from = 0): number {
  for (let i = from; i < steps.length; i++) if (isQuestion(steps[i]) && answers[i] === undefined) return i
  return -1
}
