// How a step reads on the diagram and in the wire panel. The words of arrows and actors live in
// src/lessons/labels.ts, where the exports use them too.
export { actorTitle, arrowDetail, arrowLabel, classOf, gapText } from '../lessons/labels'

/** Wire bytes with CR and LF made visible, one entry per line. */
export function visibleLines(bytes: string): { text: string; cr: boolean; lf: boolean }[] {
  const out: { text: string; cr: boolean; lf: boolean }[] = []
  const re = /([^\r\n]*)(\r?)(\n?)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(bytes)) !== null && m[0] !== '') out.push({ text: m[1] ?? '', cr: m[2] === '\r', lf: m[3] === '\n' })
  return out
}

/** Classic hex dump: offset, 16 octets, ASCII. */
export function hexDump(bytes: string, binary = false): string[] {
  // A binary payload (a DNS message) is held one char per octet; text is UTF-8 on the wire.
  const data = binary ? Uint8Array.from(bytes, (c) => c.charCodeAt(0)) : new TextEncoder().encode(bytes)
  const rows: string[] = []
  for (let i = 0; i < data.length; i += 16) {
    const chunk = [...data.slice(i, i + 16)]
    const hex = chunk
      .map((b) => b.toString(16).padStart(2, '0'))
      .join(' ')
      .padEnd(47, ' ')
    const ascii = chunk.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('')
    rows.push(`${i.toString(16).padStart(4, '0')}  ${hex}  ${ascii}`)
  }
  return rows
}
