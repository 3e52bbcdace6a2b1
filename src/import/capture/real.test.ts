// The real captures in fixtures/real-sessions/pcap (Postfix 3.7 and Dovecot 2.3, recorded on loopback with
// tcpdump): each connection's reassembled lines must equal the C:/S: lines of the transcript recorded with it.
// The expectations come from the transcripts, never from this reader's output.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { ImportedConnection } from '../types'
import { readCapture } from './index'

const DIR = join(__dirname, '../../../fixtures/real-sessions')
const latin1File = (path: string) => readFileSync(path).toString('latin1')

interface Transcript {
  /** `C: line` / `S: line`, CRLF kept, up to the TLS handshake note (or the end). */
  lines: string[]
  client: { ip: string; port: number }
  server: { ip: string; port: number }
  /** The transcript says TLS started (its lines after that are decrypted, not on the wire as text). */
  tls: boolean
}

function transcript(name: string): Transcript {
  const text = latin1File(join(DIR, `${name}.txt`))
  const m = /^# connection: TCP client ([\d.]+):(\d+) -> server ([\d.]+):(\d+)$/m.exec(text)
  if (!m) throw new Error(`${name}.txt has no connection line`)
  const lines: string[] = []
  let tls = false
  for (const raw of text.split('\n')) {
    if (raw.startsWith('# --- TLS handshake')) {
      tls = true
      break
    }
    // Wire lines end in CRLF; the split took the LF.
    if (raw.startsWith('C: ') || raw.startsWith('S: ')) lines.push(`${raw}\n`)
  }
  return { lines, client: { ip: m[1]!, port: Number(m[2]) }, server: { ip: m[3]!, port: Number(m[4]) }, tls }
}

/** The connection's plaintext data, line by line, as `C: `/`S: ` + the wire octets. */
function wireLines(c: ImportedConnection): string[] {
  const out: string[] = []
  for (const k of c.chunks) {
    if (k.data === '') continue
    const prefix = k.from === 'client' ? 'C: ' : 'S: '
    for (const line of k.data.split(/(?<=\n)/)) out.push(prefix + line)
  }
  return out
}

const pcaps = readdirSync(join(DIR, 'pcap')).filter((f) => f.endsWith('.pcap'))
const paired = pcaps.map((f) => f.replace(/\.pcap$/, '')).filter((n) => pcaps.includes(`${n}.pcap`) && readdirSync(DIR).includes(`${n}.txt`))

test('the fixtures hold the captures this test expects (a new one is compared too)', () => {
  expect(paired.length).toBeGreaterThanOrEqual(6)
})

describe.each(paired)('%s.pcap', (name) => {
  const t = transcript(name)
  const result = readCapture(new Uint8Array(readFileSync(join(DIR, 'pcap', `${name}.pcap`))))
  const mail = result.connections.filter((c) => c.protocol !== 'unknown')

  test('one mail connection, between the endpoints the transcript names, with its handshake and close', () => {
    expect(result.source).toBe('pcap')
    expect(mail).toHaveLength(1)
    const c = mail[0]!
    expect(c.client).toEqual(t.client)
    expect(c.server).toEqual(t.server)
    expect(c.protocol).toBe(name.split('_')[0])
    expect(c.midstream).toBeUndefined()
    expect(c.chunks.slice(0, 3).map((k) => k.flags)).toEqual([['SYN'], ['SYN', 'ACK'], ['ACK']])
    expect(c.chunks.slice(0, 3).map((k) => k.from)).toEqual(['client', 'server', 'client'])
    // Both FINs are there (the fixture README: the server closes first).
    const fins = c.chunks.filter((k) => k.flags?.includes('FIN') && k.len === 0)
    expect(fins.map((k) => k.from)).toEqual(['server', 'client'])
  })

  test('its lines, in order, are the C:/S: lines of the transcript', () => {
    const lines = wireLines(mail[0]!)
    if (!t.tls) expect(lines).toEqual(t.lines)
    else expect(lines.slice(0, t.lines.length)).toEqual(t.lines)
    expect(mail[0]!.chunks.some((k) => k.partial)).toBe(false)
  })

  test('each chunk is one write: the sides alternate, and the relative sequence numbers run on without a hole', () => {
    const data = mail[0]!.chunks.filter((k) => k.len !== 0)
    for (let i = 1; i < data.length; i++) expect(data[i]!.from).not.toBe(data[i - 1]!.from)
    for (const from of ['client', 'server'] as const) {
      const mine = data.filter((k) => k.from === from)
      expect(mine[0]!.seq).toBe(1)
      for (let i = 1; i < mine.length; i++) expect(mine[i]!.seq).toBe(mine[i - 1]!.seq! + mine[i - 1]!.len!)
    }
  })

  if (t.tls)
    test('after the 220 to STARTTLS, both sides send TLS records, which add up to every octet sent', () => {
      const c = mail[0]!
      const data = c.chunks.filter((k) => k.len !== 0)
      // The reply to the client's STARTTLS line is the last plaintext (RFC 3207 §4); the transcript has it as 220.
      const reply = data.findIndex((_, j) => j > 0 && data[j - 1]!.data === 'STARTTLS\r\n')
      expect(data[reply]!.data).toBe(t.lines.at(-1)!.slice(3))
      const after = data.slice(reply + 1)
      expect(after.length).toBeGreaterThan(2)
      for (const k of after) {
        expect(k.data).toBe('')
        expect(k.tlsRecords?.length).toBeGreaterThan(0)
        // Records straddle chunks only when TCP splits them; here each write is whole records.
        expect(k.tlsRecords!.reduce((a, b) => a + b, 0)).toBe(k.len)
      }
      expect(new Set(after.map((k) => k.from))).toEqual(new Set(['client', 'server']))
      // The client's first record is its ClientHello: the first thing sent after the 220.
      expect(after[0]!.from).toBe('client')
    })
})

test('smtp_submission_auth_plaintext.pcap (no transcript beside it): an SMTP session from greeting to 221', () => {
  const r = readCapture(new Uint8Array(readFileSync(join(DIR, 'pcap', 'smtp_submission_auth_plaintext.pcap'))))
  expect(r.connections).toHaveLength(1)
  const lines = wireLines(r.connections[0]!)
  expect(r.connections[0]!.server.port).toBe(587)
  // Every line ends in CRLF (RFC 5321 §2.3.8), the server greets first and says goodbye last (§4.2, §4.1.1.10).
  for (const l of lines) expect(l.endsWith('\r\n')).toBe(true)
  expect(lines[0]).toMatch(/^S: 220 /)
  expect(lines.at(-1)).toMatch(/^S: 221 /)
  expect(lines).toContain('C: AUTH PLAIN\r\n')
  expect(lines.filter((l) => l.startsWith('C: ')).length).toBeGreaterThan(5)
})
