import { toBase64 } from '../../model'
import { dkimRecord, TEACHING_KEY_PEM } from '../../model/auth'
import type { Scenario } from '../types'

// One mail's whole journey: submission on 587 with STARTTLS and AUTH (RFC 6409, RFC 3207, RFC 4954), the MX
// lookup (RFC 5321 §5.1), relay on 25, the receiver's SPF / DKIM / DMARC checks (RFC 7208, RFC 6376, RFC 7489)
// and Authentication-Results (RFC 8601), then reading it with IMAP (RFC 9051). Every answer comes from an engine.
const plain = toBase64('\0alice\0Alice-pass1') // SASL PLAIN (RFC 4616 §2)

export default {
  id: 'mail-journey',
  protocol: 'smtp',
  order: 300,
  title: { ja: 'メールの旅: 送信から DNS、SPF・DKIM・DMARC、受信まで', en: "A mail's whole journey: submission, DNS, SPF/DKIM/DMARC, reading" },
  summary: {
    ja: 'Alice の PC が 587 番で自分のメールサーバに送信し、そのサーバが DNS で宛先の MX を調べて相手のサーバへ中継します。受信側は DNS で SPF・DKIM・DMARC を確かめてから受け取り、Bob が IMAP で読みます。届いたヘッダの Received: を読めば経路が分かります。',
    en: "Alice's PC submits on port 587 to her mail server, which finds the recipient's MX in DNS and relays the mail there. The receiver checks SPF, DKIM and DMARC through DNS before accepting it, and Bob reads it with IMAP. The Received: lines of the delivered header tell the route.",
  },
  clients: [{ id: 'pc', host: 'alice-pc.example.com', ip: '192.0.2.10' }, { id: 'msa' }, { id: 'bob', host: 'bob-pc.example.net', ip: '198.51.100.80' }],
  servers: [
    {
      id: 'msa',
      protocol: 'smtp',
      ip: '192.0.2.25',
      dkim: { domain: 'example.com', selector: 'sel2024' },
      options: { hostname: 'mail.example.com', domains: ['example.com'], port: 587, requireTls: true, users: { alice: 'Alice-pass1' } },
    },
    {
      id: 'mx',
      protocol: 'smtp',
      ip: '198.51.100.25',
      checks: true,
      options: { hostname: 'mx1.example.net', domains: ['example.net'], port: 25, users: { bob: 'Bob-pass1' } },
    },
    {
      id: 'imap',
      protocol: 'imap',
      ip: '198.51.100.25',
      options: { hostname: 'mx1.example.net', port: 143, users: { bob: 'Bob-pass1' }, mailbox: { bob: [] } },
    },
  ],
  dns: {
    zone: {
      records: [
        { name: 'example.net', type: 'MX', preference: 10, exchange: 'mx1.example.net' },
        { name: 'example.net', type: 'MX', preference: 20, exchange: 'mx2.example.net' },
        { name: 'mx1.example.net', type: 'A', address: '198.51.100.25' },
        { name: 'mx2.example.net', type: 'A', address: '198.51.100.26' },
        { name: 'example.com', type: 'MX', preference: 10, exchange: 'mail.example.com' },
        { name: 'mail.example.com', type: 'A', address: '192.0.2.25' },
        { name: 'example.com', type: 'TXT', text: 'v=spf1 ip4:192.0.2.25 -all' },
        { name: 'sel2024._domainkey.example.com', type: 'TXT', text: dkimRecord(TEACHING_KEY_PEM) },
        { name: '_dmarc.example.com', type: 'TXT', text: 'v=DMARC1; p=reject; rua=mailto:dmarc-reports@example.com' },
      ],
    },
  },
  lanes: ['pc', 'msa', 'dns', 'mx', 'imap', 'bob'],
  actions: [
    {
      from: 'pc',
      to: 'msa',
      type: 'send',
      line: 'EHLO alice-pc.example.com',
      note: {
        ja: '旅の始まりです。Alice のメールソフトは、宛先のサーバではなく自分のメールサーバ（MSA）の 587 番ポートにつなぎます。',
        en: "The journey starts. Alice's mail program connects not to the recipient's server but to her own mail server (the MSA) on port 587.",
      },
    },
    { from: 'pc', to: 'msa', type: 'send', line: 'STARTTLS' },
    { from: 'pc', to: 'msa', type: 'send', line: 'EHLO alice-pc.example.com' },
    { from: 'pc', to: 'msa', type: 'send', line: `AUTH PLAIN ${plain}` },
    { from: 'pc', to: 'msa', type: 'send', line: 'MAIL FROM:<alice@example.com>' },
    { from: 'pc', to: 'msa', type: 'send', line: 'RCPT TO:<bob@example.net>' },
    { from: 'pc', to: 'msa', type: 'send', line: 'DATA' },
    {
      from: 'pc',
      to: 'msa',
      type: 'body',
      lines: [
        'From: Alice <alice@example.com>',
        'To: Bob <bob@example.net>',
        'Subject: Lunch on Friday?',
        'Date: Mon, 01 Jan 2024 19:00:00 +0900',
        'Message-ID: <journey-1@example.com>',
        '',
        'Hi Bob, are you free for lunch on Friday?',
      ],
      replyNote: {
        ja: '「queued」は、配送が終わったのではなく、送り出す順番待ちの列に入ったという意味です。ここから先はサーバの仕事です。',
        en: '"queued" does not mean delivered: the message is in the queue to be sent on. From here on it is the server\'s job.',
      },
    },
    { from: 'pc', to: 'msa', type: 'send', line: 'QUIT' },
    {
      from: 'msa',
      type: 'resolve',
      domain: 'example.net',
      note: {
        ja: 'MSA は宛先 bob@example.net のドメイン example.net を受け持つサーバを DNS に尋ねます。',
        en: 'The MSA asks DNS which server takes mail for example.net, the domain of bob@example.net.',
      },
    },
    {
      from: 'msa',
      to: 'mx',
      type: 'send',
      line: 'EHLO mail.example.com',
      note: {
        ja: 'プリファレンスの小さい mx1 に 25 番ポートでつなぎました。ここでは MSA がクライアントになり、サーバ同士で SMTP を話します。',
        en: 'It connects to mx1, the lower preference, on port 25. Now the MSA is the client: two servers speak SMTP.',
      },
    },
    { from: 'msa', to: 'mx', type: 'send', line: 'MAIL FROM:<alice@example.com>' },
    { from: 'msa', to: 'mx', type: 'send', line: 'RCPT TO:<bob@example.net>' },
    { from: 'msa', to: 'mx', type: 'send', line: 'DATA' },
    {
      from: 'msa',
      to: 'mx',
      type: 'forward',
      note: {
        ja: 'MSA は預かったメールの先頭に、自分の Received: と DKIM-Signature を付けて送ります。DKIM-Signature は example.com の秘密鍵で作った署名です。',
        en: "The MSA sends the mail it queued with its own Received: and a DKIM-Signature on top, a signature made with example.com's private key.",
      },
      replyNote: {
        ja: '受け取る前に、受信側は DNS で 3 つの確認をしました。SPF は送ってきたサーバの IP アドレスを、DKIM は署名を、DMARC はその結果がヘッダ From: のドメインと一致するかを見ます。結果は Authentication-Results: ヘッダに書かれます。',
        en: 'Before accepting, the receiver ran three checks through DNS: SPF on the sending address, DKIM on the signature, DMARC on whether either matches the header From: domain. The results go into an Authentication-Results: header.',
      },
    },
    { from: 'msa', to: 'mx', type: 'send', line: 'QUIT' },
    {
      from: 'bob',
      to: 'imap',
      type: 'send',
      line: 'a1 LOGIN bob Bob-pass1',
      note: { ja: '最後に Bob が IMAP でメールボックスを開きます。', en: 'Finally Bob opens his mailbox with IMAP.' },
    },
    { from: 'bob', to: 'imap', type: 'send', line: 'a2 SELECT INBOX' },
    {
      from: 'bob',
      to: 'imap',
      type: 'send',
      line: 'a3 FETCH 1 BODY.PEEK[HEADER]',
      replyNote: {
        ja: 'ヘッダを上から読むと、Received: は新しい順です。各サーバは自分の行を先頭に足すので、いちばん上が最後の中継（mx1 が受け取った記録）、その下が最初の中継（MSA が Alice の PC から受け取った記録）です。',
        en: "Read from the top, the Received: lines go from newest to oldest: each server adds its line on top, so the first is the last hop (mx1 receiving it), the next the first hop (the MSA receiving it from Alice's PC).",
      },
    },
    { from: 'bob', to: 'imap', type: 'send', line: 'a4 LOGOUT' },
  ],
} satisfies Scenario
