// Captions for the SMTP steps: Japanese first, English beside it (DESIGN.md "Voice of the text learners read").
// Each one is true to src/model/smtp (which reply the engine gives, and when); codes follow RFC 5321 §4.2.
import type { SmtpCommand, SmtpReplyId } from '../model/smtp'
import type { Caption } from './types'

/** Client lines: what the command asks for. */
export const smtpCommandCaptions = {
  HELO: {
    ja: 'クライアントが HELO で自分のホスト名（ドメイン）を名乗りました。SMTP では、メールを渡す前にまずあいさつで名乗る決まりです（RFC 5321 §4.1.1.1）。サーバは 250 で応じ、名前がなければ 501 を返します。HELO には拡張機能の一覧は返りません。',
    en: 'The client introduces itself with HELO and its host name (domain). SMTP wants this greeting before any mail is handed over (RFC 5321 §4.1.1.1). The server answers 250, or 501 if the name is missing. HELO gets no list of extensions.',
  },
  EHLO: {
    ja: 'クライアントが EHLO（拡張 HELO）で名乗り、拡張 SMTP（ESMTP）を使いたいと伝えました。サーバは 250 の複数行で SIZE・PIPELINING・STARTTLS・AUTH などの拡張機能を並べます（RFC 5321 §4.1.1.1）。名前がなければ 501 です。R1秋NW午前Ⅱ問9 では、セッションを始めるコマンドとして問われました。',
    en: 'The client says EHLO (extended hello): it wants to use Extended SMTP. The server answers with a multi-line 250 listing its extensions, such as SIZE, PIPELINING, STARTTLS and AUTH (RFC 5321 §4.1.1.1); a missing name gets 501. R1秋NW午前Ⅱ問9 asks which command starts an (E)SMTP session: EHLO.',
  },
  MAIL: {
    ja: 'MAIL FROM:<アドレス> で送信者のアドレス（エンベロープの送信者）を伝え、1 通分のメールトランザクションを始めます（RFC 5321 §4.1.1.2）。届かなかったときのエラーメールはこのアドレスに返ります。サーバは 250 で受け付け、HELO/EHLO の前なら 503、書式の誤りには 501、サブミッションポートで未認証なら 530 を返します。',
    en: "MAIL FROM:<address> gives the sender's address (the envelope sender) and opens one mail transaction (RFC 5321 §4.1.1.2). Bounces go back to this address. The server answers 250; 503 before HELO/EHLO, 501 for bad syntax, 530 on the submission port without AUTH.",
  },
  RCPT: {
    ja: 'RCPT TO:<アドレス> で宛先を 1 つ伝えます。宛先が複数なら、この行を宛先ごとに繰り返します（RFC 5321 §4.1.1.3）。これもエンベロープで、ヘッダの To: とは別物です。サーバは 250 で受け付け、知らない利用者や許されない中継（リレー）には 550、MAIL FROM より前なら 503 を返します。',
    en: 'RCPT TO:<address> names one recipient; the line is repeated for each recipient (RFC 5321 §4.1.1.3). It is part of the envelope, separate from the To: header. The server answers 250, or 550 for an unknown user or a refused relay, or 503 if MAIL FROM has not come yet.',
  },
  DATA: {
    ja: 'DATA は「これからメールの中身を送ります」という合図で、引数はありません（RFC 5321 §4.1.1.4）。エンベロープ（送信者と宛先）がそろったので、次はヘッダと本文の番です。サーバは 354 で続きを促し、受け付けた宛先がなければ 503 か 554 を返します。',
    en: 'DATA announces that the message itself comes next; it takes no argument (RFC 5321 §4.1.1.4). The envelope (sender and recipients) is complete, so the headers and body follow. The server answers 354 to go ahead, or 503/554 when no recipient has been accepted.',
  },
  RSET: {
    ja: 'RSET は進行中のメールトランザクションを取り消し、送信者と宛先をサーバに忘れさせます（RFC 5321 §4.1.1.5）。接続と HELO/EHLO のあいさつはそのまま残るので、やり直しに使えます。サーバは 250 で応じます（引数を付けると 501）。',
    en: 'RSET cancels the mail transaction in progress: the server forgets the sender and recipients (RFC 5321 §4.1.1.5). The connection and the HELO/EHLO greeting stay, so the client can start over. The server answers 250 (501 if an argument is added).',
  },
  NOOP: {
    ja: 'NOOP は「何もしない」コマンドです（RFC 5321 §4.1.1.9）。接続がまだ生きているかを確かめたり、タイムアウトを防いだりするのに使います。状態は何も変わらず、サーバは 250 を返します。',
    en: 'NOOP does nothing (RFC 5321 §4.1.1.9). A client uses it to check that the connection is still alive, or to keep it from timing out. Nothing changes, and the server answers 250.',
  },
  QUIT: {
    ja: 'QUIT でクライアントがセッションの終了を申し出ます（RFC 5321 §4.1.1.10）。メールの受け渡しは「.」への 250 で済んでいるので、これは後片付けです。サーバは 221 を返し、自分から TCP 接続を閉じます（引数を付けると 501）。',
    en: 'QUIT asks to end the session (RFC 5321 §4.1.1.10). The mail was already handed over at the 250 after the final "."; this only tidies up. The server answers 221 and then closes the TCP connection itself (501 if an argument is added).',
  },
  VRFY: {
    ja: 'VRFY は、あるアドレスの利用者が実在するかを問い合わせます（RFC 5321 §4.1.1.6）。アドレス集めに悪用されるため、多くのサーバははっきり答えません。このサーバは 252（確認はできないが受け付ける）を返し、知らない利用者には 550 を返します。',
    en: 'VRFY asks whether a user with this address exists (RFC 5321 §4.1.1.6). Spammers use it to harvest addresses, so many servers will not say. This server answers 252 (cannot verify, but will accept and try), or 550 for a user it does not know.',
  },
  EXPN: {
    ja: 'EXPN は、メーリングリストや別名（エイリアス）をメンバーのアドレスに展開するよう求めます（RFC 5321 §4.1.1.7）。アドレスが漏れるため、多くのサーバは止めています。このサーバも 502（未実装）を返します。',
    en: "EXPN asks the server to expand a mailing list or alias into its members' addresses (RFC 5321 §4.1.1.7). That would leak addresses, so most servers switch it off. This server, too, answers 502 (command not implemented).",
  },
  HELP: {
    ja: 'HELP はサーバに使い方の案内を求めます（RFC 5321 §4.1.1.8）。telnet などで人が手入力するときの助けで、メールソフトは使いません。サーバは 214 でコマンドの一覧を返します。',
    en: 'HELP asks the server for guidance (RFC 5321 §4.1.1.8). It helps a person typing by hand, for example over telnet; mail software does not need it. The server answers 214 with a list of commands.',
  },
  STARTTLS: {
    ja: 'STARTTLS は「この接続をここから TLS で暗号化しよう」という提案です（RFC 3207 §4）。ここまでの SMTP は平文で、盗聴者にはメールもパスワードも読めます。RFC が挙げる応答は 220（開始）・501（引数の誤り）・454（一時的に使えない）です。提供していないときの 502 やメールトランザクションの途中の 503 は、Postfix の選んだ答えです。',
    en: "STARTTLS proposes to encrypt this connection with TLS from here on (RFC 3207 §4). So far SMTP was plaintext: an eavesdropper can read the mail and any password. The RFC lists 220 (go ahead), 501 (bad syntax) and 454 (not available for now); the 502 where TLS is not offered and the 503 inside a mail transaction are Postfix's choices.",
  },

  AUTH: {
    ja: 'AUTH で SMTP 認証（SMTP-AUTH）を始め、ユーザ名とパスワードを PLAIN や LOGIN などの SASL 方式で送ります（RFC 4954 §4）。サブミッションポート（587）で、送れる人を利用者に限るためです。成功なら 235、続きを求めるときは 334、失敗は 535、提供していなければ 502 です。',
    en: 'AUTH starts SMTP authentication: the user name and password travel in a SASL mechanism such as PLAIN or LOGIN (RFC 4954 §4). The submission port (587) uses it to take mail only from its users. The server answers 235 on success, 334 to ask for more, 535 on failure, 502 where AUTH is not offered.',
  },
  unknown: {
    ja: 'サーバの知らないコマンドが送られました。SMTP のコマンドは決められた英単語で、多くは 4 文字です（RFC 5321 §4.2.4）。綴りを確かめてください。よく見かける「REPT TO」は「RCPT TO」の誤記です。サーバは 500 を返し、TURN や BDAT のように知っていても実装していないものには 502 を返します。',
    en: 'The client sent a command the server does not recognise; SMTP verbs are a fixed set of words, most of them four letters (RFC 5321 §4.2.4). Check the spelling: the "REPT TO" sometimes seen in tutorials should be "RCPT TO". The server answers 500, or 502 for a verb it knows but does not implement, such as TURN or BDAT.',
  },
} as const satisfies Record<SmtpCommand | 'unknown', Caption>

/** Special client steps. */
export const smtpStepCaptions = {
  body: {
    ja: '354 を受けて、メールの中身が流れています。ヘッダ（From:・To:・Subject: など）、空行、本文の順です（RFC 5321 §4.1.1.4）。ヘッダの From:/To: はエンベロープと一致しなくても届きます。行頭の「.」は「..」に重ねて送ります（ドット・スタッフィング、§4.5.2）。終わりの「.」まで、サーバは何も返しません。',
    en: 'After 354 the message content flows: header lines (From:, To:, Subject: ...), a blank line, then the body (RFC 5321 §4.1.1.4). The From:/To: headers need not match the envelope. A line starting with "." goes out with the dot doubled (dot-stuffing, §4.5.2). The server stays silent until the final ".".',
  },
  dot: {
    ja: '「.」だけの行が、メールの中身の終わり（End Of Message）を知らせます（RFC 5321 §4.1.1.4）。ネットワーク上では CRLF . CRLF という並びです。サーバはここで初めて答え、受け付ければ 250、大きすぎれば 552、長すぎる行があれば 554 を返します。',
    en: 'A line holding only "." marks the end of the message data, the "End Of Message" (RFC 5321 §4.1.1.4); on the wire it is CRLF . CRLF. Only now does the server reply: 250 if it accepts the message, 552 if it is too big, 554 if a line is too long.',
  },
  'sasl-response': {
    ja: '334 の求めに応えて、クライアントが base64 の 1 行を送りました（RFC 4954 §4）。base64 は誰でも元に戻せる符号化で、暗号化ではありません。盗聴者にはユーザ名もパスワードも読めるので、TLS の中で送ります。サーバは 235（成功）か 535（失敗）、次の項目なら 334、「*」で中止すると 501 を返します。',
    en: 'Answering the 334, the client sends one base64 line (RFC 4954 §4). Base64 is an encoding anyone can decode, not encryption: an eavesdropper reads the user name and password, so send it inside TLS. The server answers 235 (success), 535 (failure), 334 for the next item, or 501 if "*" cancels.',
  },
  pipeline: {
    ja: '複数のコマンドを 1 つの TCP セグメントにまとめて送りました（PIPELINING、RFC 2920 §3）。EHLO の応答に PIPELINING があるときだけ許され、応答を待つ往復が減ります。サーバは 1 つずつ順番に応答するので、途中に 550 や 503 があっても、どのコマンドへの答えかが分かります。',
    en: 'Several commands travel in one TCP segment (PIPELINING, RFC 2920 §3). This is allowed only when the EHLO reply listed PIPELINING, and it saves round trips. The server still answers each command in order, so a 550 or 503 among them can be matched to its command.',
  },
} as const satisfies Record<string, Caption>

/** Server replies, one per reply id of SMTP_REPLIES. */
export const smtpReplyCaptions = {
  greeting: {
    ja: '接続ができると、まずサーバが 220 と自分の名前で「準備ができました」と伝えます（RFC 5321 §3.1, §4.3.2）。SMTP ではサーバが先に話すので、クライアントはこれを待って HELO/EHLO を送ります。465 番のように最初から TLS を使うポートでは、このあいさつは TLS ハンドシェイクの後に暗号化されて届きます（RFC 8314 §3.3）。サービスできないサーバは 554 を返します。',
    en: 'Once connected, the server speaks first: 220 and its name say it is ready (RFC 5321 §3.1, §4.3.2). The client waits for this before sending HELO or EHLO. On a port that starts with TLS, such as 465, this greeting comes after the TLS handshake, encrypted (RFC 8314 §3.3). A server that cannot offer service answers 554 instead.',
  },
  heloOk: {
    ja: 'サーバが 250 と自分のホスト名で HELO に応えました（RFC 5321 §4.1.1.1）。あいさつが済んだので、MAIL FROM でメールトランザクションを始められます。応答は 1 行だけで、拡張機能も拡張ステータスコード（x.y.z）も約束されません。',
    en: 'The server answers HELO with 250 and its own host name (RFC 5321 §4.1.1.1). The greeting is done, so MAIL FROM can start a transaction. The reply is one line only: no extensions, and no enhanced status codes (x.y.z) are promised.',
  },
  ehloOk: {
    ja: 'EHLO への 250 は複数行で、2 行目から拡張機能が 1 行に 1 つ並びます。「250-」は続きあり、「250 」が最終行です（RFC 5321 §4.1.1.1, §4.2.1）。ENHANCEDSTATUSCODES があるので、以後の応答には 2.1.0 のような拡張ステータスコードが付きます（RFC 2034, RFC 3463）。HELO のあとでは約束されません。',
    en: 'The 250 to EHLO is multi-line: after the first line, each names one extension. "250-" means more follows, "250 " ends it (RFC 5321 §4.1.1.1, §4.2.1). ENHANCEDSTATUSCODES means later replies carry codes like 2.1.0 (RFC 2034, RFC 3463); after HELO they are not promised.',
  },
  mailOk: {
    ja: 'サーバが 250 で送信者のアドレスを受け付けました（RFC 5321 §4.1.1.2）。EHLO のセッションでは拡張コード 2.1.0 も付きます。2 は成功、X.1.0 は RFC 3463 §3.2 の「その他のアドレスの状態」です。次は RCPT TO で宛先を伝えます。',
    en: 'The server accepts the sender\'s address with 250 (RFC 5321 §4.1.1.2); after EHLO the enhanced code 2.1.0 comes with it: 2 for success, and X.1.0, "other address status" in RFC 3463 §3.2. Next the client names the recipients with RCPT TO.',
  },
  rcptOk: {
    ja: 'サーバが 250 でこの宛先を受け付けました（RFC 5321 §4.1.1.3）。拡張コード 2.1.5 は「宛先 OK」の意味です。ほかにも宛先があれば RCPT TO を続け、そろったら DATA に進みます。',
    en: 'The server accepts this recipient with 250 (RFC 5321 §4.1.1.3); the enhanced code 2.1.5 means "destination OK". More RCPT TO lines may follow; once every recipient is named, the client sends DATA.',
  },
  dataGo: {
    ja: '354 は「続きを送ってください」という中間応答です（RFC 5321 §4.1.1.4）。ここから先の行はコマンドではなくメールの中身として扱われ、「.」だけの行（CRLF . CRLF）で終わります。中身が流れている間、サーバは何も返しません。',
    en: '354 is an intermediate reply: go ahead and send the message (RFC 5321 §4.1.1.4). From now on every line is content, not a command, until a line holding only "." (CRLF . CRLF). The server says nothing while the content flows.',
  },
  queued: {
    ja: '終わりの「.」に 250 とキュー ID が返りました。この時点で、サーバがメールを届ける責任を引き受けます（RFC 5321 §6.1）。受け取ったサーバは Received: を 1 行加えます。Return-Path: を加えるのは、メールボックスに入れる最終配送のサーバだけで、中継するサーバは加えません（§4.4）。受け取れないときは、ここで 552 や 554 が返ります。',
    en: 'The final "." got 250 and a queue ID: from this moment the server has taken responsibility for the message (RFC 5321 §6.1). It adds one Received: line; only the server that makes the final delivery into a mailbox adds Return-Path:, a relay does not (§4.4). A refusal here would be 552 or 554.',
  },
  rsetOk: {
    ja: 'RSET に 250 が返り、進行中のメールトランザクションは取り消されました（RFC 5321 §4.1.1.5）。送信者と宛先は忘れられましたが、HELO/EHLO のあいさつは有効なままです。次は MAIL FROM から始め直せます。',
    en: 'RSET got 250: the transaction in progress is gone (RFC 5321 §4.1.1.5). The sender and recipients are forgotten, but the HELO/EHLO greeting still holds. The next transaction starts again with MAIL FROM.',
  },
  noopOk: {
    ja: 'NOOP に 250 が返りました（RFC 5321 §4.1.1.9）。接続が生きていることが分かるだけで、状態は何も変わりません。NOOP への答えは、いつも 250 です。',
    en: 'NOOP got 250 (RFC 5321 §4.1.1.9). It only shows that the connection is alive; nothing else changes. NOOP is always answered with 250.',
  },
  bye: {
    ja: 'サーバが 221 で QUIT を了承し、自分から TCP 接続を閉じます（RFC 5321 §4.1.1.10, §3.8）。そのため、先に FIN を送るのはサーバです。キャプチャでは FIN が 221 と同じセグメントに乗り、別の FIN が見えないこともあります。',
    en: "The server accepts QUIT with 221 and then closes the TCP connection itself (RFC 5321 §4.1.1.10, §3.8), so the client sees the server's FIN first. In a capture the FIN may ride in the same segment as the 221, which makes it easy to miss.",
  },
  vrfyCannot: {
    ja: '252 は「確認はできないが、送られれば受け付けて配送を試みる」という答えです（RFC 5321 §3.5.3）。利用者が実在するかを明かさず、アドレス集めを防ぎます。知らない利用者なら 550 が返ります。',
    en: '252 means "cannot verify this user, but mail for it will be accepted and tried" (RFC 5321 §3.5.3). The server does not reveal who exists, which stops address harvesting. A user it does not know gets 550.',
  },
  vrfyUnknown: {
    ja: '550 は「そのような利用者はいない」という答えです（RFC 5321 §3.5.3, §4.1.1.6）。拡張コード 5.1.1 は宛先のメールボックスがないことを示します。綴りを確かめてください。このアドレス宛てのメールも同じ理由で拒否されます。',
    en: '550: the server has no such user (RFC 5321 §3.5.3, §4.1.1.6); the enhanced code 5.1.1 means "bad destination mailbox". Check the spelling: mail to this address would be refused for the same reason.',
  },
  help: {
    ja: '214 はヘルプへの答えで、このサーバが知っているコマンドが並びます（RFC 5321 §4.1.1.8）。人が読むための案内です。いま実際に使える拡張機能は、EHLO の応答で確かめます。',
    en: '214 is the help reply, listing the commands this server knows (RFC 5321 §4.1.1.8). It is meant for people; what the server really offers right now is shown in its EHLO reply.',
  },
  tlsReady: {
    ja: 'サーバが 220 で TLS の開始に同意しました（RFC 3207 §4）。次は TLS ハンドシェイクで、以後の通信は暗号化されます。それまでの状態は両側で捨てられるので、クライアントは EHLO から送り直します（§4.2）。',
    en: 'The server agrees with 220 to start TLS (RFC 3207 §4). The TLS handshake comes next, and everything after it is encrypted. Both sides forget the earlier session, so the client sends EHLO again (§4.2).',
  },
  tlsActive: {
    ja: 'この接続はすでに TLS で暗号化されているため、STARTTLS は 554 で断られました。RFC 3207 §4.2 では TLS の後の EHLO に STARTTLS を載せないことだけが決まりで、554 は Postfix の選んだ答えです。ポート 465 のように最初から TLS の接続もあります。そのまま EHLO や MAIL FROM に進んでください。',
    en: 'STARTTLS is refused with 554 because this connection is already encrypted with TLS. RFC 3207 §4.2 only says STARTTLS is no longer offered after TLS; 554 is the answer Postfix chose. On port 465, for example, TLS starts at once: go on with EHLO or MAIL FROM.',
  },

  tlsRequired: {
    ja: 'このサーバは暗号化されていない接続ではこのコマンドを受け付けないため、530 で断りました（RFC 3207 §4）。パスワードやメールを平文で流さないための設定です。EHLO、STARTTLS の順に送り、TLS の中でやり直してください。',
    en: 'The server refuses with 530: it takes this command only over an encrypted connection (RFC 3207 §4). This keeps passwords and mail from crossing in plaintext. Send EHLO, then STARTTLS, and repeat the command inside TLS.',
  },
  authChallenge: {
    ja: '334 は中間応答で、認証の続きを求めています（RFC 4954 §4）。後ろの文字列は base64 で、LOGIN 方式なら「Username:」「Password:」と読めます（PLAIN では空）。クライアントは base64 の 1 行で答えるか、「*」で中止します。',
    en: '334 is an intermediate reply asking for the next piece of the authentication (RFC 4954 §4). Its text is base64: in LOGIN it decodes to "Username:" or "Password:" (empty in PLAIN). The client answers with one base64 line, or "*" to cancel.',
  },
  authOk: {
    ja: '235 で認証に成功しました（RFC 4954 §6）。これでサーバは、この利用者のメールを外部の宛先へも中継（リレー）します。次は MAIL FROM で送信を始めます。',
    en: "Authentication succeeded with 235 (RFC 4954 §6). The server will now relay this user's mail to outside recipients too. Next, MAIL FROM starts the transaction.",
  },
  authFailed: {
    ja: '535 は認証の失敗で、ユーザ名かパスワードが違います（RFC 4954 §6）。拡張コード 5.7.8 は「認証情報が無効」の意味です。PLAIN では「NUL ユーザ名 NUL パスワード」を base64 にして送ります。正しい情報で AUTH からやり直してください。',
    en: '535: authentication failed; the user name or password is wrong (RFC 4954 §6). The enhanced code 5.7.8 means "invalid credentials". PLAIN sends base64 of NUL, user name, NUL, password. Start again with AUTH and the right details.',
  },
  authAborted: {
    ja: 'クライアントが「*」を送って認証をやめたので、サーバは 501 で中止を確認しました（RFC 4954 §4）。状態は AUTH の前に戻ります。認証するときは、もう一度 AUTH から始めます。',
    en: 'The client sent "*" to cancel the authentication, and the server confirms with 501 (RFC 4954 §4). The session is back where it was before AUTH; to log in, start again with AUTH.',
  },
  authBadBase64: {
    ja: '送られた行が正しい base64 ではなかったため、サーバは 501 で「読めない」と答えました（RFC 4954 §4）。base64 は A–Z・a–z・0–9・+・/ だけを使い、末尾を = で 4 文字単位にそろえます。符号化し直して AUTH からやり直してください。',
    en: 'The line was not valid base64, so the server answers 501: it cannot decode it (RFC 4954 §4). Base64 uses only A–Z, a–z, 0–9, + and /, padded with = to groups of four. Encode it again and restart with AUTH.',
  },
  authLineTooLong: {
    ja: 'base64 の応答行が長すぎるため（このサーバでは 12288 オクテットまで）、サーバは 500（5.5.6）で認証を打ち切りました（RFC 4954 §4, §6）。認証の応答はコマンドより長くてよいのですが、上限はあります。AUTH からやり直せます。',
    en: 'The base64 response line is too long (this server takes up to 12288 octets), so the server ends the authentication with 500 (5.5.6) (RFC 4954 §4, §6). SASL responses may be longer than commands, but not without limit. The client may start again with AUTH.',
  },
  authAlready: {
    ja: 'この接続ではすでに認証が済んでいるため、AUTH は 503 で断られました（RFC 4954 §4）。認証は 1 つのセッションで 1 回だけです。そのまま MAIL FROM に進んでください。',
    en: 'This connection is already authenticated, so AUTH gets 503 (RFC 4954 §4). A session authenticates only once; go straight on to MAIL FROM.',
  },
  authInTransaction: {
    ja: 'メールトランザクションの途中（MAIL FROM のあと）に AUTH が来たため、503 で断られました（RFC 4954 §4）。認証はメールトランザクションを始める前に済ませる決まりです。RSET で取り消すかメールトランザクションを終えてから、AUTH を送ってください。',
    en: 'AUTH arrived in the middle of a mail transaction (after MAIL FROM), so it gets 503 (RFC 4954 §4). Authentication belongs before the transaction starts: cancel it with RSET, or finish it, then send AUTH.',
  },
  authMechanism: {
    ja: 'サーバの知らない認証方式が指定されたので、504 が返りました（RFC 4954 §4）。使える方式は EHLO の応答の AUTH 行に並んでいます（このサーバは PLAIN と LOGIN）。その中から選んでやり直してください。',
    en: 'The server does not support this authentication mechanism, so it answers 504 (RFC 4954 §4). The usable ones are listed on the AUTH line of the EHLO reply (here PLAIN and LOGIN); pick one of those and try again.',
  },
  authRequired: {
    ja: 'サブミッションポート（587）は、認証の済んだ利用者からしかメールを受け付けないため、530 が返りました（RFC 4954 §6, RFC 6409 §4.3）。誰でも送れる状態を防ぐためです。先に AUTH で認証してから MAIL FROM を送ってください。',
    en: 'On the submission port (587) the server takes mail only from authenticated users, so it answers 530 (RFC 4954 §6, RFC 6409 §4.3). This stops strangers from sending through it. Authenticate with AUTH first, then send MAIL FROM.',
  },
  needHelo: {
    ja: 'HELO/EHLO のあいさつより先にコマンドが来たため、503（順序の誤り）が返りました（RFC 5321 §4.1.4）。SMTP では、まず名乗ってからメールトランザクションを始めます。HELO か EHLO を送ってから、もう一度送ってください。',
    en: 'A command came before the HELO/EHLO greeting, so the server answers 503, a sequence error (RFC 5321 §4.1.4). In SMTP the client introduces itself first. Send HELO or EHLO, then repeat the command.',
  },
  nestedMail: {
    ja: 'メールトランザクションの途中で、もう一度 MAIL FROM が来たため 503 が返りました（RFC 5321 §4.1.1.2, §4.1.4）。1 つのメールトランザクションの送信者は 1 つだけです。いまのメールトランザクションを DATA で終えるか RSET で取り消してから、次の MAIL FROM を送ってください。',
    en: 'MAIL FROM came again in the middle of a transaction, so the server answers 503 (RFC 5321 §4.1.1.2, §4.1.4). A transaction has exactly one sender. Finish it with DATA, or cancel it with RSET, before the next MAIL FROM.',
  },
  needMail: {
    ja: 'MAIL FROM より先に RCPT TO が来たため、503 が返りました（RFC 5321 §4.1.1.3, §4.1.4）。メールトランザクションは必ず MAIL FROM（送信者）から始まり、宛先はそのあとです。先に MAIL FROM:<送信者のアドレス> を送ってください。',
    en: "RCPT TO came before MAIL FROM, so the server answers 503 (RFC 5321 §4.1.1.3, §4.1.4). A mail transaction always starts with MAIL FROM (the sender); the recipients come after it. Send MAIL FROM:<sender's address> first.",
  },
  needRcpt: {
    ja: '受け付けられた宛先がないまま DATA が来たため、503 が返りました（RFC 5321 §4.1.1.4, §3.3）。中身を送る前に、MAIL FROM で送信者を、RCPT TO で宛先を少なくとも 1 つ伝える必要があります。',
    en: 'DATA came before any recipient was named, so the server answers 503 (RFC 5321 §4.1.1.4, §3.3). Before the content, the client must give the sender with MAIL FROM and at least one recipient with RCPT TO.',
  },
  tlsInTransaction: {
    ja: 'メールトランザクションの途中で STARTTLS が来たため、503 が返りました。RFC 3207 §4 が STARTTLS の応答として挙げるのは 220・501・454 だけで、この 503 は Postfix の選んだ答えです（RFC 5321 §4.1.4 の「順序の誤り」）。TLS を始めるとそれまでの状態が捨てられるので、RSET で取り消すかメールトランザクションを終えてから STARTTLS を送ってください。',
    en: "STARTTLS arrived in the middle of a mail transaction, so the server answers 503. RFC 3207 §4 lists only 220, 501 and 454 as answers to STARTTLS; this 503 is Postfix's choice (a bad sequence, RFC 5321 §4.1.4). Starting TLS throws away the session state, so cancel with RSET or finish the transaction, then send STARTTLS.",
  },

  noValidRcpt: {
    ja: 'RCPT TO がすべて拒否されていたため、DATA に 554 が返りました（RFC 5321 §3.3）。届け先が 1 つもなければ、中身を受け取る意味がないからです。拒否の理由（550 など）を確かめ、正しい宛先で RCPT TO からやり直してください。',
    en: 'Every RCPT TO was refused, so DATA gets 554 (RFC 5321 §3.3): with no recipient there is nowhere to deliver the content. Check why each was refused (e.g. 550) and send RCPT TO again with a valid recipient.',
  },
  unknownCommand: {
    ja: 'サーバがそのコマンド名を知らないため、500 が返りました（RFC 5321 §4.2.4）。綴りを確かめてください。よく見かける「REPT TO」は「RCPT TO」（recipient＝宛先の略）の誤記で、送るとちょうどこの 500 になります。',
    en: 'The server does not know this command, so it answers 500 (RFC 5321 §4.2.4). Check the spelling: the "REPT TO" sometimes seen in tutorials should be "RCPT TO" (short for recipient), and gets exactly this 500.',
  },
  badSyntax: {
    ja: '空の行や、行の途中の CR・LF・NUL はコマンドとして読めないため、500 が返りました（RFC 5321 §2.3.8, §4.2.4）。コマンドは 1 つずつ、CRLF で終わる 1 行で送る決まりです。コマンド名から書き直して送ってください。',
    en: 'An empty line, or a bare CR, LF or NUL inside a line, cannot be read as a command, so the server answers 500 (RFC 5321 §2.3.8, §4.2.4). Each command is one line ending in CRLF; type it again from the command name.',
  },
  needEhlo: {
    ja: 'AUTH は EHLO で始めたセッションでしか使えないため、503 が返りました（RFC 4954 §4）。HELO では AUTH のような拡張機能は約束されません。EHLO を送り、応答に AUTH があるのを確かめてから認証してください。',
    en: 'AUTH works only in a session opened with EHLO, so the server answers 503 (RFC 4954 §4). HELO promises no extensions such as AUTH. Send EHLO, check that its reply lists AUTH, then authenticate.',
  },
  lineTooLong: {
    ja: 'コマンドの行が長すぎるため、500 が返りました。コマンド行は CRLF を含めて 512 オクテットまでです（RFC 5321 §4.5.3.1.4）。引数を見直し、短い 1 行で送り直してください。',
    en: 'The command line was too long, so the server answers 500. A command line may be at most 512 octets, CRLF included (RFC 5321 §4.5.3.1.4). Check the arguments and send a shorter line.',
  },
  notImplemented: {
    ja: 'サーバはこのコマンドを知っていますが、実装していない（またはここでは提供していない）ため 502 が返りました（RFC 5321 §4.2.4）。EXPN や TURN のような古いコマンドや危ないコマンドによくある答えです。使える機能は EHLO の応答で確かめてください。',
    en: 'The server knows this command but does not implement or offer it here, so it answers 502 (RFC 5321 §4.2.4). Old or risky commands such as EXPN or TURN often get this. The EHLO reply shows what the server does offer.',
  },
  heloSyntax: {
    ja: 'HELO/EHLO の引数がないか、空白で区切られて 2 つ以上あったため、501 が返りました（RFC 5321 §4.1.1.1）。引数は自分のホスト名（ドメイン）か、[ ] で囲んだ IP アドレスを 1 つだけ付けます。「EHLO ホスト名」の形で送り直してください。',
    en: 'HELO/EHLO had no argument, or more than one, so the server answers 501 (RFC 5321 §4.1.1.1). It takes exactly one: the client\'s host name (domain), or its IP address in square brackets. Send "EHLO" followed by one name.',
  },
  mailSyntax: {
    ja: 'MAIL の書き方が違うため、501 が返りました（RFC 5321 §4.1.1.2, §3.3）。正しくは MAIL FROM:<送信者のアドレス> で、FROM の直後にコロンが要ります。「MAIL FROM アドレス」のような省略形は通じません。SIZE= の値が数でない場合も 501 です。',
    en: 'The MAIL command is malformed, so the server answers 501 (RFC 5321 §4.1.1.2, §3.3). The form is MAIL FROM:<sender\'s address>, with a colon right after FROM; shortened forms like "MAIL FROM address" are not understood. A SIZE= value that is not a number also gets 501.',
  },
  rcptSyntax: {
    ja: 'RCPT の書き方が違うため、501 が返りました（RFC 5321 §4.1.1.3, §3.3）。正しくは RCPT TO:<宛先のアドレス> で、TO の直後にコロンが要ります。宛先が複数なら、この行を宛先ごとに送ります。',
    en: "The RCPT command is malformed, so the server answers 501 (RFC 5321 §4.1.1.3, §3.3). The form is RCPT TO:<recipient's address>, with a colon right after TO. For several recipients, send one such line for each.",
  },
  senderSyntax: {
    ja: '送信者のアドレスの書式が正しくないため、501 が返りました（RFC 5321 §4.1.2, §3.3）。アドレスは山かっこで囲み、コロンの後ろに空白を入れません（例: MAIL FROM:<user@example.com>）。エラーメールなど返送先のないメールは <> と書きます。',
    en: "The sender's address is malformed, so the server answers 501 (RFC 5321 §4.1.2, §3.3). Put it in angle brackets with no space after the colon: MAIL FROM:<user@example.com>. Mail that takes no bounces, such as a bounce itself, uses <>.",
  },
  recipientSyntax: {
    ja: '宛先のアドレスの書式が正しくないため、501 が返りました（RFC 5321 §4.1.2, §3.3）。「ローカル部@ドメイン」を山かっこで囲み、コロンの後ろに空白を入れずに書きます（例: RCPT TO:<user@example.com>）。',
    en: "The recipient's address is malformed, so the server answers 501 (RFC 5321 §4.1.2, §3.3). Write local-part@domain inside angle brackets, with no space after the colon: RCPT TO:<user@example.com>.",
  },
  pathTooLong: {
    ja: 'アドレスが長すぎるため、501 が返りました（RFC 5321 §4.5.3.1.1–3）。ローカル部は 64 オクテット、ドメインは 255 オクテット、山かっこを含むパス全体は 256 オクテットまでです。アドレスを見直してください。',
    en: 'The address is too long, so the server answers 501 (RFC 5321 §4.5.3.1.1–3). The local part may have 64 octets, the domain 255, and the whole path with its angle brackets 256. Check the address.',
  },
  noArguments: {
    ja: 'このコマンドに合わない引数だったため、501 が返りました（RFC 5321 §4.1.1）。DATA・RSET・QUIT・STARTTLS は引数を取らず、VRFY と AUTH には引数が要ります。応答に示された形で送り直してください。',
    en: 'The arguments do not fit this command, so the server answers 501 (RFC 5321 §4.1.1). DATA, RSET, QUIT and STARTTLS take none; VRFY and AUTH need one. Send it again in the form the reply shows.',
  },
  unknownParameter: {
    ja: 'MAIL FROM や RCPT TO の後ろに、受け付けないパラメータが付いていたため 555 が返りました（RFC 5321 §4.1.1.11）。SIZE= や BODY= は EHLO の応答に並んだ拡張機能のためのもので、HELO のあとでは使えません。パラメータを外して送り直してください。',
    en: 'MAIL FROM or RCPT TO carried a parameter the server does not accept, so it answers 555 (RFC 5321 §4.1.1.11). SIZE= or BODY= belong to extensions listed in the EHLO reply, never after HELO. Drop it and try again.',
  },
  tooBigDeclared: {
    ja: 'MAIL FROM の SIZE= で申告されたサイズが上限を超えていたため、552 が返りました（RFC 1870 §6）。中身を送る前に断れるので、無駄な転送が省けます。上限は EHLO の応答の SIZE 行の数値（オクテット）です。',
    en: 'The size declared with SIZE= on MAIL FROM is over the limit, so the server answers 552 (RFC 1870 §6) before any content is sent, which saves the transfer. The limit is the number on the SIZE line of the EHLO reply, in octets.',
  },
  userUnknown: {
    ja: 'この宛先の利用者がサーバにいないため、550 が返りました（RFC 5321 §4.1.1.3, RFC 3463 §3.2）。永久的なエラーなので送信側は再送せず、送信者にエラーメールを返します。アドレスの綴りを確かめてください。ほかの宛先は有効なままです。',
    en: 'No user with this address exists here, so the server answers 550 (RFC 5321 §4.1.1.3, RFC 3463 §3.2). It is a permanent error: the sending side does not retry and returns a bounce to the sender. Check the spelling; the other recipients still stand.',
  },
  relayDenied: {
    ja: '認証していない相手から外部ドメイン宛ての中継（リレー）を頼まれたため、550 が返りました（RFC 5321 §3.6.2）。誰のメールでも中継するオープンリレーは迷惑メールの踏み台になります。SMTP-AUTH で認証するか、このサーバのドメイン宛てにしてください。',
    en: "A client the server does not trust asked it to relay to an outside domain, so it answers 550 (RFC 5321 §3.6.2). An open relay that forwards anyone's mail becomes a tool for spam. Authenticate with SMTP AUTH, or send to this server's own domains.",
  },
  tooManyRcpts: {
    ja: '1 つのメールトランザクションの宛先が上限に達したため、452 が返りました（RFC 5321 §4.5.3.1.10）。一時的なエラーです。ここまでに受け付けられた宛先で DATA を送り、残りの宛先は次のメールトランザクションで送れば届きます。',
    en: 'This transaction has reached its recipient limit, so the server answers 452 (RFC 5321 §4.5.3.1.10). It is a temporary error: send DATA for the recipients accepted so far, and the rest in a later transaction.',
  },
  tooBig: {
    ja: 'メールがサイズの上限を超えていたため、終わりの「.」に 552 が返りました（RFC 1870 §6, RFC 5321 §4.5.3.1.7, §4.5.3.1.9）。メールは受け取られていません。添付などを小さくし、上限を EHLO の応答の SIZE 行で確かめてください。',
    en: 'The message was over the size limit, so the final "." gets 552 (RFC 1870 §6, RFC 5321 §4.5.3.1.7, §4.5.3.1.9); the mail was not accepted. Make it smaller (attachments, for example) and check the limit on the SIZE line of the EHLO reply.',
  },
  textLineTooLong: {
    ja: 'メールの中身に 998 オクテットを超える行があったため、終わりの「.」に 554 が返りました（RFC 5321 §4.5.3.1.6）。1 行は CRLF を含めて 1000 オクテットまでです。長い行は折り返すか、base64 などで符号化して送ってください。',
    en: 'The content had a line longer than 998 octets, so the final "." gets 554 (RFC 5321 §4.5.3.1.6). A text line may be at most 1000 octets including CRLF. Wrap long lines, or encode the content (base64 or quoted-printable).',
  },
  greylisted: {
    ja: 'サーバは初めて見る組み合わせ（送信元のIPアドレス・送信者・宛先）をいったん450で断りました。グレーリスティングと呼ぶ迷惑メール対策です。4xxは一時的なエラーなので、正規のメールサーバはキューに残して数分後に再送し、そのときは250で受け付けられます（RFC 5321 §4.5.4.1, RFC 6647）。',
    en: 'The server turns away a combination it has not seen before (client address, sender, recipient) with 450: greylisting, an anti-spam measure. 4xx is temporary, so a real mail server keeps the message queued and retries minutes later, when it gets 250 (RFC 5321 §4.5.4.1, RFC 6647).',
  },
  mailboxFull: {
    ja: '宛先のメールボックスが満杯なので、サーバは452（4.2.2）で断りました。4xxは一時的なエラーです。送信側はメールをキューに残し、受信者がメールを整理して空きができたころに再送します（RFC 5321 §4.2.2, RFC 3463 §3.3）。',
    en: "The recipient's mailbox is full, so the server answers 452 (4.2.2). This is a temporary error: the sending side keeps the message queued and retries once the recipient has made room (RFC 5321 §4.2.2, RFC 3463 §3.3).",
  },
  policyRejected: {
    ja: '受信サーバは差出人ドメインのDMARCポリシー（p=reject）に従い、SPFもDKIMも整合しなかったメールを550（5.7.1）で拒否しました。なりすましメールは受信箱に届きません（RFC 7489 §6.7）。',
    en: "The receiving server follows the sender domain's DMARC policy (p=reject) and refuses, with 550 (5.7.1), a message that neither SPF nor DKIM aligned: the forged mail never reaches the inbox (RFC 7489 §6.7).",
  },
  contentRejected: {
    ja: 'サーバは本文を受け取ったあと、内容を検査して554（5.7.1）で受け取りを拒否しました。5xxは永久的なエラーなので送信側は再送せず、送信者にエラーメール（バウンス）を返します（RFC 5321 §4.1.1.4, RFC 3463 §3.8）。',
    en: 'After receiving the message, the server checks its content and refuses it with 554 (5.7.1). 5xx is permanent: the sending side does not retry and returns a bounce to the sender (RFC 5321 §4.1.1.4, RFC 3463 §3.8).',
  },
  localError: {
    ja: 'サーバの内部で処理に失敗したため、451（4.3.0）でこの行を処理しなかったと伝えました（RFC 5321 §4.2.3）。クライアントの誤りではなく、4xx は一時的なエラーなので、同じ行を送り直せば受け付けられることがあります。セッションの状態は変わりません。',
    en: "Something failed inside the server, so it answers 451 (4.3.0): the line was not processed (RFC 5321 §4.2.3). This is not the client's mistake; 4xx is temporary, so sending the same line again may succeed. The session state does not change.",
  },
  tooManyErrors: {
    ja: 'エラーが続いたため、サーバは 421 を返して自分から接続を閉じました（RFC 5321 §3.8）。421 は一時的なエラーなので、正しい手順で接続し直せば受け付けられます。HELO/EHLO → MAIL FROM → RCPT TO → DATA の順を確かめてください。',
    en: 'After too many errors the server answers 421 and closes the connection itself (RFC 5321 §3.8). 421 is a temporary error: a new connection that follows the steps will be served. Check the order HELO/EHLO, MAIL FROM, RCPT TO, DATA.',
  },
} as const satisfies Record<SmtpReplyId, Caption>
