import { toBase64 } from '../../model'
import type { Scenario } from '../types'

// Port 587 with TLS required before AUTH (RFC 6409, RFC 3207, RFC 4954): 530, STARTTLS, a failed LOGIN, a good PLAIN, relay.
const user = toBase64('user1')
const wrong = toBase64('pasword1')
const plain = toBase64('\0user1\0password1') // SASL PLAIN: authzid NUL authcid NUL passwd (RFC 4616 §2)

export default {
  id: 'smtp-submission-auth',
  protocol: 'smtp',
  order: 50,
  title: { ja: 'サブミッションポート（587番）と SMTP 認証', en: 'The submission port (587) and SMTP authentication' },
  summary: {
    ja: 'メールソフトが 587 番ポートに接続し、STARTTLS で暗号化してから SMTP 認証（SMTP-AUTH）を行い、外部宛ての 1 通を送ります。パスワードの誤りと、base64 の中身も確かめます。',
    en: 'A mail program connects to port 587, encrypts the connection with STARTTLS, authenticates (SMTP AUTH) and sends one message to an outside address. A mistyped password and the contents of the base64 lines are shown too.',
  },
  client: { host: 'pc1.client.example.test', ip: '192.0.2.10' },
  servers: [{ id: 'server', protocol: 'smtp', options: { hostname: 'mail.example.test', domains: ['example.test'], port: 587, requireTls: true } }],
  actions: [
    { type: 'connect' },
    {
      type: 'send',
      line: 'EHLO pc1.client.example.test',
      replyNote: {
        ja: '一覧に STARTTLS はありますが、AUTH はありません。このサーバは平文の接続ではパスワードを受け取らない設定なので、TLS の前には認証方式を示しません。',
        en: 'The list offers STARTTLS but no AUTH: this server takes no password over a plaintext connection, so it does not announce any authentication mechanism before TLS.',
      },
    },
    {
      type: 'send',
      line: 'MAIL FROM:<user1@example.test>',
      replyNote: {
        ja: 'サブミッションポートは、25 番とは別の、メールソフト専用の入口です。送る前に認証を求め、このサーバはさらに暗号化も求めます。H22春SC午前2問15 は、通常の SMTP とは別のサブミッションポートで接続時に認証する対策を問いました。',
        en: 'The submission port is an entrance for mail programs, separate from port 25. It asks for authentication before any mail, and this server asks for encryption as well. H22春SC午前2問15 asked about this measure: authentication on connection, on a submission port separate from ordinary SMTP.',
      },
    },
    { type: 'send', line: 'STARTTLS' },
    {
      type: 'send',
      line: 'EHLO pc1.client.example.test',
      replyNote: {
        ja: 'TLS の中に入ったので、AUTH PLAIN LOGIN が並びました。これでユーザ名とパスワードを送っても、盗聴者には暗号化されたレコードしか見えません。',
        en: 'Inside TLS, AUTH PLAIN LOGIN now appears. The user name and password can be sent: an eavesdropper sees only encrypted records.',
      },
    },
    { type: 'send', line: 'AUTH LOGIN' },
    {
      type: 'send',
      line: user,
      note: {
        ja: `${user} は "user1" を base64 にしたものです。base64 は符号化であって暗号化ではなく、誰でも元に戻せます。`,
        en: `${user} is "user1" in base64. Base64 is an encoding, not encryption: anyone can decode it.`,
      },
    },
    {
      type: 'send',
      line: wrong,
      note: {
        ja: `${wrong} は "pasword1" です。正しいパスワードは password1 なので、1 文字抜けています。`,
        en: `${wrong} is "pasword1"; the right password is password1, so one letter is missing.`,
      },
      replyNote: {
        ja: '認証に失敗しても接続は切られず、状態は AUTH の前に戻ります。クライアントは AUTH からやり直せます。',
        en: 'A failed authentication does not end the connection; the session is back where it was before AUTH, and the client may try AUTH again.',
      },
    },
    {
      type: 'send',
      line: `AUTH PLAIN ${plain}`,
      note: {
        ja: `${plain} を base64 から戻すと、NUL・"user1"・NUL・"password1" です（RFC 4616 §2）。PLAIN はユーザ名とパスワードを 1 行で送るので、LOGIN より往復が少なくて済みます。`,
        en: `${plain} decodes from base64 to NUL, "user1", NUL, "password1" (RFC 4616 §2). PLAIN sends the user name and password in one line, so it needs fewer round trips than LOGIN.`,
      },
      replyNote: {
        ja: 'H21春SC午前2問3 のとおり、SMTP-AUTH ではサーバが接続してきた利用者を認証し、許可された利用者からだけメールを受け付けます。',
        en: 'As H21春SC午前2問3 puts it, with SMTP AUTH the server authenticates the user who connects and takes mail only from permitted users.',
      },
    },
    { type: 'send', line: 'MAIL FROM:<user1@example.test>' },
    {
      type: 'send',
      line: 'RCPT TO:<friend@outside.example>',
      replyNote: {
        ja: '外部ドメイン宛ても 250 で受け付けられました。認証した利用者のメールだけを中継するのが、サブミッションポートの決まりです（RFC 6409 §4.3）。同じ宛先を 25 番に認証なしで送ると、550 5.7.1（中継の拒否）になります。',
        en: 'The outside recipient is accepted with 250: the submission port relays mail from authenticated users only (RFC 6409 §4.3). The same recipient sent to port 25 without authentication would get 550 5.7.1 (relay denied).',
      },
    },
    { type: 'send', line: 'DATA' },
    {
      type: 'body',
      lines: [
        'From: User One <user1@example.test>',
        'To: friend@outside.example',
        'Subject: Sent through the submission port',
        '',
        'Hello,',
        'I logged in before sending this.',
      ],
    },
    { type: 'send', line: 'QUIT' },
  ],
} satisfies Scenario
