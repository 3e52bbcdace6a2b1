// The engine's public face (CONTRACT.md §1). Importable from plain Node: no DOM, no React.
export { createServer } from './engines'
export type { Protocol, Server, ServerOptions, ServerTurn, EngineReply, EngineEvent, ReplyClass, Layer, DeliveredMessage } from './types'
export { PORTS, IMPLICIT_TLS_PORTS, DEFAULT_HOSTNAME, DEFAULT_MAILBOX, defaultPort } from './defaults'
export { toBase64, fromBase64, byteLength } from './encoding'
export { buildTimeline } from './session'
export type { Action, Actor, Bilingual, ClientSpec, ServerSpec, SessionSpec, Step, StepKind, Timeline } from './session'
