// Wireshark "Follow TCP Stream": as ASCII (tshark -z follow,tcp,ascii: `Node 0:`/`Node 1:` headers, then per
// write a byte count and the data, the second party's writes indented by a tab; the GUI's copy has only the
// tab) and as YAML (`peers:` with `peer:` numbers, `packets:` with `peer:` and `data: !!binary |` base64).
// Node 0 / peer 0 is the side that spoke first; the server is the side whose first line greets.
import { buildTranscript, endpointOf, fromBinary, protocolOfGreeting, type TranscriptLine } from './build'
import { ImportError, type Endpoint, type ImportResult } from '../types'

const RULE = /^={10,}$/
const COUNT = /^\t?\d{1,10}$/

export function looksLikeFollowAscii(lines: readonly string[]): boolean {
  const head = lines.slice(0, 12)
  if (head.some((l) => /^Follow: tcp,ascii/i.test(l)) || head.some((l) => /^Node 0: /.test(l))) return true
  // Without headers: some lines start with a tab, and a greeting starts the stream (one side or the other).
  const first = lines.find((l) => l.trim() !== '')
  const tabbed = lines.slice(0, 400).filter((l) => l.startsWith('\t')).length
  return tabbed > 0 && first !== undefined && protocolOfGreeting(first.replace(/^\t/, '')) !== 'unknown'
}

export function readFollowAscii(lines: readonly string[]): ImportResult {
  const nodes: (Endpoint | undefined)[] = []
  const writes: { second: boolean; lines: string[] }[] = []
  let headers = false
  let current: { second: boolean; lines: string[] } | null = null
  for (const l of lines) {
    if (RULE.test(l) || /^(Follow|Filter): /.test(l)) continue
    const node = /^Node ([01]): (.*)$/.exec(l)
    if (node) {
      headers = true
      nodes[Number(node[1])] = endpointOf(node[2] ?? '')
      continue
    }
    if (headers && COUNT.test(l)) {
      current = { second: l.startsWith('\t'), lines: [] }
      writes.push(current)
      continue
    }
    const second = l.startsWith('\t')
    const text = second ? l.slice(1) : l
    if (!headers && (current === null || current.second !== second)) {
      current = { second, lines: [] }
      writes.push(current)
    }
    // tshark ends each write's data with a line end of its own: the empty line after the data is not on the wire.
    current?.lines.push(text)
  }
  for (const w of writes) if (headers && w.lines.length > 0 && w.lines[w.lines.length - 1] === '') w.lines.pop()
  return sided('follow-ascii', writes, lines.length, nodes)
}

/** Node 0 / peer 0 spoke first; whichever side greets is the server. */
function sided(
  format: 'follow-ascii' | 'follow-yaml',
  writes: readonly { second: boolean; lines: readonly string[] }[],
  read: number,
  nodes: readonly (Endpoint | undefined)[],
): ImportResult {
  const firstLine = (second: boolean) => writes.find((w) => w.second === second && w.lines.length > 0)?.lines[0]
  const secondGreets = protocolOfGreeting(firstLine(false)) === 'unknown' && protocolOfGreeting(firstLine(true)) !== 'unknown'
  const out: TranscriptLine[] = []
  for (const w of writes) {
    const from = w.second === secondGreets ? 'server' : 'client'
    for (const text of w.lines) out.push({ from, text })
  }
  const server = nodes[secondGreets ? 1 : 0]
  const client = nodes[secondGreets ? 0 : 1]
  return buildTranscript(format, out, read, { ...(client ? { client } : {}), ...(server ? { server } : {}) })
}

export function looksLikeFollowYaml(lines: readonly string[]): boolean {
  return lines.slice(0, 40).some((l) => /^peers:\s*$/.test(l)) && lines.some((l) => /^packets:\s*$/.test(l))
}

function decodeBase64(text: string): string | null {
  try {
    return atob(text.replace(/\s+/g, ''))
  } catch {
    return null
  }
}

/** The octets of a write (latin1) as wire lines; a last line without its CRLF is kept. */
function linesOfData(data: string): string[] {
  const out = fromBinary(data).split('\r\n')
  if (out[out.length - 1] === '') out.pop()
  return out
}

export function readFollowYaml(lines: readonly string[]): ImportResult {
  const peers: (Endpoint | undefined)[] = []
  const writes: { second: boolean; lines: string[] }[] = []
  let section: 'peers' | 'packets' | null = null
  let peer: number | null = null
  let host = ''
  let base64: string[] | null = null
  let packetPeer = 0
  const endPacket = () => {
    if (base64 === null) return
    const data = decodeBase64(base64.join(''))
    if (data === null)
      throw new ImportError('A packet in the YAML file holds data that is not base64.', 'YAML ファイルのパケットに base64 でないデータがあります。')
    if (data !== '') writes.push({ second: packetPeer === 1, lines: linesOfData(data) })
    base64 = null
  }
  for (const l of lines) {
    if (/^peers:\s*$/.test(l)) {
      endPacket()
      section = 'peers'
      continue
    }
    if (/^packets:\s*$/.test(l)) {
      endPacket()
      section = 'packets'
      continue
    }
    if (base64 !== null) {
      if (/^\s{4,}\S/.test(l) && !/^\s*-?\s*\w+:/.test(l)) {
        base64.push(l.trim())
        continue
      }
      endPacket()
    }
    const kv = /^\s*(?:-\s+)?(\w+):\s*(.*?)\s*$/.exec(l)
    if (!kv) continue
    const [, key = '', value = ''] = kv
    if (section === 'peers') {
      if (key === 'peer') peer = Number(value)
      else if (key === 'host') host = value.replace(/^['"]|['"]$/g, '')
      else if (key === 'port' && peer !== null && (peer === 0 || peer === 1)) peers[peer] = { ip: host, port: Number(value) }
    } else if (section === 'packets') {
      if (key === 'peer') packetPeer = Number(value)
      else if (key === 'data') {
        if (/^!!binary\s*\|/.test(value)) base64 = []
        else {
          const data = decodeBase64(value.replace(/^!!binary\s*/, '').replace(/^['"]|['"]$/g, ''))
          if (data !== null && data !== '') writes.push({ second: packetPeer === 1, lines: linesOfData(data) })
        }
      }
    }
  }
  endPacket()
  return sided('follow-yaml', writes, lines.length, peers)
}
