import type { Scenario } from '../types'

// EHLO instead of HELO (RFC 5321 §4.1.1.1): the multi-line 250 lists the extensions, and MAIL FROM then uses one (SIZE=).
const body = [
  'From: Alice <alice@client.example.test>',
  'To: user1@example.test',
  'Subject: Hello over ESMTP',
  '',
  'Hi user1,',
  'this time the session began with EHLO.',
]
// RFC 1870 §3: the client declares the message size in octets (CRLF line ends).
const size = body.reduce((n, l) => n + l.length + 2, 0)

export default {
  id: 'smtp-ehlo',
  protocol: 'smtp',
  order: 20,
  title: { ja: 'EHLO: 拡張SMTP（ESMTP）でセッションを始める', en: 'EHLO: opening an Extended SMTP session' },
  summary: {
    ja: 'HELO の代わりに EHLO で名乗ると、サーバは使える拡張機能を一覧で返します。その一覧の読み方と HELO との違いを、1 通の送信で確かめます。',
    en: 'When the client introduces itself with EHLO instead of HELO, the server answers with the list of extensions it offers. One short message shows how to read that list and how it differs from HELO.',
  },
  client: { host: 'pc1.client.example.test', ip: '192.0.2.10' },
  servers: [{ id: 'server', protocol: 'smtp', options: { hostname: 'mail.example.test', domains: ['example.test'], port: 25 } }],
  actions: [
    // An explicit connect keeps the EHLO reply's note off the greeting.
    { type: 'connect' },
    {
      type: 'send',
      line: 'EHLO pc1.client.example.test',
      note: {
        ja: 'R1秋NW午前Ⅱ問9 の選択肢は DATA・EHLO・MAIL・RCPT でした。MAIL・RCPT・DATA はあいさつが済んだあとのメールトランザクションで使うコマンドなので、セッションの開始は EHLO です。EHLO を知らない古いサーバは 500 か 502 を返し（RFC 5321 §4.1.4）、クライアントは HELO で名乗り直します。',
        en: 'R1秋NW午前Ⅱ問9 offered DATA, EHLO, MAIL and RCPT. MAIL, RCPT and DATA belong to the mail transaction that follows the greeting, so the session starts with EHLO. An old server that does not know EHLO answers 500 or 502 (RFC 5321 §4.1.4), and the client then introduces itself again with HELO.',
      },
      replyNote: {
        ja: '1 行目はサーバ名、2 行目からが拡張機能です。PIPELINING はコマンドのまとめ送り（RFC 2920）、SIZE 10240000 は受け取れる最大のオクテット数（RFC 1870）、VRFY は利用者の確認、STARTTLS は TLS への切り替え（RFC 3207）、ENHANCEDSTATUSCODES は 2.1.0 のような詳しいコード（RFC 2034）、8BITMIME は 8 ビットの本文（RFC 6152）です。このサーバはポート 25 で SMTP 認証を提供しないので、AUTH の行はありません。',
        en: 'Line one names the server; each further line is one extension. PIPELINING: commands may be sent in batches (RFC 2920). SIZE 10240000: the largest message accepted, in octets (RFC 1870). VRFY: address verification. STARTTLS: switch to TLS (RFC 3207). ENHANCEDSTATUSCODES: detailed codes such as 2.1.0 (RFC 2034). 8BITMIME: 8-bit message bodies (RFC 6152). This server offers no SMTP authentication on port 25, so there is no AUTH line.',
      },
    },
    {
      type: 'send',
      line: `MAIL FROM:<alice@client.example.test> SIZE=${size}`,
      note: {
        ja: `一覧に SIZE があったので、MAIL FROM に SIZE=${size} を付けてメールの大きさ（オクテット）を先に申告しています（RFC 1870）。上限を超えていれば、本文を送る前に 552 で断られるので、無駄な転送が省けます。HELO で始めたセッションでこのパラメータを付けると 555 です。`,
        en: `The list had SIZE, so MAIL FROM declares the message size up front with SIZE=${size}, in octets (RFC 1870). Over the limit, the server would refuse with 552 before any content is sent, which saves the transfer. After HELO this parameter would get 555.`,
      },
    },
    { type: 'send', line: 'RCPT TO:<user1@example.test>' },
    { type: 'send', line: 'DATA' },
    {
      type: 'body',
      lines: body,
      replyNote: {
        ja: '配送のときサーバが加える Received: ヘッダには「with ESMTP」と記録されます。HELO で始めたセッションなら「with SMTP」です（RFC 3848）。受け取ったメールのヘッダから、どちらで送られたかが分かります。',
        en: 'The Received: header the server adds on delivery records "with ESMTP"; a session opened with HELO would say "with SMTP" (RFC 3848). The headers of a received message thus show which greeting was used.',
      },
    },
    { type: 'send', line: 'QUIT' },
  ],
} satisfies Scenario
