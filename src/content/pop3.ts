// Captions for POP3 steps: one per client command (and per kind of client line) and one per engine reply.
// Japanese first (です・ます調), English beside it. Each says what crossed the wire, why POP3 needs it here,
// and what the other side may answer instead, with the RFC section.
import type { Pop3LineKind, Pop3ReplyId, Pop3State } from '../model/pop3'
import type { Caption } from './types'

const commands = {
  USER: {
    ja: 'クライアントがUSERでメールボックス名（ユーザ名）を送りました。USER/PASS方式の認証の1段目で、名前は平文のまま流れます。多くのサーバは名前の有無を明かさないよう+OKを返し、合否は次のPASSで決まります（RFC 1939 §7）。',
    en: 'The client sends USER with the mailbox name: the first half of USER/PASS authentication, in cleartext. Many servers answer +OK whatever the name, so as not to reveal which mailboxes exist; the verdict comes at PASS (RFC 1939 §7).',
  },
  PASS: {
    ja: 'クライアントがPASSでパスワードを送りました。TLSで暗号化していない接続では、パスワードが平文のまま流れ、盗聴者にそのまま読まれます。正しければ+OKでTRANSACTION状態へ進み、誤りなら-ERRでAUTHORIZATION状態に留まります（RFC 1939 §7）。',
    en: 'The client sends PASS with the password. Without TLS it crosses the wire in cleartext and an eavesdropper reads it as is. If it is right the server answers +OK and enters TRANSACTION; if not, -ERR, and the session stays in AUTHORIZATION (RFC 1939 §7).',
  },
  APOP: {
    ja: 'クライアントがAPOPで、ユーザ名と「タイムスタンプ+パスワード」のMD5ダイジェストを送りました。パスワードそのものはネットワーク上を流れませんが、メール本文はこの後も平文のままで、暗号化はされません。ダイジェストが一致すれば+OK、しなければ-ERRが返ります（RFC 1939 §7）。',
    en: 'The client sends APOP with the name and the MD5 digest of timestamp + password. The password itself never crosses the wire, but the mail that follows still travels in cleartext: APOP encrypts nothing. A matching digest gets +OK, any other -ERR (RFC 1939 §7).',
  },
  AUTH: {
    ja: 'クライアントがAUTHでSASLの認証方式（ここではPLAIN）を指定しました。PLAINはユーザ名とパスワードをbase64で符号化するだけで、暗号化ではありません。サーバは「+ 」で応答を促すか、応答が同じ行にあればすぐ+OKか-ERRを返します（RFC 5034 §4）。',
    en: 'The client starts SASL authentication with AUTH and names a mechanism (here PLAIN). PLAIN only encodes the name and password in base64, which is not encryption. The server asks for the response with "+ ", or answers +OK or -ERR at once when the response came on the same line (RFC 5034 §4).',
  },
  STLS: {
    ja: 'クライアントがSTLSで、この接続をTLSで暗号化したいと伝えました。パスワードやメールを平文で流さないための手順で、+OKの直後からTLSハンドシェイクが始まります。すでにTLS中か、STLSを提供していないサーバは-ERRを返します（RFC 2595 §4）。',
    en: 'The client asks with STLS to encrypt this connection with TLS, so that passwords and mail stop travelling in cleartext. The TLS handshake starts right after +OK; a server already under TLS, or one that does not offer STLS, answers -ERR (RFC 2595 §4).',
  },
  CAPA: {
    ja: 'クライアントがCAPAで、サーバが対応する拡張機能の一覧を求めました。+OKの後に1行に1つずつ機能名（STLS、USER、SASLなど）が並び、「.」だけの行で終わります。CAPAを知らない古いサーバは-ERRを返します（RFC 2449 §5）。',
    en: 'The client asks with CAPA which extensions the server supports. After +OK come the capability names (STLS, USER, SASL ...), one per line, ending with a line holding only ".". An old server without CAPA answers -ERR (RFC 2449 §5).',
  },
  QUIT: {
    ja: 'クライアントがQUITでセッションの終了を求めました。TRANSACTION状態からならUPDATE状態に入り、DELEで印を付けたメールがここで実際に削除されます。認証前のQUITでは何も削除せず、+OKを返して切断します（RFC 1939 §4, §6）。',
    en: 'The client ends the session with QUIT. From TRANSACTION the server enters UPDATE, and only now are the messages marked by DELE removed. Before login nothing is removed: the server answers +OK and closes (RFC 1939 §4, §6).',
  },
  STAT: {
    ja: 'クライアントがSTATでメールボックスの状況を尋ねました。サーバは「+OK 件数 合計オクテット数」の1行で答え、削除の印が付いたメールは数えません。認証前に送ると-ERRです（RFC 1939 §5）。',
    en: 'The client asks with STAT how full the maildrop is. The server answers one line, "+OK count octets", leaving out messages marked as deleted. Before login the answer is -ERR (RFC 1939 §5).',
  },
  LIST: {
    ja: 'クライアントがLISTで、メールの番号とサイズ（オクテット数）を求めました。番号を付けなければ全件を複数行で返し、「.」だけの行で終わります。存在しない番号や削除の印が付いたメールを指すと-ERRです（RFC 1939 §5）。',
    en: 'The client asks with LIST for message numbers and sizes in octets. Without a number the server lists them all on several lines, ending with ".". A number that does not exist or names a deleted message gets -ERR (RFC 1939 §5).',
  },
  RETR: {
    ja: 'クライアントがRETRで、番号を指定してメール1通の取り出しを求めました。サーバはヘッダと本文を複数行で送り、「.」で始まる行には「.」を1つ足します（バイトスタッフィング）。番号が無効か削除の印があれば-ERRです（RFC 1939 §5, §3）。',
    en: 'The client asks with RETR for one whole message by number. The server sends headers and body on several lines, adding a "." to any line that starts with "." (byte-stuffing). An invalid number or a message marked as deleted gets -ERR (RFC 1939 §5, §3).',
  },
  DELE: {
    ja: 'クライアントがDELEで、指定したメールに削除の印を付けるよう求めました。この時点ではまだ消えず、QUITでUPDATE状態に入ったときに初めて削除されます。すでに印があるか番号が無効なら-ERRです（RFC 1939 §5, §6）。',
    en: 'The client asks with DELE to mark a message as deleted. Nothing is removed yet: removal happens only in UPDATE, after QUIT. A message already marked, or an invalid number, gets -ERR (RFC 1939 §5, §6).',
  },
  NOOP: {
    ja: 'クライアントがNOOPを送りました。何もしないコマンドで、接続とセッションが生きているかの確認に使います。TRANSACTION状態なら+OK、認証前なら-ERRです（RFC 1939 §5）。',
    en: 'The client sends NOOP, a command that does nothing; it checks that the connection and session are alive. In TRANSACTION the answer is +OK, before login -ERR (RFC 1939 §5).',
  },
  RSET: {
    ja: 'クライアントがRSETで、このセッションで付けた削除の印をすべて取り消すよう求めました。削除はUPDATE状態まで保留されているので、QUITの前なら取り消せます。サーバは+OKを返し、認証前なら-ERRです（RFC 1939 §5）。',
    en: 'The client asks with RSET to remove every deletion mark made in this session. Deletion waits for UPDATE, so before QUIT it can still be undone. The server answers +OK; before login, -ERR (RFC 1939 §5).',
  },
  TOP: {
    ja: 'クライアントがTOPで、メールのヘッダと本文の先頭n行だけを求めました。全文を受信せずに件名や差出人を確かめるための任意のコマンドです。番号が無効か削除の印があれば-ERRです（RFC 1939 §7）。',
    en: 'The client asks with TOP for the headers and the first n body lines only, to check subject and sender without downloading the whole message. An invalid number or a deleted message gets -ERR (RFC 1939 §7).',
  },
  UIDL: {
    ja: 'クライアントがUIDLで、メールごとの一意なID（unique-id）を求めました。IDはセッションをまたいで変わらないため、メールをサーバに残すクライアントはどれを受信済みか判断できます。番号が無効か削除の印があれば-ERRです（RFC 1939 §7）。',
    en: "The client asks with UIDL for each message's unique-id. The id stays the same across sessions, so a client that leaves mail on the server can tell which messages it already has. An invalid number or a deleted message gets -ERR (RFC 1939 §7).",
  },
  unknown: {
    ja: 'サーバが知らないか、いまの状態では受け付けない行が届きました。POP3のコマンドは3〜4文字のキーワード（大文字と小文字は区別しません）と引数からなります。サーバは必ず-ERRで答えます（RFC 1939 §3）。',
    en: 'A line arrives that the server does not know or cannot take in this state. A POP3 command is a keyword of three or four letters (case does not matter) and its arguments. The server always answers -ERR (RFC 1939 §3).',
  },
  'sasl-response': {
    ja: 'クライアントが「+ 」に応えて、SASLの応答をbase64で送りました。PLAINでは中身がユーザ名とパスワードで、base64は符号化にすぎないため、TLSなしでは盗聴者に読めます。正しければ+OK、誤りなら-ERR、「*」を送れば認証の中止です（RFC 5034 §4）。',
    en: 'The client answers "+ " with its SASL response in base64. For PLAIN it holds the name and password, and base64 is only an encoding, so without TLS an eavesdropper can read it. Right credentials get +OK, wrong ones -ERR; "*" cancels (RFC 5034 §4).',
  },
} as const satisfies Record<Pop3LineKind, Caption>

const replies = {
  greeting: {
    ja: 'サーバが+OKのあいさつを送りました。POP3はサーバから話し始め、ここからAUTHORIZATION状態です。末尾の<...>はAPOP用のタイムスタンプで、クライアントはこれとパスワードからダイジェストを作れます（RFC 1939 §4, §7）。',
    en: 'The server greets with +OK: in POP3 the server speaks first, and the session is now in AUTHORIZATION. The <...> at the end is the APOP timestamp, from which the client can build a digest with its password (RFC 1939 §4, §7).',
  },
  capabilities: {
    ja: 'サーバが+OKに続けて、対応する拡張機能を1行に1つずつ返しました。TOPとUIDLは任意のコマンド、STLSは暗号化、USERとSASLは使える認証方式を表します。一覧は「.」だけの行で終わります（RFC 2449 §5, §6）。',
    en: 'The server answers +OK and lists its capabilities, one per line. TOP and UIDL are optional commands, STLS offers encryption, USER and SASL name the ways to authenticate. A line holding only "." ends the list (RFC 2449 §5, §6).',
  },
  lineTooLong: {
    ja: 'サーバが-ERRを返しました。行がCRLFを含めて255オクテットを超えたためで、コマンドの長さには上限があります。短くして送り直す必要があります（RFC 2449 §4）。',
    en: 'The server answers -ERR: the line is longer than 255 octets with its CRLF, the limit for a command. The client has to send something shorter (RFC 2449 §4).',
  },
  invalidCharacters: {
    ja: 'サーバが-ERRを返しました。コマンドの中に制御文字（改行やNULなど）が含まれていたためです。POP3のコマンドは印字可能な文字とスペースだけでできています（RFC 1939 §3）。',
    en: 'The server answers -ERR: the line holds control characters (a line break, NUL ...). A POP3 command is made of printable characters and spaces only (RFC 1939 §3).',
  },
  internalError: {
    ja: 'サーバの内部で処理に失敗し、-ERRでこの行を処理しなかったと伝えました。[SYS/TEMP]はクライアントの誤りではなくサーバ側の一時的な問題という意味で、送り直せば通ることがあります。状態は変わりません（RFC 3206 §4）。',
    en: "Something failed inside the server, so it answers -ERR: the line was not processed. [SYS/TEMP] says the problem is the server's and temporary, not the client's; sending the line again may work. The state does not change (RFC 3206 §4).",
  },
  unknownCommand: {
    ja: 'サーバが-ERRを返しました。知らないコマンドや実装していないコマンドには、必ず否定応答を返す決まりです。セッションの状態は変わりません（RFC 1939 §3）。',
    en: 'The server answers -ERR: a command it does not know or does not implement always gets a negative reply. The session state does not change (RFC 1939 §3).',
  },
  obsoleteCommand: {
    ja: 'サーバが-ERRを返しました。RPOPはRFC 1460で、LASTはRFC 1725でPOP3の仕様から外されたコマンドで、いまのRFC 1939にはありません。受信済みかどうかの判断には、代わりにUIDLを使います（RFC 1939 §3, §7）。',
    en: "The server answers -ERR: RPOP was removed from POP3 by RFC 1460 and LAST by RFC 1725, so today's RFC 1939 has neither. To tell which messages were already fetched, clients use UIDL instead (RFC 1939 §3, §7).",
  },
  wrongState: {
    ja: 'サーバが-ERRを返しました。コマンド自体は正しいものの、いまの状態では使えません。STATやRETRは認証後のTRANSACTION状態、USERやSTLSは認証前のAUTHORIZATION状態でだけ使えます（RFC 1939 §3）。',
    en: 'The server answers -ERR: the command exists but not in this state. STAT or RETR work only in TRANSACTION, after login; USER or STLS only in AUTHORIZATION, before it (RFC 1939 §3).',
  },
  missingArgument: {
    ja: 'サーバが-ERRを返しました。このコマンドに必要な引数（メール番号やユーザ名など）がありません。引数を付けて送り直します（RFC 1939 §3）。',
    en: 'The server answers -ERR: the command lacks an argument it needs (a message number, a name ...). The client sends it again with the argument (RFC 1939 §3).',
  },
  tooManyArguments: {
    ja: 'サーバが-ERRを返しました。このコマンドが取るより多くの引数が付いていました。構文の正しくないコマンドには否定応答を返す決まりです（RFC 1939 §3）。',
    en: 'The server answers -ERR: the command came with more arguments than it takes. A syntactically invalid command always gets a negative reply (RFC 1939 §3).',
  },
  userAccepted: {
    ja: 'サーバが+OKを返し、PASSを待っています。多くのサーバは、どの名前が存在するかを知られないよう、ここでは名前を確かめずに+OKを返します。認証の合否はPASSへの応答で決まります（RFC 1939 §7, §13）。',
    en: 'The server answers +OK and waits for PASS. Many servers do not check the name here, so that nobody can learn which mailboxes exist; the verdict comes with the reply to PASS (RFC 1939 §7, §13).',
  },
  noUserGiven: {
    ja: 'サーバが-ERRを返しました。PASSは、成功したUSERの直後にしか使えません。先にUSERでユーザ名を送ります（RFC 1939 §7）。',
    en: 'The server answers -ERR: PASS is only allowed right after a successful USER. The client sends USER with the name first (RFC 1939 §7).',
  },
  loggedIn: {
    ja: 'サーバが+OKを返し、認証に成功しました。サーバはメールボックスをロックし、セッションはTRANSACTION状態に入ります。ここからSTAT、LIST、RETRなどが使えます（RFC 1939 §4）。',
    en: 'The server answers +OK: authentication succeeded. It locks the maildrop and the session enters TRANSACTION, where STAT, LIST, RETR and the rest can be used (RFC 1939 §4).',
  },
  authFailed: {
    ja: 'サーバが-ERR [AUTH]を返し、認証に失敗しました。ユーザ名、パスワード、ダイジェストのどれかが違います。セッションはAUTHORIZATION状態のままで、認証をやり直すかQUITします（RFC 1939 §7, RFC 3206 §5）。',
    en: 'The server answers -ERR [AUTH]: authentication failed because the name, password or digest is wrong. The session stays in AUTHORIZATION; the client may try again or QUIT (RFC 1939 §7, RFC 3206 §5).',
  },
  plaintextDisallowed: {
    ja: 'サーバが-ERR [AUTH]を返しました。暗号化されていない接続では、平文のパスワードを受け取らない設定だからです。先にSTLSでTLSを始めるか、995番ポート（POP3S）を使います（RFC 2595 §2.3）。',
    en: 'The server answers -ERR [AUTH]: it is set to refuse cleartext passwords on an unencrypted connection. The client starts TLS with STLS first, or uses port 995 (POP3S) (RFC 2595 §2.3).',
  },
  saslContinue: {
    ja: 'サーバが「+ 」を返し、SASLの応答を待っています。PLAINではサーバから送るチャレンジがないので、「+ 」の後は空です。クライアントは次の行でbase64の応答を送るか、「*」で中止します（RFC 5034 §4）。',
    en: 'The server answers "+ " and waits for the SASL response. PLAIN has no challenge, so nothing follows the "+ ". The client sends its base64 response on the next line, or "*" to cancel (RFC 5034 §4).',
  },
  saslLineTooLong: {
    ja: 'サーバが-ERRを返しました。「+ 」への応答行が長すぎる（このサーバでは12288オクテットまで）ため、認証のやり取りを打ち切りました。応答はコマンドの255オクテットより長くてよいのですが、上限はあります（RFC 5034 §4）。',
    en: 'The server answers -ERR: the response to "+ " is too long (this server takes up to 12288 octets), so the exchange ends. A response may be longer than a 255-octet command, but not without limit (RFC 5034 §4).',
  },
  saslAborted: {
    ja: 'クライアントが「*」を送ったので、サーバは-ERRを返して認証を中止しました。セッションはAUTHORIZATION状態のままで、別の方法で認証し直せます（RFC 5034 §4）。',
    en: 'The client sent "*", so the server answers -ERR and drops the authentication. The session stays in AUTHORIZATION and the client may authenticate another way (RFC 5034 §4).',
  },
  saslInvalidBase64: {
    ja: 'サーバが-ERRを返しました。AUTHの応答が正しいbase64ではなかったため、認証は打ち切られます。なお、base64は符号化であって暗号化ではありません（RFC 5034 §4）。',
    en: 'The server answers -ERR: the AUTH response is not valid base64, so the authentication ends. Remember that base64 is an encoding, not encryption (RFC 5034 §4).',
  },
  saslUnsupported: {
    ja: 'サーバが-ERRを返しました。指定されたSASLの認証方式に、このサーバは対応していません。使える方式はCAPAのSASL行に並んでいます（RFC 5034 §4, RFC 2449 §6.3）。',
    en: 'The server answers -ERR: it does not support the SASL mechanism asked for. The mechanisms it does support are on the SASL line of CAPA (RFC 5034 §4, RFC 2449 §6.3).',
  },
  stlsBegin: {
    ja: 'サーバが+OKを返し、TLSハンドシェイクを始めます。この後の通信はすべて暗号化され、パスワードもメール本文も盗聴者には読めなくなります。TLSの後、クライアントはCAPAを送り直して機能を確かめます（RFC 2595 §4）。',
    en: 'The server answers +OK and the TLS handshake begins. From here everything is encrypted: an eavesdropper can read neither passwords nor mail. After TLS the client sends CAPA again to learn the capabilities anew (RFC 2595 §4).',
  },
  stlsActive: {
    ja: 'サーバが-ERRを返しました。この接続はすでにTLSで暗号化されているので、STLSは二度使えません。このまま認証に進めます（RFC 2595 §4）。',
    en: 'The server answers -ERR: the connection is already encrypted with TLS, so STLS cannot be used twice. The client can go on to authenticate (RFC 2595 §4).',
  },
  stlsUnavailable: {
    ja: 'サーバが-ERRを返しました。この接続ではSTLSを提供していません（995番ポートは最初からTLSです）。STLSはCAPAの一覧に載っているときだけ使えます（RFC 2595 §4）。',
    en: 'The server answers -ERR: STLS is not offered on this connection (port 995 is under TLS from the start). STLS can be used only when CAPA lists it (RFC 2595 §4).',
  },
  quitAuthorization: {
    ja: 'サーバが+OKを返して接続を閉じます。認証前のQUITなのでUPDATE状態には入らず、メールは1通も削除されません（RFC 1939 §4, §6）。',
    en: 'The server answers +OK and closes the connection. QUIT came before login, so there is no UPDATE state and no message is removed (RFC 1939 §4, §6).',
  },
  quitUpdate: {
    ja: 'サーバはUPDATE状態に入りましたが、DELEで印を付けたメールがないので何も削除せず、+OKを返して接続を閉じました。削除はUPDATE状態でだけ行われます（RFC 1939 §6）。',
    en: 'The server enters UPDATE, but no message was marked by DELE, so nothing is removed; it answers +OK and closes the connection. Messages are removed only in UPDATE (RFC 1939 §6).',
  },
  quitUpdateRemoved: {
    ja: 'サーバはUPDATE状態に入り、DELEで印を付けたメールをここで初めて削除してから+OKを返し、接続を閉じました。QUITを送らずに切断すると削除は行われません。削除に失敗したサーバは-ERRを返します（RFC 1939 §6）。',
    en: 'The server enters UPDATE, removes the messages marked by DELE only now, answers +OK and closes the connection. Had the client dropped the connection without QUIT, nothing would be removed; a server that fails to remove them answers -ERR (RFC 1939 §6).',
  },
  dropListing: {
    ja: 'サーバが「+OK 件数 合計オクテット数」で答えました。サイズは改行をCRLFの2オクテットとして数え、削除の印が付いたメールは含みません（RFC 1939 §5, §11）。',
    en: 'The server answers "+OK count octets". Sizes count each line end as the two octets of CRLF and leave out messages marked as deleted (RFC 1939 §5, §11).',
  },
  scanListings: {
    ja: 'サーバが+OKに続けて、メールごとに「番号 サイズ」の行を返し、「.」だけの行で終えました。削除の印が付いたメールは載りませんが、残りのメールの番号は変わりません（RFC 1939 §5）。',
    en: 'The server answers +OK, then one "number size" line per message, and a line holding only ".". Messages marked as deleted are left out, but the others keep their numbers (RFC 1939 §5).',
  },
  scanListing: {
    ja: 'サーバが「+OK 番号 サイズ」の1行で答えました。サイズはオクテット数で、クライアントは受信する前にメールの大きさを知ることができます（RFC 1939 §5）。',
    en: 'The server answers with one line, "+OK number size", the size in octets. The client learns how big the message is before fetching it (RFC 1939 §5).',
  },
  uidListings: {
    ja: 'サーバが+OKに続けて、メールごとに「番号 unique-id」の行を返しました。番号はセッションごとに振り直されますが、unique-idは変わりません。削除の印が付いたメールは載りません（RFC 1939 §7）。',
    en: 'The server answers +OK, then one "number unique-id" line per message. Numbers are given afresh in each session; unique-ids stay the same. Messages marked as deleted are left out (RFC 1939 §7).',
  },
  uidListing: {
    ja: 'サーバが「+OK 番号 unique-id」の1行で答えました。unique-idは0x21〜0x7Eの文字で1〜70文字、次に接続したときも同じ値です（RFC 1939 §7）。',
    en: 'The server answers with one line, "+OK number unique-id". The unique-id is 1 to 70 characters from 0x21 to 0x7E and stays the same in the next session (RFC 1939 §7).',
  },
  message: {
    ja: 'サーバが+OKとサイズに続けて、メール1通をヘッダから本文まで送り、「.」だけの行で終えました。「.」で始まる行には「.」が1つ足されています（バイトスタッフィング）。TLSを使わない接続では、この本文は平文のまま流れます（RFC 1939 §5, §3）。',
    en: 'The server answers +OK with the size, sends the whole message, headers and body, and ends with a line holding only ".". Lines that start with "." carry one extra "." (byte-stuffing). Without TLS this mail crosses the wire in cleartext (RFC 1939 §5, §3).',
  },
  top: {
    ja: 'サーバが+OKに続けて、ヘッダ、空行、本文の先頭から指定された行数だけを送りました。本文全体を受信せずに内容を確かめられます。最後は「.」だけの行です（RFC 1939 §7）。',
    en: 'The server answers +OK, then the headers, the blank line and as many body lines as asked. The client sees what the message is without fetching all of it. A line holding only "." ends it (RFC 1939 §7).',
  },
  markedDeleted: {
    ja: 'サーバが+OKを返し、メールに削除の印を付けました。実際の削除はQUITの後のUPDATE状態で行われ、それまではRSETで取り消せます（RFC 1939 §5, §6）。',
    en: 'The server answers +OK and marks the message as deleted. It is removed only in UPDATE, after QUIT; until then RSET can undo the mark (RFC 1939 §5, §6).',
  },
  reset: {
    ja: 'サーバが+OKを返し、削除の印をすべて外しました。メールボックスは認証した直後の状態に戻り、その件数とサイズが示されます（RFC 1939 §5）。',
    en: 'The server answers +OK and removes every deletion mark. The maildrop is as it was right after login, and the reply gives its count and size (RFC 1939 §5).',
  },
  noop: {
    ja: 'サーバが+OKだけを返しました。何も処理はしませんが、接続とセッションが生きていることが確かめられます（RFC 1939 §5）。',
    en: 'The server answers a bare +OK. Nothing happens, but the client knows the connection and the session are alive (RFC 1939 §5).',
  },
  messageDeleted: {
    ja: 'サーバが-ERRを返しました。そのメールにはこのセッションで削除の印が付いているため、参照できません。RSETで印を外せば、また使えます（RFC 1939 §5）。',
    en: 'The server answers -ERR: that message is marked as deleted in this session and cannot be referred to. RSET removes the mark and makes it usable again (RFC 1939 §5).',
  },
  noSuchMessage: {
    ja: 'サーバが-ERRを返しました。その番号のメールはありません。番号は1から始まり、件数はSTATやLISTで確かめられます（RFC 1939 §5）。',
    en: 'The server answers -ERR: there is no message with that number. Numbers start at 1; STAT or LIST tell how many there are (RFC 1939 §5).',
  },
  invalidNumber: {
    ja: 'サーバが-ERRを返しました。メール番号は10進数の数字で書く決まりです。LISTで番号の一覧を確かめられます（RFC 1939 §3, §5）。',
    en: 'The server answers -ERR: a message number must be written in decimal digits. LIST shows the numbers in use (RFC 1939 §3, §5).',
  },
  invalidLineCount: {
    ja: 'サーバが-ERRを返しました。TOPの2つ目の引数は、本文から何行送るかを表す0以上の数です。TOP 1 0ならヘッダだけが返ります（RFC 1939 §7）。',
    en: 'The server answers -ERR: the second argument of TOP is a non-negative number of body lines. TOP 1 0 returns the headers only (RFC 1939 §7).',
  },
} as const satisfies Record<Pop3ReplyId, Caption>

/** The states of RFC 1939 §3, for a state badge or legend. */
const states = {
  authorization: {
    ja: 'AUTHORIZATION状態: あいさつの後、クライアントが自分を認証する段階です。USER/PASS、APOP、AUTHのどれかで認証します（RFC 1939 §4）。',
    en: 'AUTHORIZATION: the greeting has been sent and the client must identify itself. It does so with USER/PASS, APOP or AUTH (RFC 1939 §4).',
  },
  transaction: {
    ja: 'TRANSACTION状態: 認証に成功し、メールボックスをロックした段階です。STAT、LIST、RETR、DELEなどでメールを扱います（RFC 1939 §5）。',
    en: 'TRANSACTION: authentication succeeded and the maildrop is locked. The client works with STAT, LIST, RETR, DELE and the rest (RFC 1939 §5).',
  },
  update: {
    ja: 'UPDATE状態: TRANSACTION状態でQUITを受けたサーバが、削除の印を付けたメールを実際に削除する段階です。終わると接続を閉じます（RFC 1939 §6）。',
    en: 'UPDATE: after QUIT in TRANSACTION, the server removes the messages marked as deleted. Then it closes the connection (RFC 1939 §6).',
  },
  closed: {
    ja: '接続は閉じています。この後に送った行には、サーバは何も答えません（RFC 1939 §6）。',
    en: 'The connection is closed. The server answers no further line (RFC 1939 §6).',
  },
} as const satisfies Record<Pop3State, Caption>

export const pop3Captions = { commands, replies, states } as const
