// Every step has a caption in both languages; a missing key fails here (and in the type checker).
// And no text a learner reads, in any file of src/content or any lesson, calls base64 (or APOP) encryption.
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SMTP_COMMANDS, SMTP_REPLY_IDS } from '../model/smtp'
import { SCENARIOS } from '../scenarios'
import { replyClassCaptions } from '../content/classes'
import { smtpCommandCaptions, smtpReplyCaptions, smtpStepCaptions } from '../content/smtp'
import { tcpCaptions, tlsCaptions } from '../content/transport'
import { captionsIn, encryptionClaims, expectCaption, termProblems } from '../content/check'
import { MODE_TEXT } from '../content/modes'
import { UI_TEXT } from '../content/ui'
import type { Caption } from '../content/types'

// Every module of src/content, whatever its name, so that a new caption file is checked without being listed.
// (Listed from the directory and imported by computed name rather than by import.meta.glob, which would count as
// a use of every export and hide dead ones from the dead-code check, knip.)
const CONTENT = join(dirname(fileURLToPath(import.meta.url)), '../content')
const names = readdirSync(CONTENT).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
const modules: Record<string, Record<string, unknown>> = Object.fromEntries(
  await Promise.all(names.map(async (f) => [f, (await import(`../content/${f.replace(/\.ts$/, '')}.ts`)) as Record<string, unknown>] as const)),
)
// Modules that hold code or types, not text: they re-export or hold no caption of their own.
const WITHOUT_TEXT = new Set(['index.ts', 'types.ts', 'check.ts'])

/** [where, caption] for every `{ ja, en }` exported by every file of src/content. */
const contentCaptions: [string, Caption][] = Object.entries(modules).flatMap(([f, exports]) =>
  Object.entries(exports).flatMap(([name, value]) => captionsIn(value, `${f} ${name}`)),
)
/** Lesson titles, summaries and the notes they add to steps. */
const lessonCaptions: [string, Caption][] = SCENARIOS.flatMap((s) => captionsIn(s, `lesson ${s.id}`))

describe('captions', () => {
  it('every SMTP reply id and command has one, naming its RFC section in both languages', () => {
    for (const id of SMTP_REPLY_IDS) {
      expectCaption(`reply ${id}`, smtpReplyCaptions[id])
      expect(smtpReplyCaptions[id].ja).toMatch(/RFC \d+/)
      expect(smtpReplyCaptions[id].en).toMatch(/RFC \d+/)
    }
    for (const c of [...SMTP_COMMANDS, 'unknown'] as const) expectCaption(`command ${c}`, smtpCommandCaptions[c])
    for (const [k, c] of Object.entries({ ...smtpStepCaptions, ...tcpCaptions, ...tlsCaptions, ...replyClassCaptions })) expectCaption(k, c)
  })

  it('every interface string exists in both languages', () => {
    for (const [k, v] of Object.entries({ ...UI_TEXT, ...MODE_TEXT })) {
      expect(v.ja.length, k).toBeGreaterThan(0)
      expect(v.en.length, k).toBeGreaterThan(0)
    }
  })
})

describe('every text in src/content and in the lessons', () => {
  it('is found: each content file with text contributes, lessons too', () => {
    const files = Object.keys(modules)
    // The files known today; a new one is picked up by the glob above without being named here.
    expect(files).toEqual(expect.arrayContaining(['smtp.ts', 'pop3.ts', 'imap.ts', 'transport.ts', 'classes.ts', 'drills.ts', 'map.ts', 'modes.ts', 'ui.ts']))
    for (const f of files.filter((x) => !WITHOUT_TEXT.has(x))) {
      expect(contentCaptions.filter(([w]) => w.startsWith(`${f} `)).length, `${f}: no { ja, en } text found in its exports`).toBeGreaterThan(0)
    }
    // Nested tables are walked: POP3 and IMAP keep theirs one level down, drills in a list.
    expect(contentCaptions.some(([w]) => w.startsWith('pop3.ts pop3Captions.replies.'))).toBe(true)
    expect(contentCaptions.some(([w]) => w.startsWith('imap.ts imapCaptions.continuations.'))).toBe(true)
    expect(contentCaptions.some(([w]) => /^drills\.ts DRILLS\[\d+\]\.choices\[\d+\]\.text$/.test(w))).toBe(true)
    expect(contentCaptions.some(([w]) => w.startsWith('modes.ts MODE_TEXT.'))).toBe(true)
    expect(lessonCaptions.some(([w]) => w.includes('.note'))).toBe(true)
  })

  it('exists in both languages', () => {
    for (const [where, c] of [...contentCaptions, ...lessonCaptions]) {
      expect(c.ja.trim().length, `${where} ja`).toBeGreaterThan(0)
      expect(c.en.trim().length, `${where} en`).toBeGreaterThan(0)
    }
  })

  it('never calls base64 encryption, nor says APOP encrypts, in Japanese or English', () => {
    const bad = [...contentCaptions, ...lessonCaptions].flatMap(([where, c]) => encryptionClaims(c, /base64|ベース64|APOP/i).map((s) => `${where}: ${s}`))
    expect(bad).toEqual([])
  })
})

describe('one word for each idea (issue 10, item 8)', () => {
  it('every text in src/content and in the lessons follows the word list and uses full-width （） in Japanese', () => {
    const bad = [...contentCaptions, ...lessonCaptions].flatMap(([where, c]) => termProblems(c).map((p) => `${where}: ${p}`))
    expect(bad).toEqual([])
  })

  it('the check flags each word the review found, as it was written before', () => {
    const en = 'English side.'
    const cases: [string, RegExp][] = [
      ['MAIL FROM で 1 通分の取引を始めます。', /メールトランザクション/],
      ['base64を復号する', /デコード/],
      ['サーバはメールドロップをロックします。', /メールボックス/],
      ['ユーザー名とパスワードを送ります。', /ユーザ名/],
      ['利用者名とパスワードを送ります。', /ユーザ名/],
      ['利用者IDとパスワードを送ります。', /ユーザID/],
      ['メールソフトは SMTP AUTH に対応していません。', /SMTP-AUTH/],
      ['まず挨拶で名乗ります。', /あいさつ/],
      ['ワイヤ上のバイト', /ネットワーク上/],
      ['通信路の上では CRLF . CRLF です。', /ネットワーク上/],
      ['パスワードは回線に流れません。', /ネットワーク上/],
      ['経路上の誰でも読めます。', /ネットワーク上/],
      ['SYNを送ります(RFC 9293 §3.5)。', /（）/],
      ['サンドボックス (telnet のように入力)', /（）/],
    ]
    for (const [ja, use] of cases) expect(termProblems({ ja, en }).join(' '), ja).toMatch(use)
  })

  it('the check accepts the chosen words, 復号 for TLS decryption, and a wire line quoted in 「」', () => {
    const good: [string, string][] = [
      ['MAIL FROM で 1 通分のメールトランザクションを始めます（RFC 5321 §4.1.1.2）。', 'MAIL FROM opens a mail transaction.'],
      ['base64 は誰でもデコードできます。', 'Anyone can decode base64.'],
      ['メール本文も暗号化されたまま届き、PCの中で復号されます。', 'The message arrives encrypted and is decrypted on the PC.'],
      ['このレッスンの「FETCH 1:* (FLAGS ENVELOPE)」は本文を取り出しません。', 'FETCH 1:* (FLAGS ENVELOPE) fetches no body.'],
      ['ユーザ名とパスワードを SMTP-AUTH で送ります。ネットワーク上では平文です。', 'SMTP AUTH sends the user name and password.'],
    ]
    for (const [ja, en] of good) expect(termProblems({ ja, en }), ja).toEqual([])
    // 復号 said of base64, or where the English only decodes, is flagged.
    expect(termProblems({ ja: 'base64を復号すると読めます。', en: 'Decrypt it.' })).toHaveLength(1)
    expect(termProblems({ ja: '復号結果: {text}', en: 'Decoded: {text}' })).toHaveLength(1)
  })
})

describe('the encryption check itself', () => {
  const flagged = (ja: string, en: string, subject?: RegExp) => encryptionClaims({ ja, en }, subject)

  it('flags base64 called encryption, in either language', () => {
    expect(flagged('base64は暗号化の一種です。', 'Base64 is an encoding.')).toEqual(['ja: base64は暗号化の一種です'])
    expect(flagged('base64は符号化です。', 'Base64 encrypts the password.')).toEqual(['en: Base64 encrypts the password.'])
    for (const en of [
      'The password is base64-encrypted.',
      'Base64 is a weak encryption.',
      'Base64 is not plain text but encryption.',
      'An eavesdropper must decrypt the base64 first.',
      'Base64 is not readable; it is encrypted.',
      'AUTH PLAIN sends the base64 ciphertext.',
    ]) {
      expect(flagged('base64は符号化です。', en), en).toHaveLength(1)
    }
    for (const ja of [
      'パスワードはbase64で暗号化されます。',
      'base64は暗号です。',
      'base64で暗号化してから送ります。',
      'base64は暗号化ではないが、TLSなしでも暗号化して送る。',
      'ベース64による暗号化です。',
    ]) {
      expect(flagged(ja, 'Base64 is an encoding.'), ja).toHaveLength(1)
    }
  })

  it('accepts sentences that say base64 is not encryption, and encryption said of something else', () => {
    const good: [string, string][] = [
      ['base64は符号化であって暗号化ではありません。', 'Base64 is an encoding, not encryption.'],
      ['base64は暗号化ではなく、誰でも戻せます。', 'PLAIN only encodes the password in base64, which is not encryption.'],
      ['base64で符号化されているだけで、暗号化ではありません。', 'Only base64-encoded, not encrypted: one click turns it back.'],
      ['AUTH PLAINのbase64は符号化にすぎず暗号化ではない。', 'Base64 is an encoding anyone can decode, not encryption: send it inside TLS.'],
      ['STARTTLSで暗号化します。base64の中身も確かめます。', 'STARTTLS encrypts the connection. The base64 lines are shown too.'],
    ]
    for (const [ja, en] of good) expect(flagged(ja, en), `${ja} / ${en}`).toEqual([])
  })

  it('APOP: "encrypts nothing" and 暗号化はされません are denials; "APOP encrypts the mail" is not', () => {
    const apop = /APOP/
    expect(flagged('APOPでも本文は暗号化はされません。', 'APOP encrypts nothing.', apop)).toEqual([])
    expect(flagged('APOPはメールを暗号化するものではありません。', 'APOP does not encrypt the mail.', apop)).toEqual([])
    expect(flagged('APOPはメールを暗号化します。', 'APOP encrypts the mail.', apop)).toEqual(['en: APOP encrypts the mail.', 'ja: APOPはメールを暗号化します'])
  })
})
