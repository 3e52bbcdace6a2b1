import { toBase64 } from '../../model'
import type { Scenario } from '../types'

// OP25B (Outbound Port 25 Blocking): the ISP drops port-25 SYNs from its dynamic customer addresses to outside
// servers, so mail must go through the ISP's (or the provider's) submission port 587 with authentication
// (RFC 6409 §4, RFC 4954). The retransmission timing follows RFC 6298 §5.5.
const plain = toBase64('\0hanako\0Hana-2024') // SASL PLAIN (RFC 4616 §2)

export default {
  id: 'op25b',
  protocol: 'smtp',
  order: 310,
  title: { ja: 'OP25B: 家庭のPCから25番ポートに出られない理由', en: 'OP25B: why a home PC cannot reach port 25 outside' },
  summary: {
    ja: 'ISPの利用者のPCが、外部のメールサーバの25番ポートへ直接送ろうとすると、ISPの出口でSYNが捨てられます。587番ポートで認証してISPのメールサーバに預ければ、メールはそこから外へ出ていきます。ウイルスに感染したPCが直接迷惑メールをばらまくのを防ぐ仕組みです。',
    en: "A customer's PC tries to send straight to an outside mail server's port 25, and the ISP's edge drops its SYN. Submitted on port 587 with authentication to the ISP's mail server, the mail leaves from there. The point: an infected PC cannot spray spam directly.",
  },
  clients: [{ id: 'pc', host: 'p1234-ipoe.dyn.isp.example', ip: '203.0.113.45' }, { id: 'msa' }],
  servers: [
    {
      id: 'msa',
      protocol: 'smtp',
      ip: '192.0.2.25',
      options: { hostname: 'smtp.isp.example', domains: ['isp.example'], port: 587, requireTls: true, users: { hanako: 'Hana-2024' } },
    },
    { id: 'outside', protocol: 'smtp', ip: '198.51.100.25', options: { hostname: 'mx.example.org', domains: ['example.org'], port: 25, users: { taro: 'x' } } },
  ],
  routers: [{ id: 'edge', host: 'edge.isp.example', ip: '203.0.113.1', block: { from: ['pc'], port: 25, inside: [] } }],
  lanes: ['pc', 'msa', 'edge', 'outside'],
  actions: [
    {
      type: 'connect',
      from: 'pc',
      to: 'outside',
      note: {
        ja: 'PCのメールソフトが、宛先のドメインのメールサーバ（mx.example.org）の25番ポートへ直接つなごうとしています。ボットに感染したPCが迷惑メールを送るときと同じ経路です。',
        en: "The PC's mail program tries to connect straight to port 25 of the recipient domain's server, mx.example.org: the very path a bot-infected PC uses to send spam.",
      },
    },
    {
      from: 'pc',
      to: 'msa',
      type: 'send',
      line: 'EHLO p1234-ipoe.dyn.isp.example',
      note: {
        ja: '今度はISPのメールサーバ（smtp.isp.example）のサブミッションポート、587番へつなぎます。25番ではないので出口で止められず、そもそもISPの中の通信です。',
        en: "This time the PC connects to port 587, the submission port, of the ISP's own server smtp.isp.example. It is not port 25, and it stays inside the ISP, so nothing blocks it.",
      },
    },
    { from: 'pc', to: 'msa', type: 'send', line: 'STARTTLS' },
    { from: 'pc', to: 'msa', type: 'send', line: 'EHLO p1234-ipoe.dyn.isp.example' },
    {
      from: 'pc',
      to: 'msa',
      type: 'send',
      line: `AUTH PLAIN ${plain}`,
      note: {
        ja: '587番では送る前にSMTP-AUTHで認証します。誰が送ったかをISPが把握できるので、感染したPCが送りまくれば止められます。',
        en: 'On 587 the user authenticates (SMTP-AUTH) before sending. The ISP knows who sent what, and can stop an infected PC that floods mail.',
      },
    },
    { from: 'pc', to: 'msa', type: 'send', line: 'MAIL FROM:<hanako@isp.example>' },
    { from: 'pc', to: 'msa', type: 'send', line: 'RCPT TO:<taro@example.org>' },
    { from: 'pc', to: 'msa', type: 'send', line: 'DATA' },
    {
      from: 'pc',
      to: 'msa',
      type: 'body',
      lines: [
        'From: Hanako <hanako@isp.example>',
        'To: Taro <taro@example.org>',
        'Subject: Hello from home',
        'Date: Mon, 01 Jan 2024 19:00:00 +0900',
        'Message-ID: <op25b-1@isp.example>',
        '',
        'It went out through 587.',
      ],
    },
    { from: 'pc', to: 'msa', type: 'send', line: 'QUIT' },
    {
      from: 'msa',
      to: 'outside',
      type: 'send',
      line: 'EHLO smtp.isp.example',
      note: {
        ja: 'ISPのメールサーバが、預かったメールを宛先のサーバへ25番ポートで中継します。サーバは動的IPアドレスではないので、出口のルータは止めません。',
        en: "The ISP's mail server relays the mail to the recipient's server on port 25. Its address is not a dynamic customer address, so the edge lets it through.",
      },
    },
    { from: 'msa', to: 'outside', type: 'send', line: 'MAIL FROM:<hanako@isp.example>' },
    { from: 'msa', to: 'outside', type: 'send', line: 'RCPT TO:<taro@example.org>' },
    { from: 'msa', to: 'outside', type: 'send', line: 'DATA' },
    {
      from: 'msa',
      to: 'outside',
      type: 'forward',
      note: {
        ja: '送るのは預かったメールそのものに、ISPのサーバが付けたReceived:ヘッダが1行加わったものです。',
        en: "What it sends is the message it was given, with one Received: header added by the ISP's server on top.",
      },
    },
    { from: 'msa', to: 'outside', type: 'send', line: 'QUIT' },
  ],
} satisfies Scenario
