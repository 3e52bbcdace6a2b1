// The IMAP engine's public surface (CONTRACT.md §1): createImapServer for the sandbox and sessions,
// the pure imapOpen/imapStep, the response table and the command list for captions.
export { IMAP_COMMANDS, IMAP_CONTINUATION_KINDS, IMAP_LINE_RFC, IMAP_RFC_RESULTS, IMAP_STATES, commandAllowed, commandScope } from './commands'
export type { ImapCommand, ImapCommandScope, ImapContinuationKind, ImapLineKind, ImapState } from './commands'
export { MAX_LINE, MAX_LITERAL, imapCapabilities, imapOpen, imapStep, withWorld } from './machine'
export type { ImapPending, ImapSession, ImapStepResult, SelectedView } from './machine'
export { IMAP_RESPONSES, IMAP_RESPONSE_IDS, imapReplyClass } from './responses'
export type { ImapFraming, ImapResponseDef, ImapResponseId, ImapStatus } from './responses'
export { createImapServer, imapEngine, imapFault } from './server'
export type { ImapServer } from './server'
export { SYSTEM_FLAGS, buildWorld, createImapStore, deliverToImapStore, readImapMailbox } from './store'
export type { ImapMailbox, ImapMessage, ImapStore, ImapWorld } from './store'
export { authenticateSecret, imapCommandOf, imapLineKind, loginSecret } from './lines'
