// The POP3 engine's public surface.
export { createPop3Server, pop3Engine } from './server'
export type { Pop3Server } from './server'
export {
  pop3Open, pop3Step, pop3Mailbox, pop3Capabilities, POP3_STATES, POP3_SASL_MECHANISMS,
} from './machine'
export type { Pop3Session, Pop3State, Pop3Turn, Pop3Result, Pop3Mechanism } from './machine'
export {
  POP3_COMMANDS, POP3_COMMAND_RFC, OBSOLETE_POP3_COMMANDS, MAX_COMMAND_OCTETS, pop3CommandOf, parsePop3Line,
} from './commands'
export type { Pop3Command, Pop3LineKind, Pop3CommandLine } from './commands'
export { POP3_REPLIES, POP3_REPLY_IDS, pop3Reply, pop3MultiReply, dotStuff } from './replies'
export type { Pop3ReplyId, Pop3ReplyDef, Pop3ReplyArgs, Pop3Status } from './replies'
export { toCrlf, uniqueIds } from './maildrop'
export { apopDigest } from './apop'
export type { Pop3Message, Pop3Drop } from './maildrop'
