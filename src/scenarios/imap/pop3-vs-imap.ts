import type { Scenario } from '../types'

// The article's POP3 vs IMAP4 (§4, §5): two PCs on one account. POP3 downloads and deletes, so the second PC
// never sees the message; IMAP keeps mail and its \Seen flag on the server, so both PCs see the same state.
// Both servers run on one host and read one mail store (src/model/adapters.ts).
export default {
  id: 'pop3-vs-imap',
  protocol: 'imap',
  order: 250,
  title: { ja: '2台のPCで読む: POP3とIMAPの違い', en: 'Reading on two PCs: POP3 versus IMAP' },
  summary: {
    ja: '同じアカウント（user1）を2台のPCで使います。前半のPOP3では、PC1が受信して削除したメールはPC2には届きません。後半のIMAPでは、PC1が読んだメールがサーバ上で既読になり、PC2からも同じ状態に見えます。',
    en: 'Two PCs share one account, user1. In the first half, with POP3, the message PC1 downloads and deletes never reaches PC2. In the second half, with IMAP, the message PC1 reads is marked as seen on the server, and PC2 sees it that way too.',
  },
  clients: [
    { id: 'pc1', host: 'pc1.client.example.test', ip: '192.0.2.10' },
    { id: 'pc2', host: 'pc2.client.example.test', ip: '192.0.2.11' },
  ],
  // One mail server host: POP3 on port 110 and IMAP on port 143.
  servers: [
    { id: 'pop3', protocol: 'pop3', ip: '198.51.100.25', options: { hostname: 'mail.example.test', port: 110 } },
    { id: 'imap', protocol: 'imap', ip: '198.51.100.25', options: { hostname: 'mail.example.test', port: 143 } },
  ],
  lanes: ['pc1', 'pop3', 'imap', 'pc2'],
  actions: [
    // ── Part 1: POP3 ──
    {
      type: 'send',
      from: 'pc1',
      to: 'pop3',
      line: 'USER user1',
      note: {
        ja: '前半はPOP3です。PC1とPC2には同じアカウント（user1）が設定されていて、サーバのメールボックスには2通が届いています。まずPC1が受信します。',
        en: 'The first half is POP3. PC1 and PC2 are set up with the same account, user1, and two messages wait in its mailbox on the server. PC1 checks first.',
      },
    },
    { type: 'send', from: 'pc1', to: 'pop3', line: 'PASS password1' },
    { type: 'send', from: 'pc1', to: 'pop3', line: 'STAT' },
    { type: 'send', from: 'pc1', to: 'pop3', line: 'RETR 1' },
    { type: 'send', from: 'pc1', to: 'pop3', line: 'DELE 1' },
    {
      type: 'send',
      from: 'pc1',
      to: 'pop3',
      line: 'QUIT',
      replyNote: {
        ja: '1番のメールはサーバから消え、PC1の中にだけ残りました。次に、PC2が同じアカウントで受信します。',
        en: 'Message 1 is gone from the server; it now exists only on PC1. Next, PC2 checks the same account.',
      },
    },
    { type: 'send', from: 'pc2', to: 'pop3', line: 'USER user1' },
    { type: 'send', from: 'pc2', to: 'pop3', line: 'PASS password1' },
    {
      type: 'send',
      from: 'pc2',
      to: 'pop3',
      line: 'STAT',
      replyNote: {
        ja: 'PC2には1通しか見えません。PC1が受信して削除したメールは、もうどのPCからも受信できないからです。H23NW午後Ⅱ問2では、複数のPCで同じアカウントを使うときにPOP3で起きるこの問題が問われました。',
        en: 'PC2 sees only one message: the one PC1 downloaded and deleted can no longer be fetched by any PC. H23NW午後Ⅱ問2 asks about exactly this problem of POP3 when several PCs use one account.',
      },
    },
    {
      type: 'send',
      from: 'pc2',
      to: 'pop3',
      line: 'QUIT',
      replyNote: {
        ja: 'メールソフトを「サーバにメールを残す」設定にすれば両方のPCで受信できますが、既読や削除の状態はそれぞれのPCの中にしかなく、そろいません。',
        en: 'With "leave mail on the server" set, both PCs could download it, but read state and deletions would live on each PC separately and never match.',
      },
    },
    // ── Part 2: IMAP ──
    {
      type: 'send',
      from: 'pc1',
      to: 'imap',
      line: 'a1 LOGIN user1 password1',
      note: {
        ja: '後半はIMAPです。同じサーバの143番ポートに、今度はPC1がIMAPで接続します。メールボックスには、前半で残った1通があります。',
        en: 'The second half is IMAP: PC1 now connects to port 143 of the same server. The mailbox holds the one message left from the first half.',
      },
    },
    { type: 'send', from: 'pc1', to: 'imap', line: 'a2 SELECT INBOX' },
    {
      type: 'send',
      from: 'pc1',
      to: 'imap',
      line: 'a3 FETCH 1 BODY[]',
      replyNote: {
        ja: 'PC1が本文を読んだので、サーバ上のメールに既読フラグ（\\Seen）が付きました。POP3と違って、メールそのものもサーバに残っています。',
        en: 'PC1 has read the message, so the server marks it with the seen flag (\\Seen). Unlike with POP3, the message itself stays on the server.',
      },
    },
    { type: 'send', from: 'pc1', to: 'imap', line: 'a4 LOGOUT' },
    { type: 'send', from: 'pc2', to: 'imap', line: 'b1 LOGIN user1 password1' },
    {
      type: 'send',
      from: 'pc2',
      to: 'imap',
      line: 'b2 SELECT INBOX',
      replyNote: {
        ja: 'PC2にも同じ1通が見えます。[UNSEEN n]の行がないのは、未読のメールが1通もないからです。',
        en: 'PC2 sees the same message. There is no [UNSEEN n] line because no message is unread.',
      },
    },
    {
      type: 'send',
      from: 'pc2',
      to: 'imap',
      line: 'b3 FETCH 1 FLAGS',
      replyNote: {
        ja: 'PC2はこのメールをまだ一度も開いていませんが、既読フラグ（\\Seen）が付いています。フラグがサーバ上で管理されているので、PC1で読んだ結果がPC2にもそのまま見えるのです。',
        en: 'PC2 has never opened this message, yet it carries the seen flag (\\Seen). Flags are kept on the server, so what PC1 read shows as read on PC2 as well.',
      },
    },
    { type: 'send', from: 'pc2', to: 'imap', line: 'b4 LOGOUT' },
  ],
} satisfies Scenario
