// The errors an RFC review of every caption found (issue 10, "Fix what is wrong today"), each checked on the
// lessons as the build compiles them, or on the caption tables: each test fails on the text or behaviour it replaced.
import { describe, expect, it } from 'vitest'
import { captionsIn } from '../content/check'
import { DRILLS, drillStepNumber } from '../content/drills'
import { TEACHER_TIPS } from '../content/tips'
import { tcpCaptions } from '../content/transport'
import { statusLegend } from '../content/classes'
import { pop3Captions } from '../content/pop3'
import { smtpCommandCaptions, smtpReplyCaptions } from '../content/smtp'
import type { Caption } from '../content/types'
import { wireLabel } from '../model/label'
import { RFC_REPLY_CODES, SMTP_REPLIES } from '../model/smtp/replies'
import { findScenario, SCENARIOS } from '../scenarios'
import { compileScenario } from './compile'

function lesson(id: string) {
  const s = findScenario(id)
  if (!s) throw new Error(`no lesson ${id}`)
  return { scenario: s, ...compileScenario(s) }
}
const both = (c: Caption | null | undefined) => `${c?.ja ?? ''}\n${c?.en ?? ''}`

describe('item 2: the FIN after the goodbye, per protocol', () => {
  for (const s of SCENARIOS) {
    it(`${s.id}: the server's first FIN is explained for ${s.protocol}, with no 221 outside SMTP`, () => {
      const { timeline, captions } = lesson(s.id)
      const fins = timeline.steps.filter((st) => st.kind.layer === 'tcp' && st.kind.key === 'fin-first' && st.from !== 'client')
      for (const st of fins) {
        const c = captions[st.index]
        const protocol = st.kind.layer === 'tcp' && st.kind.key !== 'syn-dropped' ? st.kind.protocol : undefined
        expect(protocol, s.id).toBeDefined()
        if (protocol === 'smtp') {
          // The article's capture lacks the SERVER's FIN, which rode with the 221; never the client's.
          expect(c?.en).toMatch(/server's FIN rode on the segment that carried the 221/)
          expect(c?.ja).toMatch(/サーバのFINが221と同じセグメント/)
          expect(c?.en).not.toMatch(/client's FIN/)
        } else {
          expect(both(c), `${s.id} step ${st.index + 1}`).not.toMatch(/221/)
          expect(c?.en).toMatch(protocol === 'pop3' ? /QUIT with \+OK/ : /LOGOUT with "\* BYE"/)
        }
      }
    })
  }

  it('the bye caption and the FIN caption tell the same story: the server closes, its FIN may ride with the 221', () => {
    expect(smtpReplyCaptions.bye.en).toMatch(/FIN may ride in the same segment as the 221/)
    const { timeline, captions } = lesson('smtp-basic')
    const fin = timeline.steps.find((st) => st.kind.layer === 'tcp' && st.kind.key === 'fin-first')
    expect(fin?.from).toBe('server')
    expect(captions[fin?.index ?? -1]?.en).toMatch(/^The server sends FIN first/)
  })
})

describe("item 2: wherever a text explains the article's missing FIN, it is the server's", () => {
  it('captions, teacher tips and lesson notes', () => {
    const texts = [
      ...captionsIn(tcpCaptions, 'tcp'),
      ...captionsIn(smtpReplyCaptions, 'smtp'),
      ...captionsIn(TEACHER_TIPS, 'tips'),
      ...SCENARIOS.flatMap((s) => captionsIn(s, s.id)),
    ].filter(([, c]) => /article's capture/.test(c.en) && /FIN/.test(c.en))
    expect(texts.length).toBeGreaterThan(1)
    for (const [where, c] of texts) {
      expect(c.en, where).toMatch(/server's FIN/)
      expect(c.en, where).not.toMatch(/client's FIN|FIN from the client/)
      expect(c.ja, where).toMatch(/サーバの FIN|サーバのFIN/)
    }
  })
})

describe('item 3: implicit TLS: the client speaks next, with ClientHello', () => {
  for (const id of ['smtps', 'pop3s', 'imaps']) {
    it(`${id}: the caption before the ClientHello does not say the server speaks first`, () => {
      const { timeline, captions } = lesson(id)
      const hello = timeline.steps.findIndex((st) => st.kind.layer === 'tls' && st.kind.key === 'client-hello')
      expect(hello).toBeGreaterThan(0)
      const before = captions[hello - 1]
      expect(timeline.steps[hello - 1]?.kind).toMatchObject({ layer: 'tcp', key: 'ack' })
      expect(before?.en).not.toMatch(/server speaks first/)
      expect(before?.ja).not.toMatch(/最初に話すのはサーバ/)
      expect(before?.en).toMatch(/ClientHello/)
      expect(before?.ja).toMatch(/ClientHello/)
    })
  }

  it('a cleartext port still says the server speaks first', () => {
    const { timeline, captions } = lesson('smtp-basic')
    const ack = timeline.steps.find((st) => st.kind.layer === 'tcp' && st.kind.key === 'ack')
    expect(captions[ack?.index ?? -1]?.en).toMatch(/the server speaks first/)
  })
})

describe('item 4: FETCH says \\Seen was set only when it was', () => {
  it('imap-basic: BODY.PEEK and FLAGS leave \\Seen; BODY[TEXT] sets it, and each completion says which', () => {
    const { timeline, captions } = lesson('imap-basic')
    const completion = (tag: string) => {
      const st = timeline.steps.find((x) => x.from !== 'client' && x.lines.some((l) => l.startsWith(`${tag} OK`)))
      if (!st) throw new Error(`no completion for ${tag}`)
      return { id: st.kind.key === 'reply' ? st.kind.replyId : '', caption: captions[st.index] }
    }
    for (const tag of ['a4', 'a5', 'a7']) {
      const { id, caption } = completion(tag)
      expect(id, tag).toBe('fetchOk')
      expect(caption?.en, tag).toMatch(/No flag changed this time/)
      expect(caption?.en, tag).not.toMatch(/now carr/)
    }
    const a6 = completion('a6')
    expect(a6.id).toBe('fetchOkSeen')
    expect(a6.caption?.en).toMatch(/now carries the seen flag/)
  })
})

describe('item 5: the right sections', () => {
  it('IMAP "+" is RFC 9051 §7.6', () => {
    const plus = statusLegend.imap.find((x) => x.status === '+')
    expect(both(plus?.text)).toMatch(/RFC 9051 §7\.6/)
    expect(both(plus?.text)).not.toMatch(/§7\.5\b/)
  })

  it('552 for too much mail data is RFC 5321 §4.5.3.1.7 / §4.5.3.1.9, not §4.5.3.1.10', () => {
    for (const text of [both(smtpReplyCaptions.tooBig), SMTP_REPLIES.tooBig.rfc]) {
      expect(text).toMatch(/§4\.5\.3\.1\.7/)
      expect(text).toMatch(/§4\.5\.3\.1\.9/)
      expect(text).not.toMatch(/§4\.5\.3\.1\.10/)
    }
  })

  it('2.1.0 is "other address status" (RFC 3463 §3.2), not "originator OK"', () => {
    expect(smtpReplyCaptions.mailOk.en).toMatch(/"other address status" in RFC 3463 §3\.2/)
    expect(both(smtpReplyCaptions.mailOk)).not.toMatch(/originator|送信者 OK/i)
  })

  it('RPOP was removed by RFC 1460 and LAST by RFC 1725', () => {
    for (const text of [pop3Captions.replies.obsoleteCommand.ja, pop3Captions.replies.obsoleteCommand.en]) {
      expect(text).toMatch(/RPOP[^。.]*RFC 1460/)
      expect(text).toMatch(/LAST[^。.]*RFC 1725/)
    }
  })
})

describe("item 6: RFC 3207 §4 lists 220, 501 and 454; 502 and 503 are Postfix's", () => {
  it('the STARTTLS captions say so, and the reply table cites no RFC 3207 rule for 503', () => {
    for (const c of [smtpCommandCaptions.STARTTLS, smtpReplyCaptions.tlsInTransaction]) {
      expect(c.en).toMatch(/220, 501 and 454|220 \(go ahead\), 501 \(bad syntax\) and 454/)
      expect(c.en).toMatch(/Postfix's choice/)
      expect(c.ja).toMatch(/Postfix の選んだ答え/)
    }
    expect(SMTP_REPLIES.tlsInTransaction.rfc).not.toMatch(/3207/)
    expect(RFC_REPLY_CODES.STARTTLS).toEqual(expect.arrayContaining([220, 501, 454]))
  })
})

describe('item 7: smtp-transaction tells its own story', () => {
  const { scenario, timeline } = lesson('smtp-transaction')
  const rcpts = (from: number, to: number) =>
    timeline.steps.slice(from, to).flatMap((st) => (st.from === 'client' && /^RCPT TO:/.test(wireLabel(st)) ? [st] : []))
  const rset = timeline.steps.findIndex((st) => st.from === 'client' && wireLabel(st) === 'RSET')
  const before = rcpts(0, rset)
  const refused = before.findIndex((st) => /^5\d\d /.test(wireLabel(timeline.steps[st.index + 1] ?? st)))
  const ordinal = ['first', 'second', 'third', 'fourth']

  it('the summary puts the refusal and RSET where the session has them', () => {
    expect(rset).toBeGreaterThan(0)
    expect(refused).toBeGreaterThanOrEqual(0)
    // The refused recipient is not the last one named before RSET: RSET does not follow the 550 at once.
    expect(refused).toBeLessThan(before.length - 1)
    expect(scenario.summary.en).toContain(`the ${ordinal[refused]}, misspelt, is refused with 550`)
    expect(scenario.summary.en).toContain(`After the ${ordinal[before.length - 1]}, the sender starts the transaction over with RSET`)
    expect(scenario.summary.ja).toContain(`${refused + 1} つ目は綴りの誤りで 550`)
    expect(scenario.summary.ja).toContain(`${before.length} つ目まで伝えたあとで送り手が RSET`)
  })

  it('the RSET note names for the next transaction exactly the recipients it names', () => {
    const note = timeline.steps[rset]?.note
    expect(note).toBeDefined()
    const after = new Set(rcpts(rset, timeline.steps.length).map((st) => /<([^@>]+)@/.exec(wireLabel(st))?.[1]))
    const named = (sentence: string | undefined) => new Set(sentence?.match(/\b(?:user\d|usr\d|postmaster)\b/g) ?? [])
    const en = note?.en.split(/(?<=\.)\s+/).find((x) => /next transaction/.test(x))
    const ja = note?.ja.split('。').find((x) => /次のメールトランザクション/.test(x))
    expect(named(en)).toEqual(after)
    expect(named(ja)).toEqual(after)
  })
})

describe('item 9: what the article says in passing, said where it happens', () => {
  const notes = (id: string) => {
    const { scenario, timeline } = lesson(id)
    return [scenario.summary, ...timeline.steps.flatMap((st) => (st.note ? [st.note] : []))]
  }

  it('APOP needs both the server and the mail program (pop3-apop)', () => {
    expect(notes('pop3-apop').some((n) => /両方が対応/.test(n.ja) && /both the server and the mail program/.test(n.en))).toBe(true)
  })

  it('TLS used to be called SSL (pop3s)', () => {
    expect(notes('pop3s').some((n) => /古くはSSL/.test(n.ja) && /used to be called SSL/.test(n.en))).toBe(true)
  })

  it("the article's REPT TO typo is pointed out at the RCPT step of smtp-basic", () => {
    const { timeline } = lesson('smtp-basic')
    const rcpt = timeline.steps.find((st) => st.from === 'client' && /^RCPT TO:/.test(wireLabel(st)))
    expect(rcpt?.note?.ja).toMatch(/REPT TO/)
    expect(rcpt?.note?.en).toMatch(/REPT TO: a typo for RCPT TO/)
  })

  it('the EHLO [10.1.1.10] address literal, and the missing blank line of the telnet demo (smtp-envelope-vs-header)', () => {
    const all = notes('smtp-envelope-vs-header')
    expect(all.some((n) => n.ja.includes('EHLO [10.1.1.10]') && /アドレスリテラル/.test(n.ja) && /address literal/.test(n.en))).toBe(true)
    expect(all.some((n) => /空行が抜けて/.test(n.ja) && /no blank line between To: and Hello/.test(n.en))).toBe(true)
  })
})

describe('item 10: drills', () => {
  it('pop3s links to the greeting that arrives after the TLS handshake, not to the ClientHello', () => {
    const d = DRILLS.find((x) => x.link.scenario === 'pop3s')
    expect(d).toBeDefined()
    const { timeline } = lesson('pop3s')
    const n = drillStepNumber(d?.link ?? { scenario: '', text: '^$' }, timeline.steps) ?? 0
    const step = timeline.steps[n - 1]
    const lastTls = timeline.steps.findLastIndex((st) => st.layer === 'tls')
    expect(step?.from).toBe('server')
    expect(step?.kind).toMatchObject({ layer: 'pop3', key: 'reply', replyId: 'greeting' })
    expect(step?.index).toBeGreaterThan(lastTls)
  })

  it('H29秋NW午前Ⅱ問9 links to the EHLO reply that lists the extensions', () => {
    const d = DRILLS.find((x) => x.source === 'H29秋NW午前Ⅱ問9')
    expect(d).toBeDefined()
    const { timeline } = lesson(d?.link.scenario ?? '')
    const n = drillStepNumber(d?.link ?? { scenario: '', text: '^$' }, timeline.steps) ?? 0
    const step = timeline.steps[n - 1]
    expect(step?.kind).toMatchObject({ layer: 'smtp', key: 'reply', replyId: 'ehloOk' })
    expect(step?.lines.length).toBeGreaterThan(2)
  })

  // The exam wording as the article quotes it, kept here only to measure how far our own words stay from it.
  const EXAM: Record<string, string> = {
    H21春SC午前2問3: 'クライアントがSMTPサーバにアクセスしたときに利用者認証を行い、許可された利用者だけから電子メールを受け付ける',
    H19NW午前問35:
      'メールをメールサーバ上のメールボックスで管理することによって、発信者やタイトルを確認してからメールをダウンロードするかどうかを決めることができる',
    H18SV午前問16:
      '利用者端末がサーバ~電子メールを受信するために使用するプロトコルで、選択したメールだけを利用者端末へ送信する機能、サーバ上のメールを検索する機能、メールのヘッダだけを取り出す機能などをもつものはどれか',
    H20秋FE午前問50: 'メールサーバのメールボックスから電子メールを取り出すときに使用するプロトコル',
    H22春SC午前2問15: '通常のSMTPとは独立したサブミッションポートを使用して、メールサーバ接続時の認証を行う',
  }
  /** Dice similarity of character pairs, punctuation and spaces left out: 1 is the same text. */
  const similarity = (a: string, b: string) => {
    const pairs = (s: string) => {
      const t = s.replace(/[\s、。,（）()]/g, '')
      return Array.from({ length: Math.max(0, t.length - 1) }, (_, i) => t.slice(i, i + 2))
    }
    const pa = pairs(a)
    const left = pairs(b)
    let shared = 0
    for (const p of pa) {
      const i = left.indexOf(p)
      if (i >= 0) {
        shared++
        left.splice(i, 1)
      }
    }
    return (2 * shared) / (pa.length + pairs(b).length)
  }

  it('no question or choice echoes the exam wording it paraphrases', () => {
    expect(similarity('ab', 'ab')).toBe(1)
    const close: string[] = []
    for (const d of DRILLS) {
      const exam = EXAM[d.source]
      if (!exam) continue
      for (const text of [d.question.ja, ...d.choices.map((c) => c.text.ja)]) {
        const s = similarity(text, exam)
        if (s >= 0.4) close.push(`${d.source} ${s.toFixed(2)}: ${text}`)
      }
    }
    expect(close).toEqual([])
  })
})
