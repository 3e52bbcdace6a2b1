export { createSmtpServer, smtpEngine } from './server'
export type { SmtpServer } from './server'
export {
  smtpOpen,
  smtpStep,
  createSmtpSession,
  ehloKeywords,
  rfc5322Date,
  SMTP_COMMANDS,
  HARD_ERROR_LIMIT,
  MAX_RECIPIENTS,
  MAX_COMMAND_LINE,
  MAX_TEXT_LINE,
} from './machine'
export type { SmtpSession, SmtpState, SmtpCommand, SmtpResult } from './machine'
export { SMTP_REPLIES, SMTP_REPLY_IDS, RFC_REPLY_CODES } from './replies'
export type { SmtpReplyId, SmtpReplyDef } from './replies'
export { parsePath, parseParams, LIMITS } from './address'
export { SMTP_LINE_RFC, smtpCommandOf, smtpLineKind } from './command'
export type { SmtpLineKind } from './command'
export { SMTP_COMMAND_STATES, SMTP_GUARDS, SMTP_SEQUENCE, SMTP_TRANSITIONS, smtpCommandsIn, smtpConditions, smtpSequenceCheck } from './rules'
export type { SmtpCommandRule, SmtpCommandState, SmtpCondition, SmtpGuard, SmtpSequenceCell, SmtpTransition } from './rules'
