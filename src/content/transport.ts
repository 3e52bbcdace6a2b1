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
    ja: 'クライアントがACKを返し、3ウェイハンドシェイクが完了しました。ここからTCPコネクションが確立（ESTABLISHED）し、メールのプロトコルが話せます。最初に話すのはサーバです（RFC 9293 §3.5）。',
    en: "The client's ACK completes the three-way handshake. The connection is ESTABLISHED and the mail protocol can start; the server speaks first (RFC 9293 §3.5).",
  },
  'fin-first.server': {
    ja: 'サーバが先にFINを送りました。SMTPではQUITに221で答えたサーバが自分から切断します（RFC 5321 §4.1.1.10）。元記事のキャプチャで「欲しいFINが見当たらない」のは、このFINがサーバ側から来るためです。',
    en: "The server sends FIN first: after answering QUIT with 221 it closes the connection itself (RFC 5321 §4.1.1.10). That is why a capture may seem to lack the client's FIN at this point: the first FIN comes from the server.",
  },
  'fin-first.client': {
    ja: 'クライアントが先にFINを送り、送信を終えると伝えました。QUITを送らずに切るとサーバはトランザクションを破棄します。きちんと終えるにはQUITを送ります（RFC 5321 §4.1.1.10, RFC 9293 §3.6）。',
    en: 'The client sends FIN first: it has nothing more to send. Closing without QUIT makes the server drop any open transaction; a clean end sends QUIT first (RFC 5321 §4.1.1.10, RFC 9293 §3.6).',
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
