// The phases of a session, as a teacher names them: connection, greeting, TLS, authentication, envelope,
// message, close. Derived from each step's kind, so that every lesson (and the sandbox) gets chapter marks.
import type { Step } from '../model'

export const PHASES = ['lookup', 'connection', 'greeting', 'tls', 'authentication', 'envelope', 'message', 'close'] as const
export type Phase = (typeof PHASES)[number]

/** Client lines by the phase they belong to (command names of every engine, upper case). */
const BY_COMMAND: Record<string, Phase> = {
  HELO: 'greeting',
  EHLO: 'greeting',
  CAPA: 'greeting',
  CAPABILITY: 'greeting',
  STARTTLS: 'tls',
  STLS: 'tls',
  AUTH: 'authentication',
  AUTHENTICATE: 'authentication',
  LOGIN: 'authentication',
  USER: 'authentication',
  PASS: 'authentication',
  APOP: 'authentication',
  'sasl-response': 'authentication',
  'auth-response': 'authentication',
  saslResponse: 'authentication',
  MAIL: 'envelope',
  RCPT: 'envelope',
  RSET: 'envelope',
  VRFY: 'envelope',
  EXPN: 'envelope',
  DATA: 'message',
  '.': 'message',
  body: 'message',
  // Reading mail (POP3, IMAP): the message phase of the receiving side.
  STAT: 'message',
  LIST: 'message',
  UIDL: 'message',
  RETR: 'message',
  TOP: 'message',
  DELE: 'message',
  LSUB: 'message',
  SELECT: 'message',
  EXAMINE: 'message',
  FETCH: 'message',
  'UID FETCH': 'message',
  STORE: 'message',
  'UID STORE': 'message',
  SEARCH: 'message',
  'UID SEARCH': 'message',
  COPY: 'message',
  'UID COPY': 'message',
  MOVE: 'message',
  EXPUNGE: 'message',
  APPEND: 'message',
  'literal-data': 'message',
  STATUS: 'message',
  CREATE: 'message',
  DELETE: 'message',
  CLOSE: 'message',
  UNSELECT: 'message',
  QUIT: 'close',
  LOGOUT: 'close',
}

/** Where each phase begins: the 0-based index of its first step. */
export interface PhaseStart {
  readonly index: number
  readonly phase: Phase
}

/** Where the classification stands after a step, to go on from there when the timeline grows. */
export interface PhaseState {
  readonly last: Phase
  readonly greeted: boolean
}

/**
 * The phase starts of steps[from..], given the state after steps[from - 1]. A line that belongs to no phase
 * (NOOP, an unknown command) stays in the phase before it.
 */
export function phaseStarts(
  steps: readonly Step[],
  from = 0,
  state: PhaseState = { last: 'connection', greeted: false },
): { starts: PhaseStart[]; state: PhaseState } {
  const starts: PhaseStart[] = []
  let { last, greeted } = state
  for (let i = from; i < steps.length; i++) {
    const k = (steps[i] as Step).kind
    let p: Phase
    if (k.layer === 'tcp') {
      p = k.key === 'syn' || k.key === 'syn-ack' || k.key === 'ack' || k.key === 'syn-dropped' ? 'connection' : 'close'
      if (k.key === 'syn') greeted = false
    } else if (k.layer === 'tls') p = 'tls'
    else if (k.layer === 'dns') p = 'lookup'
    else if (k.key === 'reply') {
      // The first reply on a connection is the greeting; any other answers the line before it.
      p = greeted ? last : 'greeting'
      greeted = true
    } else if (k.key === 'body') p = 'message'
    else if (k.key === 'pipeline') p = 'envelope'
    else p = k.key === 'command' ? (BY_COMMAND[k.command] ?? last) : last
    if (i === 0 || p !== last) starts.push({ index: i, phase: p })
    last = p
  }
  return { starts, state: { last, greeted } }
}

/** The cursor (steps shown) that shows the first step of the next phase after `step`, or null after the last. */
export function nextPhaseStep(steps: readonly Step[], step: number, starts: readonly PhaseStart[] = phaseStarts(steps).starts): number | null {
  const next = starts.find((s) => s.index + 1 > step)
  return next ? next.index + 1 : null
}

/** The cursor that shows the first step of the phase on screen, or of the one before when already there. */
export function prevPhaseStep(steps: readonly Step[], step: number, starts: readonly PhaseStart[] = phaseStarts(steps).starts): number {
  const before = starts.filter((s) => s.index + 1 < step)
  return before.length > 0 ? (before[before.length - 1]?.index ?? 0) + 1 : 0
}
