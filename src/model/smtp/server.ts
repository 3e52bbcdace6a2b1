// The thin stateful facade over the pure SMTP transition (CONTRACT.md §1).
import { IMPLICIT_TLS_PORTS, resolveOptions } from '../defaults'
import { createFacade, type EngineServer } from '../facade'
import type { ServerOptions, ServerTurn } from '../types'
import { smtpFault, smtpOpen, smtpStep, type SmtpSession } from './machine'

export type SmtpServer = EngineServer<SmtpSession, ServerTurn>

export function createSmtpServer(options: ServerOptions = {}): SmtpServer {
  return createFacade<SmtpSession, ServerTurn>({
    open: () => smtpOpen(options),
    step: smtpStep,
    state: (s) => s.state,
    closed: (s) => s.state === 'closed',
    secure: (s) => s.secure,
    fault: smtpFault,
    initialState: 'connected',
    initiallySecure: () => IMPLICIT_TLS_PORTS.includes(resolveOptions('smtp', options).port),
  })
}
