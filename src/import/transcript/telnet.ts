// A telnet copy-paste: nothing marks who said what, so each line is read as a server line when it starts as
// servers' lines do (a 3-digit code, `+OK`/`-ERR`, `* `, `+ `, or an IMAP tag the client used earlier with
// OK/NO/BAD) and as a client line otherwise. Inside a POP3 multi-line answer, an SMTP message after 354 and
// an IMAP literal, the lines belong to the side that is sending the data.
import { buildTranscript, protocolOfGreeting, type TranscriptLine } from './build'
import type { ImportResult } from '../types'

/** telnet's own words, not on the wire. */
const TELNET_NOTE =
  /^(Trying [^ ]+\.\.\.|Connected to .+\.$|Escape character is .+|Connection closed by foreign host\.?|telnet> .*|\$ telnet .*|\$ nc .*|\$ openssl s_client.*)$/

export function isServerLike(line: string, tags: ReadonlySet<string>): boolean {
  if (/^\d{3}(?:[ -]|$)/.test(line)) return true
  if (/^(?:\+OK|-ERR)(?:\s|$)/.test(line)) return true
  if (line.startsWith('* ') || line === '+' || line.startsWith('+ ')) return true
  const sp = line.indexOf(' ')
  if (sp > 0 && tags.has(line.slice(0, sp))) return /^(?:OK|NO|BAD)(?:\s|$)/i.test(line.slice(sp + 1))
  return false
}

export function looksLikeTelnet(lines: readonly string[]): boolean {
  const first = lines.find((l) => l.trim() !== '' && !TELNET_NOTE.test(l))
  return protocolOfGreeting(first) !== 'unknown'
}

/** POP3 commands whose +OK is followed by lines up to a lone "." (RFC 1939 §3, RFC 2449 §5). */
function pop3MultiLine(command: string): boolean {
  const [verb = '', ...args] = command.trim().split(/\s+/)
  const v = verb.toUpperCase()
  return v === 'CAPA' || v === 'RETR' || v === 'TOP' || ((v === 'LIST' || v === 'UIDL' || v === 'AUTH') && args.length === 0)
}

/** `{n}` / `{n+}` at the end of an IMAP line (RFC 9051 §4.3, RFC 7888). */
function literalAtEnd(line: string): { n: number; sync: boolean } | null {
  const m = /\{(\d{1,10})(\+?)\}$/.exec(line)
  return m ? { n: Number(m[1]), sync: m[2] !== '+' } : null
}

export function readTelnet(lines: readonly string[]): ImportResult {
  const out: TranscriptLine[] = []
  const tags = new Set<string>()
  const firstIndex = lines.findIndex((l) => l.trim() !== '' && !TELNET_NOTE.test(l))
  const protocol = protocolOfGreeting(lines[firstIndex])
  let lastClient = ''
  /** Lines still owed to one side: a POP3 multi-line answer, a message after 354, an IMAP literal. */
  let dataFrom: 'client' | 'server' | null = null
  let dotEnds = false
  let literalLeft = 0
  let tailOwed = false
  let pendingClientLiteral = 0
  for (let i = Math.max(0, firstIndex); i < lines.length; i++) {
    const line = lines[i] as string
    if (dataFrom !== null) {
      out.push({ from: dataFrom, text: line })
      if (dotEnds) {
        if (line === '.') dataFrom = null
      } else if (tailOwed) {
        // The line that goes on after a literal: the rest of the same response or command.
        const lit = literalAtEnd(line)
        tailOwed = false
        if (lit && lit.n > 0) literalLeft = lit.n
        else dataFrom = null
      } else {
        literalLeft -= line.length + 2
        if (literalLeft === 0) tailOwed = true
        else if (literalLeft < 0) {
          // The literal ended inside this line: what follows it is the rest of the same response or command.
          const lit = literalAtEnd(line)
          literalLeft = lit ? lit.n : 0
          if (literalLeft === 0) dataFrom = null
        }
      }
      continue
    }
    if (out.length === 0 && TELNET_NOTE.test(line)) continue
    if (TELNET_NOTE.test(line) && i > firstIndex) continue
    const server = out.length === 0 ? true : isServerLike(line, tags)
    if (server) {
      out.push({ from: 'server', text: line })
      if (protocol === 'pop3' && /^\+OK/.test(line) && pop3MultiLine(lastClient)) {
        dataFrom = 'server'
        dotEnds = true
        lastClient = ''
      } else if (protocol === 'smtp' && /^354(?:[ -]|$)/.test(line)) {
        dataFrom = 'client'
        dotEnds = true
      } else if (protocol === 'imap' && pendingClientLiteral > 0 && (line === '+' || line.startsWith('+ '))) {
        dataFrom = 'client'
        dotEnds = false
        literalLeft = pendingClientLiteral
        pendingClientLiteral = 0
      } else if (protocol === 'imap') {
        const lit = literalAtEnd(line)
        if (lit && lit.n > 0) {
          dataFrom = 'server'
          dotEnds = false
          literalLeft = lit.n
        }
      }
      continue
    }
    out.push({ from: 'client', text: line })
    lastClient = line
    if (protocol === 'imap') {
      const sp = line.indexOf(' ')
      if (sp > 0 && pendingClientLiteral === 0) tags.add(line.slice(0, sp))
      const lit = literalAtEnd(line)
      if (lit && lit.n > 0) {
        if (lit.sync) pendingClientLiteral = lit.n
        else {
          dataFrom = 'client'
          dotEnds = false
          literalLeft = lit.n
        }
      }
    }
  }
  return buildTranscript('telnet', out, lines.length)
}
