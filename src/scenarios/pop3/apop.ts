import type { Scenario } from '../types'

// The article's APOP (§6): only MD5(timestamp + password) crosses the wire (RFC 1939 §7); the mail does not get
// encrypted. The session computes the digest from the greeting it actually received ({ type: 'apop' }).
export default {
  id: 'pop3-apop',
  protocol: 'pop3',
  order: 210,
  title: { ja: 'APOP: パスワードを流さずに認証する', en: 'APOP: logging in without sending the password' },
  summary: {
    ja: 'POP3サーバのあいさつに含まれるタイムスタンプとパスワードから、クライアントがMD5のダイジェストを計算して送ります。パスワードはネットワーク上を流れませんが、メール本文は平文のままです。APOPは、サーバとメールソフトの両方が対応しているときにだけ使えます。',
    en: 'The client computes an MD5 digest from the timestamp in the POP3 greeting and its password, and sends only the digest. The password never crosses the wire, but the mail itself still travels in cleartext. APOP works only when both the server and the mail program support it.',
  },
  client: { host: 'pc1.client.example.test', ip: '192.0.2.10' },
  servers: [
    {
      id: 'server',
      protocol: 'pop3',
      // RFC 1939 §7's example timestamp (process-id.clock@hostname); a real server makes a new one per connection.
      options: { hostname: 'mail.example.test', port: 110, apopTimestamp: '<1896.697170952@mail.example.test>' },
    },
  ],
  actions: [
    {
      type: 'connect',
      replyNote: {
        ja: '末尾の<…@mail.example.test>がタイムスタンプ（チャレンジ）です。サーバは接続のたびに違う値を作るので、盗聴したダイジェストを次の接続で使い回しても認証は通らず、リプレイ攻撃を防げます。このタイムスタンプは、サーバがAPOPに対応している印でもあります（RFC 1939 §7）。メールソフトの側もAPOPに対応していれば、この値とパスワードからダイジェストを計算します。',
        en: 'The <…@mail.example.test> at the end is the timestamp, the challenge. The server makes a new one for every connection, so a digest captured today fails on the next connection: replaying it does not work. The timestamp is also the sign that the server supports APOP (RFC 1939 §7); a mail program that supports APOP too computes its digest from this value and the password.',
      },
    },
    {
      type: 'apop',
      user: 'user1',
      password: 'password1',
      note: {
        ja: 'ダイジェストは「MD5("<1896.697170952@mail.example.test>" + "password1")」を16進数32桁で書いたもので、クライアントがいま計算しました。盗聴者に見えるのはユーザ名とこの32桁だけで、パスワードそのものは流れていません。',
        en: 'The digest is MD5("<1896.697170952@mail.example.test>" + "password1") written as 32 hex digits, computed by the client just now. An eavesdropper sees the user name and these 32 digits, never the password itself.',
      },
      replyNote: {
        ja: 'サーバも同じ計算をして一致を確かめ、認証に成功しました。ただしMD5は今では弱く、盗聴したタイムスタンプとダイジェストの組から辞書攻撃でパスワードを推測されるおそれがあり、2007年には偽サーバがパスワードの一部を割り出す攻撃も公表されました。そのためAPOPは古い方式とされ、POP3S（995番）が勧められています。',
        en: 'The server did the same computation, the digests match, and the login succeeds. But MD5 is weak today: with a captured timestamp and digest an attacker can test guessed passwords offline, and in 2007 an attack was published in which a fake server recovers part of the password. APOP is therefore considered obsolete; POP3S (port 995) is recommended instead.',
      },
    },
    { type: 'send', line: 'STAT' },
    {
      type: 'send',
      line: 'RETR 1',
      replyNote: {
        ja: 'メールの中身はこのとおり平文で流れ、盗聴者には件名も本文も読めます。APOPが守るのは認証の間のパスワードだけで、メールを暗号化するものではありません。',
        en: 'The message crosses the wire as plain text: an eavesdropper reads its subject and its text. APOP protects only the password during login; it does not encrypt the mail.',
      },
    },
    { type: 'send', line: 'QUIT' },
  ],
} satisfies Scenario
