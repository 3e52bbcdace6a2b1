import type { Scenario } from '../types'

// The article's POP3S (§4): POP3 inside TLS from the first byte on port 995 (implicit TLS, RFC 8314 §3.1).
// The POP3 commands are the ones used on port 110; only what the wire shows changes.
export default {
  id: 'pop3s',
  protocol: 'pop3',
  order: 220,
  title: { ja: 'POP3S: 995番ポートで最初から暗号化', en: 'POP3S: encrypted from the start on port 995' },
  summary: {
    ja: 'クライアントが995番ポートに接続すると、TCPの3ウェイハンドシェイクの直後にTLSハンドシェイクが始まり、POP3のあいさつから先はすべて暗号化されます。TLSは古くはSSLと呼ばれていたので、POP3Sは「POP3 over SSL」とも書かれます。USER/PASSの手順そのものは110番と同じです。',
    en: 'When the client connects to port 995, the TLS handshake follows right after the TCP handshake, and everything from the POP3 greeting on is encrypted. TLS used to be called SSL, so POP3S is also written "POP3 over SSL". The USER/PASS steps themselves are the same as on port 110.',
  },
  client: { host: 'pc1.client.example.test', ip: '192.0.2.10' },
  servers: [{ id: 'server', protocol: 'pop3', options: { hostname: 'mail.example.test', port: 995 } }],
  actions: [
    {
      type: 'connect',
      replyNote: {
        ja: 'このあいさつは、すでにTLSの暗号化されたレコードの中で届いています（暗黙のTLS、RFC 8314 §3.1）。110番ではあいさつもCAPAも平文で、STLSを送った後にやっと暗号化が始まります。RFC 8314は、途中から切り替えるSTLSより、最初から暗号化する995番を使うよう勧めています。',
        en: 'This greeting already arrives inside encrypted TLS records (implicit TLS, RFC 8314 §3.1). On port 110 the greeting and CAPA are cleartext, and encryption starts only after STLS. RFC 8314 recommends implicit TLS on port 995 over switching part way with STLS.',
      },
    },
    { type: 'send', line: 'USER user1' },
    {
      type: 'send',
      line: 'PASS password1',
      note: {
        ja: '図では「PASS password1」と読めますが、ネットワーク上ではTLSで暗号化されています。盗聴者に見えるのは、宛先のIPアドレスとポート番号（995）、ClientHelloのサーバ名、暗号化されたレコードの長さだけです。110番の基本レッスンと同じ行でも、盗聴者に見えるものがここで違います。',
        en: 'The diagram shows "PASS password1", but on the wire it is encrypted with TLS. An eavesdropper sees only the server\'s address and port (995), the server name in the ClientHello, and the length of an encrypted record. It is the same line as in the port 110 lesson; what the eavesdropper gets is not.',
      },
    },
    { type: 'send', line: 'STAT' },
    {
      type: 'send',
      line: 'RETR 1',
      replyNote: {
        ja: 'メール本文も暗号化されたまま届き、PCの中で復号されます。H21NW午後Ⅰ問2では、ポート番号995を使うこのプロトコル（POP3S）の名前が問われました。',
        en: 'The message, too, arrives encrypted and is decrypted on the PC. H21NW午後Ⅰ問2 asks for the name of this protocol, the one on port 995 (POP3S).',
      },
    },
    { type: 'send', line: 'QUIT' },
  ],
} satisfies Scenario
