// `S: ` / `C: ` transcripts (the format of fixtures/real-sessions/*.txt): `# ` lines are notes, and
// `# --- TLS ...` marks the switch to TLS, after which the lines are the decrypted application data.
import { buildTranscript, endpointOf, type TranscriptLine } from './build'
import type { Endpoint, ImportResult } from '../types'

export function looksLikeSc(lines: readonly string[]): boolean {
  let sc = 0
  let other = 0
  for (const l of lines.slice(0, 200)) {
    if (/^[SC]: ?/.test(l)) sc++
    else if (!l.startsWith('#') && l.trim() !== '') other++
  }
  return sc >= 2 && sc > other * 4
}

export function readSc(lines: readonly string[]): ImportResult {
  const out: TranscriptLine[] = []
  let tls = false
  let client: Endpoint | undefined
  let server: Endpoint | undefined
  for (const l of lines) {
    if (l.startsWith('#')) {
      if (/^#\s*-+\s*TLS/i.test(l)) tls = true
      const m = /^#\s*connection:.*?client\s+(\S+)\s*->\s*server\s+(\S+)/i.exec(l)
      if (m) {
        client = endpointOf(m[1] ?? '')
        server = endpointOf(m[2] ?? '')
      }
      continue
    }
    const side = l.startsWith('S:') ? 'server' : l.startsWith('C:') ? 'client' : null
    if (side === null) continue
    // One space after the colon belongs to the format; anything after it is the line.
    const text = l.startsWith(' ', 2) ? l.slice(3) : l.slice(2)
    out.push(tls ? { from: side, text, tls } : { from: side, text })
  }
  return buildTranscript('sc', out, lines.length, { ...(client ? { client } : {}), ...(server ? { server } : {}) })
}
