import type { Scenario } from '../types'

// The article's telnet demo (§3): the envelope (MAIL FROM / RCPT TO) delivers, the header From:/To: is only displayed.
// A second RCPT that no header names is how Bcc works. Domains are the reserved example ones (RFC 2606, RFC 6761).
export default {
  id: 'smtp-envelope-vs-header',
  protocol: 'smtp',
  order: 90,
  title: { ja: 'エンベロープとヘッダ: 表示される差出人は別物', en: 'Envelope and header: the sender you see is not the one that counts' },
  summary: {
    ja: '元記事の telnet の実験を再現します。エンベロープ（MAIL FROM・RCPT TO）とヘッダ（From:・To:）にまったく違うアドレスを書いても、メールはエンベロープに従って届きます。',
    en: "The article's telnet experiment, replayed: the envelope (MAIL FROM, RCPT TO) and the header (From:, To:) name entirely different addresses, and the mail is delivered by the envelope.",
  },
  client: { host: 'pc1.a.example', ip: '192.0.2.10' },
  servers: [{ id: 'server', protocol: 'smtp', options: { hostname: 'mail.example.test', domains: ['example.test'], port: 25 } }],
  actions: [
    {
      type: 'send',
      line: 'HELO a.example',
      note: {
        ja: '元記事の「HELO <a.com>」の山かっこは「ここに名前を入れる」という印で、実際に送るのは HELO a.example のような名前だけです。元記事が挙げるもう一つの形「EHLO [10.1.1.10]」は、名前の代わりに自分の IP アドレスを [ ] で囲んで名乗るアドレスリテラルです（RFC 5321 §4.1.3）。',
        en: 'In the article\'s "HELO <a.com>" the angle brackets only mark where the name goes; what is actually sent is the bare name, as in HELO a.example. The other form the article shows, EHLO [10.1.1.10], names the client by its IP address in square brackets instead: an address literal (RFC 5321 §4.1.3).',
      },
    },
    {
      type: 'send',
      line: 'MAIL FROM:<test@a.example>',
      note: {
        ja: 'エンベロープの送信者は test@a.example です。配送のとき、サーバはこの値を Return-Path: ヘッダとしてメールの先頭に書き込みます。',
        en: 'The envelope sender is test@a.example. On delivery the server writes this value at the top of the message as the Return-Path: header.',
      },
    },
    { type: 'send', line: 'RCPT TO:<user1@example.test>' },
    {
      type: 'send',
      line: 'RCPT TO:<user2@example.test>',
      note: {
        ja: '2 つ目の宛先 user2 は、このあとのヘッダのどこにも書きません。これが Bcc（ブラインドカーボンコピー）のしくみです。メールソフトは Bcc: 欄のアドレスを RCPT TO にだけ使い、ふつう Bcc: ヘッダは送る前に消すので（RFC 5322 §3.6.3）、user1 には user2 にも届いたことが分かりません。',
        en: 'The second recipient, user2, appears in none of the header lines that follow. That is how Bcc (blind carbon copy) works: the mail program uses the Bcc: addresses only for RCPT TO and usually removes the Bcc: header before sending (RFC 5322 §3.6.3), so user1 cannot tell that user2 got a copy.',
      },
    },
    {
      type: 'send',
      line: 'DATA',
      replyNote: {
        ja: '354 のあとは、ヘッダ、空行、本文の順に送ります（RFC 5322 §2.1）。元記事の telnet の例では To: と Hello の間の空行が抜けていて、Hello が本文なのか誤ったヘッダ行なのかは受け取る側の判断任せになります。このレッスンでは空行を入れて送ります。',
        en: "After 354 come the header lines, a blank line, then the body (RFC 5322 §2.1). The article's telnet example has no blank line between To: and Hello, which leaves it to the receiving side whether Hello is body text or a broken header line. This lesson sends the blank line.",
      },
    },
    {
      type: 'body',
      lines: ['From: b@b.example', 'To: c@c.example', 'Subject: dummy mail', '', 'Hello'],
      note: {
        ja: 'ヘッダの From: は b@b.example、To: は c@c.example で、エンベロープ（test@a.example から user1・user2 へ）とまったく違います。SMTP サーバは配送にヘッダを使わないので、このまま届きます。メールソフトが差出人・宛先として表示するのは、このヘッダのほうです。',
        en: 'The header says From: b@b.example and To: c@c.example, nothing like the envelope (test@a.example to user1 and user2). The SMTP server does not use the header for delivery, so the message goes through as it is. The mail program shows this header as the sender and recipient.',
      },
      replyNote: {
        ja: '配送のとき、サーバは先頭に Return-Path: <test@a.example>（MAIL FROM の値）と、HELO の名前 a.example と IP アドレス 192.0.2.10 を記した Received: を加えます（RFC 5321 §4.4）。表示上の差出人はいくらでも偽れるので、SPF・DKIM・DMARC などの送信ドメイン認証で確かめます。',
        en: 'On delivery the server adds Return-Path: <test@a.example> (the MAIL FROM value) and a Received: line naming the HELO name a.example and the address 192.0.2.10 (RFC 5321 §4.4). The displayed sender is easy to forge, which is why sender domain authentication such as SPF, DKIM and DMARC exists.',
      },
    },
    { type: 'send', line: 'QUIT' },
  ],
} satisfies Scenario
