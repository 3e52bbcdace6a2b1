import type { Scenario } from '../types'

// The article's POP3 (§4): USER/PASS on port 110, then the whole message is downloaded and removed from the
// server. DELE only marks; the removal happens in the UPDATE state after QUIT (RFC 1939 §6).
export default {
  id: 'pop3-basic',
  protocol: 'pop3',
  order: 200,
  title: { ja: 'POP3の基本: メールをPCにダウンロードする', en: 'POP3 basics: downloading mail to the PC' },
  summary: {
    ja: 'PCのメールソフトがPOP3サーバ（110番ポート）に接続し、USER/PASSで認証してからメールの件数を確かめ、1通を受信（RETR）して削除（DELE）し、QUITで切断するまでを追います。この接続は暗号化されていません。',
    en: 'A mail program on a PC connects to a POP3 server on port 110, logs in with USER/PASS, checks what is waiting, downloads one message with RETR, deletes it with DELE and leaves with QUIT. Nothing on this connection is encrypted.',
  },
  client: { host: 'pc1.client.example.test', ip: '192.0.2.10' },
  servers: [{ id: 'server', protocol: 'pop3', options: { hostname: 'mail.example.test', port: 110 } }],
  actions: [
    { type: 'send', line: 'USER user1' },
    {
      type: 'send',
      line: 'PASS password1',
      note: {
        ja: '図の行に「password1」がそのまま見えています。メールソフトは新着を確かめるたびに（たとえば数分ごとに）この行を送るので、盗聴の機会もそのたびにあります。これを防ぐ方法が、この後のレッスンのAPOPとPOP3S（995番ポート）です。',
        en: 'The line on the diagram shows "password1" as it is. A mail program sends it every time it checks for new mail (every few minutes, say), so every check is another chance to capture it. APOP and POP3S (port 995), in the next lessons, are the ways around this.',
      },
    },
    { type: 'send', line: 'STAT' },
    { type: 'send', line: 'LIST' },
    { type: 'send', line: 'UIDL' },
    {
      type: 'send',
      line: 'RETR 1',
      replyNote: {
        ja: 'これでメールはPCにダウンロードされ、メールソフトはPCの中のフォルダに保存します。H20秋FE午前問50も、POP3をメールサーバのメールボックスからメールを取り出すためのプロトコルとして説明しています。',
        en: 'The message is now downloaded to the PC, and the mail program keeps it in a folder there. H20秋FE午前問50 describes POP3 the same way: the protocol for taking mail out of the mailbox on the mail server.',
      },
    },
    {
      type: 'send',
      line: 'DELE 1',
      replyNote: {
        ja: 'ダウンロードしたメールをサーバから消すのが、POP3の典型的な使い方です。消したメールは、同じアカウントを使う別のPCからはもう受信できません。',
        en: 'Removing what has been downloaded is the typical way POP3 is used. Once removed, the message can no longer be fetched by another PC that uses the same account.',
      },
    },
    {
      type: 'send',
      line: 'QUIT',
      replyNote: {
        ja: '1番のメールは、ここで初めてメールボックスから消えました。もしQUITを送らずに接続が切れていたら、UPDATE状態には入らず、DELEの印は捨てられてメールはサーバに残ります（RFC 1939 §6）。',
        en: 'Only now has message 1 left the mailbox. Had the connection dropped without QUIT, the server would never enter UPDATE: the DELE mark would be dropped and the message would stay on the server (RFC 1939 §6).',
      },
    },
  ],
} satisfies Scenario
