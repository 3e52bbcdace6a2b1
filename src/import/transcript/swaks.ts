// swaks output: `<-` server and `->` client in the clear, `<~` and `~>` inside TLS, `===` its own notes,
// `<**` / `**>` errors it reports (not on the wire).
import { buildTranscript, type TranscriptLine } from './build'
import type { ImportResult } from '../types'

const MARK = /^ ?(<-|->|<~|~>) ?/

export function looksLikeSwaks(lines: readonly string[]): boolean {
  let marks = 0
  let notes = 0
  for (const l of lines.slice(0, 200)) {
    if (MARK.test(l)) marks++
    else if (l.startsWith('===')) notes++
  }
  return marks >= 2 && (notes > 0 || marks >= 4)
}

export function readSwaks(lines: readonly string[]): ImportResult {
  const out: TranscriptLine[] = []
  for (const l of lines) {
    const m = MARK.exec(l)
    if (!m) continue
    const mark = m[1] ?? ''
    let text = l.slice(m[0].length)
    // swaks pads what it received by one more space, so that both directions line up.
    if ((mark === '<-' || mark === '<~') && text.startsWith(' ')) text = text.slice(1)
    const from = mark.startsWith('<') ? 'server' : 'client'
    const tls = mark.includes('~')
    out.push(tls ? { from, text, tls } : { from, text })
  }
  return buildTranscript('swaks', out, lines.length)
}
