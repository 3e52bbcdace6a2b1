// Each text format read into the same writes as the S:/C: fixture it was made from (the expectation is computed
// here from the fixture's own marks, not by the reader under test).
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ImportError } from '../types'
import { detectTranscript, fromBinary, readTranscript } from './index'

const DIR = join(process.cwd(), 'fixtures/real-sessions')
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.txt'))
const read = (f: string) => readFileSync(join(DIR, f), 'utf8')

/** Runs of lines from one side, from the S:/C: marks. */
function runs(sc: string): { from: 'client' | 'server'; lines: string[] }[] {
  const out: { from: 'client' | 'server'; lines: string[] }[] = []
  for (const l of sc.split(/\r?\n/)) {
    const side = l.startsWith('S: ') ? 'server' : l.startsWith('C: ') ? 'client' : null
    if (!side) continue
    const last = out[out.length - 1]
    if (last?.from === side) last.lines.push(l.slice(3))
    else out.push({ from: side, lines: [l.slice(3)] })
  }
  return out
}

function writesOf(text: string) {
  const c = readTranscript(text).connections[0]
  return (c?.chunks ?? []).map((k) => ({ from: k.from, lines: fromBinary(k.data).split('\r\n').slice(0, -1) }))
}

const telnetOf = (sc: string) =>
  [
    'Trying 127.0.0.1...',
    'Connected to localhost.',
    "Escape character is '^]'.",
    ...runs(sc).flatMap((r) => r.lines),
    'Connection closed by foreign host.',
  ].join('\n')

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')

describe('S:/C: transcripts (the fixture format)', () => {
  for (const f of FILES) {
    it(`${f}: one write per run of lines, sides and endpoints from the header`, () => {
      const text = read(f)
      expect(detectTranscript(text)).toBe('sc')
      expect(writesOf(text)).toEqual(runs(text))
      const r = readTranscript(text)
      const header = /^# connection: TCP client (\S+):(\d+) -> server (\S+):(\d+)/m.exec(text)
      expect(r.connections[0]?.client).toEqual({ ip: header?.[1], port: Number(header?.[2]) })
      expect(r.connections[0]?.server).toEqual({ ip: header?.[3], port: Number(header?.[4]) })
      expect(r.connections[0]?.protocol).toBe(f.split('_')[0])
    })
  }
  it('lines after "# --- TLS" are marked as decrypted', () => {
    const c = readTranscript(read('smtp_starttls.txt')).connections[0]
    const firstTls = c?.chunks.findIndex((k) => k.decrypted) ?? -1
    expect(fromBinary(c?.chunks[firstTls]?.data ?? '')).toBe('EHLO client.example.test\r\n')
    expect(c?.chunks.slice(0, firstTls).some((k) => k.decrypted)).toBe(false)
  })
})

describe('a telnet copy-paste', () => {
  for (const f of FILES) {
    it(`${f} without its marks: the same writes`, () => {
      const text = telnetOf(read(f))
      expect(detectTranscript(text)).toBe('telnet')
      expect(writesOf(text)).toEqual(runs(read(f)))
    })
  }
})

describe('swaks output', () => {
  it('<- ->, then <~ ~> after STARTTLS, === notes skipped', () => {
    const text = [
      '=== Trying 127.0.0.1:25...',
      '=== Connected to 127.0.0.1.',
      '<-  220 mail.example.test ESMTP Postfix',
      ' -> EHLO client.example.test',
      '<-  250-mail.example.test',
      '<-  250 STARTTLS',
      ' -> STARTTLS',
      '<-  220 2.0.0 Ready to start TLS',
      '=== TLS started with cipher TLSv1.3:TLS_AES_256_GCM_SHA384:256',
      ' ~> EHLO client.example.test',
      '<~  250 mail.example.test',
      ' ~> QUIT',
      '<~  221 2.0.0 Bye',
      '=== Connection closed with remote host.',
    ].join('\n')
    expect(detectTranscript(text)).toBe('swaks')
    const c = readTranscript(text).connections[0]
    expect(c?.chunks.map((k) => [k.from, k.data, k.decrypted ?? false])).toEqual([
      ['server', '220 mail.example.test ESMTP Postfix\r\n', false],
      ['client', 'EHLO client.example.test\r\n', false],
      ['server', '250-mail.example.test\r\n250 STARTTLS\r\n', false],
      ['client', 'STARTTLS\r\n', false],
      ['server', '220 2.0.0 Ready to start TLS\r\n', false],
      ['client', 'EHLO client.example.test\r\n', true],
      ['server', '250 mail.example.test\r\n', true],
      ['client', 'QUIT\r\n', true],
      ['server', '221 2.0.0 Bye\r\n', true],
    ])
  })
})

describe('Wireshark "Follow TCP Stream"', () => {
  const sc = read('pop3_apop.txt')
  const expected = runs(sc)
  it('ASCII with Node 0/1 headers (tshark -z follow,tcp,ascii): byte counts, the second party indented', () => {
    // Node 0 spoke first: here the server (its greeting), so node 1 is the client, indented by a tab.
    const body = expected.flatMap((r) => {
      const data = r.lines.map((l) => `${l}\r\n`).join('')
      const tab = r.from === 'client' ? '\t' : ''
      return [`${tab}${data.length}`, ...r.lines.map((l) => `${tab}${l}`), '']
    })
    const text = [
      '='.repeat(67),
      'Follow: tcp,ascii',
      'Filter: tcp.stream eq 0',
      'Node 0: 127.0.0.1:110',
      'Node 1: 127.0.0.1:41290',
      ...body,
      '='.repeat(67),
    ].join('\n')
    expect(detectTranscript(text)).toBe('follow-ascii')
    expect(writesOf(text)).toEqual(expected)
    const c = readTranscript(text).connections[0]
    expect(c?.server).toEqual({ ip: '127.0.0.1', port: 110 })
    expect(c?.client).toEqual({ ip: '127.0.0.1', port: 41290 })
  })
  it('ASCII without headers: the indented party is the other side', () => {
    const text = expected.flatMap((r) => r.lines.map((l) => (r.from === 'client' ? `\t${l}` : l))).join('\n')
    expect(detectTranscript(text)).toBe('follow-ascii')
    expect(writesOf(text)).toEqual(expected)
  })
  it('YAML: peers and packets with !!binary base64 data', () => {
    const text = [
      'peers:',
      '  - peer: 0',
      '    host: 127.0.0.1',
      '    port: 110',
      '  - peer: 1',
      '    host: 127.0.0.1',
      '    port: 41290',
      'packets:',
      ...expected.flatMap((r, i) => {
        const data = b64(r.lines.map((l) => `${l}\r\n`).join(''))
        return [
          `  - packet: ${i + 4}`,
          `    peer: ${r.from === 'server' ? 0 : 1}`,
          `    index: ${i}`,
          `    timestamp: 1700000000.${i}`,
          '    data: !!binary |',
          `      ${data.slice(0, 60)}`,
          ...(data.length > 60 ? [`      ${data.slice(60)}`] : []),
        ]
      }),
    ].join('\n')
    expect(detectTranscript(text)).toBe('follow-yaml')
    expect(writesOf(text)).toEqual(expected)
    expect(readTranscript(text).connections[0]?.client.port).toBe(41290)
  })
})

describe('unreadable text', () => {
  it('garbage, empty text and a lone greeting give an ImportError with a sentence in each language', () => {
    for (const text of ['hello world\nnothing here', '', '   \n', '\u0000\u0001\u0002', '{"v":1}']) {
      let err: unknown
      try {
        readTranscript(text)
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(ImportError)
      expect((err as ImportError).en).toMatch(/\.$/)
      expect((err as ImportError).ja).toMatch(/。$/)
    }
  })

  it('fuzz: any text is read or refused with an ImportError, never another throw', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        'S: 220 x',
        'C: HELO a',
        '+OK',
        '* OK',
        'a1 OK',
        '<-  220 x',
        ' -> EHLO',
        '\t250 ok',
        'peers:',
        'packets:',
        '    data: !!binary |',
        'Node 0: 1.2.3.4:25',
        '# --- TLS',
        '{3}',
        'C: a APPEND x {5}',
      ),
    )
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        try {
          readTranscript(lines.join('\n'))
        } catch (e) {
          if (!(e instanceof ImportError)) throw e
        }
      }),
      { numRuns: 10_000 },
    )
  })

  it('10,000 lines and a 1 MB line are read in linear time', () => {
    const many = ['220 mail.example.test ESMTP', ...Array.from({ length: 10_000 }, (_, i) => (i % 2 ? '250 2.0.0 Ok' : 'NOOP'))].join('\n')
    const long = `220 mail.example.test ESMTP\nHELO ${'a'.repeat(1_000_000)}\n250 ok`
    const t0 = performance.now()
    expect(readTranscript(many).connections[0]?.chunks).toHaveLength(10_001)
    expect(readTranscript(long).connections[0]?.chunks[1]?.data.length).toBe(1_000_007)
    expect(performance.now() - t0).toBeLessThan(3_000)
  })
})
