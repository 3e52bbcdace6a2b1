import type { Scenario } from '../types'

// The article's IMAP4 (§5): the mailbox is managed on the server and the client fetches only the parts it needs.
// BODY.PEEK[...] leaves \Seen alone; BODY[...] sets it and reports FLAGS in the same FETCH (RFC 9051 §6.4.5).
export default {
  id: 'imap-basic',
  protocol: 'imap',
  order: 230,
  title: { ja: 'IMAPの基本: メールをサーバに置いたまま読む', en: 'IMAP basics: reading mail that stays on the server' },
  summary: {
    ja: 'メールソフトがIMAPサーバ（143番ポート）にログインし、フォルダの一覧、件名などのヘッダ、1通の本文の順に、必要な分だけを取り出します。本文を読むと、サーバ上のメールに既読フラグ（\\Seen）が付きます。',
    en: "A mail program logs in to an IMAP server on port 143 and fetches only what it needs: the folder list, the headers, then one message's text. Reading the text sets the seen flag (\\Seen) on the message on the server.",
  },
  client: { host: 'pc1.client.example.test', ip: '192.0.2.10' },
  servers: [{ id: 'server', protocol: 'imap', options: { hostname: 'mail.example.test', port: 143 } }],
  actions: [
    {
      type: 'send',
      line: 'a1 LOGIN user1 password1',
      note: {
        ja: '行頭の「a1」はタグです。クライアントはコマンドごとに違うタグを付け、サーバは完了の応答に同じタグを付けて返すので、どの応答がどのコマンドへの答えかが分かります（RFC 9051 §2.2.1）。「*」で始まる行はタグなし応答で、完了の前に届く途中のデータです。',
        en: 'The "a1" at the start is the tag. The client gives every command its own tag and the server puts the same tag on the completion response, so each answer pairs with its command (RFC 9051 §2.2.1). Lines starting with "*" are untagged: data that comes before the completion.',
      },
    },
    { type: 'send', line: 'a2 LIST "" "*"' },
    {
      type: 'send',
      line: 'a3 SELECT INBOX',
      replyNote: {
        ja: 'メールは2通ともサーバ上にあり、PCにはまだ1通もダウンロードしていません。POP3ではRETRでメール全体を受け取りましたが、IMAPではここから必要な部分だけを取り出します。',
        en: 'Both messages are on the server, and none has been downloaded to the PC. Where POP3 takes whole messages with RETR, IMAP now takes only the parts it needs.',
      },
    },
    {
      type: 'send',
      line: 'a4 FETCH 1:* (FLAGS ENVELOPE)',
      note: {
        ja: 'メールソフトが一覧画面を作るときの取り出し方です。ENVELOPEは日付・件名・差出人・宛先などをサーバが解析したもので、本文は含みません。FLAGSで、どのメールが未読かも分かります。',
        en: 'This is how a mail program fills its message list. ENVELOPE is the date, subject, sender, recipients and so on, parsed by the server; no body is sent. FLAGS tells which messages are still unread.',
      },
    },
    {
      type: 'send',
      line: 'a5 FETCH 1 BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)]',
      note: {
        ja: 'BODY.PEEKは「のぞき見」で、読んでも既読フラグ（\\Seen）を付けません。プレビュー表示や振り分けのように、利用者がまだメールを開いていない段階で使います。',
        en: 'BODY.PEEK "peeks": reading this way does not set the seen flag (\\Seen). It is for previews and filtering, before the user has actually opened the message.',
      },
      replyNote: {
        ja: '応答にFLAGSが入っていないのは、フラグが何も変わらなかったからです。差出人と件名の2行だけが届き、本文は送られていません。',
        en: 'The response carries no FLAGS because no flag changed. Only the From and Subject lines arrived; the text was not sent.',
      },
    },
    {
      type: 'send',
      line: 'a6 FETCH 1 BODY[TEXT]',
      replyNote: {
        ja: '.PEEKのないBODY[TEXT]で本文を読んだので、サーバが既読フラグ（\\Seen）を付け、同じ応答の「FLAGS (\\Seen)」で知らせました。この印はPCではなく、サーバ上のメールに付いています。',
        en: 'BODY[TEXT] without .PEEK read the text, so the server set the seen flag (\\Seen) and reported FLAGS (\\Seen) in the same response. The flag belongs to the message on the server, not to the PC.',
      },
    },
    {
      type: 'send',
      line: 'a7 FETCH 1 FLAGS',
      replyNote: {
        ja: '既読フラグはサーバ上で管理されているので、自宅のPCでもスマートフォンでも、このメールは既読と表示されます。H25春IP問84も、未読・既読の状態やフォルダの振り分けがどのPCからも同じに見えることを、IMAP4の特徴に挙げています。',
        en: "The seen flag is kept on the server, so this message shows as read on the home PC and on the phone alike. H25春IP問84 names exactly this as IMAP4's feature: read state and folders look the same from every PC.",
      },
    },
    { type: 'send', line: 'a8 LOGOUT' },
  ],
} satisfies Scenario
