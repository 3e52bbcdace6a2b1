// A lesson as it stands (the steps shown so far), for slides and handouts: a Mermaid sequenceDiagram, a plain
// S:/C: transcript in the format of fixtures/real-sessions, and an SVG document of the diagram. Pure: a lesson and
// a step count in, a string out; the page turns the strings into files, a PNG and clipboard text (src/ui/export).
import { tm } from '../content/modes'
import type { Lang } from '../content/types'
import { t } from '../content/ui'
import { arrowOf, layoutLanes, pauseBefore } from '../layout/sequence'
import type { Actor, Step } from '../model'
import { actorTitle, arrowDetail, arrowLabel, classOf, gapText } from './labels'
import type { Lesson } from './lesson'

/** The steps on screen: the first `shown` of the lesson. */
function shownSteps(lesson: Lesson, shown: number): readonly Step[] {
  return lesson.timeline.steps.slice(0, Math.max(0, Math.min(Math.floor(shown), lesson.timeline.steps.length)))
}

/** Inside TLS: the handshake records, and every record after it on that connection (RFC 8446 §5). */
const insideTls = (s: Step) => s.layer === 'tls' || s.tls !== undefined

/** A file name for an export: `smtp-starttls-step12.svg`. */
export function exportFileName(lesson: Pick<Lesson, 'id'>, shown: number, ext: string): string {
  return `${lesson.id.replace(/[^\w.-]+/g, '-') || 'lesson'}-step${shown}.${ext}`
}

// ---------------------------------------------------------------------------------------------------------------
// Mermaid

/**
 * Characters Mermaid's sequence grammar reads as syntax, as its entity codes (rendered back as the character):
 * `;` ends a statement, `#` starts an entity, `<` `>` `&` are HTML to the renderer, `%%` starts a comment or
 * a directive.
 */
const MERMAID_ENTITY: Readonly<Record<string, string>> = { '<': '#lt;', '>': '#gt;', '&': '#amp;', ';': '#59;', '#': '#35;', '%': '#37;' }
const codeOf = (w: string) => `#${w.charCodeAt(0)};${w.slice(1)}`

/**
 * Text that Mermaid reads back as itself, inside a message, a note, an alias or the title. Besides the
 * characters above: the word `end` (it closes blocks), and `style`/`classDef`, whose lines Mermaid's
 * entity pass would cut a `;` from. Control characters become spaces.
 */
export function mermaidEscape(text: string): string {
  let out = ''
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    out += MERMAID_ENTITY[ch] ?? (c < 0x20 || c === 0x7f ? ' ' : ch)
  }
  return out.replace(/\bend\b/gi, codeOf).replace(/style|classDef/g, codeOf)
}

/** Words of Mermaid's sequence grammar that must not be a participant's id. */
const MERMAID_WORDS = new Set(
  'participant actor as loop alt else opt par and rect critical break end note over left right of autonumber activate deactivate title box link links properties details create destroy option'.split(
    ' ',
  ),
)

/** Readable participant ids: the actor ids, made safe for Mermaid (letters, digits, `_`; no keyword). */
function mermaidIds(actors: readonly Actor[]): Map<string, string> {
  const ids = new Map<string, string>()
  const used = new Set<string>()
  for (const a of actors) {
    let id = a.id.replace(/[^A-Za-z0-9_]/g, '_')
    if (!/^[A-Za-z]/.test(id) || MERMAID_WORDS.has(id.toLowerCase())) id = `p_${id}`
    while (used.has(id)) id += '_'
    used.add(id)
    ids.set(a.id, id)
  }
  return ids
}

/** The light violet of the TLS layer, behind everything that crossed the wire inside TLS. */
const TLS_SHADE = 'rgb(237, 233, 254)'

/**
 * A Mermaid `sequenceDiagram` of the steps shown: `autonumber` (numbers as on the diagram), one message per
 * step (TCP control segments dashed), notes where the session clock jumps, and a shaded `rect` around what
 * travelled inside TLS (after STARTTLS, or from the start on 465/995/993).
 */
export function mermaidText(lesson: Lesson, shown: number, lang: Lang): string {
  const { actors } = lesson.timeline
  const ids = mermaidIds(actors)
  const clients = actors.filter((a) => a.role === 'client').length
  const idOf = (actor: string) => ids.get(actor) ?? 'unknown'
  const span = actors.length > 1 ? `${idOf(actors[0]?.id ?? '')},${idOf(actors[actors.length - 1]?.id ?? '')}` : idOf(actors[0]?.id ?? '')
  const out = ['sequenceDiagram', `  title ${mermaidEscape(lesson.title[lang])}`, '  autonumber']
  for (const a of actors) {
    const where = `${a.host}${a.port !== undefined ? `:${a.port}` : ''}`
    out.push(`  participant ${idOf(a.id)} as ${mermaidEscape(actorTitle(a, lang, clients))}<br/>${mermaidEscape(where)}`)
  }
  let shaded = false
  const steps = shownSteps(lesson, shown)
  steps.forEach((s, i) => {
    const tls = insideTls(s)
    if (shaded && !tls) {
      out.push('  end')
      shaded = false
    }
    const pad = shaded ? '    ' : '  '
    const gap = pauseBefore(steps, i)
    if (gap > 0) out.push(`${pad}Note over ${span}: ${mermaidEscape(gapText(gap, lang))}`)
    if (tls && !shaded) {
      out.push(`  rect ${TLS_SHADE}`, `    Note over ${span}: ${mermaidEscape(tm(lang, 'exportTlsNote'))}`)
      shaded = true
    }
    const arrow = s.layer === 'tcp' ? '-->>' : '->>'
    out.push(`${shaded ? '    ' : '  '}${idOf(s.from)}${arrow}${idOf(s.to)}: ${mermaidEscape(arrowLabel(s, lang))}`)
  })
  if (shaded) out.push('  end')
  return `${out.join('\n')}\n`
}

// ---------------------------------------------------------------------------------------------------------------
// Plain transcript

/**
 * The steps shown as a telnet-style transcript in the format of fixtures/real-sessions (see its README):
 * `S: ` and `C: ` lines, one per line on the wire (message lines as sent, dot-stuffed), and `# ` notes for what is
 * not a line: each TCP connection (`# connection: TCP client ip:port -> server ip:port`), the TLS handshake, who
 * closed the connection, and the session clock where it jumps. TCP segments themselves are left out.
 */
export function transcriptText(lesson: Lesson, shown: number): string {
  const { actors, steps: all } = lesson.timeline
  const steps = shownSteps(lesson, shown)
  const byId = new Map(actors.map((a) => [a.id, a]))
  const out = [
    `# scenario: ${lesson.id}`,
    `# what: ${lesson.title.en}`,
    `# made by: the protocol engines of the mail-protocol sequence diagram (not a recorded server); steps 1-${steps.length} of ${all.length}`,
    `# format: 'S: '/'C: ' + one line on the wire each, without its CRLF; '# ' lines are notes, not on the wire`,
  ]
  /** Connection number and its note, by "client|server". */
  const connections = new Map<string, { n: number; where: string }>()
  let current = ''
  let clock = 0
  for (const s of steps) {
    const fromClient = byId.get(s.from)?.role === 'client'
    const client = byId.get(fromClient ? s.from : s.to)
    const server = byId.get(fromClient ? s.to : s.from)
    const key = `${client?.id ?? ''}|${server?.id ?? ''}`
    // The same pause the diagram shows (a second or more); a capture's microseconds are not one.
    if (s.time - clock >= 1) {
      out.push(`# ${gapText(s.time - clock, 'en')} (session clock ${s.time} s)`)
      clock = s.time
    }
    if (s.kind.layer === 'tcp' && s.kind.key === 'syn') {
      const where = `TCP client ${client?.ip ?? '?'}:${s.tcp?.srcPort ?? '?'} -> server ${server?.ip ?? '?'}:${s.tcp?.dstPort ?? '?'}`
      connections.set(key, { n: connections.size + 1, where })
      out.push(`# connection: ${where} (${server?.protocol ?? 'tcp'} server ${server?.host ?? '?'}; session clock ${s.time} s)`)
      current = key
      continue
    }
    if (key !== current) {
      const c = connections.get(key)
      if (c) out.push(`# back on connection ${c.n}: ${c.where}`)
      current = key
    }
    if (s.kind.layer === 'tcp') {
      if (s.kind.key === 'fin-first') out.push(`# ${fromClient ? 'client' : 'server'} closed the TCP connection (FIN)`)
      continue
    }
    if (s.kind.layer === 'tls') {
      if (s.kind.key === 'client-hello') out.push('# --- TLS handshake (not shown): TLS 1.3, RFC 8446 §2. Lines below are the decrypted application data ---')
      continue
    }
    for (const line of s.lines) out.push(`${fromClient ? 'C' : 'S'}: ${line}`)
  }
  return `${out.join('\n')}\n`
}

// ---------------------------------------------------------------------------------------------------------------
// SVG

/** Named constants of the drawing, in CSS pixels. */
export const SVG_LAYOUT = {
  minWidth: 960,
  /** Width per lifeline, so that four actors' heads never touch. */
  perActor: 240,
  pad: 16,
  /** Left column with the step numbers. */
  numbers: 30,
  titleSize: 18,
  subSize: 12.5,
  headTop: 66,
  headHeight: 80,
  headTitleSize: 14,
  headSmallSize: 11.5,
  labelSize: 13,
  labelLine: 17,
  detailSize: 11,
  gapBand: 28,
  gapSize: 12,
} as const

/** Latin glyphs of the monospace stack are 0.6 em wide (DejaVu Sans Mono 0.602); a sans-serif Latin averages less. */
const MONO_EM = 0.61
const SANS_EM = 0.62

// The font stacks of src/styles.css: named Latin monospace first (a lang="ja" page turns generic monospace into a
// CJK face), and Noto Sans CJK JP for Japanese, which every fallback reaches.
const FONT_SANS = `'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic UI', Meiryo, system-ui, sans-serif`
const FONT_MONO = `'DejaVu Sans Mono', 'Noto Sans Mono', 'Cascadia Mono', Consolas, Menlo, 'Noto Sans Mono CJK JP', 'Noto Sans CJK JP', monospace`

/** The colours of src/styles.css: by layer, and for replies by class (RFC 5321 §4.2.1). */
const COLOURS = {
  tcp: '#4b5563',
  tls: '#6d28d9',
  smtp: '#1d4ed8',
  pop3: '#0f766e',
  imap: '#4338ca',
  positive: '#166534',
  intermediate: '#1d4ed8',
  transient: '#a14a04',
  permanent: '#b91c1c',
} as const

/** The lock glyph of src/ui/controls/icons.tsx (24 × 24). */
const LOCK = 'M7 10V7a5 5 0 0 1 10 0v3h2v11H5V10h2zm2 0h6V7a3 3 0 0 0-6 0v3z'

/** East Asian wide and fullwidth characters: one em in any font. */
function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x1f300
  )
}

/** Estimated width of `s` in em: nothing in an SVG file can measure text, so the layout counts glyphs. */
function emWidth(s: string, latin: number): number {
  let w = 0
  for (const ch of s) w += isWide(ch.codePointAt(0) ?? 0) ? 1 : latin
  return w
}

/**
 * Cuts `s` into lines at most `max` em wide: after a space, `,` or `/` where it can, else after `.`, `@`, `-`, `:`
 * or `=` (host names, addresses), else anywhere. The lines join back to `s`.
 */
function wrap(s: string, max: number, latin: number): string[] {
  const chars = [...s]
  const lines: string[] = []
  let start = 0
  let width = 0
  let soft = -1
  let weak = -1
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? ''
    const w = isWide(ch.codePointAt(0) ?? 0) ? 1 : latin
    if (width + w > max && i > start) {
      const cut = soft > start ? soft : weak > start ? weak : i
      lines.push(chars.slice(start, cut).join(''))
      start = cut
      width = emWidth(chars.slice(cut, i).join(''), latin)
      soft = -1
      weak = -1
    }
    width += w
    if (ch === ' ' || ch === ',' || ch === '/') soft = i + 1
    else if (ch === '.' || ch === '@' || ch === '-' || ch === ':' || ch === '=') weak = i + 1
  }
  lines.push(chars.slice(start).join(''))
  return lines
}

/** Text for XML: the five markup characters as entities, characters XML 1.0 forbids as U+FFFD. */
function xml(s: string): string {
  let out = ''
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    if (ch === '&') out += '&amp;'
    else if (ch === '<') out += '&lt;'
    else if (ch === '>') out += '&gt;'
    else if (ch === '"') out += '&quot;'
    else if (ch === "'") out += '&apos;'
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) out += '\ufffd'
    else out += ch
  }
  return out
}

const num = (x: number) => String(Math.round(x * 10) / 10)
/** x kept within [lo, hi]; lo when the range is empty (content wider than the room). */
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x))

function styleSheet(): string {
  const colourRules = Object.entries(COLOURS)
    .map(([k, c]) => `.c-${k} .label{fill:${c}}.c-${k} .line{stroke:${c}}.c-${k} .head{fill:${c}}`)
    .join('')
  return [
    `text{font-family:${FONT_SANS};fill:#111827}`,
    `.label,.detail,.no,.host{font-family:${FONT_MONO}}`,
    `.title{font-size:${SVG_LAYOUT.titleSize}px;font-weight:700}`,
    `.sub{font-size:${SVG_LAYOUT.subSize}px;fill:#4b5563}`,
    '.band{fill:#f8fafc;stroke:#c7ccd4}',
    '.head-box{fill:#0f1c3f}',
    `.head-title{font-size:${SVG_LAYOUT.headTitleSize}px;font-weight:700;fill:#fff}`,
    `.host{font-size:${SVG_LAYOUT.headSmallSize}px;fill:#4b5563}`,
    '.lane{stroke:#98a2b3;stroke-width:2;stroke-dasharray:6 5}',
    '.current-bg{fill:#fff6d6}.current-bar{fill:#d99a00}',
    `.label{font-size:${SVG_LAYOUT.labelSize}px;font-weight:600}`,
    '.label-bg{fill:#fff;fill-opacity:.88}.current .label-bg{fill:#fff6d6;fill-opacity:1}',
    '.line{stroke-width:2;fill:none}.current .line{stroke-width:3}.layer-tcp .line{stroke-dasharray:6 4}.layer-tcp .label{font-weight:700}',
    `.no,.detail{font-size:${SVG_LAYOUT.detailSize}px;fill:#4b5563}`,
    '.gap-pill{fill:#e5e7eb}',
    `.gap{font-size:${SVG_LAYOUT.gapSize}px;fill:#1f2937}`,
    '.lock-bg{fill:#fff;stroke:#6d28d9;stroke-width:1}.lock{fill:#6d28d9}',
    colourRules,
  ].join('\n')
}

export interface SvgOptions {
  readonly lang: Lang
  /** The eavesdropper view: a record inside TLS reads as its length, as on the diagram. */
  readonly eavesdropper?: boolean
}

export interface SvgDocument {
  /** The whole document, `<?xml ...?>` first, styles and fonts named in its own `<style>`. */
  readonly svg: string
  readonly width: number
  readonly height: number
}

/**
 * The diagram as it stands, as a standalone SVG document: the lesson's title, the actors' heads and lifelines
 * (layoutLanes), and for each step shown its number, label and arrow (arrowOf), TCP numbers under TCP and TLS
 * arrows, a lock on records inside TLS, and the time that passed where the session clock jumps. Each row's text
 * reads in the order of the page's `message` element (gap, number, label, detail), with nothing between.
 */
export function svgDocument(lesson: Lesson, shown: number, options: SvgOptions): SvgDocument {
  const L = SVG_LAYOUT
  const { lang } = options
  const { actors } = lesson.timeline
  const steps = shownSteps(lesson, shown)
  const lanes = layoutLanes(actors)
  const W = Math.max(L.minWidth, actors.length * L.perActor)
  const X = (f: number) => Math.round(f * W * 10) / 10
  const clients = actors.filter((a) => a.role === 'client').length
  const parts: string[] = []

  // Title and step count.
  const titleLines = wrap(lesson.title[lang], (W - 2 * L.pad) / L.titleSize, SANS_EM)
  let y = L.pad + L.titleSize
  parts.push(
    `<text class="title" x="${L.pad}" y="${y}">${titleLines.map((line, i) => `<tspan x="${L.pad}" dy="${i === 0 ? 0 : L.titleSize * 1.3}">${xml(line)}</tspan>`).join('')}</text>`,
  )
  y += (titleLines.length - 1) * L.titleSize * 1.3 + L.subSize + 8
  parts.push(`<text class="sub" x="${L.pad}" y="${num(y)}">${xml(t(lang, 'stepOf', { n: steps.length, total: lesson.timeline.steps.length }))}</text>`)

  // Actor heads.
  const headTop = y + 14
  const headBottom = headTop + L.headHeight
  parts.push(`<rect class="band" x="0.5" y="${num(headTop)}" width="${W - 1}" height="${L.headHeight}"/>`)
  actors.forEach((a, i) => {
    const title = actorTitle(a, lang, clients)
    const addr = `${a.ip}${a.port !== undefined ? `:${a.port}` : ''}`
    const boxW = emWidth(title, SANS_EM) * L.headTitleSize + 20
    const half = Math.max(boxW, emWidth(a.host, MONO_EM) * L.headSmallSize, emWidth(addr, MONO_EM) * L.headSmallSize) / 2
    const cx = clamp(X(lanes[i]?.x ?? 0.5), L.pad + half, W - L.pad - half)
    const top = headTop + 8
    parts.push(
      `<g class="actor" data-actor="${xml(a.id)}">` +
        `<rect class="head-box" x="${num(cx - boxW / 2)}" y="${num(top)}" width="${num(boxW)}" height="24" rx="6"/>` +
        `<text class="head-title" x="${num(cx)}" y="${num(top + 17)}" text-anchor="middle">${xml(title)}</text>` +
        `<text class="host" x="${num(cx)}" y="${num(top + 40)}" text-anchor="middle">${xml(a.host)}</text>` +
        `<text class="host" x="${num(cx)}" y="${num(top + 56)}" text-anchor="middle">${xml(addr)}</text>` +
        `</g>`,
    )
  })

  // Rows: one per step shown.
  const rows: string[] = []
  y = headBottom + 10
  steps.forEach((s, i) => {
    const row: string[] = []
    const gap = pauseBefore(steps, i)
    if (gap > 0) {
      const text = gapText(gap, lang)
      const w = emWidth(text, SANS_EM) * L.gapSize + 24
      row.push(`<rect class="gap-pill" x="${num(W / 2 - w / 2)}" y="${num(y + 4)}" width="${num(w)}" height="20" rx="10"/>`)
      row.push(`<text class="gap" x="${num(W / 2)}" y="${num(y + 18)}" text-anchor="middle">${xml(text)}</text>`)
      y += L.gapBand
    }
    const a = arrowOf(lanes, s)
    const x1 = X(a.x1)
    const x2 = X(a.x2)
    const left = Math.min(x1, x2)
    const right = Math.max(x1, x2)
    const label = options.eavesdropper && s.tls ? t(lang, 'tlsRecord', { octets: s.tls.recordOctets }) : arrowLabel(s, lang)
    const lines = wrap(label, Math.max(right - left - 28, 220) / L.labelSize, MONO_EM)
    const blockW = Math.max(...lines.map((l) => emWidth(l, MONO_EM))) * L.labelSize
    const minX = L.pad + L.numbers + blockW / 2
    const cx = clamp((left + right) / 2, minX, W - L.pad - blockW / 2)
    const top = y
    // A record inside TLS carries a lock on its arrow: a little more room under the label.
    const arrowY = top + 8 + lines.length * L.labelLine + (s.tls ? 12 : 8)
    const detail = s.layer === 'tcp' || s.layer === 'tls' ? arrowDetail(s) : ''
    const bottom = arrowY + (detail ? 22 : 12)
    const current = i === steps.length - 1
    if (current) {
      row.push(`<rect class="current-bg" x="0" y="${num(top)}" width="${W}" height="${num(bottom - top)}"/>`)
      row.push(`<rect class="current-bar" x="0" y="${num(top)}" width="4" height="${num(bottom - top)}"/>`)
    }
    row.push(`<text class="no" x="10" y="${num(arrowY + 4)}">${s.index + 1}</text>`)
    lines.forEach((l, j) => {
      const w = emWidth(l, MONO_EM) * L.labelSize + 6
      row.push(`<rect class="label-bg" x="${num(cx - w / 2)}" y="${num(top + 8 + j * L.labelLine)}" width="${num(w)}" height="${L.labelLine}" rx="3"/>`)
    })
    row.push(
      `<text class="label" x="${num(cx)}" y="${num(top + 8 + L.labelSize)}" text-anchor="middle" xml:space="preserve">` +
        lines.map((l, j) => `<tspan x="${num(cx)}" dy="${j === 0 ? 0 : L.labelLine}">${xml(l)}</tspan>`).join('') +
        `</text>`,
    )
    const dir = x2 >= x1 ? 1 : -1
    const tip = x2 - dir * 2
    row.push(`<line class="line" x1="${num(x1 + dir * 2)}" y1="${num(arrowY)}" x2="${num(tip - dir * 8)}" y2="${num(arrowY)}"/>`)
    row.push(`<path class="head" d="M${num(tip)},${num(arrowY)} L${num(tip - dir * 11)},${num(arrowY - 5.5)} L${num(tip - dir * 11)},${num(arrowY + 5.5)} z"/>`)
    if (s.tls) {
      const mx = (x1 + x2) / 2
      row.push(
        `<g transform="translate(${num(mx - 9)} ${num(arrowY - 9)})"><rect class="lock-bg" width="18" height="18" rx="4"/>` +
          `<path class="lock" transform="translate(2 2) scale(0.5833)" d="${LOCK}"/></g>`,
      )
    }
    if (detail) {
      // The background hides a lifeline the arrow crosses, as under the label.
      const w = emWidth(detail, MONO_EM) * L.detailSize + 6
      const dx = (left + right) / 2
      row.push(`<rect class="label-bg" x="${num(dx - w / 2)}" y="${num(arrowY + 6)}" width="${num(w)}" height="14" rx="3"/>`)
      row.push(`<text class="detail" x="${num(dx)}" y="${num(arrowY + 16)}" text-anchor="middle">${xml(detail)}</text>`)
    }
    const cls = classOf(s)
    rows.push(
      `<g class="row layer-${s.layer} c-${cls ?? s.layer}${current ? ' current' : ''}" data-index="${s.index + 1}" data-from="${xml(s.from)}" data-to="${xml(s.to)}">${row.join('')}</g>`,
    )
    y = bottom
  })
  const height = Math.ceil(y + 16)

  const lifelines = lanes.map((l) => `<line class="lane" x1="${X(l.x)}" y1="${num(headBottom)}" x2="${X(l.x)}" y2="${height - 8}"/>`)
  const label = `${lesson.title[lang]} (${t(lang, 'stepOf', { n: steps.length, total: lesson.timeline.steps.length })})`
  const svg = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" xml:lang="${lang}" role="img" aria-labelledby="diagram-title">`,
    `<title id="diagram-title">${xml(label)}</title>`,
    `<style>\n${styleSheet()}\n</style>`,
    `<rect width="${W}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    ...lifelines,
    ...rows,
    '</svg>',
  ].join('\n')
  return { svg: `${svg}\n`, width: W, height }
}
