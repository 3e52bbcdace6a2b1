import type { Scenario } from '../types'

// STARTTLS on port 25 (RFC 3207): plaintext until the 220, the TLS handshake, then EHLO again without STARTTLS (§4.2).
export default {
  id: 'smtp-starttls',
  protocol: 'smtp',
  order: 30,
  title: { ja: 'STARTTLS: 途中から暗号化する', en: 'STARTTLS: encrypting part-way through' },
  summary: {
    ja: '送信側のメールサーバが受信側のサーバ（25 番ポート）に平文で接続し、STARTTLS で同じ接続を TLS に切り替えてから 1 通を渡します。どこから暗号化され、盗聴者に何が見えるのかを追います。',
    en: 'A sending mail server connects in plaintext to the receiving server on port 25, switches the same connection to TLS with STARTTLS, and then hands over one message. Follow where encryption starts and what an eavesdropper can see.',
  },
  client: { kind: 'mta', host: 'mx.sender.example', ip: '203.0.113.5' },
  servers: [{ id: 'server', protocol: 'smtp', options: { hostname: 'mail.example.test', domains: ['example.test'], port: 25 } }],
  actions: [
    { type: 'connect' },
    {
      type: 'send',
      line: 'EHLO mx.sender.example',
      replyNote: {
        ja: '一覧に STARTTLS があるので、このサーバとは TLS に切り替えられます。ただしこの一覧も平文です。通信の途中に割り込んだ攻撃者が STARTTLS の行を消すと、送信側は気づかずに平文のまま送ってしまいます（STARTTLS ストリッピング）。サーバ間でこれを防ぐ仕組みに MTA-STS（RFC 8461）があります。',
        en: 'STARTTLS is listed, so this server can switch to TLS. But the list itself is plaintext: an attacker on the path could delete the STARTTLS line, and the sender would carry on unencrypted without noticing (STARTTLS stripping). MTA-STS (RFC 8461) protects server-to-server mail against this.',
      },
    },
    {
      type: 'send',
      line: 'STARTTLS',
      note: {
        ja: 'ここまでに盗聴者が読めたのは、220 のあいさつ、EHLO で名乗ったホスト名、拡張機能の一覧だけです。メールアドレスも本文も、まだ 1 つも送っていません。',
        en: 'So far an eavesdropper could read the 220 greeting, the host name given with EHLO, and the list of extensions. No address and no message text has been sent yet.',
      },
      replyNote: {
        ja: 'この 220 そのものはまだ平文です。暗号化は、このすぐあとの TLS ハンドシェイクから始まります。',
        en: 'This 220 itself is still plaintext. Encryption begins with the TLS handshake that follows right after it.',
      },
    },
    {
      type: 'send',
      line: 'EHLO mx.sender.example',
      replyNote: {
        ja: '2 回目の一覧から STARTTLS が消えました。RFC 3207 §4.2 は、TLS が始まったあとの EHLO に STARTTLS を返してはならないと定めています。この接続はもう暗号化されていて、重ねて始めるものがないからです。',
        en: 'STARTTLS has gone from the second list. RFC 3207 §4.2 says a server must not offer STARTTLS in reply to an EHLO after the TLS handshake: the connection is already encrypted, so there is nothing left to start.',
      },
    },
    {
      type: 'send',
      line: 'MAIL FROM:<bob@sender.example>',
      note: {
        ja: 'このエンベロープは暗号化されたレコードの中を流れます。盗聴者には送信者も宛先も見えず、レコードの長さだけが分かります。',
        en: 'This envelope now travels inside encrypted records: an eavesdropper sees neither sender nor recipient, only the record lengths.',
      },
    },
    { type: 'send', line: 'RCPT TO:<user1@example.test>' },
    {
      type: 'send',
      line: 'DATA',
      note: {
        ja: 'これから送る本文も暗号化されますが、TLS が守るのは、この 2 台のサーバの間の経路だけです。受信側のサーバにはメールが平文のまま保存され、次の転送先でも暗号化されるとは限りません。差出人から受取人までを通して守るには、S/MIME などでメール自体を暗号化します。',
        en: 'The content that follows is encrypted too, but TLS protects only the path between these two servers. The receiving server stores the message as plain text, and the next hop need not be encrypted. To protect it from sender to recipient, the message itself is encrypted, for example with S/MIME.',
      },
    },
    {
      type: 'body',
      lines: [
        'From: Bob <bob@sender.example>',
        'To: user1@example.test',
        'Subject: Sent over STARTTLS',
        '',
        'Hi user1,',
        'this message crossed the wire encrypted.',
      ],
      replyNote: {
        ja: '受信側のサーバが加える Received: ヘッダには「with ESMTPS」と記録されます。末尾の S は、TLS の中で受け取ったという印です（RFC 3848）。',
        en: 'The Received: header the receiving server adds records "with ESMTPS"; the final S marks that the message arrived over TLS (RFC 3848).',
      },
    },
    { type: 'send', line: 'QUIT' },
  ],
} satisfies Scenario
