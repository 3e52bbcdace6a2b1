import { describe, expect, it } from 'vitest'
import { expectCaption } from '../content/check'
import { SCENARIOS } from '../scenarios'
import { compileScenario } from './compile'
import { segmentOf } from '../model'

// CONTRACT.md §2: scenario ids that must exist.
const REQUIRED_NOW = [
  'smtp-basic',
  'smtp-ehlo',
  'smtp-starttls',
  'smtp-submission-auth',
  'smtps',
  'pop-before-smtp',
  'smtp-temporary-failure',
  'smtp-permanent-failure',
  'smtp-envelope-vs-header',
  'pop3-basic',
  'pop3-apop',
  'pop3s',
  'imap-basic',
  'imaps',
  // CONTRACT.md §7
  'mail-journey',
  'op25b',
  'open-relay',
  'imap-search-move',
]

describe('compiled scenarios', () => {
  it('the required scenario ids exist and are unique', () => {
    const ids = SCENARIOS.map((s) => s.id)
    for (const id of REQUIRED_NOW) expect(ids).toContain(id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  for (const s of SCENARIOS) {
    it(`${s.id}: runs without problems, ends with the TCP close, every step captioned in ja and en`, () => {
      const c = compileScenario(s)
      expect(c.timeline.problems).toEqual([])
      const last = c.timeline.steps[c.timeline.steps.length - 1]
      expect(last ? segmentOf(last).flags : []).toEqual(['ACK'])
      // Every connection opened (SYN from the client) is closed (a FIN from each side).
      const tcp = c.timeline.steps.filter((x) => x.udp === undefined)
      const syns = tcp.filter((x) => !x.dropped && segmentOf(x).flags.includes('SYN') && !segmentOf(x).flags.includes('ACK')).length
      expect(tcp.filter((x) => segmentOf(x).flags.includes('FIN'))).toHaveLength(2 * syns)
      // DNS travels in UDP datagrams to port 53 and back (RFC 1035 §4.2.1).
      for (const d of c.timeline.steps.filter((x) => x.layer === 'dns')) expect([d.udp?.srcPort, d.udp?.dstPort]).toContain(53)
      c.captions.forEach((cap, i) => expectCaption(`${s.id} step ${i + 1}`, cap))
      expect(s.title.ja.length * s.title.en.length * s.summary.ja.length * s.summary.en.length).toBeGreaterThan(0)
    })
  }
})

describe('lessons that quote the engine', () => {
  it('smtp-permanent-failure: the bounce quotes the very 550 line the receiving server sent (RFC 3464 §2.3.6)', () => {
    const s = SCENARIOS.find((x) => x.id === 'smtp-permanent-failure')
    expect(s).toBeDefined()
    const steps = s ? compileScenario(s).timeline.steps : []
    const refusal = steps.flatMap((x) => x.lines).find((l) => l.startsWith('550 '))
    const dsn = steps.find((x) => x.kind.key === 'body' && x.lines.some((l) => l.startsWith('Diagnostic-Code:')))
    expect(refusal).toBeDefined()
    expect(dsn?.lines).toContain(`Diagnostic-Code: smtp; ${refusal ?? ''}`)
  })
})
