// The thin stateful facade over the pure POP3 transition (CONTRACT.md §1).
import type { Server, ServerOptions } from '../types'
import { pop3Mailbox, pop3Open, pop3Step, type Pop3Session, type Pop3Turn } from './machine'

export interface Pop3Server extends Server {
  openTurn(): Pop3Turn
  exchange(line: string): Pop3Turn
  /** The pure session behind the facade (immutable; replaced on every line). */
  readonly session: Pop3Session
  /** Every user's maildrop now; pass it as `options.mailbox` to a later connection (another device). */
  readonly mailbox: Record<string, string[]>
}

export function createPop3Server(options: ServerOptions = {}): Pop3Server {
  // The session exists from the start, so receive() before open() answers as if the greeting had been sent.
  const opened = pop3Open(options)
  let session: Pop3Session = opened.session
  return {
    openTurn() {
      return opened.turn
    },
    open() {
      return opened.turn.replies.flatMap((r) => [...r.lines])
    },
    exchange(line: string) {
      const r = pop3Step(session, line)
      session = r.session
      return r.turn
    },
    receive(line: string) {
      return this.exchange(line).replies.flatMap((r) => [...r.lines])
    },
    get state() { return session.state },
    get closed() { return session.state === 'closed' },
    get secure() { return session.secure },
    get session() { return session },
    get mailbox() { return pop3Mailbox(session) },
  }
}
