// The engine's public face (CONTRACT.md §1). Importable from plain Node: no DOM, no React.
export { createServer } from './engines'
export type {
  Protocol,
  Server,
  ServerOptions,
  ServerTurn,
  EngineReply,
  EngineEvent,
  ReplyClass,
  Layer,
  DeliveredMessage,
  ClientLine,
  Secret,
  ContinuationKind,
} from './types'
export { createFacade } from './facade'
export type { EngineServer, PureEngine, Transition } from './facade'
export { PORTS, IMPLICIT_TLS_PORTS, DEFAULT_HOSTNAME, DEFAULT_MAILBOX, defaultPort } from './defaults'
export { toBase64, fromBase64, byteLength } from './encoding'
export { buildTimeline, createTimelineBuilder, segmentOf } from './session'
export type {
  Action,
  Actor,
  Bilingual,
  ClientSpec,
  ConnectionStatus,
  ServerSpec,
  SessionSpec,
  Step,
  StepKind,
  DnsPurpose,
  Timeline,
  TimelineBuilder,
} from './session'
export { createSmtpServer } from './smtp/server'
export { createPop3Server } from './pop3/server'
export { createImapServer } from './imap/server'
export { createImapStore, readImapMailbox } from './imap/store'
export { pop3Mailbox } from './pop3/machine'
