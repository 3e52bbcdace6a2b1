// One place that knows every engine (CONTRACT.md §1 createServer).
import { createImapServer } from './imap/server'
import { createPop3Server } from './pop3/server'
import { createSmtpServer } from './smtp/server'
import type { Protocol, Server, ServerOptions } from './types'

export function createServer(protocol: Protocol, options?: ServerOptions): Server {
  switch (protocol) {
    case 'smtp':
      return createSmtpServer(options)
    case 'pop3':
      return createPop3Server(options)
    case 'imap':
      return createImapServer(options)
  }
}
