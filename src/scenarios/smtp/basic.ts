import type { Scenario } from '../types'

// The article's classic session (§2): HELO, one sender, one recipient, a short body, QUIT; SYN to the last ACK.
// The article writes `REPT TO` once; the wire says `RCPT TO` (RFC 5321 §4.1.1.3).
export default {
  id: 'smtp-basic',
  protocol: 'smtp',
  order: 10,
  title: { ja: 'SMTPの基本: HELOで1通送る', en: 'SMTP basics: one message with HELO' },
  summary: {
    ja: 'クライアントがSMTPサーバ（25番ポート）に接続し、HELO・MAIL FROM・RCPT TO・DATAの順に1通のメールを渡して、QUITで切断するまでを1パケットずつ追います。',
    en: 'A client connects to an SMTP server on port 25, hands over one message with HELO, MAIL FROM, RCPT TO and DATA, and leaves with QUIT, one packet at a time.',
  },
  client: { host: 'pc1.client.example.test', ip: '192.0.2.10' },
  servers: [{ id: 'server', protocol: 'smtp', options: { hostname: 'mail.example.test', domains: ['example.test'], port: 25 } }],
  actions: [
    { type: 'send', line: 'HELO pc1.client.example.test' },
    { type: 'send', line: 'MAIL FROM:<alice@client.example.test>' },
    {
      type: 'send',
      line: 'RCPT TO:<user1@example.test>',
      note: {
        ja: '元記事の手順 9 は「REPT TO」と書いていますが、「RCPT TO」（recipient＝宛先）の打ち間違いです。実際に送るのは RCPT TO:<アドレス> で、REPT TO と送るとサーバは 500 を返します（RFC 5321 §4.1.1.3）。',
        en: 'Step 9 of the article reads REPT TO: a typo for RCPT TO (RCPT as in recipient). What goes on the wire is RCPT TO:<address>; a server sent REPT TO answers 500 (RFC 5321 §4.1.1.3).',
      },
    },
    { type: 'send', line: 'DATA' },
    {
      type: 'body',
      lines: ['From: Alice <alice@client.example.test>', 'To: user1@example.test', 'Subject: Hello', '', 'Hi user1,', 'this is the classic SMTP example.'],
    },
    { type: 'send', line: 'QUIT' },
  ],
} satisfies Scenario
