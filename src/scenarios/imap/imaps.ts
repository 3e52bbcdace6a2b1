import type { Scenario } from '../types'

// The article's IMAPS (§4): IMAP inside TLS from the first byte on port 993 (implicit TLS, RFC 8314 §3.2).
export default {
  id: 'imaps',
  protocol: 'imap',
  order: 240,
  title: { ja: 'IMAPS: 993番ポートで最初から暗号化', en: 'IMAPS: encrypted from the start on port 993' },
  summary: {
    ja: '993番ポートでは、TCP接続の直後にTLSハンドシェイクを行い、IMAPのあいさつから先をすべて暗号化します。その中で、LOGIN・SELECT・FETCH・LOGOUTの短いセッションを行います。',
    en: 'On port 993 the TLS handshake comes right after the TCP connection, and everything from the IMAP greeting on is encrypted. Inside it runs a short session: LOGIN, SELECT, FETCH, LOGOUT.',
  },
  client: { host: 'pc1.client.example.test', ip: '192.0.2.10' },
  servers: [{ id: 'server', protocol: 'imap', options: { hostname: 'mail.example.test', port: 993 } }],
  actions: [
    {
      type: 'connect',
      replyNote: {
        ja: 'このあいさつは、すでにTLSの中で届いています。143番ではあいさつとCAPABILITYが平文で届き、STARTTLSの後から暗号化されますが、993番ではIMAPの最初の1バイトから暗号化されています（RFC 8314 §3.2）。一覧にSTARTTLSがないのは、もう暗号化されているからです。',
        en: 'This greeting already arrives inside TLS. On port 143 the greeting and CAPABILITY come in plaintext and encryption starts after STARTTLS; on port 993 IMAP is encrypted from its very first byte (RFC 8314 §3.2). STARTTLS is missing from the list because the connection is already encrypted.',
      },
    },
    {
      type: 'send',
      line: 'a1 LOGIN user1 password1',
      note: {
        ja: 'LOGINの行は143番と同じで、パスワードもそのまま書かれています。違いは、この行がTLSのレコードに包まれて流れることです。盗聴者に見えるのは、宛先のIPアドレスとポート番号（993）、ClientHelloのサーバ名、暗号化されたデータの長さだけです。',
        en: "The LOGIN line is the same as on port 143, password included. The difference is that it travels wrapped in a TLS record. An eavesdropper sees only the server's address and port (993), the server name in the ClientHello, and the length of encrypted data.",
      },
    },
    { type: 'send', line: 'a2 SELECT INBOX' },
    {
      type: 'send',
      line: 'a3 FETCH 2 (FLAGS BODY[])',
      replyNote: {
        ja: 'メール全体が暗号化されたまま届き、PCの中で復号されます。メールはサーバにも残っていて、既読フラグ（\\Seen）が付きました。',
        en: 'The whole message arrives encrypted and is decrypted on the PC. It also stays on the server, now with the seen flag (\\Seen).',
      },
    },
    { type: 'send', line: 'a4 LOGOUT' },
  ],
} satisfies Scenario
