// Text transcripts of a mail session: which format a text is in, and its reader (issue 11, "Reading transcripts").
import { ImportError, type ImportResult } from '../types'
import { splitLines, type TranscriptFormat } from './build'
import { looksLikeFollowAscii, looksLikeFollowYaml, readFollowAscii, readFollowYaml } from './follow'
import { looksLikeSc, readSc } from './sc'
import { looksLikeSwaks, readSwaks } from './swaks'
import { looksLikeTelnet, readTelnet } from './telnet'

export { fromBinary } from './build'

const FORMATS: readonly {
  readonly id: TranscriptFormat
  readonly test: (l: readonly string[]) => boolean
  readonly read: (l: readonly string[]) => ImportResult
}[] = [
  { id: 'follow-yaml', test: looksLikeFollowYaml, read: readFollowYaml },
  { id: 'sc', test: looksLikeSc, read: readSc },
  { id: 'swaks', test: looksLikeSwaks, read: readSwaks },
  { id: 'follow-ascii', test: looksLikeFollowAscii, read: readFollowAscii },
  { id: 'telnet', test: looksLikeTelnet, read: readTelnet },
]

export const UNKNOWN_TEXT = new ImportError(
  'This text is not a mail session this page can read: paste S:/C: lines, a telnet session, swaks output or a Wireshark "Follow TCP Stream".',
  'このテキストは読み取れるメールのセッションではありません。S:/C: 形式、telnet の画面、swaks の出力、Wireshark の「TCP ストリームを追跡」を貼り付けてください。',
)

const EMPTY = new ImportError('The text is empty: paste a session first.', 'テキストが空です。先にセッションを貼り付けてください。')

/** The format of a transcript, or null when it is none of them. */
export function detectTranscript(text: string): TranscriptFormat | null {
  const lines = splitLines(text)
  return FORMATS.find((f) => f.test(lines))?.id ?? null
}

/** Reads a transcript; text in no known format, or with no line from either side, throws an ImportError (one sentence, ja and en). */
export function readTranscript(text: string): ImportResult {
  if (text.trim() === '') throw EMPTY
  const lines = splitLines(text)
  const format = FORMATS.find((f) => f.test(lines))
  if (!format) throw UNKNOWN_TEXT
  const r = format.read(lines)
  const c = r.connections[0]
  if (!c || c.chunks.length === 0 || !c.chunks.some((k) => k.from === 'server')) throw UNKNOWN_TEXT
  return r
}
