import type { Scenario } from '../types'

// POP before SMTP: a POP3 login opens relaying on port 25 for the client's IP address, for a while (here 300 s).
const message = [
  'From: User One <user1@example.test>',
  'To: friend@outside.example',
  'Subject: After checking my mail',
  '',
  'Hello,',
  'sent right after a POP3 login.',
]

export default {
  id: 'pop-before-smtp',
  protocol: 'smtp',
  order: 60,
  title: { ja: 'POP before SMTP: 受信の認証で送信を許す', en: 'POP before SMTP: a POP3 login opens sending' },
  summary: {
    ja: '外部宛てのメールを断られたクライアントが、先に POP3 でログインすると、同じ IP アドレスからの送信が 5 分間だけ許されます。SMTP には認証のしくみがなかった時代の工夫と、その弱点を追います。',
    en: 'A client whose outside mail is refused logs in with POP3 first; for five minutes the SMTP server then relays for that IP address. This is how sending was guarded before SMTP had authentication, and where it falls short.',
  },
  client: { host: 'pc1.client.example.test', ip: '192.0.2.10' },
  servers: [
    { id: 'pop3', protocol: 'pop3', options: { hostname: 'pop.example.test', port: 110 } },
    { id: 'smtp', protocol: 'smtp', options: { hostname: 'mail.example.test', domains: ['example.test'], port: 25 }, popBeforeSmtpWindow: 300 },
  ],
  lanes: ['client', 'pop3', 'smtp'],
  actions: [
    // 1. SMTP alone: an untrusted address may not relay.
    { type: 'connect', to: 'smtp' },
    { type: 'send', to: 'smtp', line: 'EHLO pc1.client.example.test' },
    { type: 'send', to: 'smtp', line: 'MAIL FROM:<user1@example.test>' },
    {
      type: 'send',
      to: 'smtp',
      line: 'RCPT TO:<friend@outside.example>',
      replyNote: {
        ja: '25 番ポートの SMTP には、送ってきた人を確かめる手段がありません。このサーバから見ると、192.0.2.10 は知らないアドレスなので、外部宛ての中継は断るしかありません。',
        en: 'SMTP on port 25 has no way here to check who is sending. To this server 192.0.2.10 is an unknown address, so it can only refuse to relay to an outside domain.',
      },
    },
    { type: 'send', to: 'smtp', line: 'QUIT' },
    // 2. POP3 login: the server notes the client's IP address and the time.
    { type: 'connect', to: 'pop3' },
    {
      type: 'send',
      to: 'pop3',
      line: 'USER user1',
      note: {
        ja: 'H20SV問1 では、社内 PC のメールソフトが SMTP-AUTH に対応していないので POP before SMTP を使う、という場面が出題されました。メールソフトは普段どおり受信してから送信するだけで、送信用のユーザ名やパスワードの設定は要りません。',
        en: 'H20SV問1 describes an office whose mail programs cannot do SMTP AUTH, so POP before SMTP is used. The mail program just fetches mail before sending, as usual; it needs no user name or password for sending.',
      },
    },
    {
      type: 'send',
      to: 'pop3',
      line: 'PASS password1',
      replyNote: {
        ja: 'POP3 の認証に成功しました。POP before SMTP では、サーバがこの成功を送信元の IP アドレス（192.0.2.10）と時刻とともに記録し、一定時間（ここでは 5 分）そのアドレスからの SMTP の中継を許します。',
        en: "The POP3 login succeeded. With POP before SMTP the server records this success with the client's IP address (192.0.2.10) and the time, and relays SMTP mail from that address for a while (here five minutes).",
      },
    },
    { type: 'send', to: 'pop3', line: 'QUIT' },
    // 3. SMTP again within the window: the same commands, now relayed.
    { type: 'wait', seconds: 60 },
    { type: 'connect', to: 'smtp' },
    { type: 'send', to: 'smtp', line: 'EHLO pc1.client.example.test' },
    { type: 'send', to: 'smtp', line: 'MAIL FROM:<user1@example.test>' },
    {
      type: 'send',
      to: 'smtp',
      line: 'RCPT TO:<friend@outside.example>',
      note: {
        ja: '1 回目とまったく同じコマンドです。ポートも 25 番のままで、SMTP には何も追加されていません。',
        en: 'Exactly the same command as the first time. The port is still 25, and nothing has been added to SMTP.',
      },
      replyNote: {
        ja: '今度は 250 です。サーバが見たのは IP アドレスだけで、1 分前の POP3 ログインと同じなので中継を許しました。同じ NAT（ルータ）の後ろにいる別の人も同じアドレスに見えるので、この 5 分の間は中継できてしまいます。',
        en: 'Now it is 250. The server looked only at the IP address, the same as the POP3 login a minute ago, and allowed the relay. Anyone else behind the same NAT router shows the same address, so they too could relay during these five minutes.',
      },
    },
    { type: 'send', to: 'smtp', line: 'DATA' },
    { type: 'body', to: 'smtp', lines: message },
    { type: 'send', to: 'smtp', line: 'QUIT' },
    // 4. Past the window: refused again.
    { type: 'wait', seconds: 300 },
    { type: 'connect', to: 'smtp' },
    { type: 'send', to: 'smtp', line: 'EHLO pc1.client.example.test' },
    { type: 'send', to: 'smtp', line: 'MAIL FROM:<user1@example.test>' },
    {
      type: 'send',
      to: 'smtp',
      line: 'RCPT TO:<friend@outside.example>',
      replyNote: {
        ja: 'POP3 のログインから 6 分たち、5 分の枠を過ぎたので、同じ IP アドレスでも中継は断られました。いまは、メールソフトがユーザ名とパスワードを送る SMTP-AUTH（サブミッションポート 587 番）が主流で、IP アドレスに頼る POP before SMTP はほとんど使われません。',
        en: 'Six minutes after the POP3 login the five-minute window is over, so the same IP address is refused again. Today mail programs send a user name and password with SMTP AUTH (on the submission port 587); POP before SMTP, which trusts an IP address, is hardly used any more.',
      },
    },
    { type: 'send', to: 'smtp', line: 'QUIT' },
  ],
} satisfies Scenario
