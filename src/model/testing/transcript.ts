// Reads the recorded transcripts in fixtures/real-sessions (format in their README). Test-only helper.
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const FIXTURES = resolve(process.cwd(), 'fixtures/real-sessions')

export interface Exchange {
  /** The client line, or null for the greeting. */
  readonly client: string | null
  /** The server lines that followed it before the next client line. */
  readonly server: string[]
}

export interface Transcript {
  readonly name: string
  readonly clientIp: string
  readonly serverPort: number
  readonly notes: string[]
  readonly exchanges: Exchange[]
}

export function parseTranscript(name: string, text: string): Transcript {
  const notes: string[] = []
  const exchanges: Exchange[] = [{ client: null, server: [] }]
  let clientIp = ''
  let serverPort = 0
  for (const raw of text.split('\n')) {
    if (raw.startsWith('# ')) {
      notes.push(raw.slice(2))
      const m = /^# connection: TCP client ([\d.]+):\d+ -> server [\d.]+:(\d+)/.exec(raw)
      if (m) {
        clientIp = m[1] ?? ''
        serverPort = Number(m[2])
      }
      continue
    }
    const line = raw.replace(/\r$/, '')
    if (line.startsWith('C: ')) exchanges.push({ client: line.slice(3), server: [] })
    else if (line.startsWith('S: ')) exchanges[exchanges.length - 1]?.server.push(line.slice(3))
  }
  return { name, clientIp, serverPort, notes, exchanges }
}

export function loadTranscript(file: string): Transcript {
  return parseTranscript(file, readFileSync(join(FIXTURES, file), 'utf8'))
}

export function listTranscripts(prefix: string): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.txt'))
    .sort()
}

/** SMTP reply line → code, continuation flag, enhanced code (RFC 5321 §4.2, RFC 3463). */
export function parseSmtpReply(line: string): { code: string; more: boolean; enhanced: string | null } {
  const m = /^(\d{3})([- ])(?:(\d\.\d{1,3}\.\d{1,3})(?: |$))?/.exec(line)
  if (!m) throw new Error(`not an SMTP reply: ${line}`)
  return { code: m[1] ?? '', more: m[2] === '-', enhanced: m[3] ?? null }
}
