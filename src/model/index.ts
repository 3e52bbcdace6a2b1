// The engine's public face (CONTRACT.md §1). Importable from plain Node: no DOM, no React.
import { createSmtpServer } from './smtp/server'
import type { Protocol, Server, ServerOptions } from './types'

export type { Protocol, Server, ServerOptions, ServerTurn, EngineReply, EngineEvent, ReplyClass, Layer, DeliveredMessage } from './types'
export { PORTS, IMPLICIT_TLS_PORTS, DEFAULT_HOSTNAME, DEFAULT_MAILBOX, defaultPort } from './defaults'
export { toBase64, fromBase64, byteLength } from './encoding'

export function createServer(protocol: Protocol, options?: ServerOptions): Server {
  switch (protocol) {
    case 'smtp': return createSmtpServer(options)
    case 'pop3':
    case 'imap':
      throw new Error(`${protocol} engine: not wired yet`)
  }
}
