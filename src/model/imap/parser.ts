// Reading an IMAP command (RFC 9051 §9 formal syntax): atoms, quoted strings, literals, sequence sets,
// FETCH attributes and SEARCH keys. A command arrives as text pieces with the literals between them.
import type { Section, SectionText } from './message'
import { parseSearchDate } from './message'

/** Thrown inside parsing only; the machine turns it into a tagged BAD. */
export class ParseError extends Error {}

function fail(detail: string): never {
  throw new ParseError(detail)
}

/** ATOM-CHAR: any CHAR except atom-specials (RFC 9051 §9). */
export function isAtomChar(c: string): boolean {
  const code = c.charCodeAt(0)
  return c.length === 1 && code > 0x20 && code < 0x7f && !'(){%*"\\]'.includes(c)
}

const LITERAL_AT_END = /\{(\d{1,20})(\+?)\}$/

/** A literal announcement at the end of a line: `{254}` (synchronising) or `{254+}` (RFC 7888). */
export function literalAtEnd(text: string): { size: number; sync: boolean } | null {
  const m = LITERAL_AT_END.exec(text)
  if (!m) return null
  return { size: Number(m[1]), sync: m[2] !== '+' }
}

/**
 * Reads one command. `parts` alternates text and literal data: [text, literal, text, ...]; every text
 * but the last ends with the `{n}` that announced the next literal.
 */
export class Reader {
  private i = 0
  private pos = 0
  constructor(private readonly parts: readonly string[]) {}

  private get text(): string {
    return this.parts[this.i] ?? ''
  }

  peek(): string {
    return this.text[this.pos] ?? ''
  }

  next(): string {
    const c = this.peek()
    if (c) this.pos++
    return c
  }

  atEnd(): boolean {
    return this.i >= this.parts.length - 1 && this.pos >= this.text.length
  }

  /** At the end of the command or at a closing parenthesis. */
  atListEnd(): boolean {
    return this.atEnd() || this.peek() === ')'
  }

  expect(c: string, what = `"${c}"`): void {
    if (this.next() !== c) fail(`Expected ${what}`)
  }

  sp(): void {
    this.expect(' ', 'a space')
  }

  trySp(): boolean {
    if (this.peek() === ' ') {
      this.pos++
      return true
    }
    return false
  }

  end(): void {
    if (!this.atEnd()) fail('Unexpected arguments')
  }

  /** 1*ATOM-CHAR plus `extra` characters. */
  atom(extra = ''): string {
    const start = this.pos
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] ?? ''
      if (!(isAtomChar(c) || extra.includes(c))) break
      this.pos++
    }
    // Atoms are ASCII (RFC 9051 §9 ATOM-CHAR); other text travels quoted or as a literal.
    if ((this.text.codePointAt(this.pos) ?? 0) >= 0x80) fail('Non-ASCII text must be quoted or sent as a literal')
    if (this.pos === start) fail('Missing argument')
    return this.text.slice(start, this.pos)
  }

  /** Characters of `allowed`, at least one. */
  run(allowed: RegExp): string {
    const start = this.pos
    while (this.pos < this.text.length && allowed.test(this.text[this.pos] ?? '')) this.pos++
    if (this.pos === start) fail('Missing argument')
    return this.text.slice(start, this.pos)
  }

  /** The run of letters, digits and dots ahead, without consuming it. */
  lookWord(): string {
    return /^[A-Za-z0-9.]*/.exec(this.text.slice(this.pos, this.pos + 64))?.[0] ?? ''
  }

  skip(n: number): void {
    this.pos = Math.min(this.text.length, this.pos + n)
  }

  /** The rest of the command so far is a literal announcement whose data has not arrived yet. */
  atPendingLiteral(): boolean {
    return this.i === this.parts.length - 1 && /^\{\d{1,20}\+?\}$/.test(this.text.slice(this.pos))
  }

  literal(): string | null {
    const rest = this.text.slice(this.pos)
    if (!/^\{\d{1,20}\+?\}$/.test(rest)) return null
    const value = this.parts[this.i + 1]
    if (value === undefined) return null
    this.i += 2
    this.pos = 0
    return value
  }

  quoted(): string | null {
    if (this.peek() !== '"') return null
    this.pos++
    let out = ''
    for (;;) {
      const c = this.text[this.pos]
      if (c === undefined) fail("Missing '\"'")
      this.pos++
      if (c === '"') return out
      if (c === '\\') {
        const e = this.text[this.pos]
        // Only \" and \\ may be escaped (RFC 9051 §9 QUOTED-CHAR).
        if (e !== '"' && e !== '\\') fail('Invalid escape in quoted string')
        this.pos++
        out += e
      } else {
        out += c
      }
    }
  }

  /** atom / quoted / literal; `]` is allowed in the atom form (RFC 9051 §9 astring). */
  astring(): string {
    const lit = this.literal()
    if (lit !== null) return lit
    const q = this.quoted()
    if (q !== null) return q
    return this.atom(']')
  }

  string(): string {
    const lit = this.literal()
    if (lit !== null) return lit
    const q = this.quoted()
    if (q !== null) return q
    return fail('Expected a string')
  }

  /** list-mailbox: like astring, with the wildcards % and * (RFC 9051 §9). */
  listMailbox(): string {
    const lit = this.literal()
    if (lit !== null) return lit
    const q = this.quoted()
    if (q !== null) return q
    return this.atom(']%*')
  }

  number(): number {
    const s = this.run(/[0-9]/)
    const n = Number(s)
    // number64 at most (RFC 9051 §9); larger values are a syntax error.
    if (!Number.isSafeInteger(n)) fail('Number too large')
    return n
  }
}

// ---- Sequence sets (RFC 9051 §9 sequence-set).

export type SeqValue = number | '*'
export type SequenceSet = readonly (readonly [SeqValue, SeqValue])[]

export function parseSequenceSet(s: string): SequenceSet {
  const value = (t: string): SeqValue => {
    if (t === '*') return '*'
    if (!/^[1-9]\d{0,9}$/.test(t) || Number(t) > 4294967295) fail('Invalid messageset')
    return Number(t)
  }
  return s.split(',').map((range) => {
    const [a, b, extra] = range.split(':')
    if (a === undefined || extra !== undefined) fail('Invalid messageset')
    const first = value(a)
    return [first, b === undefined ? first : value(b)] as const
  })
}

export function readSequenceSet(r: Reader): SequenceSet {
  return parseSequenceSet(r.run(/[0-9:*,]/))
}

// ---- Flags (RFC 9051 §9 flag, flag-list).

export function readFlag(r: Reader): string {
  if (r.peek() === '\\') {
    r.next()
    return `\\${r.atom()}`
  }
  return r.atom()
}

/** `(\Seen \Flagged)` or, where `bare` is allowed (STORE), `\Seen \Flagged`. */
export function readFlags(r: Reader, bare: boolean): string[] {
  const flags: string[] = []
  if (r.peek() === '(') {
    r.next()
    while (r.peek() !== ')') {
      if (flags.length > 0) r.sp()
      flags.push(readFlag(r))
    }
    r.next()
    return flags
  }
  if (!bare) fail('Expected a flag list')
  flags.push(readFlag(r))
  while (r.trySp()) flags.push(readFlag(r))
  return flags
}

// ---- FETCH attributes (RFC 9051 §6.4.5, §9 fetch-att; RFC 3501 §6.4.5 for RFC822.*).

export type SimpleFetch = 'ENVELOPE' | 'FLAGS' | 'INTERNALDATE' | 'RFC822.SIZE' | 'BODY' | 'BODYSTRUCTURE' | 'UID'

export type FetchItem =
  | { readonly kind: 'simple'; readonly name: SimpleFetch }
  | {
      readonly kind: 'section'
      /** Name in the response: `BODY[HEADER.FIELDS (FROM)]`, `BODY[]<0>`, `RFC822`. */
      readonly label: string
      /** BODY.PEEK and RFC822.HEADER leave \Seen alone (RFC 9051 §6.4.5). */
      readonly peek: boolean
      readonly section: Section
      readonly partial: { readonly origin: number; readonly count: number } | null
    }

const SIMPLE: readonly SimpleFetch[] = ['ENVELOPE', 'FLAGS', 'INTERNALDATE', 'RFC822.SIZE', 'BODY', 'BODYSTRUCTURE', 'UID']

function astringOut(s: string): string {
  return s !== '' && [...s].every((c) => isAtomChar(c) || c === ']') ? s : `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`
}

function readSection(r: Reader): { section: Section; spec: string } {
  r.expect('[')
  const part: number[] = []
  let text: SectionText = { kind: 'all' }
  let spec = ''
  while (/[0-9]/.test(r.peek())) {
    const n = r.number()
    if (n === 0) fail('Invalid section part')
    part.push(n)
    if (r.peek() !== '.') break
    r.next()
    if (!/[0-9]/.test(r.peek())) break
  }
  const sawDot = part.length > 0 && r.peek() !== ']'
  if (r.peek() !== ']') {
    const keyword = r.run(/[A-Za-z.]/).toUpperCase()
    switch (keyword) {
      case 'HEADER':
        text = { kind: 'header' }
        break
      case 'TEXT':
        text = { kind: 'text' }
        break
      case 'MIME':
        // MIME names a part's own header, so it needs a part number (RFC 9051 §6.4.5).
        if (part.length === 0) fail('MIME needs a part number')
        text = { kind: 'mime' }
        break
      case 'HEADER.FIELDS':
      case 'HEADER.FIELDS.NOT': {
        r.sp()
        r.expect('(')
        const names: string[] = []
        while (r.peek() !== ')') {
          if (names.length > 0) r.sp()
          names.push(r.astring())
        }
        r.next()
        if (names.length === 0) fail('Empty header list')
        text = { kind: 'fields', not: keyword.endsWith('.NOT'), names }
        spec = `${keyword} (${names.map(astringOut).join(' ')})`
        break
      }
      default:
        fail(`Invalid section ${keyword}`)
    }
    if (!spec) spec = keyword
    if (part.length > 0 && !sawDot) fail('Invalid section')
  }
  r.expect(']')
  const prefix = part.join('.')
  return { section: { part, text }, spec: prefix && spec ? `${prefix}.${spec}` : prefix || spec }
}

function readFetchAtt(r: Reader): FetchItem {
  const name = r.run(/[A-Za-z0-9.]/).toUpperCase()
  if ((name === 'BODY' || name === 'BODY.PEEK') && r.peek() === '[') {
    const { section, spec } = readSection(r)
    let partial: { origin: number; count: number } | null = null
    if (r.peek() === '<') {
      r.next()
      const origin = r.number()
      r.expect('.')
      const count = r.number()
      if (count === 0) fail('Invalid partial')
      r.expect('>')
      partial = { origin, count }
    }
    const label = `BODY[${spec}]${partial ? `<${partial.origin}>` : ''}`
    return { kind: 'section', label, peek: name === 'BODY.PEEK', section, partial }
  }
  switch (name) {
    case 'RFC822':
      return { kind: 'section', label: 'RFC822', peek: false, section: { part: [], text: { kind: 'all' } }, partial: null }
    case 'RFC822.HEADER':
      return { kind: 'section', label: 'RFC822.HEADER', peek: true, section: { part: [], text: { kind: 'header' } }, partial: null }
    case 'RFC822.TEXT':
      return { kind: 'section', label: 'RFC822.TEXT', peek: false, section: { part: [], text: { kind: 'text' } }, partial: null }
  }
  const simple = SIMPLE.find((s) => s === name)
  if (!simple) fail(`Unknown FETCH attribute ${name.slice(0, 40)}`)
  return { kind: 'simple', name: simple }
}

export function readFetchItems(r: Reader): FetchItem[] {
  if (r.peek() === '(') {
    r.next()
    const items: FetchItem[] = []
    while (r.peek() !== ')') {
      if (items.length > 0) r.sp()
      items.push(readFetchAtt(r))
    }
    r.next()
    if (items.length === 0) fail('Empty FETCH list')
    return items
  }
  // Macros stand alone (RFC 9051 §6.4.5; FULL from RFC 3501).
  const word = r.lookWord()
  const macro = expandFetchMacro(word)
  if (macro) {
    r.skip(word.length)
    return macro
  }
  return [readFetchAtt(r)]
}

export function expandFetchMacro(word: string): FetchItem[] | null {
  const s = (name: SimpleFetch): FetchItem => ({ kind: 'simple', name })
  switch (word.toUpperCase()) {
    case 'ALL':
      return [s('FLAGS'), s('INTERNALDATE'), s('RFC822.SIZE'), s('ENVELOPE')]
    case 'FAST':
      return [s('FLAGS'), s('INTERNALDATE'), s('RFC822.SIZE')]
    case 'FULL':
      return [s('FLAGS'), s('INTERNALDATE'), s('RFC822.SIZE'), s('ENVELOPE'), s('BODY')]
    default:
      return null
  }
}

// ---- SEARCH keys (RFC 3501 §6.4.4, RFC 9051 §6.4.4).

export type SearchKey =
  | { readonly k: 'all' }
  | { readonly k: 'flag'; readonly flag: string; readonly set: boolean }
  | { readonly k: 'new' }
  | { readonly k: 'old' }
  | { readonly k: 'recent' }
  | { readonly k: 'header'; readonly field: string; readonly value: string }
  | { readonly k: 'body'; readonly value: string }
  | { readonly k: 'text'; readonly value: string }
  | { readonly k: 'size'; readonly larger: boolean; readonly n: number }
  | { readonly k: 'date'; readonly sent: boolean; readonly op: 'before' | 'on' | 'since'; readonly day: number }
  | { readonly k: 'uid'; readonly set: SequenceSet }
  | { readonly k: 'seq'; readonly set: SequenceSet }
  | { readonly k: 'not'; readonly key: SearchKey }
  | { readonly k: 'or'; readonly a: SearchKey; readonly b: SearchKey }
  | { readonly k: 'and'; readonly keys: readonly SearchKey[] }

const MAX_SEARCH_DEPTH = 50

function readSearchKey(r: Reader, depth: number): SearchKey {
  if (depth > MAX_SEARCH_DEPTH) fail('Search key nested too deeply')
  if (r.peek() === '(') {
    r.next()
    const keys: SearchKey[] = [readSearchKey(r, depth + 1)]
    while (r.peek() !== ')') {
      r.sp()
      keys.push(readSearchKey(r, depth + 1))
    }
    r.next()
    return { k: 'and', keys }
  }
  if (/[0-9*]/.test(r.peek())) return { k: 'seq', set: readSequenceSet(r) }
  const word = r.atom().toUpperCase()
  const arg = (): string => {
    r.sp()
    return r.astring()
  }
  const date = (sent: boolean, op: 'before' | 'on' | 'since'): SearchKey => {
    const day = parseSearchDate(arg())
    if (day === null) fail('Invalid date')
    return { k: 'date', sent, op, day }
  }
  const flag = (f: string, set: boolean): SearchKey => ({ k: 'flag', flag: f, set })
  switch (word) {
    case 'ALL':
      return { k: 'all' }
    case 'ANSWERED':
      return flag('\\Answered', true)
    case 'UNANSWERED':
      return flag('\\Answered', false)
    case 'DELETED':
      return flag('\\Deleted', true)
    case 'UNDELETED':
      return flag('\\Deleted', false)
    case 'DRAFT':
      return flag('\\Draft', true)
    case 'UNDRAFT':
      return flag('\\Draft', false)
    case 'FLAGGED':
      return flag('\\Flagged', true)
    case 'UNFLAGGED':
      return flag('\\Flagged', false)
    case 'SEEN':
      return flag('\\Seen', true)
    case 'UNSEEN':
      return flag('\\Seen', false)
    case 'KEYWORD':
      r.sp()
      return flag(r.atom(), true)
    case 'UNKEYWORD':
      r.sp()
      return flag(r.atom(), false)
    case 'NEW':
      return { k: 'new' }
    case 'OLD':
      return { k: 'old' }
    case 'RECENT':
      return { k: 'recent' }
    case 'FROM':
    case 'TO':
    case 'CC':
    case 'BCC':
    case 'SUBJECT':
      return { k: 'header', field: word, value: arg() }
    case 'HEADER': {
      const field = arg()
      return { k: 'header', field, value: arg() }
    }
    case 'BODY':
      return { k: 'body', value: arg() }
    case 'TEXT':
      return { k: 'text', value: arg() }
    case 'LARGER':
      r.sp()
      return { k: 'size', larger: true, n: r.number() }
    case 'SMALLER':
      r.sp()
      return { k: 'size', larger: false, n: r.number() }
    case 'BEFORE':
      return date(false, 'before')
    case 'ON':
      return date(false, 'on')
    case 'SINCE':
      return date(false, 'since')
    case 'SENTBEFORE':
      return date(true, 'before')
    case 'SENTON':
      return date(true, 'on')
    case 'SENTSINCE':
      return date(true, 'since')
    case 'UID':
      r.sp()
      return { k: 'uid', set: readSequenceSet(r) }
    case 'NOT':
      r.sp()
      return { k: 'not', key: readSearchKey(r, depth + 1) }
    case 'OR': {
      r.sp()
      const a = readSearchKey(r, depth + 1)
      r.sp()
      return { k: 'or', a, b: readSearchKey(r, depth + 1) }
    }
    default:
      return fail(`Unknown search key ${word.slice(0, 40)}`)
  }
}

/** `[CHARSET x SP] key *(SP key)`; returns the charset (upper-cased) or null. */
export function readSearch(r: Reader): { charset: string | null; key: SearchKey } {
  let charset: string | null = null
  if (r.lookWord().toUpperCase() === 'CHARSET') {
    r.skip('CHARSET'.length)
    r.sp()
    charset = r.astring().toUpperCase()
    r.sp()
  }
  const keys: SearchKey[] = [readSearchKey(r, 0)]
  while (!r.atEnd()) {
    r.sp()
    keys.push(readSearchKey(r, 0))
  }
  const only = keys.length === 1 ? keys[0] : undefined
  return { charset, key: only ?? { k: 'and', keys } }
}
