// The exam drills: one per source the article cites, well formed, each text in its language.
// That each link resolves to a lesson step is checked in src/store/drills.test.ts (content may not import store);
// that no drill calls base64 encryption or says APOP encrypts, in src/content/captions.test.ts (every text).
import { describe, expect, it } from 'vitest'
import { checkDrill, DRILLS, type Drill } from './drills'
import type { Caption } from './types'

// The past exam questions the article cites (shared/seed/mail-protocols-article.ja.txt), and the ones the exam-grade
// issue adds (issue 10, item 10).
const SOURCES = [
  'R1秋NW午前Ⅱ問9',
  'H29秋NW午前Ⅱ問9',
  'H18秋NW午後Ⅰ問4',
  'H20SV問1',
  'H22春SC午前2問15',
  'H21春SC午前2問3',
  'H21NW午後Ⅰ問2',
  'H23NW午後Ⅱ問2',
  'H19NW午前問35',
  'H18SV午前問16',
  'H25春IP問84',
  'H20秋FE午前問50',
  // Topics without one past question to cite: the source names the topic only.
  '頻出論点（OP25B）',
  '頻出論点（SPF）',
]

const JA = /[\u3040-\u30ff\u4e00-\u9fff]/
// English text may name an exam source as it is written in Japanese (e.g. H18秋NW午後Ⅰ問4), nothing else.
const withoutSources = (s: string) => SOURCES.reduce((acc, src) => acc.split(src).join(''), s)

function expectBilingual(where: string, c: Caption): void {
  expect(c.ja.trim().length, `${where} ja`).toBeGreaterThan(0)
  expect(c.en.trim().length, `${where} en`).toBeGreaterThan(0)
  expect(JA.test(c.ja), `${where}: ja is Japanese`).toBe(true)
  expect(JA.test(withoutSources(c.en)), `${where}: en has no Japanese`).toBe(false)
}

const captionsOf = (d: (typeof DRILLS)[number]): [string, Caption][] => [
  [`${d.id} question`, d.question],
  ...d.choices.map((c): [string, Caption] => [`${d.id} choice ${c.id}`, c.text]),
  [`${d.id} explanation`, d.explanation],
]

describe('drills', () => {
  it('every cited source has exactly one drill, and no other source appears', () => {
    const sources = DRILLS.map((d) => d.source)
    for (const s of SOURCES)
      expect(
        sources.filter((x) => x === s),
        s,
      ).toHaveLength(1)
    expect([...sources].sort()).toEqual([...SOURCES].sort())
  })

  it('ids are ascii and unique', () => {
    const ids = DRILLS.map((d) => d.id)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/)
    expect(new Set(ids).size).toBe(ids.length)
  })

  for (const d of DRILLS) {
    it(`${d.id}: 3 or 4 choices with unique ids, and the answer is one of them`, () => {
      const ids = d.choices.map((c) => c.id)
      expect(ids.length).toBeGreaterThanOrEqual(3)
      expect(ids.length).toBeLessThanOrEqual(4)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids).toContain(d.answer)
      // No two choices say the same thing.
      expect(new Set(d.choices.map((c) => c.text.ja)).size).toBe(ids.length)
      expect(new Set(d.choices.map((c) => c.text.en)).size).toBe(ids.length)
    })

    it(`${d.id}: every caption exists in both languages, each in its language`, () => {
      for (const [where, c] of captionsOf(d)) expectBilingual(where, c)
    })

    it(`${d.id}: its link names a lesson and a valid pattern`, () => {
      expect(d.link.scenario).toMatch(/^[a-z0-9-]+$/)
      expect(d.link.text.length).toBeGreaterThan(0)
      expect(() => new RegExp(d.link.text)).not.toThrow()
      if (d.link.from !== undefined) expect(d.link.from.length).toBeGreaterThan(0)
    })
  }

  for (const d of DRILLS) {
    it(`${d.id}: the page's check calls the answer right, every other choice wrong, and no pick no verdict`, () => {
      const right = checkDrill(d, d.answer)
      expect(right.kind).toBe('right')
      if (right.kind === 'right') expect(right.answer.id).toBe(d.answer)
      for (const c of d.choices.filter((x) => x.id !== d.answer)) {
        const wrong = checkDrill(d, c.id)
        expect(wrong.kind, c.id).toBe('wrong')
        // The verdict names the right answer, in both languages, not the pick.
        if (wrong.kind === 'wrong') expect(wrong.answer?.text).toEqual(d.choices.find((x) => x.id === d.answer)?.text)
      }
      expect(checkDrill(d, null)).toEqual({ kind: 'unanswered' })
    })
  }

  it('the check: a pick that is not one of the choices is no pick', () => {
    const d = DRILLS[0] as Drill
    for (const bogus of ['', 'z', d.answer.toUpperCase(), ` ${d.answer}`, d.choices[0]?.text.en ?? 'x']) {
      expect(checkDrill(d, bogus), JSON.stringify(bogus)).toEqual({ kind: 'unanswered' })
    }
  })

  it('the check: a drill whose answer is not among its choices calls every pick wrong and names no answer', () => {
    const d = DRILLS[0] as Drill
    const broken: Drill = { ...d, answer: 'no-such-choice' }
    for (const c of broken.choices) expect(checkDrill(broken, c.id)).toEqual({ kind: 'wrong', answer: undefined })
  })
})
