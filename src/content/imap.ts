// Captions for IMAP steps: one per client command (and per kind of continuation line) and one per engine
// response. Japanese first (です・ます調), English beside it. Each says what crossed the wire, why IMAP needs
// it here, and what the server may answer instead, with the RFC section. True to src/model/imap.
import type { ImapCommand, ImapContinuationKind, ImapResponseId } from '../model/imap'
import type { Caption } from './types'

const commands = {
  CAPABILITY: {
    ja: 'クライアントがCAPABILITYで、このサーバが使える機能の一覧を尋ねました。IMAPは拡張が多いため、使う前にここで確かめます（RFC 9051 §6.1.1）。サーバは「* CAPABILITY …」に続けてOKを返し、一覧はログインの前と後で変わります。',
    en: 'The client asks with CAPABILITY which features this server has. IMAP has many extensions, so a client checks here before using one (RFC 9051 §6.1.1). The server lists them in "* CAPABILITY …" and then answers OK; the list differs before and after login.',
  },
  NOOP: {
    ja: 'NOOPは何もしないコマンドです（RFC 9051 §6.1.2）。メールボックスを選択中なら、サーバはこの機会に新着メール（EXISTS）や、他の端末で変わった既読フラグ（FETCH）を知らせます。応答は常にOKです。',
    en: 'NOOP does nothing (RFC 9051 §6.1.2). While a mailbox is selected, the server uses the chance to report new mail (EXISTS) and flags another device changed, such as the seen flag (FETCH). The answer is always OK.',
  },
  LOGOUT: {
    ja: 'クライアントがLOGOUTで接続の終了を求めました（RFC 9051 §6.1.3）。サーバはまず「* BYE」、次にタグ付きのOKを返して接続を閉じます。メールはサーバ上で管理されているので、切断しても消えません。',
    en: 'The client ends the connection with LOGOUT (RFC 9051 §6.1.3). The server sends "* BYE" first, then the tagged OK, and closes. The mail is kept on the server, so nothing is lost when the connection ends.',
  },
  STARTTLS: {
    ja: 'クライアントがSTARTTLSで、この接続をここからTLSで暗号化するよう求めました（RFC 9051 §6.2.1）。ここまでは平文で、このままログインするとパスワードが盗聴者に読まれます。サーバはOKの直後にTLSハンドシェイクへ進み、すでにTLS中か未提供ならBADを返します。',
    en: 'The client asks with STARTTLS to encrypt this connection with TLS from here on (RFC 9051 §6.2.1). So far everything was plaintext: a login now would show the password to an eavesdropper. The server answers OK and the TLS handshake follows; BAD if TLS is already on or not offered.',
  },
  AUTHENTICATE: {
    ja: 'クライアントがAUTHENTICATEでSASLの認証方式（PLAINかLOGIN）を指定しました（RFC 9051 §6.2.2）。PLAINはユーザ名とパスワードをbase64で符号化するだけで、暗号化ではありません。サーバは「+ 」で続きを促すか、同じ行に応答があればすぐOKかNOを返します。',
    en: 'The client names a SASL mechanism (PLAIN or LOGIN) with AUTHENTICATE (RFC 9051 §6.2.2). PLAIN only encodes the user name and password in base64, which is not encryption. The server asks for more with "+ ", or answers OK or NO at once when the response came on the same line.',
  },
  LOGIN: {
    ja: 'クライアントがLOGINでユーザ名とパスワードを1行で送りました（RFC 9051 §6.2.3）。TLSなしでは両方が平文のまま流れ、盗聴者に読まれます。正しければOKで認証済み状態へ進み、誤りならNO [AUTHENTICATIONFAILED]、平文ログインを禁じたサーバではNO [PRIVACYREQUIRED]です。',
    en: 'The client sends the user name and password on one line with LOGIN (RFC 9051 §6.2.3). Without TLS both cross the wire in plaintext for any eavesdropper. Right credentials get OK and the authenticated state; wrong ones NO [AUTHENTICATIONFAILED]; a server that forbids plaintext logins answers NO [PRIVACYREQUIRED].',
  },
  SELECT: {
    ja: 'クライアントがSELECTで、操作するメールボックス（例: INBOX）を選びました（RFC 9051 §6.3.2）。IMAPではメールがサーバ上で管理されるので、まず「どのフォルダを見るか」を決めます。サーバは件数（EXISTS）やUIDVALIDITYなどを知らせてOK [READ-WRITE]を返し、無いメールボックスならNOです。',
    en: 'The client picks the mailbox to work on (for example INBOX) with SELECT (RFC 9051 §6.3.2). IMAP keeps the mail on the server, so the client first says which folder it looks at. The server reports the count (EXISTS), UIDVALIDITY and more, then OK [READ-WRITE]; NO if there is no such mailbox.',
  },
  EXAMINE: {
    ja: 'EXAMINEはSELECTと同じくメールボックスを開きますが、読み取り専用です（RFC 9051 §6.3.3）。本文を読んでも既読フラグ（\\Seen）は付かず、フラグの変更や削除もできません。応答はOK [READ-ONLY]です。',
    en: 'EXAMINE opens a mailbox like SELECT, but read-only (RFC 9051 §6.3.3). Reading a message does not set the seen flag (\\Seen), and flags cannot be changed nor messages removed. The answer is OK [READ-ONLY].',
  },
  CREATE: {
    ja: 'クライアントがCREATEで、新しいメールボックス（フォルダ）をサーバ上に作ります（RFC 9051 §6.3.4）。「Work/2024」のように「/」で区切ると階層になり、上の階層も一緒に作られます。同じ名前がすでにあればNO [ALREADYEXISTS]です。',
    en: 'The client creates a new mailbox (folder) on the server with CREATE (RFC 9051 §6.3.4). A "/" as in "Work/2024" makes a hierarchy, and the levels above are created too. If the name already exists the answer is NO [ALREADYEXISTS].',
  },
  DELETE: {
    ja: 'クライアントがDELETEで、メールボックスを中のメールごと削除します（RFC 9051 §6.3.5）。INBOXと、いま選択中のメールボックスは削除できずNO [CANNOT]です。無い名前にはNO [NONEXISTENT]が返ります。',
    en: 'The client removes a mailbox, with the mail in it, by DELETE (RFC 9051 §6.3.5). INBOX and the mailbox now selected cannot be deleted: NO [CANNOT]. A name that does not exist gets NO [NONEXISTENT].',
  },
  LIST: {
    ja: 'クライアントがLISTで、メールボックスの一覧を求めました（RFC 9051 §6.3.9）。「*」はすべての名前に、「%」は1階層分だけに一致するワイルドカードです。サーバは1つごとに「* LIST」を返し、最後にOKを返します。',
    en: 'The client asks for the list of mailboxes with LIST (RFC 9051 §6.3.9). "*" matches any name, "%" matches one level of the hierarchy only. The server sends one "* LIST" per mailbox and then OK.',
  },
  STATUS: {
    ja: 'クライアントがSTATUSで、選択せずにメールボックスの件数や未読数（UNSEEN）を尋ねました（RFC 9051 §6.3.11）。フォルダ一覧に未読数を表示するときに使います。サーバは「* STATUS」で答え、無いメールボックスならNOです。',
    en: 'The client asks with STATUS for a mailbox\'s counts, such as unread messages (UNSEEN), without selecting it (RFC 9051 §6.3.11). Mail programs use it to show unread counts beside folders. The server answers "* STATUS", or NO for a mailbox that does not exist.',
  },
  APPEND: {
    ja: 'クライアントがAPPENDで、メール1通をサーバのメールボックスへ直接保存します（RFC 9051 §6.3.12）。送信済みメールや下書きの保存に使い、SMTPは通りません。行末の{n}は「この後nオクテットのデータが続く」という予告で、サーバは「+ OK」で送信を促し、保存後にOK [APPENDUID]を返します。',
    en: 'With APPEND the client stores one message straight into a mailbox on the server (RFC 9051 §6.3.12). Mail programs use it to keep sent mail and drafts; no SMTP is involved. The {n} at the end announces n octets of data; the server answers "+ OK" to let them come, and OK [APPENDUID] once the message is stored.',
  },
  CHECK: {
    ja: 'CHECKは、選択中のメールボックスの内部的な整理（チェックポイント）をサーバに求めるIMAP4rev1のコマンドです（RFC 3501 §6.4.1）。目に見える変化はなく、OKが返ります。IMAP4rev2（RFC 9051）では廃止されました。',
    en: 'CHECK asks the server for housekeeping on the selected mailbox (a checkpoint); it is an IMAP4rev1 command (RFC 3501 §6.4.1). Nothing visible changes and the answer is OK. IMAP4rev2 (RFC 9051) dropped it.',
  },
  CLOSE: {
    ja: 'クライアントがCLOSEで、選択中のメールボックスを閉じて認証済み状態に戻ります（RFC 9051 §6.4.1）。このとき\\Deletedの印が付いたメールは、EXPUNGEの通知なしに黙って削除されます。応答はOKです。',
    en: 'CLOSE closes the selected mailbox and returns to the authenticated state (RFC 9051 §6.4.1). Messages marked \\Deleted are removed on the way, silently, without EXPUNGE responses. The answer is OK.',
  },
  UNSELECT: {
    ja: 'UNSELECTもメールボックスを閉じて認証済み状態に戻りますが、CLOSEと違ってメールを削除しません（RFC 9051 §6.4.2）。\\Deletedの印は付いたまま残ります。応答はOKです。',
    en: 'UNSELECT also closes the mailbox and returns to the authenticated state, but unlike CLOSE it removes nothing (RFC 9051 §6.4.2). The \\Deleted marks stay. The answer is OK.',
  },
  EXPUNGE: {
    ja: 'クライアントがEXPUNGEで、\\Deletedの印が付いたメールをサーバから完全に削除します（RFC 9051 §6.4.3）。サーバは消したメールごとに「* n EXPUNGE」を送り、後ろのメールの番号は1つずつ繰り上がります。読み取り専用（EXAMINE）ではNOです。',
    en: 'EXPUNGE removes the messages marked \\Deleted from the server for good (RFC 9051 §6.4.3). The server sends "* n EXPUNGE" for each, and the messages after it move up one number. In a read-only mailbox (EXAMINE) the answer is NO.',
  },
  SEARCH: {
    ja: 'クライアントがSEARCHで、サーバ上のメールを条件で検索します（RFC 9051 §6.4.4）。件名・差出人・本文の文字列や、未読（UNSEEN）などの既読フラグで探せるので、メールを全部ダウンロードする必要がありません。サーバ上での検索はH19NW午前問35でもIMAP4の特徴として問われました。',
    en: 'SEARCH looks for messages on the server by criteria (RFC 9051 §6.4.4). Subject, sender, body text and flags such as unread (UNSEEN) can be searched without downloading every message. Searching on the server is the IMAP4 feature that H19NW午前問35 asks about.',
  },
  FETCH: {
    ja: 'クライアントがFETCHで、指定したメールの必要な部分だけを取り出します（RFC 9051 §6.4.5）。ヘッダだけ、本文だけ、2番目の添付ファイルだけ、といった取り出し方ができます。BODY[…]で読むと既読フラグ（\\Seen）が付き、BODY.PEEK[…]なら付きません。',
    en: 'FETCH takes just the parts of a message the client needs (RFC 9051 §6.4.5): only the header, only the text, only the second attachment. Reading with BODY[…] sets the seen flag (\\Seen); BODY.PEEK[…] leaves it alone.',
  },
  STORE: {
    ja: 'クライアントがSTOREでメールのフラグを変えます（RFC 9051 §6.4.6）。+FLAGSは追加、-FLAGSは削除、FLAGSは置き換えで、既読フラグ（\\Seen）や削除の印（\\Deleted）もここで付けます。フラグはサーバ上で管理されるので、H25春IP問84の「未読管理がどのPCからも同じに見える」はこの仕組みです。',
    en: "STORE changes a message's flags (RFC 9051 §6.4.6): +FLAGS adds, -FLAGS removes, FLAGS replaces; the seen flag (\\Seen) and the deletion mark (\\Deleted) are set this way too. Flags are kept on the server, which is why every PC sees the same read/unread state (H25春IP問84).",
  },
  COPY: {
    ja: 'クライアントがCOPYで、メールを別のメールボックスへ複製します（RFC 9051 §6.4.7）。元のメールはそのまま残ります。コピー先が無ければNO [TRYCREATE]、成功すればOK [COPYUID]で新しいUIDを知らせます。',
    en: 'COPY duplicates messages into another mailbox (RFC 9051 §6.4.7); the originals stay where they are. If the target does not exist the answer is NO [TRYCREATE]; on success OK [COPYUID] gives the new UIDs.',
  },
  MOVE: {
    ja: 'クライアントがMOVEで、メールを別のメールボックスへ移します（RFC 9051 §6.4.8）。フォルダへの振り分けに使う操作で、サーバはコピー先のUIDを知らせた後、元の位置について「* n EXPUNGE」を送ります。読み取り専用ではNO、移動先が無ければNO [TRYCREATE]です。',
    en: 'MOVE moves messages into another mailbox (RFC 9051 §6.4.8): this is how mail is sorted into folders. The server reports the new UIDs, then sends "* n EXPUNGE" for the old places. NO in a read-only mailbox, NO [TRYCREATE] if the target does not exist.',
  },
  'UID FETCH': {
    ja: 'UID FETCHはFETCHと同じですが、メッセージ番号ではなくUID（メールごとに変わらない識別番号）で指定します（RFC 9051 §6.4.9）。メッセージ番号は削除で繰り上がりますが、UIDは変わらないため、端末の同期に向いています。応答のFETCHには必ずUIDが入ります。',
    en: 'UID FETCH is FETCH addressed by UID, the number that stays with a message, instead of its sequence number (RFC 9051 §6.4.9). Sequence numbers shift when mail is expunged; UIDs do not, which is what devices need to stay in sync. Each FETCH response carries the UID.',
  },
  'UID SEARCH': {
    ja: 'UID SEARCHはSEARCHと同じ条件で検索し、結果をメッセージ番号ではなくUIDで返します（RFC 9051 §6.4.9）。UIDは削除があっても変わらないので、後でそのUIDでメールを取り出せます。',
    en: 'UID SEARCH searches like SEARCH but answers with UIDs instead of sequence numbers (RFC 9051 §6.4.9). UIDs survive expunges, so the client can fetch those messages by UID later.',
  },
  'UID STORE': {
    ja: 'UID STOREは、UIDで指定したメールのフラグを変えます（RFC 9051 §6.4.9）。応答の「* n FETCH」にはUIDも入ります。読み取り専用（EXAMINE）ではNOです。',
    en: 'UID STORE changes the flags of the messages with these UIDs (RFC 9051 §6.4.9). Each "* n FETCH" answer includes the UID. In a read-only mailbox (EXAMINE) the answer is NO.',
  },
  'UID COPY': {
    ja: 'UID COPYは、UIDで指定したメールを別のメールボックスへ複製します（RFC 9051 §6.4.9）。存在しないUIDは無視されます。コピー先が無ければNO [TRYCREATE]です。',
    en: 'UID COPY duplicates the messages with these UIDs into another mailbox (RFC 9051 §6.4.9). UIDs that no message has are ignored. A missing target gets NO [TRYCREATE].',
  },
  'UID MOVE': {
    ja: 'UID MOVEは、UIDで指定したメールを別のメールボックスへ移します（RFC 9051 §6.4.9）。サーバはコピー先のUIDを知らせた後、元の位置について「* n EXPUNGE」を送ります。',
    en: 'UID MOVE moves the messages with these UIDs into another mailbox (RFC 9051 §6.4.9). The server reports the new UIDs, then sends "* n EXPUNGE" for the old places.',
  },
  'UID EXPUNGE': {
    ja: 'UID EXPUNGEは、指定したUIDのうち\\Deletedの印が付いたメールだけを完全に削除します（RFC 4315 §2.1）。他の端末が付けた\\Deletedまで消してしまわないための、EXPUNGEより慎重な版です。',
    en: 'UID EXPUNGE removes only those messages marked \\Deleted whose UIDs are given (RFC 4315 §2.1). It is the careful form of EXPUNGE: it does not also remove what another device happened to mark \\Deleted.',
  },
  unknown: {
    ja: 'このサーバが知らないコマンドか、タグの後にコマンドがない行です。IMAPではすべてのコマンドの前に「a1」のようなタグを付けます（RFC 9051 §2.2.1）。サーバはBADで拒否し、状態は変わりません。',
    en: 'A command this server does not know, or a line with no command after its tag. Every IMAP command starts with a tag such as "a1" (RFC 9051 §2.2.1). The server refuses with BAD and the state does not change.',
  },
} as const satisfies Record<ImapCommand | 'unknown', Caption>

/** Client lines that are not commands (see imapLineKind in src/model/imap). */
const continuations = {
  'literal-data': {
    ja: 'リテラルのデータです。直前の行末の{n}で予告されたnオクテットが続き、サーバはすべて届くまで何も返しません（RFC 9051 §4.3）。1行ごとに、行末のCRLFの2オクテットも数えます。',
    en: 'Literal data: the n octets announced by the {n} at the end of the previous line. The server says nothing until all of them have arrived (RFC 9051 §4.3). Each line counts its CRLF as two more octets.',
  },
  'sasl-response': {
    ja: 'AUTHENTICATEの「+」に対するクライアントの応答で、base64で符号化された認証情報です（RFC 9051 §6.2.2）。base64は暗号化ではなく、盗聴者はそのまま元に戻してパスワードを読めます。「*」だけを送ると認証を取り消せます。',
    en: 'The client\'s answer to AUTHENTICATE\'s "+": the credentials, encoded in base64 (RFC 9051 §6.2.2). Base64 is not encryption; an eavesdropper decodes it and reads the password. A line with only "*" cancels the exchange.',
  },
} as const satisfies Record<ImapContinuationKind, Caption>

const responses = {
  greeting: {
    ja: 'サーバの最初のあいさつ（グリーティング）で、タグのない「* OK」です（RFC 9051 §7.1.1）。[CAPABILITY …]に使える機能が入っているので、クライアントはCAPABILITYを送らずに済みます。ここから未認証状態が始まります。',
    en: 'The server\'s greeting, an untagged "* OK" (RFC 9051 §7.1.1). The [CAPABILITY …] code already lists its features, so the client need not ask. The not-authenticated state begins here.',
  },
  bye: {
    ja: 'LOGOUTへの「* BYE」で、サーバがこれから接続を閉じると知らせています（RFC 9051 §7.1.5）。この後にタグ付きのOKが続きます。',
    en: '"* BYE" answers LOGOUT: the server is about to close the connection (RFC 9051 §7.1.5). The tagged OK follows.',
  },
  logoutOk: {
    ja: 'LOGOUTが完了し、サーバはTCP接続を閉じます（RFC 9051 §6.1.3）。メールとフラグはサーバ上に残るので、次に接続した端末も同じ状態を見ます。',
    en: 'LOGOUT is complete and the server closes the TCP connection (RFC 9051 §6.1.3). The mail and its flags stay on the server, so the next device to connect sees the same state.',
  },
  byeLiteralTooLarge: {
    ja: '{n+}（待たずに送るリテラル）で予告されたデータが大きすぎるため、サーバが接続を切ります（RFC 7888 §4）。{n+}ではクライアントが返事を待たずに送ってくるので、断るには切断するしかありません。{n}なら、サーバは送られる前にNOやBADで断れます。',
    en: 'The data announced with {n+} (a literal sent without waiting) is too large, so the server hangs up (RFC 7888 §4). With {n+} the client does not wait for an answer, so closing is the only way to refuse. With {n} the server could say NO or BAD before any data is sent.',
  },
  capability: {
    ja: '「* CAPABILITY」はサーバが使える機能の一覧です（RFC 9051 §7.2.2）。STARTTLSがあればTLSで暗号化でき、LOGINDISABLEDがあれば平文のログインは禁止です。ログイン後は一覧にUIDPLUSやMOVEなどが加わります。',
    en: '"* CAPABILITY" lists what the server can do (RFC 9051 §7.2.2). STARTTLS means the connection can be encrypted with TLS; LOGINDISABLED means plaintext logins are refused. After login, UIDPLUS, MOVE and others join the list.',
  },
  capabilityOkPre: {
    ja: 'CAPABILITYが完了しました（RFC 9051 §6.1.1）。ログイン前の一覧で、ログイン後はもっと増えると添えています。',
    en: 'CAPABILITY is complete (RFC 9051 §6.1.1). This was the list before login; the text notes that there will be more after it.',
  },
  capabilityOk: {
    ja: 'CAPABILITYが完了しました（RFC 9051 §6.1.1）。直前の「* CAPABILITY」が、いま使える機能の一覧です。',
    en: 'CAPABILITY is complete (RFC 9051 §6.1.1). The "* CAPABILITY" just before it is the current list.',
  },
  noopOk: {
    ja: 'NOOPが完了しました（RFC 9051 §6.1.2）。新着メールや他の端末での変化があれば、このOKより前にタグなし応答で届いています。',
    en: 'NOOP is complete (RFC 9051 §6.1.2). New mail and changes made by other devices, if any, arrived as untagged responses before this OK.',
  },
  starttlsOk: {
    ja: 'サーバがSTARTTLSを受け入れました（RFC 9051 §6.2.1）。このOKの直後からTLSハンドシェイクが始まり、以後のやり取りは暗号化されます。クライアントはCAPABILITYを改めて確かめます。',
    en: 'The server accepts STARTTLS (RFC 9051 §6.2.1). The TLS handshake starts right after this OK and everything afterwards is encrypted. The client should ask CAPABILITY again.',
  },
  tlsActive: {
    ja: 'すでにTLSで暗号化されている接続にSTARTTLSが来たので、BADで拒否しました（RFC 9051 §6.2.1）。993番ポート（IMAPS）は最初からTLSなので、STARTTLSは要りません。',
    en: 'STARTTLS on a connection that is already encrypted: refused with BAD (RFC 9051 §6.2.1). Port 993 (IMAPS) uses TLS from the start and needs no STARTTLS.',
  },
  tlsUnavailable: {
    ja: 'このサーバはSTARTTLSを提供していないのでBADです（RFC 9051 §6.2.1）。このままLOGINするとパスワードが平文で流れます。',
    en: 'This server does not offer STARTTLS, so the answer is BAD (RFC 9051 §6.2.1). A LOGIN now would send the password in plaintext.',
  },
  loginOk: {
    ja: 'LOGINが成功し、認証済み状態になりました（RFC 9051 §6.2.3）。直前の「* CAPABILITY」はログイン後の機能一覧です。次はSELECTでメールボックスを選びます。',
    en: 'LOGIN succeeded: the session is now authenticated (RFC 9051 §6.2.3). The "* CAPABILITY" just before lists the features after login. Next, SELECT picks a mailbox.',
  },
  authOk: {
    ja: 'AUTHENTICATEによる認証が成功し、認証済み状態になりました（RFC 9051 §6.2.2）。次はSELECTでメールボックスを選びます。',
    en: 'Authentication with AUTHENTICATE succeeded: the session is now authenticated (RFC 9051 §6.2.2). Next, SELECT picks a mailbox.',
  },
  authFailed: {
    ja: 'ユーザ名かパスワードが違うため、NO [AUTHENTICATIONFAILED]で拒否されました（RFC 9051 §6.2.3, §7.1）。コマンドの形は正しいのでBADではなくNOです。未認証状態のまま、やり直せます。',
    en: 'Wrong user name or password: refused with NO [AUTHENTICATIONFAILED] (RFC 9051 §6.2.3, §7.1). The command itself was well formed, so it is NO, not BAD. The session stays not authenticated and may try again.',
  },
  authzFailed: {
    ja: 'PLAINで送られた認可ID（誰として振る舞うか）が、認証したユーザと違うため拒否しました（RFC 4616 §2）。このサーバでは、他人として振る舞う権限は誰にもありません。',
    en: 'The authorization identity sent in PLAIN (whom to act as) differs from the user who authenticated, so it is refused (RFC 4616 §2). On this server nobody may act as someone else.',
  },
  plaintextAlert: {
    ja: 'サーバからの警告（[ALERT]）で、利用者に必ず見せるべき知らせです（RFC 9051 §7.1）。暗号化されていない接続でパスワードが平文のまま送られたので、盗聴されていれば漏れています。続くタグ付きのNOでログインは拒否されます。',
    en: 'A warning ([ALERT]) the client must show to the user (RFC 9051 §7.1): the password was just sent in plaintext over an unencrypted connection, so anyone listening now has it. The tagged NO that follows refuses the login.',
  },
  privacyRequired: {
    ja: 'TLSで暗号化されていない接続での平文ログインは禁止なので、NO [PRIVACYREQUIRED]で拒否しました（RFC 9051 §6.2.3）。パスワードはすでに平文で流れてしまっています。先にSTARTTLSを使うか、993番ポートで接続します。',
    en: 'Plaintext logins are not allowed on a connection without TLS: NO [PRIVACYREQUIRED] (RFC 9051 §6.2.3). The password has already crossed the wire in plaintext. Use STARTTLS first, or connect to port 993.',
  },
  authContinue: {
    ja: 'サーバが「+」で認証の続きを求めています（RFC 9051 §6.2.2, §7.6）。PLAINでは空の「+ 」、LOGINではbase64の「Username:」と「Password:」です。クライアントはbase64の1行で答えるか、「*」で取り消します。',
    en: 'The server asks for the next step of authentication with "+" (RFC 9051 §6.2.2, §7.6): an empty "+ " for PLAIN, base64 "Username:" and "Password:" for LOGIN. The client answers with one base64 line, or cancels with "*".',
  },
  authAborted: {
    ja: 'クライアントが「*」を送ったので、認証を取り消してBADを返しました（RFC 9051 §6.2.2）。未認証状態のままです。',
    en: 'The client sent "*", so the server cancels authentication with BAD (RFC 9051 §6.2.2). The session stays not authenticated.',
  },
  authBadBase64: {
    ja: 'クライアントの応答がbase64として読めないため、BADで拒否しました（RFC 9051 §6.2.2）。未認証状態のままです。',
    en: "The client's response is not valid base64, so the server refuses with BAD (RFC 9051 §6.2.2). The session stays not authenticated.",
  },
  authMechanism: {
    ja: 'このサーバが対応していない認証方式なのでNOです（RFC 9051 §6.2.2）。使える方式は、CAPABILITYのAUTH=…に並んでいます（ここではPLAINとLOGIN）。',
    en: 'The server does not support this mechanism: NO (RFC 9051 §6.2.2). The usable ones are the AUTH=… entries of CAPABILITY (here PLAIN and LOGIN).',
  },
  closed: {
    ja: '選択中だったメールボックスを閉じたという知らせです（RFC 9051 §6.3.2）。SELECTやEXAMINEで別のメールボックスへ切り替えると送られ、この後の応答は新しいメールボックスのものです。閉じるだけで、メールは削除されません。',
    en: 'The previously selected mailbox has been closed (RFC 9051 §6.3.2). It comes when SELECT or EXAMINE switches mailboxes; the responses after it belong to the new one. Closing removes no mail.',
  },
  flags: {
    ja: '「* FLAGS」は、このメールボックスで使われるフラグの一覧です（RFC 9051 §7.3.5）。\\Seenは既読、\\Deletedは削除予定、\\Flaggedは重要の印で、どれもサーバ上で管理されます。',
    en: '"* FLAGS" lists the flags used in this mailbox (RFC 9051 §7.3.5). \\Seen means read, \\Deleted marks a message for removal, \\Flagged marks it important; all of them are kept on the server.',
  },
  permanentFlags: {
    ja: 'PERMANENTFLAGSは、クライアントが変更してサーバに永続的に保存できるフラグです（RFC 9051 §6.3.2）。\\*は、新しいキーワードも自由に作れるという意味です。',
    en: 'PERMANENTFLAGS are the flags a client may change and the server keeps for good (RFC 9051 §6.3.2). \\* means new keywords may be created freely.',
  },
  permanentFlagsReadOnly: {
    ja: 'EXAMINEで開いたので、変更できるフラグは1つもありません（RFC 9051 §6.3.3）。メールを読んでも既読フラグは付きません。',
    en: 'Opened with EXAMINE, so no flag can be changed (RFC 9051 §6.3.3). Reading a message does not set the seen flag either.',
  },
  exists: {
    ja: '「* n EXISTS」は、メールボックス内のメールの件数です（RFC 9051 §7.4.1）。SELECTのときのほか、新着メールが届いたときにも、増えた後の件数で送られてきます。',
    en: '"* n EXISTS" is the number of messages in the mailbox (RFC 9051 §7.4.1). It comes at SELECT, and again with the new total whenever new mail arrives.',
  },
  recent: {
    ja: '「* n RECENT」は、この接続で初めて知らされたメール（\\Recent）の件数です（RFC 3501 §7.3.2）。すでに別の接続が見たメールは数えません。IMAP4rev2（RFC 9051）では廃止されました。',
    en: '"* n RECENT" counts the messages this session is the first to be told about (\\Recent, RFC 3501 §7.3.2). Mail another connection has already seen is not counted. IMAP4rev2 (RFC 9051) dropped it.',
  },
  unseen: {
    ja: '[UNSEEN n]は、最初の未読メールのメッセージ番号です（RFC 3501 §6.3.1）。既読フラグ（\\Seen）がまだ付いていないメールを指します。',
    en: '[UNSEEN n] is the sequence number of the first unread message (RFC 3501 §6.3.1): the first one without the seen flag (\\Seen).',
  },
  uidValidity: {
    ja: 'UIDVALIDITYは、このメールボックスのUIDの「版」です（RFC 9051 §2.3.1.1）。この値が同じ限り、前回覚えたUIDはそのまま使えます。変わったら、クライアントはUIDの記録を捨てて同期し直します。',
    en: 'UIDVALIDITY is the "edition" of this mailbox\'s UIDs (RFC 9051 §2.3.1.1). As long as it stays the same, UIDs remembered from last time still hold. If it changes, the client drops them and synchronises again.',
  },
  uidNext: {
    ja: 'UIDNEXTは、次に届くメールに付く予定のUIDです（RFC 9051 §2.3.1.1）。前回より増えていれば、その間に新しいメールが届いたと分かります。',
    en: 'UIDNEXT is the UID the next new message will get (RFC 9051 §2.3.1.1). If it grew since last time, new mail has arrived meanwhile.',
  },
  selectOk: {
    ja: 'SELECTが完了し、メールボックスを読み書きできる選択状態になりました（RFC 9051 §6.3.2）。ここからFETCH・SEARCH・STOREなどが使えます。',
    en: 'SELECT is complete: the mailbox is selected for reading and writing (RFC 9051 §6.3.2). FETCH, SEARCH, STORE and the rest can be used now.',
  },
  examineOk: {
    ja: 'EXAMINEが完了し、読み取り専用で選択されました（RFC 9051 §6.3.3）。FETCHやSEARCHはできますが、既読フラグは付かず、STOREやEXPUNGEはNOになります。',
    en: 'EXAMINE is complete: the mailbox is selected read-only (RFC 9051 §6.3.3). FETCH and SEARCH work, but no seen flag is set, and STORE or EXPUNGE get NO.',
  },
  noSuchMailbox: {
    ja: 'その名前のメールボックスはないのでNO [NONEXISTENT]です（RFC 9051 §7.1）。コマンドの形は正しいので、BADではありません。SELECTが失敗すると、メールボックスは何も選択されていない状態になります。',
    en: 'There is no mailbox with that name: NO [NONEXISTENT] (RFC 9051 §7.1). The command was well formed, so it is not BAD. After a failed SELECT no mailbox is selected.',
  },
  createOk: {
    ja: 'メールボックスを作成しました（RFC 9051 §6.3.4）。LISTで確かめられ、COPYやAPPENDの宛先に使えます。',
    en: 'The mailbox has been created (RFC 9051 §6.3.4). LIST shows it, and COPY and APPEND can use it as a target.',
  },
  alreadyExists: {
    ja: '同じ名前のメールボックスがすでにあるので、NO [ALREADYEXISTS]です（RFC 9051 §6.3.4）。INBOXは大文字と小文字を区別しないので、inboxも同じものです。',
    en: 'A mailbox with that name already exists: NO [ALREADYEXISTS] (RFC 9051 §6.3.4). INBOX ignores case, so "inbox" is the same mailbox.',
  },
  deleteOk: {
    ja: 'メールボックスを削除しました（RFC 9051 §6.3.5）。中のメールも一緒に消えています。',
    en: 'The mailbox has been deleted (RFC 9051 §6.3.5), together with the mail in it.',
  },
  mailboxLimit: {
    ja: 'このサーバは利用者ごとにメールボックスを1000個までしか持たないので、NO [LIMIT]です（RFC 9051 §7.1）。規則違反ではなく実装上の上限で、不要なメールボックスをDELETEすれば作れます。',
    en: 'This server keeps at most 1000 mailboxes per user, so the answer is NO [LIMIT] (RFC 9051 §7.1): an implementation limit, not a rule of the protocol. Deleting mailboxes that are no longer needed makes room.',
  },
  cannot: {
    ja: '規則上できない操作なので、NO [CANNOT]です（RFC 9051 §7.1）。INBOXや選択中のメールボックスの削除、使えない名前での作成がこれに当たります。',
    en: 'The operation is not possible by the rules: NO [CANNOT] (RFC 9051 §7.1). Deleting INBOX or the selected mailbox, or creating an unusable name, gets this answer.',
  },
  list: {
    ja: '「* LIST」はメールボックス1つ分の情報で、属性・階層の区切り文字「/」・名前の順に並びます（RFC 9051 §7.3.1）。\\Sent（送信済み）や\\Trash（ごみ箱）は用途を表す属性です（RFC 6154）。',
    en: '"* LIST" describes one mailbox: its attributes, the hierarchy delimiter "/" and its name (RFC 9051 §7.3.1). \\Sent (sent mail) and \\Trash mark what a mailbox is for (RFC 6154).',
  },
  listOk: {
    ja: 'LISTが完了しました（RFC 9051 §6.3.9）。一致するメールボックスがなければ、「* LIST」なしでOKだけが返ります。',
    en: 'LIST is complete (RFC 9051 §6.3.9). When no mailbox matches, only this OK comes back.',
  },
  status: {
    ja: '「* STATUS」は、選択せずに調べたメールボックスの件数（MESSAGES）や未読数（UNSEEN）などです（RFC 9051 §7.3.3）。サーバ上で管理されているので、どの端末から尋ねても同じ値になります。',
    en: '"* STATUS" gives a mailbox\'s counts, such as MESSAGES and unread UNSEEN, without selecting it (RFC 9051 §7.3.3). They are kept on the server, so every device asking gets the same numbers.',
  },
  statusOk: {
    ja: 'STATUSが完了しました（RFC 9051 §6.3.11）。どのメールボックスを選択しているかは変わりません。',
    en: 'STATUS is complete (RFC 9051 §6.3.11). Which mailbox is selected does not change.',
  },
  literalContinue: {
    ja: 'サーバが「+ OK」で、{n}で予告されたデータを送ってよいと答えました（RFC 9051 §4.3, §7.6）。この後nオクテットが届くまで、サーバは何も返しません。保存先が無い、大きすぎるなど受け取れないときは、「+」の代わりにNOやBADで断ります。',
    en: 'With "+ OK" the server lets the data announced by {n} come (RFC 9051 §4.3, §7.6). It says nothing more until n octets have arrived. Data the server cannot take (no such mailbox, too large) gets NO or BAD instead of "+".',
  },
  appendOk: {
    ja: 'APPENDが完了し、メールがメールボックスに保存されました（RFC 9051 §6.3.12）。[APPENDUID v u]はUIDVALIDITYと新しいメールのUIDです（RFC 4315 §3）。保存先を選択中なら、その前にEXISTSで件数の増加が知らされます。',
    en: "APPEND is complete: the message is stored in the mailbox (RFC 9051 §6.3.12). [APPENDUID v u] gives the UIDVALIDITY and the new message's UID (RFC 4315 §3). If the target is selected, EXISTS reported the new count just before.",
  },
  tryCreate: {
    ja: '保存先のメールボックスがないのでNO [TRYCREATE]です（RFC 9051 §6.3.12）。サーバが勝手に作ることはありません。[TRYCREATE]は「CREATEしてからやり直せば成功するかもしれない」という合図です。',
    en: 'The target mailbox does not exist: NO [TRYCREATE] (RFC 9051 §6.3.12). The server never creates it on its own; [TRYCREATE] hints that a CREATE and a retry may succeed.',
  },
  tooBig: {
    ja: 'メールが大きすぎるので、NO [TOOBIG]で断りました（RFC 7889 §2）。{n}は返事を待つリテラルなので、データが送られる前に断れました。上限はCAPABILITYのAPPENDLIMITに示されています。',
    en: 'The message is too large: NO [TOOBIG] (RFC 7889 §2). A {n} literal waits for an answer, so the server refused before any data was sent. The limit is the APPENDLIMIT in CAPABILITY.',
  },
  literalTooLarge: {
    ja: 'このコマンドの引数としては大きすぎるリテラルなので、BADで断りました（RFC 9051 §4.3）。「+」を返していないので、クライアントはデータを送りません。',
    en: 'The literal is too large for an argument of this command: BAD (RFC 9051 §4.3). No "+" was sent, so the client sends no data.',
  },
  checkOk: {
    ja: 'CHECKが完了しました（RFC 3501 §6.4.1）。目に見える変化はありません。',
    en: 'CHECK is complete (RFC 3501 §6.4.1). Nothing visible has changed.',
  },
  closeOk: {
    ja: 'CLOSEが完了し、認証済み状態に戻りました（RFC 9051 §6.4.1）。\\Deletedの付いたメールは、通知なしに削除されています。',
    en: 'CLOSE is complete and the session is back in the authenticated state (RFC 9051 §6.4.1). Messages marked \\Deleted were removed without notice.',
  },
  unselectOk: {
    ja: 'UNSELECTが完了し、メールを削除せずに認証済み状態へ戻りました（RFC 9051 §6.4.2）。',
    en: 'UNSELECT is complete: back in the authenticated state, with no mail removed (RFC 9051 §6.4.2).',
  },
  expunge: {
    ja: '「* n EXPUNGE」は、n番のメールが削除されたという知らせです（RFC 9051 §7.5.1）。後ろのメールの番号は1つずつ繰り上がるので、続けて消すと同じ番号が並ぶことがあります。FETCH・STORE・SEARCHの途中には送られません。',
    en: '"* n EXPUNGE" reports that message n is gone (RFC 9051 §7.5.1). The messages after it move up one number, so several removals may repeat the same number. It is never sent in the middle of FETCH, STORE or SEARCH.',
  },
  expungeOk: {
    ja: 'EXPUNGEが完了しました（RFC 9051 §6.4.3）。消したメールごとに、この前に「* n EXPUNGE」が届いています。',
    en: 'EXPUNGE is complete (RFC 9051 §6.4.3). A "* n EXPUNGE" came before it for each message removed.',
  },
  search: {
    ja: '「* SEARCH」は、条件に合ったメールのメッセージ番号（UID SEARCHならUID）の一覧です（RFC 3501 §7.2.5）。一致がなければ番号のない「* SEARCH」になります。検索はサーバ上で行われ、メール本体は送られません。',
    en: '"* SEARCH" lists the sequence numbers (UIDs for UID SEARCH) of the matching messages (RFC 3501 §7.2.5); with no match it carries no number. The search runs on the server; no message is downloaded.',
  },
  searchOk: {
    ja: 'SEARCHが完了しました（RFC 9051 §6.4.4）。結果は直前の「* SEARCH」です。',
    en: 'SEARCH is complete (RFC 9051 §6.4.4). The result is the "* SEARCH" just before.',
  },
  badCharset: {
    ja: 'SEARCHで指定された文字コードに対応していないので、NO [BADCHARSET]です（RFC 9051 §6.4.4）。使えるのは括弧内のUS-ASCIIとUTF-8です。',
    en: 'The server does not support the charset given to SEARCH: NO [BADCHARSET] (RFC 9051 §6.4.4). The ones it does support, US-ASCII and UTF-8, are in the parentheses.',
  },
  fetch: {
    ja: '「* n FETCH」は、n番のメールのデータです（RFC 9051 §7.5.2）。{数字}の後には、その数だけのオクテットがそのまま続きます（リテラル）。STOREの結果や、他の端末で変わった既読フラグもこの形で届きます。',
    en: '"* n FETCH" carries data of message n (RFC 9051 §7.5.2). After {number} come exactly that many octets, as they are (a literal). The result of STORE, and a seen flag another device changed, arrive in this form too.',
  },
  fetchOk: {
    ja: 'FETCHが完了しました（RFC 9051 §6.4.5）。データは直前の「* n FETCH」に入っています。このFETCHで変わったフラグはありません。BODY.PEEK[…]やFLAGS・ENVELOPEだけの取り出しでは既読フラグ（\\Seen）は付かず、すでに既読のメールもそのままです。',
    en: 'FETCH is complete (RFC 9051 §6.4.5). The data is in the "* n FETCH" lines before. No flag changed this time: BODY.PEEK[…], or asking only for FLAGS or ENVELOPE, does not set the seen flag (\\Seen), and a message already read stays as it is.',
  },
  fetchOkSeen: {
    ja: 'FETCHが完了しました（RFC 9051 §6.4.5）。.PEEKのないBODY[…]で本文を読んだので、そのメールに既読フラグ（\\Seen）が付き、直前の「* n FETCH」のFLAGSで知らされています。フラグはサーバ上にあるので、ほかの端末からも既読に見えます。',
    en: 'FETCH is complete (RFC 9051 §6.4.5). It read a body with BODY[…], without .PEEK, so that message now carries the seen flag (\\Seen), reported in the FLAGS of the "* n FETCH" before. The flag lives on the server, so other devices see the message as read too.',
  },
  storeOk: {
    ja: 'STOREが完了しました（RFC 9051 §6.4.6）。変更後のフラグは直前の「* n FETCH」に示されています（.SILENTなら省略されます）。',
    en: 'STORE is complete (RFC 9051 §6.4.6). The new flags are in the "* n FETCH" lines before (left out with .SILENT).',
  },
  readOnly: {
    ja: 'EXAMINEで読み取り専用として開いているので、変更はNOで拒否されます（RFC 9051 §6.3.3）。変更するにはSELECTで開き直します。',
    en: 'The mailbox was opened read-only with EXAMINE, so changes are refused with NO (RFC 9051 §6.3.3). SELECT it again to change anything.',
  },
  copyOk: {
    ja: 'COPYが完了しました（RFC 9051 §6.4.7）。[COPYUID v 元 先]は、元のUIDとコピー先での新しいUIDの対応です（RFC 4315 §3）。',
    en: 'COPY is complete (RFC 9051 §6.4.7). [COPYUID v source target] pairs the original UIDs with the new UIDs in the target (RFC 4315 §3).',
  },
  moveCopyUid: {
    ja: 'MOVEで移したメールの、元のUIDと移動先での新しいUIDの対応です（RFC 6851 §4.3）。この後、元の位置について「* n EXPUNGE」が続きます。',
    en: 'The original UIDs of the moved messages, paired with their new UIDs in the target (RFC 6851 §4.3). "* n EXPUNGE" for the old places follows.',
  },
  moveOk: {
    ja: 'MOVEが完了しました（RFC 9051 §6.4.8）。メールは移動先にだけあります。',
    en: 'MOVE is complete (RFC 9051 §6.4.8). The messages now exist only in the target.',
  },
  badNoTag: {
    ja: 'タグのない行か、タグとして読めない行なので、タグなしの「* BAD」で答えました（RFC 9051 §7.1.3）。IMAPのコマンドは「a1 NOOP」のようにタグで始めます。',
    en: 'The line has no usable tag, so the server answers with an untagged "* BAD" (RFC 9051 §7.1.3). IMAP commands start with a tag, as in "a1 NOOP".',
  },
  missingCommand: {
    ja: 'タグの後にコマンドがないのでBADです（RFC 9051 §7.1.3）。「CAPABILITY」だけを送ると、それがタグと見なされてこうなります。「a1 CAPABILITY」のようにタグを付けます。',
    en: 'There is no command after the tag: BAD (RFC 9051 §7.1.3). Sending only "CAPABILITY" does this, because the word is read as the tag. Write "a1 CAPABILITY".',
  },
  unknownCommand: {
    ja: 'サーバが知らないコマンドなのでBADです（RFC 9051 §7.1.3）。綴りを確かめるか、CAPABILITYで使える機能を確認します。状態は変わりません。',
    en: 'The server does not know this command: BAD (RFC 9051 §7.1.3). Check the spelling, or ask CAPABILITY what is available. The state does not change.',
  },
  syntaxError: {
    ja: 'コマンドは分かりましたが、引数の形が正しくないのでBADです（RFC 9051 §7.1.3, §9）。引用符やかっこの閉じ忘れ、足りない引数などが原因です。正しいコマンドが実行できなかったときのNOとは区別されます。',
    en: 'The command is known but its arguments are malformed: BAD (RFC 9051 §7.1.3, §9). An unclosed quote or parenthesis, or a missing argument, causes it. NO is different: a well-formed command that could not be carried out.',
  },
  lineTooLong: {
    ja: 'コマンド行が長すぎるので、BADで拒否しました（RFC 9051 §7.1.3）。長いデータは1行に書かず、{n}のリテラルで送ります。',
    en: 'The command line is too long: BAD (RFC 9051 §7.1.3). Long data belongs in a {n} literal, not on the command line.',
  },
  badMessageSet: {
    ja: 'メールの件数を超えるメッセージ番号が指定されたので、BADです（RFC 9051 §9）。番号は1からEXISTSの件数までです。UIDで指定した場合は、無いUIDは単に無視されます。',
    en: 'A sequence number beyond the number of messages: BAD (RFC 9051 §9). Numbers run from 1 to the EXISTS count. With UID commands, UIDs that no message has are simply ignored.',
  },
  needLogin: {
    ja: 'ログイン前には使えないコマンドなのでBADです（RFC 9051 §3）。先にLOGINかAUTHENTICATEで認証します。RFCは状態違いにBADとNOのどちらも認めており、このサーバはDovecotと同じくBADを返します。',
    en: 'This command is not allowed before login: BAD (RFC 9051 §3). Authenticate first with LOGIN or AUTHENTICATE. The RFC allows BAD or NO for the wrong state; like Dovecot, this server says BAD.',
  },
  needSelect: {
    ja: 'メールボックスを選択していないので、このコマンドは使えずBADです（RFC 9051 §3）。先にSELECTかEXAMINEでメールボックスを開きます。',
    en: 'No mailbox is selected, so this command cannot be used: BAD (RFC 9051 §3). Open a mailbox with SELECT or EXAMINE first.',
  },
  alreadyAuthenticated: {
    ja: 'すでに認証済みなので、LOGIN・AUTHENTICATE・STARTTLSは使えずBADです（RFC 9051 §3）。STARTTLSはログインの前に行う必要があります。',
    en: 'Already authenticated, so LOGIN, AUTHENTICATE and STARTTLS are not allowed: BAD (RFC 9051 §3). STARTTLS has to come before login.',
  },
} as const satisfies Record<ImapResponseId, Caption>

export const imapCaptions = { commands, continuations, responses } as const
