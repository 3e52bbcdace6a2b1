import type { Scenario } from '../types'

// One connection, two transactions: a refused recipient, RSET (RFC 5321 §4.1.1.5), then lines starting with "."
// that the client dot-stuffs on the wire and the server unstuffs (§4.5.2).
export default {
  id: 'smtp-transaction',
  protocol: 'smtp',
  order: 100,
  title: { ja: '1回の接続で複数の宛先・RSET・ドットの扱い', en: 'One connection: several recipients, RSET and the leading dot' },
  summary: {
    ja: '宛先を 3 つ伝えます。2 つ目は綴りの誤りで 550 で断られ、3 つ目まで伝えたあとで送り手が RSET でメールトランザクションをやり直し、正しい宛先で送ります。本文には「.」で始まる行と「.」だけの行を入れ、ネットワーク上でどう送られるかを見ます。',
    en: 'Three recipients are named; the second, misspelt, is refused with 550. After the third, the sender starts the transaction over with RSET and sends to the right addresses. The body holds a line starting with "." and a line that is only ".", to show how they cross the wire.',
  },
  client: { host: 'pc1.client.example.test', ip: '192.0.2.10' },
  servers: [{ id: 'server', protocol: 'smtp', options: { hostname: 'mail.example.test', domains: ['example.test'], port: 25 } }],
  actions: [
    { type: 'send', line: 'EHLO pc1.client.example.test' },
    { type: 'send', line: 'MAIL FROM:<alice@client.example.test>' },
    { type: 'send', line: 'RCPT TO:<user1@example.test>' },
    {
      type: 'send',
      line: 'RCPT TO:<usr2@example.test>',
      replyNote: {
        ja: '応答は宛先ごとに返るので、断られたのは綴りを誤った usr2 だけです。user1 は受け付けられたままで、このまま DATA に進めば user1 には届きます（RFC 5321 §3.3）。',
        en: 'Each recipient gets its own reply, so only the misspelt usr2 is refused. user1 is still accepted; going on to DATA now would deliver to user1 (RFC 5321 §3.3).',
      },
    },
    { type: 'send', line: 'RCPT TO:<postmaster@example.test>' },
    {
      type: 'send',
      line: 'RSET',
      note: {
        ja: '送り手は綴りの誤りに気づき、このメールトランザクションをやめて最初からやり直すことにしました。RSET では受け付け済みの user1 と postmaster も忘れられます。次のメールトランザクションでは、送りたい user1 と、綴りを直した user2 だけを伝えます。TCP の接続と EHLO のあいさつはそのまま使えます。',
        en: 'The sender notices the typo and decides to start this transaction over. RSET also forgets the accepted user1 and postmaster. The next transaction names only the recipients still wanted: user1, and user2 spelt right. The TCP connection and the EHLO greeting stay in use.',
      },
    },
    { type: 'send', line: 'MAIL FROM:<alice@client.example.test>' },
    { type: 'send', line: 'RCPT TO:<user1@example.test>' },
    { type: 'send', line: 'RCPT TO:<user2@example.test>' },
    { type: 'send', line: 'DATA' },
    {
      type: 'body',
      lines: [
        'From: Alice <alice@client.example.test>',
        'To: user1@example.test, user2@example.test',
        'Subject: Notes on dot files',
        '',
        'Files whose names start with a dot are hidden:',
        '.forward is one of them.',
        '.',
        'The line above holds a single dot.',
      ],
      note: {
        ja: '「.forward」と「.」の 2 行は、ネットワーク上では「..forward」「..」と点が 1 つ増えています（ドット・スタッフィング、RFC 5321 §4.5.2）。「.」だけの行をそのまま送ると、サーバはそこでメールが終わったと判断してしまうからです。サーバは行頭の点を 1 つ取り除いて保存するので、受け取る人には元どおりに見えます。',
        en: 'On the wire the lines ".forward" and "." carry one extra dot: "..forward" and ".." (dot-stuffing, RFC 5321 §4.5.2). Sent as it is, the line holding only "." would tell the server the message had ended. The server removes one leading dot before storing, so the recipients see the original text.',
      },
      replyNote: {
        ja: 'エンベロープの宛先は 2 つでも、本文は 1 回送るだけで済みました。サーバが 1 通を user1 と user2 の 2 つのメールボックスに配ります。',
        en: "Two envelope recipients, yet the content crossed the wire only once: the server delivers the one message into both mailboxes, user1's and user2's.",
      },
    },
    { type: 'send', line: 'QUIT' },
  ],
} satisfies Scenario
