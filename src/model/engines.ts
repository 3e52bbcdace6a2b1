// One place that knows every engine (CONTRACT.md §1 createServer).
import { createSmtpServer } from './smtp/server'
import type { Protocol, Server, ServerOptions } from './types'

export function createServer(protocol: Protocol, options?: ServerOptions): Server {
  switch (protocol) {
    case 'smtp': return createSmtpServer(options)
    case 'pop3':
    case 'imap':
      throw new Error(`${protocol} engine: not wired yet`)
  }
}
