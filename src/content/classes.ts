// The four reply classes for the legend (RFC 5321 §4.2.1); kept apart so the page shell stays small.
import type { ReplyClass } from '../model/types'
import type { Caption } from './types'

/** The four reply classes for the legend (RFC 5321 §4.2.1): short label + one sentence. */
export const replyClassCaptions = {
  positive: {
    ja: '2xx 成功：コマンドが受け付けられ、次の手順に進めます（RFC 5321 §4.2.1）。',
    en: '2xx Success: the command was accepted and the client can take the next step (RFC 5321 §4.2.1).',
  },
  intermediate: {
    ja: '3xx 中間応答：ここまでは受け付けたので続きを送ってほしい、という意味で、354 や 334 がこれです（RFC 5321 §4.2.1）。',
    en: '3xx Intermediate: accepted so far, please send the rest, as with 354 and 334 (RFC 5321 §4.2.1).',
  },
  transient: {
    ja: '4xx 一時的なエラー：送信側はメールをキューに残し、時間をおいて再送します（RFC 5321 §4.2.1、H18秋NW午後Ⅰ問4）。',
    en: '4xx Temporary error: the sending side keeps the mail in its queue and tries again later (RFC 5321 §4.2.1; exam H18秋NW午後Ⅰ問4).',
  },
  permanent: {
    ja: '5xx 永久的なエラー：再送しても同じ結果なので送信側は再送せず、送信者にエラーメールを返します（RFC 5321 §4.2.1、H18秋NW午後Ⅰ問4）。',
    en: '5xx Permanent error: retrying would fail the same way, so the sending side does not retry and returns a bounce to the sender (RFC 5321 §4.2.1; exam H18秋NW午後Ⅰ問4).',
  },
} as const satisfies Record<ReplyClass, Caption>

/** POP3 has two statuses (RFC 1939 §3); IMAP has tagged OK / NO / BAD and the "+" continuation (RFC 9051 §7.1). */
export const statusLegend = {
  pop3: [
    {
      status: '+OK',
      cls: 'positive',
      text: { ja: '+OK 成功：コマンドが受け付けられました（RFC 1939 §3）。', en: '+OK success: the command was accepted (RFC 1939 §3).' },
    },
    {
      status: '-ERR',
      cls: 'permanent',
      text: {
        ja: '-ERR 失敗：理由は続く文に書かれます。状態は変わりません（RFC 1939 §3）。',
        en: '-ERR failure: the text says why; the state does not change (RFC 1939 §3).',
      },
    },
  ],
  imap: [
    {
      status: 'OK',
      cls: 'positive',
      text: {
        ja: 'OK 成功：タグ付きのOKでそのコマンドが完了します（RFC 9051 §7.1.1）。',
        en: 'OK success: a tagged OK completes that command (RFC 9051 §7.1.1).',
      },
    },
    {
      status: '+',
      cls: 'intermediate',
      text: { ja: '+ 続きを送ってください（リテラルやSASLの応答）（RFC 9051 §7.6）。', en: '+ send the rest (a literal or a SASL response) (RFC 9051 §7.6).' },
    },
    {
      status: 'NO',
      cls: 'permanent',
      text: {
        ja: 'NO 失敗：コマンドは正しいが実行できませんでした（認証失敗など）（RFC 9051 §7.1.2）。',
        en: 'NO failure: a valid command that could not be carried out, e.g. a bad login (RFC 9051 §7.1.2).',
      },
    },
    {
      status: 'BAD',
      cls: 'permanent',
      text: {
        ja: 'BAD 誤り：文法の誤りや、その状態では使えないコマンドです（RFC 9051 §7.1.3）。',
        en: 'BAD error: a syntax error, or a command not allowed in this state (RFC 9051 §7.1.3).',
      },
    },
  ],
} as const satisfies Record<'pop3' | 'imap', readonly { status: string; cls: ReplyClass; text: Caption }[]>
