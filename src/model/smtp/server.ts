// The thin stateful facade over the pure SMTP transition (CONTRACT.md §1).
import { IMPLICIT_TLS_PORTS, resolveOptions } from '../defaults'
import { createFacade, type EngineServer, type PureEngine } from '../facade'
import type { ServerOptions, ServerTurn } from '../types'
import { smtpFault, smtpOpen, smtpStep, type SmtpSession } from './machine'

export type SmtpServer = EngineServer<SmtpSession, ServerTurn>

/** The pure SMTP engine as the facade takes it (tests wrap it to plant faults). */
export function smtpEngine(options: ServerOptions = {}): PureEngine<SmtpSession, ServerTurn> {
  return {
    open: () => smtpOpen(options),
    step: smtpStep,
    state: (s) => s.state,
    closed: (s) => s.state === 'closed',
    secure: (s) => s.secure,
    fault: smtpFault,
    initialState: 'connected',
    initiallySecure: () => IMPLICIT_TLS_PORTS.includes(resolveOptions('smtp', options).port),
  }
}

export function createSmtpServer(options: ServerOptions = {}): SmtpServer {
  return createFacade(smtpEngine(options))
}
