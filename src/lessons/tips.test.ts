// Teacher tips: two or three per lesson, bilingual, anchored to real steps, true to the protocols, and citing
// only the past exam questions that src/content/drills.ts cites (never an invented year or question number).
import { describe, expect, it } from 'vitest'
// The anchors are checked against the compiled lessons, as src/lessons/drills.test.ts does for the drills;
// a test may look up the layers that the shipped content may not import.
import { compileScenario } from './compile'
import { wireLabel } from '../model/label'
import { SCENARIOS } from '../scenarios'
import { DRILLS } from '../content/drills'
import { TEACHER_TIPS, tipsFor, type TeacherTip } from '../content/tips'
import type { Caption } from '../content/types'

const JA = /[\u3040-\u30ff\u4e00-\u9fff]/
/** Something shaped like a past-exam reference, e.g. R1秋NW午前Ⅱ問9 or H20SV問1. */
const EXAM_REF = /[HR]\d+[春秋]?.*問\d+/
/** The exam sources we may cite: the ones the drills cite, exactly as written there. */
const SOURCES = [...new Set(DRILLS.map((d) => d.source))]
const withoutSources = (s: string) => SOURCES.reduce((acc, src) => acc.split(src).join(''), s)
const sourcesIn = (s: string) => SOURCES.filter((src) => s.includes(src)).sort()

const fields = ['ask', 'misconception', 'exam'] as const
const allTips = Object.entries(TEACHER_TIPS).flatMap(([id, tips]) => (tips as readonly TeacherTip[]).map((tip, i) => ({ where: `${id} #${i + 1}`, id, tip })))
const captionsOf = (tip: TeacherTip): [string, Caption][] => fields.map((f) => [f, tip[f]])

describe('teacher tips', () => {
  it('every lesson has two or three tips, and every tip belongs to a lesson', () => {
    expect(SCENARIOS.length).toBeGreaterThan(0)
    for (const s of SCENARIOS) {
      const n = tipsFor(s.id).length
      expect(n, s.id).toBeGreaterThanOrEqual(2)
      expect(n, s.id).toBeLessThanOrEqual(3)
    }
    const ids = new Set(SCENARIOS.map((s) => s.id))
    for (const id of Object.keys(TEACHER_TIPS)) expect(ids.has(id), `${id} is not a lesson`).toBe(true)
  })

  it('tipsFor returns the table row, and [] for an id without tips', () => {
    for (const [id, tips] of Object.entries(TEACHER_TIPS)) expect(tipsFor(id)).toBe(tips)
    expect(tipsFor('sandbox')).toEqual([])
    expect(tipsFor('')).toEqual([])
    expect(tipsFor('constructor')).toEqual([])
    expect(tipsFor('__proto__')).toEqual([])
  })

  it('every text exists in both languages, each in its language', () => {
    for (const { where, tip } of allTips) {
      for (const [f, c] of captionsOf(tip)) {
        expect(c.ja.trim().length, `${where} ${f} ja`).toBeGreaterThan(0)
        expect(c.en.trim().length, `${where} ${f} en`).toBeGreaterThan(0)
        expect(JA.test(c.ja), `${where} ${f}: ja is Japanese`).toBe(true)
        // English may name an exam source as it is written in Japanese (e.g. H18秋NW午後Ⅰ問4), nothing else.
        expect(JA.test(withoutSources(c.en)), `${where} ${f}: en has no Japanese`).toBe(false)
      }
    }
  })

  it('every anchor is a valid pattern that matches a step of its lesson', () => {
    const anchored = allTips.filter(({ tip }) => tip.at !== undefined)
    expect(anchored.length).toBeGreaterThan(0)
    for (const { where, id, tip } of anchored) {
      const s = SCENARIOS.find((x) => x.id === id)
      expect(s, id).toBeDefined()
      if (!s || tip.at === undefined) continue
      expect(tip.at.length, where).toBeGreaterThan(0)
      expect(() => new RegExp(tip.at as string), where).not.toThrow()
      const re = new RegExp(tip.at)
      const labels = compileScenario(s).timeline.steps.map(wireLabel)
      expect(
        labels.some((l) => re.test(l)),
        `${where}: /${tip.at}/ matches no step`,
      ).toBe(true)
    }
  })

  it('never calls base64 encryption', () => {
    for (const { where, tip } of allTips) {
      for (const [f, c] of captionsOf(tip)) {
        expect(c.en, `${where} ${f} en`).not.toMatch(/base64[^.]*encrypt/i)
        for (const sentence of c.ja.split('。')) expect(sentence, `${where} ${f} ja`).not.toMatch(/base64[^。]*暗号/i)
      }
    }
  })

  it('never says APOP encrypts the mail', () => {
    for (const { where, tip } of allTips) {
      for (const [f, c] of captionsOf(tip)) {
        // A sentence that names APOP and encryption together must be saying that APOP does not encrypt.
        for (const sentence of c.en.split(/(?<=\.)\s/)) {
          if (/APOP/.test(sentence) && /encrypt/i.test(sentence)) expect(sentence, `${where} ${f} en`).toMatch(/\bnot\b|\bno\b|n't/)
        }
        for (const sentence of c.ja.split('。')) {
          if (/APOP/.test(sentence) && /暗号/.test(sentence)) expect(sentence, `${where} ${f} ja`).toMatch(/ではなく|ではありません|ありません|ない/)
        }
      }
    }
  })

  it('cites only the exam sources the drills cite, the same ones in both languages', () => {
    expect(SOURCES.length).toBeGreaterThan(0)
    for (const { where, tip } of allTips) {
      for (const [f, c] of captionsOf(tip)) {
        for (const text of [c.ja, c.en]) {
          // Once the known sources are taken out, nothing shaped like an exam reference may remain.
          expect(withoutSources(text), `${where} ${f}: an exam reference not in drills.ts`).not.toMatch(EXAM_REF)
          expect(withoutSources(text), `${where} ${f}: an exam year`).not.toMatch(/[HR]\d{1,2}(?:[春秋]|NW|SC|SV|FE|AP|IP)|(?:平成|令和)\s*\d+\s*年/)
        }
        expect(sourcesIn(c.en), `${where} ${f}: same sources in ja and en`).toEqual(sourcesIn(c.ja))
      }
    }
  })
})
