// Predict-the-reply: which steps are questions, what the choices are, and the score.
import type { Step } from '../model'
import { isQuestion } from './questions'

export { isQuestion, nextOpenQuestion } from './questions'

/** The status a learner names: 250, 354, +OK, -ERR, OK, NO, BAD, + (the last reply in the segment decides). */
export function answerOf(step: Step): string {
  const r = step.replies?.[step.replies.length - 1]
  if (!r) return ''
  if (step.layer === 'imap' && (r.status === '*' || r.status === 'PREAUTH')) return 'OK'
  return r.status
}

/** Plausible SMTP codes after each command (RFC 5321 §4.3.2), so that guessing means knowing. */
const SMTP_CHOICES: Record<string, readonly string[]> = {
  greeting: ['220', '250', '421', '554'],
  HELO: ['250', '220', '500', '503'],
  EHLO: ['250', '220', '500', '503'],
  MAIL: ['250', '354', '501', '503', '530', '550'],
  RCPT: ['250', '354', '450', '452', '503', '550'],
  DATA: ['354', '250', '503', '554'],
  '.': ['250', '354', '451', '552', '554'],
  RSET: ['250', '221', '501', '503'],
  QUIT: ['221', '250', '421', '500'],
  STARTTLS: ['220', '250', '454', '502', '554'],
  AUTH: ['235', '334', '503', '530', '535'],
  'sasl-response': ['235', '334', '501', '535'],
  NOOP: ['250', '221', '421', '500'],
  VRFY: ['250', '252', '502', '550'],
  HELP: ['214', '211', '250', '502'],
  pipeline: ['250', '354', '503', '550'],
  unknown: ['250', '500', '501', '503'],
}

/** What the client sent just before (or 'greeting'), to pick the SMTP choices. */
function askedBy(steps: readonly Step[], i: number): string {
  for (let j = i - 1; j >= 0; j--) {
    const s = steps[j]
    if (!s || s.to !== steps[i]?.from) continue
    if (s.layer === 'tcp' || s.layer === 'tls') return 'greeting'
    if (s.kind.key === 'pipeline') return 'pipeline'
    if (s.kind.key === 'command') return s.kind.command
    return 'unknown'
  }
  return 'greeting'
}

/** Four (or two, for POP3) choices, always including the right one, in a stable order. */
export function choicesFor(steps: readonly Step[], i: number): string[] {
  const step = steps[i]
  if (!step) return []
  const right = answerOf(step)
  let pool: readonly string[]
  switch (step.layer) {
    case 'pop3':
      pool = ['+OK', '-ERR']
      break
    case 'imap':
      pool = ['OK', 'NO', 'BAD', '+']
      break
    default:
      pool = SMTP_CHOICES[askedBy(steps, i)] ?? SMTP_CHOICES.unknown ?? []
  }
  const others = pool.filter((c) => c !== right)
  const picked = [right, ...others].slice(0, step.layer === 'smtp' ? 4 : pool.length)
  return step.layer === 'smtp' ? picked.sort() : pool.includes(right) ? [...pool] : [right, ...pool]
}

export interface Score {
  readonly correct: number
  readonly total: number
}

export function scoreOf(steps: readonly Step[], answers: Readonly<Record<number, string>>): Score {
  let correct = 0
  let total = 0
  steps.forEach((s, i) => {
    if (!isQuestion(s)) return
    total++
    if (answers[i] === answerOf(s)) correct++
  })
  return { correct, total }
}
