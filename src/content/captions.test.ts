// Every step has a caption in both languages; a missing key fails here (and in the type checker).
import { describe, expect, it } from 'vitest'
import { SMTP_COMMANDS, SMTP_REPLY_IDS } from '../model/smtp'
import { replyClassCaptions } from './classes'
import { smtpCommandCaptions, smtpReplyCaptions, smtpStepCaptions } from './smtp'
import { tcpCaptions, tlsCaptions } from './transport'
import { expectCaption } from './check'
import { UI_TEXT } from './ui'

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
    for (const [k, v] of Object.entries(UI_TEXT)) {
      expect(v.ja.length, k).toBeGreaterThan(0)
      expect(v.en.length, k).toBeGreaterThan(0)
    }
  })

  it('never calls base64 encryption', () => {
    const all = [...Object.values(smtpReplyCaptions), ...Object.values(smtpCommandCaptions), ...Object.values(smtpStepCaptions)]
    for (const c of all) {
      // A sentence that names base64 and encryption together must be saying that one is not the other.
      for (const sentence of c.en.split(/(?<=\.)\s/)) {
        if (/base64/i.test(sentence) && /encrypt/i.test(sentence)) expect(sentence).toMatch(/\bnot\b|\bno\b|n't/)
      }
      for (const sentence of c.ja.split('。')) {
        if (/base64/i.test(sentence) && /暗号/.test(sentence)) expect(sentence).toMatch(/ではなく|ではありません|ありません|ない/)
      }
    }
  })
})
