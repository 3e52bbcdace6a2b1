import type { Scenario } from '../types'

// The sending server's view of 4xx (RFC 5321 §4.2.1, §4.5.4.1): keep the message queued, retry, deliver later.
// The receiving server checks the mailbox before greylisting, so user2's triplet is first seen at the second try.
const message = [
  'From: Alice <alice@sender.example>',
  'To: user1@example.test, user2@example.test',
  'Subject: Agenda for Monday',
  '',
  'Hello both,',
  'the agenda is below.',
]

export default {
  id: 'smtp-temporary-failure',
  protocol: 'smtp',
  order: 70,
  title: { ja: '一時的なエラー（4xx）: キューに残して再送する', en: 'Temporary errors (4xx): keep the mail queued and retry' },
  summary: {
    ja: '送信側のメールサーバの立場で、4xx の応答を受けたときの動きを追います。1 回目はグレーリストとメールボックス満杯で断られますが、メールをキューに残して 30 分ごとに再送し、最後は 2 人とも届きます。',
    en: 'Seen from the sending mail server: what it does with 4xx replies. The first try meets greylisting and a full mailbox; the server keeps the message queued, retries every 30 minutes, and in the end both recipients get it.',
  },
  client: { kind: 'mta', host: 'mx.sender.example', ip: '203.0.113.5' },
  servers: [
    {
      id: 'server',
      protocol: 'smtp',
      options: { hostname: 'mail.example.test', domains: ['example.test'], port: 25, mailboxFullUntil: { user2: 1200 } },
      greylistDelay: 300,
    },
  ],
  actions: [
    // First try, at 10:00.
    { type: 'connect' },
    { type: 'send', line: 'EHLO mx.sender.example' },
    { type: 'send', line: 'MAIL FROM:<alice@sender.example>' },
    { type: 'send', line: 'RCPT TO:<user1@example.test>' },
    { type: 'send', line: 'RCPT TO:<user2@example.test>' },
    {
      type: 'send',
      line: 'QUIT',
      note: {
        ja: '受け付けられた宛先が 1 つもないので、送信側のサーバは DATA に進まずに QUIT します。450 も 452 も一時的なエラーなので、メールは捨てずに自分のキューに残し、時間をおいて再送します（RFC 5321 §4.5.4.1）。',
        en: 'No recipient was accepted, so the sending server skips DATA and sends QUIT. 450 and 452 are both temporary errors: it keeps the message in its own queue and tries again later (RFC 5321 §4.5.4.1).',
      },
    },
    // Second try, 30 minutes later (RFC 5321 §4.5.4.1: retry intervals of at least 30 minutes).
    { type: 'wait', seconds: 1800 },
    { type: 'connect' },
    { type: 'send', line: 'EHLO mx.sender.example' },
    {
      type: 'send',
      line: 'MAIL FROM:<alice@sender.example>',
      note: {
        ja: '30 分後、キューのメールを再送します。RFC 5321 §4.5.4.1 は、再送の間隔を 30 分以上にし、あきらめるまで 4〜5 日は続けるよう勧めています。',
        en: 'Thirty minutes later the queued message is tried again. RFC 5321 §4.5.4.1 advises retry intervals of at least 30 minutes, and to keep trying for 4 to 5 days before giving up.',
      },
    },
    {
      type: 'send',
      line: 'RCPT TO:<user1@example.test>',
      replyNote: {
        ja: '送信元の IP アドレス・送信者・宛先が 1 回目と同じで、5 分以上たってから来たので、グレーリストを通りました。',
        en: 'Same client address, sender and recipient as the first try, and more than five minutes later: the greylist lets it through.',
      },
    },
    {
      type: 'send',
      line: 'RCPT TO:<user2@example.test>',
      replyNote: {
        ja: 'user2 のメールボックスには空きができましたが、今度はグレーリストの 450 です。このサーバは満杯かどうかをグレーリストより先に調べるので、1 回目の user2 宛ては記録されておらず、今回が「初めて」なのです。どの検査を先にするかは、サーバの設定で決まります。',
        en: "user2's mailbox has room now, but this time the greylist answers 450. This server checks for a full mailbox before the greylist, so user2's first try was never recorded and this one counts as the first. Which check comes first depends on the server's configuration.",
      },
    },
    { type: 'send', line: 'DATA' },
    {
      type: 'body',
      lines: message,
      replyNote: {
        ja: 'user1 の分はここで受け取られ、送信側の責任は終わりました。user2 の分だけがキューに残ります。',
        en: 'The copy for user1 is accepted here, and the sending server is done with it. Only user2 stays in the queue.',
      },
    },
    { type: 'send', line: 'QUIT' },
    // Third try, another 30 minutes later: only the recipient still queued.
    { type: 'wait', seconds: 1800 },
    { type: 'connect' },
    { type: 'send', line: 'EHLO mx.sender.example' },
    { type: 'send', line: 'MAIL FROM:<alice@sender.example>' },
    { type: 'send', line: 'RCPT TO:<user2@example.test>' },
    { type: 'send', line: 'DATA' },
    {
      type: 'body',
      lines: message,
      replyNote: {
        ja: '1 時間かかりましたが、2 人とも届きました。H18秋NW午後Ⅰ問4 は、迷惑メールを遮断するときに 400 番台（一時的なエラー）ではなく 500 番台（永久的なエラー）を返し、再送させないという問題でした。4xx なら送信側は再送し、5xx なら再送しません。',
        en: 'It took an hour, but both recipients have the message. H18秋NW午後Ⅰ問4 asked why a server that blocks spam should answer with a 5xx (permanent error) rather than a 4xx (temporary error): after a 4xx the sender retries, after a 5xx it does not.',
      },
    },
    { type: 'send', line: 'QUIT' },
  ],
} satisfies Scenario
