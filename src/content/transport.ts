// Captions for the layers under the mail protocols: TCP (RFC 9293) and TLS 1.3 (RFC 8446).
import type { Caption } from './types'

export const tcpCaptions = {
  syn: {
    ja: 'クライアントが接続を始めるSYNを送りました。相手のポート（SMTPなら25番）に「通信したい」と伝え、自分のシーケンス番号を知らせます。サーバが受け付けなければSYN,ACKではなくRSTが返ります（RFC 9293 §3.5）。',
    en: 'The client sends SYN to open a connection. It asks the server port (25 for SMTP) to talk and announces its own sequence number. A server that refuses answers RST instead of SYN, ACK (RFC 9293 §3.5).',
  },
  'syn-ack': {
    ja: 'サーバがSYN,ACKで応えました。クライアントのSYNを確認応答（ACK）しつつ、サーバ側のシーケンス番号をSYNで伝えます。3ウェイハンドシェイクの2つ目です（RFC 9293 §3.5）。',
    en: "The server answers SYN, ACK. It acknowledges the client's SYN and sends its own SYN with its sequence number: the second of the three-way handshake (RFC 9293 §3.5).",
  },
  ack: {
    ja: 'クライアントがACKを返し、3ウェイハンドシェイクが完了しました（RFC 9293 §3.5）。TCPコネクションが確立（ESTABLISHED）したので、メールのプロトコルが話せます。SMTP・POP3・IMAPでは、最初に話すのはサーバのあいさつです（RFC 5321 §3.1、RFC 1939 §4、RFC 9051 §7.1.1）。',
    en: "The client's ACK completes the three-way handshake (RFC 9293 §3.5). The connection is ESTABLISHED and the mail protocol can start; in SMTP, POP3 and IMAP the server speaks first, with its greeting (RFC 5321 §3.1, RFC 1939 §4, RFC 9051 §7.1.1).",
  },
  'ack.tls-first': {
    ja: 'クライアントがACKを返し、3ウェイハンドシェイクが完了しました（RFC 9293 §3.5）。このポートは最初からTLSを使うので、次に送るのはクライアントのClientHelloです。サーバのあいさつは、TLSハンドシェイクが終わってから暗号化されて届きます（RFC 8314 §3）。',
    en: "The client's ACK completes the three-way handshake (RFC 9293 §3.5). This port uses TLS from the start, so the client speaks next, with its ClientHello; the server's greeting comes only after the TLS handshake, encrypted (RFC 8314 §3).",
  },
  'fin-first.server': {
    ja: 'サーバが先にFINを送り、自分の側の送信を終えました。クライアントの終了の求めに答えたサーバが、自分から接続を閉じます（RFC 9293 §3.6）。',
    en: "The server sends FIN first: having answered the client's request to end, it closes its side of the connection (RFC 9293 §3.6).",
  },
  'fin-first.server.smtp': {
    ja: 'サーバが先にFINを送りました。QUITに221で答えたサーバは、自分から接続を閉じます（RFC 5321 §4.1.1.10）。元記事のキャプチャで「この前のFIN」が見当たらないのは、サーバのFINが221と同じセグメントに乗っていたからです。',
    en: "The server sends FIN first: having answered QUIT with 221, it closes the connection itself (RFC 5321 §4.1.1.10). The article's capture shows no separate FIN before the client's because the server's FIN rode on the segment that carried the 221.",
  },
  'fin-first.server.pop3': {
    ja: 'サーバが先にFINを送りました。QUITに+OKで答えたサーバは、UPDATE状態の処理を終えて自分から接続を閉じます（RFC 1939 §6）。Dovecotのように、FINを+OKと同じセグメントに乗せるサーバもあります。',
    en: 'The server sends FIN first: having answered QUIT with +OK and finished the UPDATE state, it closes the connection itself (RFC 1939 §6). Some servers, Dovecot among them, put the FIN on the segment that carries the +OK.',
  },
  'fin-first.server.imap': {
    ja: 'サーバが先にFINを送りました。LOGOUTに「* BYE」とタグ付きのOKで答えたサーバは、自分から接続を閉じます（RFC 9051 §6.1.3）。',
    en: 'The server sends FIN first: having answered LOGOUT with "* BYE" and the tagged OK, it closes the connection itself (RFC 9051 §6.1.3).',
  },
  'fin-first.client': {
    ja: 'クライアントが先にFINを送り、送るものはもうないと伝えました。プロトコルの終了コマンドを送らずに切ると、サーバは途中の処理を取りやめます（RFC 9293 §3.6）。',
    en: "The client sends FIN first: it has nothing more to send. Closing without the protocol's own goodbye makes the server drop what was in progress (RFC 9293 §3.6).",
  },
  'fin-first.client.smtp': {
    ja: 'クライアントが先にFINを送り、送信を終えると伝えました。QUITを送らずに切るとサーバはメールトランザクションを破棄します。きちんと終えるにはQUITを送ります（RFC 5321 §4.1.1.10、RFC 9293 §3.6）。',
    en: 'The client sends FIN first: it has nothing more to send. Closing without QUIT makes the server drop any open transaction; a clean end sends QUIT first (RFC 5321 §4.1.1.10, RFC 9293 §3.6).',
  },
  'fin-first.client.pop3': {
    ja: 'クライアントがQUITを送らずにFINを送りました。このときサーバはUPDATE状態に入らないので、DELEで印を付けたメールも削除されずに残ります（RFC 1939 §6）。',
    en: 'The client sends FIN without QUIT. The server then never enters the UPDATE state, so messages marked by DELE stay on the server (RFC 1939 §6).',
  },
  'fin-first.client.imap': {
    ja: 'クライアントがLOGOUTを送らずにFINを送りました。メールとフラグはすでにサーバ上にあるので失われませんが、行儀のよい終わり方はLOGOUTです（RFC 9051 §6.1.3）。',
    en: 'The client sends FIN without LOGOUT. Nothing is lost, since the mail and its flags already live on the server, but the clean end is LOGOUT (RFC 9051 §6.1.3).',
  },
  'ack-fin-first': {
    ja: '相手のFINにACKで確認応答しました。これで片方向の通信だけが閉じた状態（ハーフクローズ）です。こちら側はまだ送れますが、送るものがなければ自分のFINを続けて送ります（RFC 9293 §3.6）。',
    en: 'The FIN is acknowledged with ACK. One direction is now closed (a half-close); this side could still send, but with nothing left it follows with its own FIN (RFC 9293 §3.6).',
  },
  'fin-second': {
    ja: 'もう一方もFINを送り、自分の側の送信を終えます。FINは両方向それぞれに必要なので、切断ではFINが2つ流れます（RFC 9293 §3.6）。',
    en: 'The other side sends its own FIN. Each direction is closed separately, so a normal close carries two FINs (RFC 9293 §3.6).',
  },
  'ack-fin-second': {
    ja: '最後のACKで切断が完了しました。先に閉じた側はTIME-WAIT状態でしばらく待ち、遅れて届くパケットに備えます（RFC 9293 §3.6）。',
    en: 'The last ACK completes the close. The side that closed first waits in TIME-WAIT for a while, in case late segments still arrive (RFC 9293 §3.6).',
  },
} as const satisfies Record<string, Caption>

export const tlsCaptions = {
  'client-hello': {
    ja: 'TLSハンドシェイクの始まりです。クライアントが使える暗号方式と鍵共有の値（key_share）をClientHelloで送ります。ここまでは平文なので、盗聴者にも接続先の名前（SNI）が見えます（RFC 8446 §4.1.2）。',
    en: 'The TLS handshake begins: ClientHello offers cipher suites and a key share. It is still cleartext, so an eavesdropper sees the server name (SNI) (RFC 8446 §4.1.2).',
  },
  'server-flight': {
    ja: 'サーバがServerHelloで鍵共有を終え、以降を暗号化して証明書とFinishedを送ります。クライアントは証明書でサーバが本物かを確かめます。失敗すればアラートで切断されます（RFC 8446 §4.1.3, §4.4）。',
    en: 'ServerHello completes the key exchange; the rest of the flight (certificate, Finished) is already encrypted. The client checks the certificate to know the server is genuine; a failure ends in an alert (RFC 8446 §4.1.3, §4.4).',
  },
  'client-finished': {
    ja: 'クライアントのFinishedでハンドシェイクが完了しました。ここから先のメールのコマンドと本文はすべて暗号化されたレコードで運ばれ、盗聴者にはレコードの長さしか分かりません（RFC 8446 §4.4.4, §5.2）。',
    en: "The client's Finished completes the handshake. From here on every command and the message itself travel inside encrypted records; an eavesdropper learns only their lengths (RFC 8446 §4.4.4, §5.2).",
  },
} as const satisfies Record<string, Caption>
