// @vitest-environment happy-dom
// The exports, proved by other readers: Mermaid 11 parses the Mermaid text and gives back every message; the
// engine, fed the transcript's C: lines, answers exactly its S: lines; an XML parser reads the SVG document and
// finds every step's label. (happy-dom supplies the DOM that Mermaid's parser and the XML check need.)
import mermaid from 'mermaid'
import { describe, expect, it } from 'vitest'
import { createServer, type ServerOptions, type Step } from '../model'
import { SCENARIOS, type Scenario } from '../scenarios'
import { layoutLanes } from '../layout/sequence'
import type { Lang } from '../content/types'
import { compileScenario } from './compile'
import { exportFileName, mermaidEscape, mermaidText, svgDocument, transcriptText } from './export'
import { actorTitle, arrowDetail, arrowLabel, gapText } from './labels'
import type { Lesson } from './lesson'
import { parseTranscript } from '../model/testing/transcript'

const LESSONS: { scenario: Scenario; lesson: Lesson }[] = SCENARIOS.map((scenario) => ({ scenario, lesson: compileScenario(scenario) }))
const LANGS: Lang[] = ['ja', 'en']
const insideTls = (s: Step) => s.layer === 'tls' || s.tls !== undefined
/** Where the lesson is cut for the "as it stands" checks: inside the first TLS stretch if there is one, else half-way. */
const midpoint = (l: Lesson) => {
  const firstTls = l.timeline.steps.findIndex(insideTls)
  return firstTls >= 0 ? firstTls + 2 : Math.ceil(l.timeline.steps.length / 2)
}

/** A lesson whose `at`th step carries `line` on the wire instead (and a title with the same characters). */
function withLine(lesson: Lesson, at: number, line: string, title = lesson.title): Lesson {
  const steps = lesson.timeline.steps.map((s, i) => (i === at ? { ...s, lines: [line] } : s))
  return { ...lesson, title, timeline: { ...lesson.timeline, steps } }
}

// ---------------------------------------------------------------------------------------------------------------
// Mermaid

interface SequenceMessage {
  readonly type: number
  readonly from?: string
  readonly to?: string
  readonly message: string | { readonly visible?: boolean }
}
interface SequenceDb {
  getMessages(): SequenceMessage[]
  getActors(): Map<string, { description: string }>
  getDiagramTitle(): string
  readonly LINETYPE: Record<'SOLID' | 'DOTTED' | 'NOTE' | 'RECT_START' | 'RECT_END' | 'AUTONUMBER', number>
}

/** Parses with Mermaid 11 (mermaid.parse throws on a syntax error) and returns its sequence database. */
async function parseMermaid(text: string): Promise<SequenceDb> {
  await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: 'sequence' })
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text)
  return diagram.db as unknown as SequenceDb
}

/**
 * What Mermaid draws for a parsed text: its parser keeps entity codes as placeholders, which its renderer turns
 * into XML character references (decodeEntities in mermaid's utils, not exported), which the SVG reader decodes.
 */
function rendered(parsed: string): string {
  const refs = parsed.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';')
  return new DOMParser().parseFromString(`<t>${refs}</t>`, 'image/svg+xml').documentElement.textContent ?? ''
}
const textOf = (m: SequenceMessage) => (typeof m.message === 'string' ? m.message : '')

describe('Mermaid export', () => {
  for (const { lesson } of LESSONS) {
    for (const lang of LANGS) {
      for (const shown of [lesson.timeline.steps.length, midpoint(lesson)]) {
        it(`${lesson.id} (${lang}, ${shown} steps): Mermaid 11 parses it; one message per step, numbered, TLS shaded`, async () => {
          const text = mermaidText(lesson, shown, lang)
          expect(text.startsWith('sequenceDiagram\n')).toBe(true)
          const db = await parseMermaid(text)
          const T = db.LINETYPE
          const auto = db.getMessages().find((m) => m.type === T.AUTONUMBER)
          expect(auto?.message).toMatchObject({ visible: true })
          expect(rendered(db.getDiagramTitle())).toBe(lesson.title[lang])
          // Participants in lane order, each alias its heading and host.
          const actors = lesson.timeline.actors
          const ids = [...db.getActors().keys()]
          expect(ids).toHaveLength(actors.length)
          const clients = actors.filter((a) => a.role === 'client').length
          actors.forEach((a, i) => {
            const alias = [...db.getActors().values()][i]?.description ?? ''
            expect(rendered(alias.split('<br/>')[0] ?? '')).toBe(actorTitle(a, lang, clients))
            expect(alias).toContain(a.host)
          })
          const idOf = (actor: string) => ids[actors.findIndex((a) => a.id === actor)]
          // Messages: the steps in order, each from and to its actors, its text the diagram's label; TCP dashed;
          // inside a rect exactly the steps that crossed inside TLS.
          const steps = lesson.timeline.steps.slice(0, shown)
          const signals: { m: SequenceMessage; shaded: boolean }[] = []
          let shaded = false
          for (const m of db.getMessages()) {
            if (m.type === T.RECT_START) shaded = true
            else if (m.type === T.RECT_END) shaded = false
            else if (m.type === T.SOLID || m.type === T.DOTTED) signals.push({ m, shaded })
          }
          expect(signals).toHaveLength(steps.length)
          steps.forEach((s, i) => {
            const got = signals[i] as { m: SequenceMessage; shaded: boolean }
            expect(got.m.from, `step ${i + 1}`).toBe(idOf(s.from))
            expect(got.m.to, `step ${i + 1}`).toBe(idOf(s.to))
            expect(rendered(textOf(got.m)), `step ${i + 1}`).toBe(arrowLabel(s, lang).trim())
            expect(got.m.type, `step ${i + 1}`).toBe(s.layer === 'tcp' ? T.DOTTED : T.SOLID)
            expect(got.shaded, `step ${i + 1} inside TLS`).toBe(insideTls(s))
          })
          // Notes: one per TLS stretch and one per jump of the session clock, nothing else.
          const notes = db
            .getMessages()
            .filter((m) => m.type === T.NOTE)
            .map((m) => rendered(textOf(m)))
          const gaps = steps.flatMap((s, i) => (i > 0 && s.time !== steps[i - 1]?.time ? [gapText(s.time - (steps[i - 1]?.time ?? 0), lang)] : []))
          const stretches = steps.filter((s, i) => insideTls(s) && !(i > 0 && insideTls(steps[i - 1] as Step))).length
          expect(notes.filter((n) => gaps.includes(n))).toHaveLength(gaps.length)
          expect(notes).toHaveLength(gaps.length + stretches)
        })
      }
    }
  }

  it('step 0 (nothing sent yet): the participants alone, still a diagram Mermaid parses', async () => {
    for (const { lesson } of LESSONS) {
      const db = await parseMermaid(mermaidText(lesson, 0, 'ja'))
      expect(db.getActors().size, lesson.id).toBe(lesson.timeline.actors.length)
      expect(db.getMessages().filter((m) => m.type === db.LINETYPE.SOLID || m.type === db.LINETYPE.DOTTED)).toHaveLength(0)
      expect(parseSvg(svgDocument(lesson, 0, { lang: 'ja' }).svg).querySelectorAll('g.row')).toHaveLength(0)
    }
  })

  it('shades the whole session after the TCP handshake on an implicit TLS port, and STARTTLS from the handshake on', async () => {
    for (const id of ['smtps', 'pop3s', 'imaps', 'smtp-starttls', 'smtp-submission-auth']) {
      const lesson = LESSONS.find((l) => l.lesson.id === id)?.lesson as Lesson
      const db = await parseMermaid(mermaidText(lesson, lesson.timeline.steps.length, 'en'))
      const kinds = db.getMessages().map((m) => m.type)
      expect(
        kinds.filter((k) => k === db.LINETYPE.RECT_START),
        id,
      ).toHaveLength(1)
      const protocolSteps = lesson.timeline.steps.filter((s) => s.layer !== 'tcp' && s.layer !== 'tls')
      const encrypted = protocolSteps.filter((s) => s.tls !== undefined)
      if (id.endsWith('s') && !id.startsWith('smtp-')) expect(encrypted, id).toEqual(protocolSteps)
      else
        expect(
          protocolSteps.find((s) => s.tls === undefined && s.lines[0] === 'STARTTLS'),
          id,
        ).toBeDefined()
    }
  })

  it('escapes < > ; # & % and the word end so that Mermaid parses the line and shows it unchanged', async () => {
    const nasty = 'MAIL FROM:<a;b#c@x> %%{init: {"theme":"dark"}}%% end End & send; style:#x; classDef <br/> #lt;'
    const base = LESSONS.find((l) => l.lesson.id === 'smtp-basic')?.lesson as Lesson
    const at = base.timeline.steps.findIndex((s) => s.kind.key === 'command')
    const lesson = withLine(base, at, nasty, { ja: 'タイトル; #1 <end>', en: 'Title; #1 <end>' })
    for (const lang of LANGS) {
      const text = mermaidText(lesson, at + 1, lang)
      // Nothing of the syntax is left bare in the text...
      const line = text.split('\n').find((l) => l.includes('MAIL FROM')) ?? ''
      const bare = line.slice(line.indexOf(': ') + 2).replace(/#\w+;/g, ' ')
      expect(bare).not.toMatch(/[<>;%&#]|\bend\b|style|classDef/i)
      // ... and Mermaid gives back the very line, as it would draw it.
      const db = await parseMermaid(text)
      const signals = db.getMessages().filter((m) => m.type === db.LINETYPE.SOLID || m.type === db.LINETYPE.DOTTED)
      expect(rendered(textOf(signals[at] as SequenceMessage))).toBe(nasty)
      expect(rendered(db.getDiagramTitle())).toBe(lesson.title[lang])
    }
    // Still readable as text: words stay words, only the marked characters become codes.
    expect(mermaidEscape('RCPT TO:<user1@example.test>')).toBe('RCPT TO:#lt;user1@example.test#gt;')
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Transcript

/** The lessons with one client and one server: their transcript replays against one engine. */
const REPLAYABLE = LESSONS.filter(({ lesson }) => {
  const roles = lesson.timeline.actors.map((a) => a.role)
  return roles.filter((r) => r === 'client').length === 1 && roles.filter((r) => r === 'server').length === 1
})

describe('transcript export', () => {
  it('covers most lessons with the replay below', () => {
    expect(REPLAYABLE.length).toBeGreaterThanOrEqual(10)
  })

  for (const { scenario, lesson } of REPLAYABLE) {
    it(`${lesson.id}: its C: lines, replayed through createServer with the lesson's server options, give exactly its S: lines`, () => {
      const text = transcriptText(lesson, lesson.timeline.steps.length)
      const spec = scenario.servers[0] as Scenario['servers'][number]
      // One engine per TCP connection, as on the wire; greylisting remembers across connections (RFC 6647 §2.1).
      const chunks = text.split(/\n(?=# connection: )/).slice(1)
      expect(chunks.length).toBe(lesson.timeline.steps.filter((s) => s.kind.layer === 'tcp' && s.kind.key === 'syn').length)
      const seen = new Map<string, number>()
      let replayed = 0
      for (const [n, chunk] of chunks.entries()) {
        const t = parseTranscript(`${lesson.id}#${n + 1}`, chunk)
        const clock = Number(/session clock (\d+) s/.exec(t.notes[0] ?? '')?.[1])
        expect(Number.isFinite(clock)).toBe(true)
        expect(t.clientIp).toBe(lesson.timeline.actors.find((a) => a.role === 'client')?.ip)
        const greeting = t.exchanges[0]?.server[0] ?? ''
        const options: ServerOptions = {
          ...spec.options,
          clientAddress: t.clientIp,
          now: () => clock,
          // RFC 1939 §7: the APOP timestamp is the server's pick for each connection; the greeting says which.
          ...(spec.protocol === 'pop3' && !spec.options?.apopTimestamp ? { apopTimestamp: /<[^<>]*>/.exec(greeting)?.[0] ?? '' } : {}),
          ...(spec.greylistDelay !== undefined
            ? { greylist: { delaySeconds: spec.greylistDelay, firstSeen: (key: string, now: number) => seen.get(key) ?? (seen.set(key, now), now) } }
            : {}),
        }
        const server = createServer(spec.protocol, options)
        expect(t.serverPort).toBe(spec.options?.port)
        const answered = [...server.open()]
        for (const ex of t.exchanges.slice(1)) answered.push(...server.receive(ex.client ?? ''))
        expect(answered, `connection ${n + 1}`).toEqual(t.exchanges.flatMap((ex) => ex.server))
        replayed += t.exchanges.length - 1
      }
      // And they are the lesson's own lines: every client line, every reply, in order.
      const lines = (role: 'client' | 'server') =>
        lesson.timeline.steps
          .filter((s) => s.layer !== 'tcp' && s.layer !== 'tls' && lesson.timeline.actors.find((a) => a.id === s.from)?.role === role)
          .flatMap((s) => s.lines)
      expect(
        text
          .split('\n')
          .filter((l) => l.startsWith('C: '))
          .map((l) => l.slice(3)),
      ).toEqual(lines('client'))
      expect(
        text
          .split('\n')
          .filter((l) => l.startsWith('S: '))
          .map((l) => l.slice(3)),
      ).toEqual(lines('server'))
      expect(replayed).toBe(lines('client').length)
    })
  }

  it('has no TCP segment lines, and notes the TLS handshake as the fixtures do', () => {
    const starttls = LESSONS.find((l) => l.lesson.id === 'smtp-starttls')?.lesson as Lesson
    const lines = transcriptText(starttls, starttls.timeline.steps.length).trimEnd().split('\n')
    expect(lines.every((l) => /^(S: |C: |# )/.test(l))).toBe(true)
    expect(lines.some((l) => /\b(SYN|FIN, ACK)\b/.test(l) && !l.startsWith('# '))).toBe(false)
    const tls = lines.findIndex((l) => l.startsWith('# --- TLS handshake (not shown)'))
    expect(lines[tls - 1]).toMatch(/^S: 220 /)
    expect(lines[tls + 1]).toMatch(/^C: EHLO /)
  })

  it('stops at the step on screen', () => {
    const basic = LESSONS.find((l) => l.lesson.id === 'smtp-basic')?.lesson as Lesson
    const steps = basic.timeline.steps
    const shown = steps.findIndex((s) => s.kind.key === 'command') + 1
    const body = transcriptText(basic, shown)
      .split('\n')
      .filter((l) => /^[SC]: /.test(l))
    expect(body.at(-1)).toBe(`C: ${steps[shown - 1]?.lines[0] ?? ''}`)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// SVG

function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
  expect(doc.documentElement.nodeName).toBe('svg')
  return doc
}

describe('SVG export', () => {
  for (const { lesson } of LESSONS) {
    for (const lang of LANGS) {
      const shown = lesson.id === 'smtp-starttls' ? lesson.timeline.steps.length : midpoint(lesson)
      it(`${lesson.id} (${lang}, ${shown} steps): well-formed XML with its own styles; every step's label, heads, lanes`, () => {
        const { svg, width, height } = svgDocument(lesson, shown, { lang })
        const doc = parseSvg(svg)
        const root = doc.documentElement
        expect(root.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`)
        // Styles and fonts inside the document; nothing fetched from outside.
        const style = root.getElementsByTagName('style')[0]?.textContent ?? ''
        expect(style).toContain("'Noto Sans CJK JP'")
        expect(svg).not.toMatch(/\bhref=|url\(|@import|<link/)
        // One row per step shown, in order, each holding that step's label and number.
        const rows = [...root.querySelectorAll('g.row')]
        const steps = lesson.timeline.steps.slice(0, shown)
        expect(rows).toHaveLength(steps.length)
        steps.forEach((s, i) => {
          const row = rows[i] as Element
          expect(row.getAttribute('data-index')).toBe(String(i + 1))
          expect(row.querySelector('.label')?.textContent, `step ${i + 1}`).toBe(arrowLabel(s, lang))
          expect(row.querySelector('.no')?.textContent).toBe(String(i + 1))
          // The row reads like the page's `message` element: time passed, number, label, TCP numbers.
          const gap = i > 0 && s.time !== steps[i - 1]?.time ? gapText(s.time - (steps[i - 1]?.time ?? 0), lang) : ''
          const detail = s.layer === 'tcp' || s.layer === 'tls' ? arrowDetail(s) : ''
          expect(row.textContent).toBe(`${gap}${i + 1}${arrowLabel(s, lang)}${detail}`)
        })
        // Arrows run between the lanes of layoutLanes, in the step's direction, one below the other.
        const lanes = new Map(layoutLanes(lesson.timeline.actors).map((l) => [l.id, l.x * width]))
        let lastY = 0
        steps.forEach((s, i) => {
          const line = rows[i]?.querySelector('line.line') as Element
          const [x1, x2, y] = ['x1', 'x2', 'y1'].map((k) => Number(line.getAttribute(k)))
          expect(Math.abs((x1 ?? 0) - (lanes.get(s.from) ?? -99))).toBeLessThan(12)
          expect(Math.abs((x2 ?? 0) - (lanes.get(s.to) ?? -99))).toBeLessThan(14)
          expect(y).toBeGreaterThan(lastY + 20)
          expect(y).toBeLessThan(height)
          lastY = y ?? 0
        })
        // The heads: each actor's heading (Japanese on a ja page), host and address.
        const clients = lesson.timeline.actors.filter((a) => a.role === 'client').length
        for (const a of lesson.timeline.actors) {
          const head = root.querySelector(`g.actor[data-actor="${a.id}"]`)?.textContent ?? ''
          expect(head).toContain(actorTitle(a, lang, clients))
          expect(head).toContain(a.host)
        }
      })
    }
  }

  it('keeps markup and characters XML forbids out of the document', () => {
    const base = LESSONS.find((l) => l.lesson.id === 'smtp-basic')?.lesson as Lesson
    const at = base.timeline.steps.findIndex((s) => s.kind.key === 'command')
    const line = `MAIL FROM:<a&b@x> "q" 'a' ]]> <!-- \u0007 日本語`
    const lesson = withLine(base, at, line, { ja: '<題> & "x"', en: '<t> & "x"' })
    const doc = parseSvg(svgDocument(lesson, at + 1, { lang: 'ja' }).svg)
    const rows = doc.documentElement.querySelectorAll('g.row')
    expect(rows[at]?.querySelector('.label')?.textContent).toBe(line.replace('\u0007', '\ufffd'))
    expect(doc.documentElement.querySelector('.title')?.textContent).toBe('<題> & "x"')
  })

  it('shows a record inside TLS as its length in the eavesdropper view, as the diagram does', () => {
    const lesson = LESSONS.find((l) => l.lesson.id === 'smtps')?.lesson as Lesson
    const n = lesson.timeline.steps.length
    const doc = parseSvg(svgDocument(lesson, n, { lang: 'en', eavesdropper: true }).svg)
    const rows = [...doc.documentElement.querySelectorAll('g.row')]
    lesson.timeline.steps.forEach((s, i) => {
      const text = rows[i]?.querySelector('.label')?.textContent ?? ''
      if (s.tls) expect(text).toBe(`TLS record, ${s.tls.recordOctets} octets`)
      else expect(text).toBe(arrowLabel(s, 'en'))
    })
  })

  it('a file name says the lesson and the step', () => {
    expect(exportFileName({ id: 'smtp-starttls' }, 12, 'svg')).toBe('smtp-starttls-step12.svg')
    expect(exportFileName({ id: '../x y' }, 0, 'txt')).toBe('..-x-y-step0.txt')
  })
})
