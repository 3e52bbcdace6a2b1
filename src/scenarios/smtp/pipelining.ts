import type { Scenario } from '../types'

// PIPELINING (RFC 2920): MAIL, RCPT, RCPT and DATA in one TCP segment; the replies come back together, in order.
export default {
  id: 'smtp-pipelining',
  protocol: 'smtp',
  order: 110,
  title: { ja: 'PIPELINING: コマンドをまとめて送る', en: 'PIPELINING: sending commands in a batch' },
  summary: {
    ja: 'EHLO の応答に PIPELINING があるとき、クライアントは MAIL FROM から DATA までを 1 つの TCP セグメントで送れます。応答を待つ往復がどれだけ減るかを見ます。',
    en: 'When the EHLO reply lists PIPELINING, the client may send MAIL FROM through DATA in a single TCP segment. See how many round trips this saves.',
  },
  client: { host: 'pc1.client.example.test', ip: '192.0.2.10' },
  servers: [{ id: 'server', protocol: 'smtp', options: { hostname: 'mail.example.test', domains: ['example.test'], port: 25 } }],
  actions: [
    { type: 'send', line: 'EHLO pc1.client.example.test' },
    {
      type: 'pipeline',
      lines: ['MAIL FROM:<alice@client.example.test>', 'RCPT TO:<user1@example.test>', 'RCPT TO:<user2@example.test>', 'DATA'],
      note: {
        ja: 'MAIL FROM から DATA までの 4 行を、応答を待たずに 1 つの TCP セグメントで送りました。DATA のように応答しだいで次が変わるコマンドは、まとまりの最後に置く決まりです（RFC 2920 §3.1）。本文は 354 を確かめてから送ります。',
        en: 'The four lines from MAIL FROM to DATA left in one TCP segment, without waiting for replies. A command whose reply decides what comes next, such as DATA, must be the last of the batch (RFC 2920 §3.1). The content follows only after the 354 has been seen.',
      },
      replyNote: {
        ja: '4 つの応答がまとめて返りました。1 つずつ待てば 4 往復かかるところが 1 往復で済み、遠いサーバほど効きます。RCPT が 550 で断られても受け付けた宛先があれば DATA には 354 が返り、全部断られたときは 554 なので、クライアントは本文を送らずにやめます。',
        en: 'The four replies came back together: one round trip instead of four, which matters most with a distant server. If one RCPT got 550 but another was accepted, DATA would still get 354; if every RCPT were refused, DATA would get 554 and the client would not send the content.',
      },
    },
    {
      type: 'body',
      lines: [
        'From: Alice <alice@client.example.test>',
        'To: user1@example.test, user2@example.test',
        'Subject: Pipelined',
        '',
        'Hello both,',
        'the commands before this text went out in one segment.',
      ],
    },
    { type: 'send', line: 'QUIT' },
  ],
} satisfies Scenario
