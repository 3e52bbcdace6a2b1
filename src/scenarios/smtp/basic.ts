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
    { type: 'send', line: 'RCPT TO:<user1@example.test>' },
    { type: 'send', line: 'DATA' },
    {
      type: 'body',
      lines: ['From: Alice <alice@client.example.test>', 'To: user1@example.test', 'Subject: Hello', '', 'Hi user1,', 'this is the classic SMTP example.'],
    },
    { type: 'send', line: 'QUIT' },
  ],
} satisfies Scenario
