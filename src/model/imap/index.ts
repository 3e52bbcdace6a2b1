// The IMAP engine's public surface (CONTRACT.md §1): createImapServer for the sandbox and sessions,
// the pure imapOpen/imapStep, the response table and the command list for captions.
import { commandFromWords } from './commands'
import type { ImapCommand, ImapLineKind } from './commands'
import type { ImapSession } from './machine'

export { IMAP_COMMANDS, IMAP_CONTINUATION_KINDS, IMAP_LINE_RFC, IMAP_RFC_RESULTS, IMAP_STATES, commandAllowed, commandScope } from './commands'
export type { ImapCommand, ImapCommandScope, ImapContinuationKind, ImapLineKind, ImapState } from './commands'
export { MAX_LINE, MAX_LITERAL, imapCapabilities, imapOpen, imapStep, withWorld } from './machine'
export type { ImapPending, ImapSession, ImapStepResult, SelectedView } from './machine'
export { IMAP_RESPONSES, IMAP_RESPONSE_IDS, imapReplyClass } from './responses'
export type { ImapFraming, ImapResponseDef, ImapResponseId, ImapStatus } from './responses'
export { createImapServer } from './server'
export type { ImapServer } from './server'
export { SYSTEM_FLAGS, buildWorld, createImapStore, deliverToImapStore, readImapMailbox } from './store'
export type { ImapMailbox, ImapMessage, ImapStore, ImapWorld } from './store'

/** The command a client line carries, ignoring its tag: `a1 uid fetch 1 FLAGS` → 'UID FETCH'. */
export function imapCommandOf(line: string): ImapCommand | 'unknown' {
  const words = line.split(' ', 3)
  const first = words[1]
  if (first === undefined || first === '') return 'unknown'
  return commandFromWords(first, words[2]) ?? 'unknown'
}

/**
 * What a client line is, given the session it is sent to (the session *before* the line): literal data
 * and SASL responses are not commands, and the line that ends a literal belongs to its command.
 */
export function imapLineKind(session: ImapSession | null, line: string): ImapLineKind {
  const p = session?.pending ?? null
  if (p === null) return imapCommandOf(line)
  switch (p.kind) {
    case 'literal': return 'literal-data'
    case 'rest': return p.command
    case 'sasl': return 'sasl-response'
  }
}
