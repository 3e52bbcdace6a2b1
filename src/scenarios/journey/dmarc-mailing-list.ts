import { dkimRecord, TEACHING_KEY_PEM } from '../../model/auth'
import type { Scenario } from '../types'

// Why a mailing list breaks DKIM and SPF: the list adds a footer (the body hash no longer matches, RFC 6376
// §3.4.4, §6.1.3) and sends from its own address (not in the sender domain's SPF, RFC 7208 §2.4), so DMARC
// fails and p=reject refuses the mail (RFC 7489 §6.6, §6.7). Every verdict is computed from the zone below.
export default {
  id: 'dmarc-mailing-list',
  protocol: 'smtp',
  order: 305,
  title: { ja: 'DKIMが壊れるとき: メーリングリストとDMARC', en: 'When DKIM breaks: a mailing list and DMARC' },
  summary: {
    ja: 'example.com のサーバが DKIM で署名したメールを、メーリングリストが本文の末尾に案内文を足して配り直します。受信側では本文のハッシュが合わずに DKIM が失敗し、送ってきたのもリストのサーバなので SPF も失敗します。DMARC は p=reject なので、メールは拒否されます。',
    en: "example.com's server signs a message with DKIM; a mailing list adds a footer to the body and sends it on. At the receiver the body hash no longer matches, so DKIM fails, and SPF fails too since the list's server sent it. DMARC says p=reject, so the mail is refused.",
  },
  clients: [{ id: 'origin', host: 'mail.example.com', ip: '192.0.2.25', kind: 'mta' }, { id: 'list' }],
  servers: [
    {
      id: 'list',
      protocol: 'smtp',
      ip: '203.0.113.70',
      options: { hostname: 'lists.example.org', domains: ['lists.example.org'], port: 25, users: { team: 'x' } },
    },
    {
      id: 'mx',
      protocol: 'smtp',
      ip: '198.51.100.25',
      checks: true,
      options: { hostname: 'mx1.example.net', domains: ['example.net'], port: 25, users: { bob: 'x' } },
    },
  ],
  dns: {
    zone: {
      records: [
        { name: 'example.com', type: 'TXT', text: 'v=spf1 ip4:192.0.2.25 -all' },
        { name: 'sel2024._domainkey.example.com', type: 'TXT', text: dkimRecord(TEACHING_KEY_PEM) },
        { name: '_dmarc.example.com', type: 'TXT', text: 'v=DMARC1; p=reject' },
      ],
    },
  },
  lanes: ['origin', 'list', 'dns', 'mx'],
  actions: [
    {
      from: 'origin',
      to: 'list',
      type: 'send',
      line: 'EHLO mail.example.com',
      note: {
        ja: 'Alice のメールサーバが、メーリングリストのアドレス team@lists.example.org 宛てのメールを届けに来ました。',
        en: "Alice's mail server delivers a message for the list address team@lists.example.org.",
      },
    },
    { from: 'origin', to: 'list', type: 'send', line: 'MAIL FROM:<alice@example.com>' },
    { from: 'origin', to: 'list', type: 'send', line: 'RCPT TO:<team@lists.example.org>' },
    { from: 'origin', to: 'list', type: 'send', line: 'DATA' },
    {
      from: 'origin',
      to: 'list',
      type: 'body',
      dkim: { domain: 'example.com', selector: 'sel2024' },
      lines: [
        'From: Alice <alice@example.com>',
        'To: team@lists.example.org',
        'Subject: Minutes of the meeting',
        'Date: Mon, 01 Jan 2024 19:00:00 +0900',
        'Message-ID: <minutes-1@example.com>',
        '',
        'The minutes are below.',
      ],
      note: {
        ja: '先頭の DKIM-Signature は example.com の鍵による署名です。bh= は本文のハッシュ値で、本文が 1 文字でも変われば一致しなくなります。',
        en: "The DKIM-Signature on top is example.com's signature. bh= is the hash of the body: change one character of the body and it no longer matches.",
      },
    },
    { from: 'origin', to: 'list', type: 'send', line: 'QUIT' },
    {
      from: 'list',
      to: 'mx',
      type: 'send',
      line: 'EHLO lists.example.org',
      note: {
        ja: 'リストのサーバがメンバーの Bob に配り直します。エンベロープの送信者は元の alice@example.com のままです。',
        en: 'The list server sends it on to Bob, a member. The envelope sender stays alice@example.com.',
      },
    },
    { from: 'list', to: 'mx', type: 'send', line: 'MAIL FROM:<alice@example.com>' },
    { from: 'list', to: 'mx', type: 'send', line: 'RCPT TO:<bob@example.net>' },
    { from: 'list', to: 'mx', type: 'send', line: 'DATA' },
    {
      from: 'list',
      to: 'mx',
      type: 'forward',
      footer: ['--', 'team mailing list: https://lists.example.org/team'],
      note: {
        ja: 'リストは本文の最後に案内文を 2 行足しました。ヘッダの From: も署名もそのままです。',
        en: 'The list has added two footer lines to the body. The header From: and the signature are unchanged.',
      },
      replyNote: {
        ja: 'SPF は example.com が許可していない IP アドレス（リストのサーバ）なので fail、DKIM は本文が変わったので fail。From: のドメインと一致する成功が 1 つもないので DMARC も fail になり、p=reject に従って拒否されました。',
        en: "SPF fails (the list's address is not one example.com allows), DKIM fails (the body changed). With no pass aligned to the From: domain DMARC fails too, and p=reject has the mail refused.",
      },
    },
    { from: 'list', to: 'mx', type: 'send', line: 'QUIT' },
  ],
} satisfies Scenario
