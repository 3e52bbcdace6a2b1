import { toBase64 } from '../../model'
import type { Scenario } from '../types'

// Port 465, implicit TLS (RFC 8314 §3.3): TLS right after TCP, then the greeting; AUTH before MAIL (submission).
const plain = toBase64('\0user1\0password1') // SASL PLAIN: authzid NUL authcid NUL passwd (RFC 4616 §2)

export default {
  id: 'smtps',
  protocol: 'smtp',
  order: 40,
  title: { ja: 'SMTPS（465番）: 最初から TLS で投稿する', en: 'SMTPS (port 465): submission over TLS from the first byte' },
  summary: {
    ja: 'メールソフトが 465 番ポートに接続すると、TCP の直後に TLS ハンドシェイクが行われ、SMTP のあいさつはその中で始まります。SMTP 認証（AUTH PLAIN）のあと、外部宛ての 1 通を送ります。',
    en: 'A mail program connects to port 465: the TLS handshake follows TCP at once, and the SMTP greeting already arrives inside it. After SMTP authentication (AUTH PLAIN) it sends one message to an outside address.',
  },
  client: { host: 'pc1.client.example.test', ip: '192.0.2.10' },
  servers: [{ id: 'server', protocol: 'smtp', options: { hostname: 'mail.example.test', domains: ['example.test'], port: 465 } }],
  actions: [
    {
      type: 'connect',
      replyNote: {
        ja: '220 のあいさつより前に TLS ハンドシェイクが済んでいます。465 番は接続した瞬間から TLS を使う「暗黙の TLS」（RFC 8314 §3.3）で、SMTP は 1 行目から暗号化されています。STARTTLS と違って平文の区間がないので、STARTTLS の行を消される心配もありません。',
        en: 'The TLS handshake is over before the 220 greeting. Port 465 uses implicit TLS from the moment of connection (RFC 8314 §3.3), so SMTP is encrypted from its first line. Unlike STARTTLS there is no plaintext phase, so no one can strip a STARTTLS line.',
      },
    },
    {
      type: 'send',
      line: 'EHLO pc1.client.example.test',
      replyNote: {
        ja: '一覧に STARTTLS はなく、AUTH PLAIN LOGIN があります。すでに暗号化されているので STARTTLS は不要で、すぐに認証できます。465 番も 587 番と同じく投稿用のポートなので、認証の前に MAIL FROM を送ると 530 で断られます。',
        en: 'The list has no STARTTLS but does have AUTH PLAIN LOGIN: the connection is already encrypted, so authentication can start at once. Like 587, port 465 is for submission, so MAIL FROM before authentication would get 530.',
      },
    },
    {
      type: 'send',
      line: `AUTH PLAIN ${plain}`,
      note: {
        ja: `${plain} を base64 から戻すと、NUL・"user1"・NUL・"password1" です（RFC 4616 §2）。base64 は誰でも元に戻せる符号化で、暗号化ではありません。盗聴者に読まれないのは、この行が TLS の中を流れているからです。`,
        en: `${plain} decodes from base64 to NUL, "user1", NUL, "password1" (RFC 4616 §2). Base64 is an encoding anyone can undo, not encryption: an eavesdropper cannot read this line only because it travels inside TLS.`,
      },
    },
    { type: 'send', line: 'MAIL FROM:<user1@example.test>' },
    {
      type: 'send',
      line: 'RCPT TO:<friend@outside.example>',
      replyNote: {
        ja: '外部ドメイン宛てでも 250 です。認証した利用者のメールなので、サーバは中継（リレー）を引き受けます。',
        en: 'An outside domain, and still 250: the mail comes from an authenticated user, so the server agrees to relay it.',
      },
    },
    { type: 'send', line: 'DATA' },
    {
      type: 'body',
      lines: [
        'From: User One <user1@example.test>',
        'To: friend@outside.example',
        'Subject: Sent on port 465',
        '',
        'Hello,',
        'this message was submitted over implicit TLS.',
      ],
      replyNote: {
        ja: 'サーバの加える Received: ヘッダには「with ESMTPSA」と記録されます。S は TLS、A は認証済みの印です（RFC 3848）。',
        en: 'The Received: header the server adds records "with ESMTPSA": S for TLS, A for authenticated (RFC 3848).',
      },
    },
    {
      type: 'send',
      line: 'QUIT',
      note: {
        ja: 'ポートの使い分けをまとめます。25 番はサーバ間の転送、587 番はメールソフトからの投稿（サブミッションポート、STARTTLS と AUTH）、465 番は最初から TLS の投稿です。465 番は一度 SMTPS として広まったあと、RFC 8314 で投稿用（submissions）として登録し直され、メールソフトからの投稿にはこちらが勧められています。',
        en: 'The ports, side by side: 25 carries mail between servers; 587 takes submission from mail programs (the submission port, with STARTTLS and AUTH); 465 takes submission over TLS from the first byte. Port 465, long used informally as SMTPS, was registered again by RFC 8314 as "submissions", the recommended way for mail programs to submit.',
      },
    },
  ],
} satisfies Scenario
