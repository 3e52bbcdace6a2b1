// Shared by the caption tests: a caption exists in both languages and each is in its language.
import { expect } from 'vitest'
import type { Caption } from './types'

const JA = /[\u3040-\u30ff\u4e00-\u9fff]/
// Exam sources keep their Japanese names in English text (e.g. H18秋NW午後Ⅰ問4).
const withoutExamIds = (s: string) => s.replace(/[HR]\d{1,2}\S*?問\d+/g, '')

export function expectCaption(where: string, c: Caption | null | undefined): void {
  expect(c, where).toBeTruthy()
  expect(c?.ja.trim().length, `${where} ja`).toBeGreaterThan(10)
  expect(c?.en.trim().length, `${where} en`).toBeGreaterThan(10)
  expect(JA.test(c?.ja ?? ''), `${where}: ja is Japanese`).toBe(true)
  expect(JA.test(withoutExamIds(c?.en ?? '')), `${where}: en has no Japanese`).toBe(false)
}
