// The thin stateful facade over the pure SMTP transition (CONTRACT.md §1).
import type { Server, ServerOptions, ServerTurn } from '../types'
import { smtpOpen, smtpStep, type SmtpSession } from './machine'

export function createSmtpServer(options: ServerOptions = {}): Server & { readonly session: SmtpSession } {
  let session: SmtpSession | null = null
  let greeting: ServerTurn | null = null
  const ensure = (): SmtpSession => {
    if (!session) {
      const r = smtpOpen(options)
      session = r.session
      greeting = r.turn
    }
    return session
  }
  return {
    openTurn() {
      ensure()
      return greeting as ServerTurn
    },
    open() {
      return this.openTurn().replies.flatMap((r) => [...r.lines])
    },
    exchange(line: string) {
      const r = smtpStep(ensure(), line)
      session = r.session
      return r.turn
    },
    receive(line: string) {
      return this.exchange(line).replies.flatMap((r) => [...r.lines])
    },
    get state() { return ensure().state },
    get closed() { return ensure().state === 'closed' },
    get secure() { return ensure().secure },
    get session() { return ensure() },
  }
}
