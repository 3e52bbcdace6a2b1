// The thin stateful facade over the pure POP3 transition (CONTRACT.md §1).
import { IMPLICIT_TLS_PORTS, resolveOptions } from '../defaults'
import { createFacade, withGetters, type EngineServer, type PureEngine } from '../facade'
import type { ServerOptions } from '../types'
import { pop3Fault, pop3Mailbox, pop3Open, pop3Step, type Pop3Session, type Pop3Turn } from './machine'

export interface Pop3Server extends EngineServer<Pop3Session, Pop3Turn> {
  /** Every user's maildrop now; pass it as `options.mailbox` to a later connection (another device). */
  readonly mailbox: Record<string, string[]>
}

/** The pure POP3 engine as the facade takes it (tests wrap it to plant faults). */
export function pop3Engine(options: ServerOptions = {}): PureEngine<Pop3Session, Pop3Turn> {
  return {
    open: () => pop3Open(options),
    step: pop3Step,
    state: (s) => s.state,
    closed: (s) => s.state === 'closed',
    secure: (s) => s.secure,
    fault: pop3Fault,
    initialState: 'authorization',
    initiallySecure: () => IMPLICIT_TLS_PORTS.includes(resolveOptions('pop3', options).port),
  }
}

export function createPop3Server(options: ServerOptions = {}): Pop3Server {
  // Opening is lazy and idempotent, so receive() before open() answers as if the greeting had been sent.
  const server = createFacade(pop3Engine(options))
  return withGetters<EngineServer<Pop3Session, Pop3Turn>, { mailbox: Record<string, string[]> }>(server, { mailbox: () => pop3Mailbox(server.session) })
}
