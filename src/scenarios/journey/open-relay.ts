import { toBase64 } from '../../model'
import type { Scenario } from '../types'

// 第三者中継 (open relay): RFC 5321 §3.6.2 — a server relays only for clients it trusts; RFC 6409 §4.3 for submission.
const plain = toBase64('\0staff\0s3cret-Pass') // SASL PLAIN (RFC 4616 §2)
const spam = ['From: "Prize Office" <winner@lottery.example>', 'To: victim@faraway.example', 'Subject: You won!', '', 'Claim your prize now.']

export default {
  id: 'open-relay',
  protocol: 'smtp',
  order: 320,
  title: { ja: '第三者中継（オープンリレー）とその防ぎ方', en: 'Open relays and how servers refuse them' },
  summary: {
    ja: '外部の送信者が、自分とも宛先とも関係のないサーバを踏み台にしてメールを送らせるのが第三者中継です。設定の甘いサーバは中継してしまい、正しく設定したサーバは拒否します。社内ネットワーク（mynetworks）と、認証した利用者だけは中継してもらえます。',
    en: 'An open relay lets an outsider send mail through a server that serves neither the sender nor the recipient. A badly configured server relays it; a correctly configured one refuses. Only the internal network (mynetworks) and authenticated users may relay.',
  },
  clients: [
    { id: 'spammer', label: { ja: '外部の送信者', en: 'Outside sender' }, host: 'bot.dynamic.example', ip: '203.0.113.66' },
    { id: 'office', label: { ja: '社内のPC', en: 'Office PC' }, host: 'pc7.office.example.jp', ip: '192.0.2.70' },
    { id: 'laptop', label: { ja: '自宅のノートPC', en: 'Laptop at home' }, host: 'laptop.home.example', ip: '198.51.100.200' },
  ],
  servers: [
    // An open relay: relays for every client (as if mynetworks covered the whole Internet).
    {
      id: 'open',
      protocol: 'smtp',
      ip: '198.51.100.9',
      options: { hostname: 'mail.old-example.org', domains: ['old-example.org'], port: 25, trustedClient: true },
    },
    {
      id: 'mx',
      protocol: 'smtp',
      ip: '192.0.2.25',
      mynetworks: ['office'],
      options: {
        hostname: 'mail.example.jp',
        domains: ['example.jp'],
        port: 25,
        users: { sato: 'pw-sato', staff: 's3cret-Pass' },
        aliases: { info: ['sato'] },
      },
    },
    {
      id: 'msa',
      protocol: 'smtp',
      ip: '192.0.2.25',
      options: { hostname: 'mail.example.jp', domains: ['example.jp'], port: 587, requireTls: true, users: { staff: 's3cret-Pass' } },
    },
  ],
  lanes: ['spammer', 'open', 'mx', 'msa', 'office', 'laptop'],
  actions: [
    {
      from: 'spammer',
      to: 'open',
      type: 'send',
      line: 'EHLO bot.dynamic.example',
      note: {
        ja: '外部の送信者（スパム送信用に乗っ取られたPCなど）が、自分とも宛先とも関係のない old-example.org のサーバに接続しました。',
        en: 'An outsider (say, a PC hijacked to send spam) connects to the server of old-example.org, which serves neither the sender nor the recipient.',
      },
    },
    { from: 'spammer', to: 'open', type: 'send', line: 'MAIL FROM:<winner@lottery.example>' },
    {
      from: 'spammer',
      to: 'open',
      type: 'send',
      line: 'RCPT TO:<victim@faraway.example>',
      replyNote: {
        ja: '宛先は faraway.example で、このサーバのドメインではありません。それでも250で受け付けたので、このサーバは誰の依頼でも外部へ中継してしまう「オープンリレー」です。',
        en: "faraway.example is not this server's domain, yet it answers 250: this server forwards anyone's mail to the outside. It is an open relay.",
      },
    },
    { from: 'spammer', to: 'open', type: 'send', line: 'DATA' },
    {
      from: 'spammer',
      to: 'open',
      type: 'body',
      lines: spam,
      replyNote: {
        ja: '迷惑メールは old-example.org から送り出されます。受け取った側には、このサーバが送信元に見えます。やがてこのサーバのIPアドレスはブラックリストに載り、正規の利用者のメールまで届かなくなります。',
        en: "The spam now leaves from old-example.org, which looks like its source to the receivers. Soon the server's address is blacklisted, and its legitimate users' mail stops getting through too.",
      },
    },
    { from: 'spammer', to: 'open', type: 'send', line: 'QUIT' },
    {
      from: 'spammer',
      to: 'mx',
      type: 'send',
      line: 'EHLO bot.dynamic.example',
      note: { ja: '同じ送信者が、正しく設定された mail.example.jp を試します。', en: 'The same sender tries mail.example.jp, which is configured correctly.' },
    },
    { from: 'spammer', to: 'mx', type: 'send', line: 'MAIL FROM:<winner@lottery.example>' },
    {
      from: 'spammer',
      to: 'mx',
      type: 'send',
      line: 'RCPT TO:<victim@faraway.example>',
      replyNote: {
        ja: '外部から外部への中継は拒否されました。受け付けるのは自分のドメイン（example.jp）宛てのメールだけです（RFC 5321 §3.6.2）。実際のPostfixは既定ではここで一時エラーの454 4.7.1を返しますが、この図のサーバはRFCの例どおり永久エラー（5yz）で答えます。どちらも中継はしません。',
        en: 'Outside-to-outside relaying is refused: the server takes mail only for its own domain, example.jp (RFC 5321 §3.6.2). Postfix by default answers the temporary 454 4.7.1 here; the server in this diagram answers with a permanent error (5yz), as in RFC 5321. Neither relays.',
      },
    },
    {
      from: 'spammer',
      to: 'mx',
      type: 'send',
      line: 'RCPT TO:<info@example.jp>',
      replyNote: {
        ja: '自分のドメイン宛てなら、外部の誰からでも受け取ります。これは中継ではなく、MXとしての本来の仕事です。',
        en: 'Mail for its own domain is taken from anyone outside: that is not relaying but its job as the MX.',
      },
    },
    { from: 'spammer', to: 'mx', type: 'send', line: 'RSET' },
    { from: 'spammer', to: 'mx', type: 'send', line: 'QUIT' },
    {
      from: 'office',
      to: 'mx',
      type: 'send',
      line: 'EHLO pc7.office.example.jp',
      note: {
        ja: '今度は社内のPCです。192.0.2.70 はサーバの mynetworks （信頼するネットワーク）に含まれています。',
        en: "Now a PC in the office: 192.0.2.70 is inside the server's mynetworks (the networks it trusts).",
      },
    },
    { from: 'office', to: 'mx', type: 'send', line: 'MAIL FROM:<sato@example.jp>' },
    {
      from: 'office',
      to: 'mx',
      type: 'send',
      line: 'RCPT TO:<partner@faraway.example>',
      replyNote: {
        ja: '同じ外部宛てでも、社内からなら受け付けて中継します。送信元のIPアドレスで中継を許す方法です。',
        en: "The same outside address is accepted from the office: relaying is allowed by the sender's address.",
      },
    },
    { from: 'office', to: 'mx', type: 'send', line: 'DATA' },
    {
      from: 'office',
      to: 'mx',
      type: 'body',
      lines: ['From: Sato <sato@example.jp>', 'To: partner@faraway.example', 'Subject: Meeting', '', 'See you at 3 pm.'],
    },
    { from: 'office', to: 'mx', type: 'send', line: 'QUIT' },
    {
      from: 'laptop',
      to: 'msa',
      type: 'send',
      line: 'EHLO laptop.home.example',
      note: {
        ja: '自宅のノートPCは社外のアドレスなので、mynetworksには入りません。サブミッションポート（587番）で認証して送ります。',
        en: 'The laptop at home has an outside address, not in mynetworks. It submits on port 587 and authenticates.',
      },
    },
    { from: 'laptop', to: 'msa', type: 'send', line: 'STARTTLS' },
    { from: 'laptop', to: 'msa', type: 'send', line: 'EHLO laptop.home.example' },
    { from: 'laptop', to: 'msa', type: 'send', line: `AUTH PLAIN ${plain}` },
    { from: 'laptop', to: 'msa', type: 'send', line: 'MAIL FROM:<staff@example.jp>' },
    {
      from: 'laptop',
      to: 'msa',
      type: 'send',
      line: 'RCPT TO:<partner@faraway.example>',
      replyNote: {
        ja: '認証した利用者なので、社外からでも外部宛てを中継します。中継を許すのは「信頼するアドレス」か「認証した人」だけ、が第三者中継を防ぐ基本です。',
        en: 'An authenticated user may relay from anywhere. Relaying only for trusted addresses or authenticated users is the basic defence against open relaying.',
      },
    },
    { from: 'laptop', to: 'msa', type: 'send', line: 'DATA' },
    {
      from: 'laptop',
      to: 'msa',
      type: 'body',
      lines: ['From: Staff <staff@example.jp>', 'To: partner@faraway.example', 'Subject: From home', '', 'Sent from home.'],
    },
    { from: 'laptop', to: 'msa', type: 'send', line: 'QUIT' },
  ],
} satisfies Scenario
