import type { Scenario } from '../types'

// The sending server's view of 5xx: no retry; a bounce (DSN, RFC 3464 in multipart/report, RFC 6522) goes back
// to the envelope sender with the null reverse-path MAIL FROM:<> (RFC 5321 §4.5.5).
const boundary = '=_report_0001'

export default {
  id: 'smtp-permanent-failure',
  protocol: 'smtp',
  order: 80,
  title: { ja: '永久的なエラー（5xx）とエラーメール（バウンス）', en: 'Permanent errors (5xx) and the bounce message' },
  summary: {
    ja: '送信側のメールサーバの立場で、5xx の応答を受けたときの動きを追います。存在しない宛先は再送せず、送信者に配送状態通知（DSN）のエラーメールを送り返します。',
    en: 'Seen from the sending mail server: what it does with a 5xx reply. It does not retry the unknown recipient; it sends the original sender a bounce, a delivery status notification (DSN).',
  },
  client: { kind: 'mta', host: 'mx.sender.example', ip: '203.0.113.5' },
  servers: [
    { id: 'server', protocol: 'smtp', options: { hostname: 'mail.example.test', domains: ['example.test'], port: 25 } },
    {
      id: 'sender-mx',
      protocol: 'smtp',
      options: { hostname: 'mail.sender.example', domains: ['sender.example'], users: { alice: 'alice-secret' }, port: 25 },
    },
  ],
  lanes: ['sender-mx', 'client', 'server'],
  actions: [
    // Delivery to example.test: one recipient unknown.
    { type: 'connect', to: 'server' },
    { type: 'send', to: 'server', line: 'EHLO mx.sender.example' },
    { type: 'send', to: 'server', line: 'MAIL FROM:<alice@sender.example>' },
    {
      type: 'send',
      to: 'server',
      line: 'RCPT TO:<user3@example.test>',
      replyNote: {
        ja: '5xx は永久的なエラーなので、送信側のサーバは user3 宛てを再送しません。H18秋NW午後Ⅰ問4 が、迷惑メールを遮断するときに 400 番台ではなく 500 番台を使うとしたのは、このように相手に再送させないためです。',
        en: 'A 5xx is a permanent error, so the sending server will not retry user3. This is why H18秋NW午後Ⅰ問4 has a spam filter answer with 500-range codes rather than 400-range: the other side does not send again.',
      },
    },
    { type: 'send', to: 'server', line: 'RCPT TO:<user1@example.test>' },
    { type: 'send', to: 'server', line: 'DATA' },
    {
      type: 'body',
      to: 'server',
      lines: [
        'From: Alice <alice@sender.example>',
        'To: user1@example.test, user3@example.test',
        'Subject: Project plan',
        '',
        'Hello,',
        'the project plan is attached.',
      ],
    },
    {
      type: 'send',
      to: 'server',
      line: 'QUIT',
      note: {
        ja: 'user1 には届きましたが、user3 には届きません。送信側のサーバは、断られた宛先と応答をまとめた配送状態通知（DSN、RFC 3464）を作り、エンベロープの送信者 alice のメールサーバへ送ります。本文の検査で「.」のあとに 554 5.7.1 が返った場合も、同じようにエラーメールになります。',
        en: 'user1 has the message; user3 never will. The sending server writes a delivery status notification (DSN, RFC 3464) with the refused recipient and the reply, and sends it to the server of the envelope sender, alice. A 554 5.7.1 after the final "." from a content filter would end in a bounce the same way.',
      },
    },
    // The bounce to the envelope sender's domain.
    { type: 'connect', to: 'sender-mx' },
    { type: 'send', to: 'sender-mx', line: 'EHLO mx.sender.example' },
    {
      type: 'send',
      to: 'sender-mx',
      line: 'MAIL FROM:<>',
      note: {
        ja: 'エラーメールのエンベロープの送信者は空（<>、null reverse-path）にします（RFC 5321 §4.5.5）。このエラーメールが届かなくても返す先がないので、エラーメールがエラーメールを生み続けるループが起きません。',
        en: 'A bounce carries an empty envelope sender, <> (the null reverse-path, RFC 5321 §4.5.5). If this bounce cannot be delivered either, there is nowhere to return it, so bounces can never loop, one bouncing the next.',
      },
    },
    { type: 'send', to: 'sender-mx', line: 'RCPT TO:<alice@sender.example>' },
    {
      type: 'send',
      to: 'sender-mx',
      line: 'DATA',
      note: {
        ja: '中身は multipart/report（RFC 6522）で、人が読む説明、機械が読む配送状態（message/delivery-status、RFC 3464）、元のメールのヘッダの 3 つの部分です。Status: 5.1.1 と Diagnostic-Code: には、受信側の 550 の応答がそのまま写されます。',
        en: "The content is a multipart/report (RFC 6522) in three parts: an explanation for people, the delivery status for programs (message/delivery-status, RFC 3464), and the original message's headers. Status: 5.1.1 and Diagnostic-Code: copy the receiving server's 550 reply.",
      },
    },
    {
      type: 'body',
      to: 'sender-mx',
      lines: [
        'From: MAILER-DAEMON@mx.sender.example (Mail Delivery System)',
        'To: alice@sender.example',
        'Subject: Undelivered Mail Returned to Sender',
        'Date: Mon, 01 Jan 2024 10:00:00 +0000',
        'Message-ID: <bounce-0001@mx.sender.example>',
        'Auto-Submitted: auto-replied',
        'MIME-Version: 1.0',
        `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: text/plain; charset=us-ascii',
        '',
        'Your message could not be delivered to <user3@example.test>:',
        'mail.example.test has no such user. It was delivered to <user1@example.test>.',
        '',
        `--${boundary}`,
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.sender.example',
        '',
        'Final-Recipient: rfc822; user3@example.test',
        'Action: failed',
        'Status: 5.1.1',
        'Remote-MTA: dns; mail.example.test',
        'Diagnostic-Code: smtp; {{lastError}}',
        '',
        `--${boundary}`,
        'Content-Type: text/rfc822-headers',
        '',
        'From: Alice <alice@sender.example>',
        'To: user1@example.test, user3@example.test',
        'Subject: Project plan',
        '',
        `--${boundary}--`,
      ],
      replyNote: {
        ja: 'alice のメールボックスには Return-Path: <> の付いたメールとして届きます。不在通知のような自動応答は、返す先が <> のメールには送らない決まりなので（RFC 3834 §2）、ここでもループは起きません。',
        en: "It reaches alice's mailbox with Return-Path: <>. Automatic responders such as vacation notices must not answer a message whose return address is <> (RFC 3834 §2), so no loop starts here either.",
      },
    },
    { type: 'send', to: 'sender-mx', line: 'QUIT' },
  ],
} satisfies Scenario
