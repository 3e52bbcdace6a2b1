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

/** Every `{ ja, en }` text inside a value (a caption table, a list of drills, a lesson), with where it is. */
export function captionsIn(value: unknown, where: string, seen = new Set<object>()): [string, Caption][] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return []
  seen.add(value)
  const o = value as Record<string, unknown>
  if (typeof o.ja === 'string' && typeof o.en === 'string') return [[where, { ja: o.ja, en: o.en }]]
  const entries = Array.isArray(value)
    ? value.map((v, i): [string, unknown] => [`${where}[${i}]`, v])
    : Object.entries(o).map(([k, v]): [string, unknown] => [`${where}.${k}`, v])
  return entries.flatMap(([w, v]) => captionsIn(v, w, seen))
}

// What counts as calling something encryption, and as saying that it is not.
const EN_CRYPT = /\b(?:en|de)crypt\w*|\bcipher\w*/gi
const EN_DENIED_BEFORE = /\b(?:not|no|never|nor|without|isn't|aren't|doesn't|don't|cannot|can't)\s+(?:[\w-]+\s+)?$/i
const EN_DENIED_AFTER = /^\s+(?:nothing|none)\b/i
const JA_CRYPT = /暗号/g
const JA_DENIED_AFTER = /^化?[はも]?(?:(?:する|される)?(?:もの|わけ)?(?:では|じゃ|で)(?:な|ありません)|(?:され(?:て)?(?:い)?|し)(?:な|ません|ず))/

/**
 * The sentences of a caption that call `subject` (base64 by default) encryption without saying it is not:
 * every "encrypt…", "decrypt…", "cipher…" (English) or 暗号 (Japanese) in a sentence that names the subject
 * must be denied ("not encryption", "encrypts nothing", 暗号化ではありません, 暗号化はされません …).
 * Returns `ja: …` / `en: …` sentences; none for a caption that is right.
 */
export function encryptionClaims(c: Caption, subject: RegExp = /base64|ベース64/i): string[] {
  const names = new RegExp(subject.source, subject.flags.replace('g', ''))
  const bad: string[] = []
  for (const sentence of c.en.split(/(?<=[.!?])\s+|\n+/)) {
    if (!names.test(sentence)) continue
    for (const m of sentence.matchAll(EN_CRYPT)) {
      const before = sentence.slice(0, m.index)
      const after = sentence.slice(m.index + m[0].length)
      if (!EN_DENIED_BEFORE.test(before) && !EN_DENIED_AFTER.test(after)) bad.push(`en: ${sentence}`)
    }
  }
  for (const sentence of c.ja.split(/[。．！？!?\n]/)) {
    if (!names.test(sentence)) continue
    for (const m of sentence.matchAll(JA_CRYPT)) {
      if (!JA_DENIED_AFTER.test(sentence.slice(m.index + m[0].length))) bad.push(`ja: ${sentence}`)
    }
  }
  return [...new Set(bad)]
}

/**
 * One word for each idea across every text a learner reads (issue 10, item 8): the terms the exams use, and one
 * style of parentheses in Japanese. Each rule names what to write instead.
 */
export const JA_TERMS: readonly { readonly bad: RegExp; readonly use: string }[] = [
  { bad: /取引/, use: 'メールトランザクション' },
  { bad: /メールドロップ/, use: 'メールボックス' },
  { bad: /ユーザー|ユーザネーム|利用者名|利用者ID/, use: 'ユーザ名 / ユーザID' },
  { bad: /SMTP[ \u3000]*AUTH|SMTPAUTH/, use: 'SMTP-AUTH' },
  { bad: /挨拶/, use: 'あいさつ' },
  // "On the wire": one natural word, not a calque of "wire".
  { bad: /ワイヤ|通信路|回線上|回線に|経路上|線路上/, use: 'ネットワーク上' },
]

/** Japanese text outside 「…」 quotes (where a wire line keeps its own characters). */
const outsideQuotes = (ja: string) => ja.replace(/「[^」]*」/g, '')

/** The term-list problems of one text, as `ja: <found> → <write instead>`; none for a text that follows the list. */
export function termProblems(c: Caption): string[] {
  const bad: string[] = []
  for (const { bad: re, use } of JA_TERMS) {
    const m = re.exec(c.ja)
    if (m) bad.push(`ja: ${m[0]} → ${use}`)
  }
  // 復号 is decryption: never for base64 (which is decoded: デコード, 元に戻す), and only where the English decrypts.
  for (const sentence of c.ja.split(/[。．！？!?\n]/).filter((x) => x.includes('復号'))) {
    if (/base64|ベース64|BASE64/i.test(sentence) || !/decrypt/i.test(c.en)) bad.push(`ja: 復号 → デコード / 元に戻す (${sentence})`)
  }
  // Japanese text uses full-width （） around its asides; a wire line with its own () goes inside 「」.
  const half = /[()][^()]{0,12}/.exec(outsideQuotes(c.ja))
  if (half) bad.push(`ja: half-width parenthesis near "${half[0]}" → （）, or quote the wire line in 「」`)
  return bad
}
