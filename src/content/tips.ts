// Teacher tips for the presenter console: for each lesson, two or three moments to stop and ask the class,
// the misconception learners usually bring to that moment, and the exam question (or exam topic) it answers.
// Exam sources are quoted exactly as src/content/drills.ts writes them; where no past question is cited there,
// a tip names the topic only and never a year or question number (tips.test.ts checks this).
import type { Caption } from './types'

export interface TeacherTip {
  /** RegExp source matched against the wire label of a step (model/label.ts wireLabel); absent: the whole lesson. */
  readonly at?: string
  /** A question to put to the class at that moment. */
  readonly ask: Caption
  /** The usual misconception, and the truth, in one or two sentences. */
  readonly misconception: Caption
  /** The past exam question this answers (its source as in drills.ts), or the exam topic. */
  readonly exam: Caption
}

/** The lessons of src/scenarios (content may not import scenarios; tips.test.ts checks the two lists agree). */
type LessonId =
  | 'smtp-basic'
  | 'smtp-ehlo'
  | 'smtp-starttls'
  | 'smtps'
  | 'smtp-submission-auth'
  | 'pop-before-smtp'
  | 'smtp-temporary-failure'
  | 'smtp-permanent-failure'
  | 'smtp-envelope-vs-header'
  | 'smtp-transaction'
  | 'smtp-pipelining'
  | 'pop3-basic'
  | 'pop3-apop'
  | 'pop3s'
  | 'imap-basic'
  | 'imaps'
  | 'pop3-vs-imap'
  | 'imap-search-move'
  | 'mail-journey'
  | 'dmarc-mailing-list'
  | 'op25b'
  | 'open-relay'

export const TEACHER_TIPS = {
  'smtp-basic': [
    {
      at: '^RCPT TO',
      ask: {
        ja: '次へ進む前に聞きます。元記事ではこの行が「REPT TO」と書かれています。サーバに REPT TO と送ったら、何番の応答が返るでしょう。',
        en: 'Before Next: the article writes this line as "REPT TO". What would the server answer if a client really sent REPT TO?',
      },
      misconception: {
        ja: 'MAIL FROM と RCPT TO はメールのヘッダの一部だ、と考えがちです。実際はサーバへの指示（エンベロープ）で、ヘッダは DATA の後に送ります。コマンド名を誤れば、サーバは 500（知らないコマンド）を返します（RFC 5321 §4.1.1.3, §4.2.4）。',
        en: 'Learners often take MAIL FROM and RCPT TO for part of the message header. They are instructions to the server (the envelope); the header comes later, after DATA. A misspelt verb such as REPT gets 500, command unrecognised (RFC 5321 §4.1.1.3, §4.2.4).',
      },
      exam: {
        ja: 'R1秋NW午前Ⅱ問9。選択肢の MAIL・RCPT・DATA は、あいさつの後のメールトランザクションで使うコマンドです。セッションを始めるのは HELO/EHLO です。',
        en: 'R1秋NW午前Ⅱ問9. Its choices MAIL, RCPT and DATA belong to the mail transaction after the greeting; a session starts with HELO or EHLO.',
      },
    },
    {
      at: '^DATA$',
      ask: {
        ja: '次へ進む前に聞きます。DATA への応答は何番でしょう。1 桁目の数字は何を意味しますか。',
        en: 'Before Next: which reply will DATA get? What does its first digit mean?',
      },
      misconception: {
        ja: 'DATA の行にそのまま本文を書く、と思われがちです。DATA は引数のない合図で、354（中間応答）を受けてからヘッダと本文を送り、「.」だけの行で終えます（RFC 5321 §4.1.1.4）。',
        en: 'Many think the message text goes on the DATA line. DATA takes no argument: the client waits for 354 (an intermediate reply), then sends header and body, and ends with a line holding only "." (RFC 5321 §4.1.1.4).',
      },
      exam: {
        ja: '応答コードの 1 桁目による分類です（2xx 成功、3xx 中間応答、4xx 一時的なエラー、5xx 永久的なエラー）。H18秋NW午後Ⅰ問4 では、400番台と500番台の違いが問われました。',
        en: 'Reply codes by their first digit: 2xx success, 3xx intermediate, 4xx temporary error, 5xx permanent error. H18秋NW午後Ⅰ問4 asks about the difference between the 4xx and 5xx classes.',
      },
    },
    {
      at: '^221 ',
      ask: {
        ja: '次へ進む前に聞きます。このあと先に FIN を送るのは、クライアントとサーバのどちらでしょう。',
        en: 'Before Next: who sends the first FIN now, the client or the server?',
      },
      misconception: {
        ja: 'QUIT を送ったクライアントが先に切断する、と思われがちです。実際は 221 を返したサーバが先に FIN を送ります（RFC 5321 §4.1.1.10）。元記事のキャプチャで見当たらなかったのはこのサーバの FIN で、221 と同じセグメントに乗っていました。',
        en: "Since the client sent QUIT, many expect it to close first. In fact the server, having answered 221, sends the first FIN (RFC 5321 §4.1.1.10). The FIN the article's capture seems to lack is this server's FIN: it rode on the segment that carried the 221.",
      },
      exam: {
        ja: 'TCP の接続の確立（3 ウェイハンドシェイク）と切断（FIN）です。基本情報・応用情報からネットワークスペシャリストまで共通の基礎です。',
        en: 'TCP connection set-up (the three-way handshake) and close (FIN): a basic shared by every exam level, from the fundamental exam to Network Specialist.',
      },
    },
  ],

  'smtp-ehlo': [
    {
      at: '^EHLO ',
      ask: {
        ja: '次へ進む前に聞きます。サーバはこの EHLO に何行で答えるでしょう。前のレッスンの HELO への応答と比べてください。',
        en: 'Before Next: how many lines will the answer to this EHLO have? Compare it with the answer to HELO in the previous lesson.',
      },
      misconception: {
        ja: 'EHLO は HELO の新しい綴りにすぎない、と思われがちです。EHLO は拡張 SMTP を使うという宣言で、サーバは複数行の 250 で拡張機能の一覧を返します。EHLO を知らない古いサーバは 500 か 502 を返し、クライアントは HELO で名乗り直します（RFC 5321 §4.1.1.1, §4.1.4）。',
        en: 'Many take EHLO for a new spelling of HELO. EHLO declares that the client wants Extended SMTP, and the server answers with a multi-line 250 listing its extensions. An old server that does not know EHLO answers 500 or 502, and the client falls back to HELO (RFC 5321 §4.1.1.1, §4.1.4).',
      },
      exam: {
        ja: 'R1秋NW午前Ⅱ問9。SMTP（ESMTP を含む）のセッション開始を表すコマンドとして、EHLO が正解です。',
        en: 'R1秋NW午前Ⅱ問9: the command that opens an SMTP (including ESMTP) session. The answer is EHLO.',
      },
    },
    {
      at: '^250-',
      ask: {
        ja: '一覧の「250-」と最後の「250 」は何が違うでしょう。このサーバで SMTP 認証は使えるでしょうか。',
        en: 'What is the difference between "250-" and the last "250 "? Can the client use SMTP authentication with this server?',
      },
      misconception: {
        ja: 'クライアントはどの拡張機能でも自由に使える、と思われがちです。使えるのは、この一覧にサーバが載せた機能だけです。一覧に AUTH がないので、このサーバに AUTH を送れば 502 が返ります。',
        en: 'Many believe a client may use any extension it likes. It may use only what the server lists here: there is no AUTH line, so AUTH sent to this server would get 502.',
      },
      exam: {
        ja: 'EHLO の応答で、相手の拡張機能（STARTTLS・SMTP-AUTH など）を確かめる流れです。ネットワークスペシャリストや情報処理安全確保支援士で、メールの暗号化と認証の前提になります。',
        en: 'Reading the EHLO reply to learn which extensions (STARTTLS, SMTP AUTH ...) the other side offers: the groundwork for mail encryption and authentication in the Network Specialist and Information Security exams.',
      },
    },
    {
      at: 'SIZE=',
      ask: {
        ja: 'SIZE=145 の 145 は何の数でしょう。サーバの上限を超えていたら、いつ、何番で断られるでしょう。',
        en: "What does the 145 in SIZE=145 count? Had it exceeded the server's limit, when would the client be refused, and with which code?",
      },
      misconception: {
        ja: '大きすぎるメールは、本文を送り終えてから断られる、と思われがちです。SIZE で先に大きさ（オクテット数）を申告すれば、本文を送る前の MAIL FROM の時点で 552 が返ります（RFC 1870）。',
        en: 'Many think an oversized message is refused only after all of it has been sent. With SIZE the client declares the size in octets up front, and the server answers 552 to MAIL FROM, before any content is sent (RFC 1870).',
      },
      exam: {
        ja: '応答コードの分類です。552 は 5xx の永久的なエラーなので、送信側は同じメールを再送しません。H18秋NW午後Ⅰ問4 と同じ考え方です。',
        en: 'Reply-code classes: 552 is a 5xx permanent error, so the sender does not retry the same message. The same reasoning as H18秋NW午後Ⅰ問4.',
      },
    },
  ],

  'smtp-starttls': [
    {
      at: '^STARTTLS$',
      ask: {
        ja: '次へ進む前に聞きます。ここまでで盗聴者に読めたものは何でしょう。STARTTLS の後も、同じ TCP 接続のままでしょうか。',
        en: 'Before Next: what could an eavesdropper read so far? After STARTTLS, is it still the same TCP connection?',
      },
      misconception: {
        ja: 'STARTTLS では暗号化用の別のポートにつなぎ直す、と思われがちです。実際は 25 番の同じ接続のまま、220 の応答の後に TLS ハンドシェイクを始めます（RFC 3207 §4）。最初から TLS を使う 465 番（SMTPS）とは別の方式です。',
        en: 'Many think STARTTLS reconnects to a separate, encrypted port. It keeps the same connection on port 25 and starts the TLS handshake after the 220 reply (RFC 3207 §4). That is a different method from port 465 (SMTPS), which uses TLS from the start.',
      },
      exam: {
        ja: 'メールの経路を暗号化する 2 つの方式です。STARTTLS で途中から切り替える方式と、SMTPS・POP3S・IMAPS のように最初から TLS を使う方式を区別します。',
        en: 'The two ways to encrypt the path of mail: switching part-way with STARTTLS, or using TLS from the first byte, as SMTPS, POP3S and IMAPS do.',
      },
    },
    {
      at: String.raw`^\{Finished\}$`,
      ask: {
        ja: '次へ進む前に聞きます。TLS ハンドシェイクが終わりました。クライアントが次に送るのは MAIL FROM でしょうか。',
        en: 'Before Next: the TLS handshake is over. Is MAIL FROM the next thing the client sends?',
      },
      misconception: {
        ja: 'TLS の前に EHLO を済ませたので、すぐ MAIL FROM に進める、と思われがちです。TLS が始まると両側はそれまでの情報を捨てるので、クライアントは EHLO から送り直します（RFC 3207 §4.2）。2 回目の一覧には STARTTLS がありません。',
        en: 'Since EHLO was already sent, many expect MAIL FROM next. Once TLS starts, both sides discard what they knew, so the client sends EHLO again (RFC 3207 §4.2); the second list no longer shows STARTTLS.',
      },
      exam: {
        ja: 'STARTTLS の手順（EHLO、STARTTLS、TLS ハンドシェイク、再び EHLO）です。ネットワークスペシャリストの午後で、シーケンスを追う問題の前提になります。',
        en: 'The STARTTLS sequence: EHLO, STARTTLS, the TLS handshake, then EHLO again. Needed to follow the sequence diagrams of the Network Specialist afternoon exam.',
      },
    },
    {
      at: '^DATA$',
      ask: {
        ja: 'このメールは、受取人が読むときまでずっと暗号化されているでしょうか。',
        en: 'Will this message stay encrypted all the way until the recipient reads it?',
      },
      misconception: {
        ja: 'STARTTLS を使えばメールそのものが暗号化される、と思われがちです。守られるのはこの 2 台のサーバの間の経路だけで、受信側のサーバにはメールが平文で保存されます。差出人から受取人までを守るには、S/MIME などでメール自体を暗号化します。',
        en: 'Many believe STARTTLS encrypts the message itself. It protects only the path between these two servers; the receiving server stores the message in plaintext. To protect it from sender to recipient, the message itself is encrypted, for example with S/MIME.',
      },
      exam: {
        ja: '経路の暗号化（TLS）と、メール自体の暗号化・署名（S/MIME）の違いです。情報処理安全確保支援士で扱われる論点です。',
        en: 'Encrypting the path (TLS) versus encrypting and signing the message itself (S/MIME): a topic of the Information Security exam.',
      },
    },
  ],

  smtps: [
    {
      at: '^ClientHello',
      ask: {
        ja: '次へ進む前に聞きます。SMTP の 220 のあいさつと TLS ハンドシェイクは、どちらが先でしょう。STARTTLS のレッスンと比べてください。',
        en: 'Before Next: which comes first here, the SMTP 220 greeting or the TLS handshake? Compare with the STARTTLS lesson.',
      },
      misconception: {
        ja: 'SMTPS（465 番）はサーバ間の転送を暗号化するもの、と思われがちです。465 番はメールソフトからの投稿用で、接続した直後から TLS を使います（RFC 8314 §3.3）。サーバ間の転送は 25 番で、暗号化には STARTTLS を使います。',
        en: 'Many think SMTPS (port 465) encrypts relaying between servers. Port 465 is for mail programs submitting mail, with TLS from the moment of connection (RFC 8314 §3.3); servers relay to each other on port 25 and encrypt with STARTTLS.',
      },
      exam: {
        ja: 'メールのポート番号です（25 SMTP、587 サブミッションポート、465 SMTPS、110 POP3、995 POP3S、143 IMAP、993 IMAPS）。',
        en: 'Mail port numbers: 25 SMTP, 587 submission, 465 SMTPS, 110 POP3, 995 POP3S, 143 IMAP, 993 IMAPS.',
      },
    },
    {
      at: '^AUTH PLAIN ',
      ask: {
        ja: 'この行の後半の文字列を盗聴者が手に入れたら、パスワードは分かるでしょうか。このレッスンで分からないのは、なぜでしょう。',
        en: 'If an eavesdropper captured the second half of this line, would they learn the password? Why can they not, in this lesson?',
      },
      misconception: {
        ja: 'base64 にしてあるからパスワードは安全だ、と思われがちです。base64 は誰でも元に戻せる符号化にすぎません。この行を盗聴から守っているのは、その下の TLS です。',
        en: 'Many think the password is safe because it is in base64. Base64 is only an encoding, and anyone can decode it. What keeps this line from an eavesdropper is the TLS underneath.',
      },
      exam: {
        ja: 'H21春SC午前2問3。SMTP-AUTH は、クライアントが接続したときに利用者を認証し、許可された利用者からだけメールを受け付けます。',
        en: 'H21春SC午前2問3: SMTP AUTH authenticates the user when the client connects and takes mail only from permitted users.',
      },
    },
    {
      at: '^RCPT TO',
      ask: {
        ja: '次へ進む前に聞きます。外部ドメイン宛てのこの RCPT TO に、サーバは何と答えるでしょう。決め手は TLS でしょうか、認証でしょうか。',
        en: 'Before Next: what will the server answer to this RCPT TO for an outside domain? Is it TLS or the authentication that decides?',
      },
      misconception: {
        ja: '暗号化された接続なら中継してもらえる、と思われがちです。中継を許す決め手は認証（AUTH）で、TLS は盗聴を防ぐだけです。このポートで認証の前に MAIL FROM を送れば、530 で断られます。',
        en: 'Many think an encrypted connection is enough to have mail relayed. Authentication (AUTH) is what opens relaying; TLS only stops eavesdropping. On this port, MAIL FROM before authentication would get 530.',
      },
      exam: {
        ja: '第三者中継（オープンリレー）の防止です。認証した利用者のメールだけを外部へ中継することで、迷惑メールの踏み台になるのを防ぎます。',
        en: 'Preventing open relay: relaying outside mail only for authenticated users keeps the server from becoming a tool for spam.',
      },
    },
  ],

  'smtp-submission-auth': [
    {
      at: '^530 ',
      ask: {
        ja: 'なぜ 530 が返ったのでしょう。クライアントは次に何を送ればよいでしょう。',
        en: 'Why did 530 come back? What should the client send next?',
      },
      misconception: {
        ja: '587 番は 25 番の予備で、ポート番号が違うだけだ、と思われがちです。サブミッションポートはメールソフトからの投稿専用で、認証した利用者のメールだけを受け付けます（RFC 6409 §4.3）。このサーバはさらに、認証の前に STARTTLS での暗号化を求めています。',
        en: 'Many think 587 is just a spare port 25. The submission port is only for mail programs handing in mail, and it takes mail only from authenticated users (RFC 6409 §4.3); this server also wants STARTTLS before any authentication.',
      },
      exam: {
        ja: 'H22春SC午前2問15。通常の SMTP とは別のサブミッションポートで、接続してきた利用者を認証する対策が問われました。',
        en: 'H22春SC午前2問15: the measure of authenticating users on a submission port separate from ordinary SMTP.',
      },
    },
    {
      at: '^AUTH LOGIN$',
      ask: {
        ja: '次へ進む前に聞きます。このあとクライアントが送る 2 行を盗聴者が見たら、ユーザ名とパスワードは読めるでしょうか。',
        en: 'Before Next: if an eavesdropper saw the two lines the client sends next, could they read the user name and password?',
      },
      misconception: {
        ja: 'AUTH で送るパスワードは base64 で守られている、と思われがちです。base64 は符号化にすぎず、誰でもすぐ元に戻せます。このレッスンで盗聴者に読めないのは、先に STARTTLS で TLS を始めたからです。',
        en: 'Many believe base64 protects the password sent with AUTH. Base64 is only an encoding, and anyone can undo it at once. An eavesdropper cannot read these lines here only because STARTTLS started TLS first.',
      },
      exam: {
        ja: 'SMTP-AUTH の認証情報の守り方です。平文で読める認証方式を、TLS と組み合わせて使う理由を説明できるようにします。',
        en: 'Protecting SMTP AUTH credentials: be able to explain why a mechanism that is readable on the wire is used together with TLS.',
      },
    },
    {
      at: '^RCPT TO',
      ask: {
        ja: '次へ進む前に聞きます。外部宛てのこの RCPT TO に何が返るでしょう。同じ行を 25 番に認証なしで送ったら、どうなるでしょう。',
        en: 'Before Next: what will this RCPT TO for an outside address get? And the same line sent to port 25 without authentication?',
      },
      misconception: {
        ja: 'SMTP-AUTH で、差出人が本物であることやメールが改ざんされていないことまで保証される、と思われがちです。SMTP-AUTH が確かめるのは、投稿してきた利用者がこのサーバの利用者かどうかだけです。改ざんの検知には、S/MIME や DKIM の署名を使います。',
        en: 'Many think SMTP AUTH proves the sender is genuine and the message untouched. It checks only that whoever hands in the mail is a user of this server; detecting tampering takes a signature such as S/MIME or DKIM.',
      },
      exam: {
        ja: 'H21春SC午前2問3。SMTP-AUTH は、クライアントが SMTP サーバに接続したときに利用者を認証し、許可された利用者からだけメールを受け付けます。',
        en: 'H21春SC午前2問3: SMTP AUTH authenticates the user when a client connects to the SMTP server, and takes mail only from permitted users.',
      },
    },
  ],

  'pop-before-smtp': [
    {
      at: String.raw`^\+OK Logged in`,
      ask: {
        ja: '次へ進む前に聞きます。この POP3 ログインの成功を、SMTP サーバは何と結び付けて覚えるでしょう。ユーザ名でしょうか、IP アドレスでしょうか。',
        en: 'Before Next: what does the SMTP server tie this POP3 login to, the user name or the IP address?',
      },
      misconception: {
        ja: 'POP before SMTP では、SMTP の接続でもユーザ名とパスワードを送る、と思われがちです。SMTP 側では何も送りません。サーバが POP3 の成功を送信元の IP アドレスと時刻で覚え、一定時間そのアドレスからの中継を許すだけです。',
        en: "Many think POP before SMTP sends a user name and password over SMTP too. Nothing is sent on the SMTP side: the server notes the POP3 success with the client's IP address and the time, and relays for that address for a while.",
      },
      exam: {
        ja: 'H20SV問1。社内 PC のメールソフトが SMTP-AUTH に対応していないので、メールソフトに手を加えずに使える POP before SMTP を選ぶ問題です。',
        en: 'H20SV問1: the office mail programs cannot do SMTP AUTH, so POP before SMTP, which asks nothing new of them, is the method to choose.',
      },
    },
    {
      at: String.raw`^250 2\.1\.5 `,
      ask: {
        ja: '同じ NAT ルータの後ろにいる別の PC が、この 5 分の間にメールを送ったら、どうなるでしょう。',
        en: 'What happens if another PC behind the same NAT router sends mail during these five minutes?',
      },
      misconception: {
        ja: 'POP before SMTP は送信者を一人ずつ認証する、と思われがちです。許可の単位は IP アドレスと時間枠なので、同じアドレスに見える人は誰でも中継できます。時間を過ぎれば、本人でも 550 で断られます。',
        en: 'Many think POP before SMTP authenticates each sender. What it allows is an IP address for a time window: anyone who shows the same address can relay, and once the window has passed even the real user gets 550.',
      },
      exam: {
        ja: '送信時に利用者を確かめる方式の比較（POP before SMTP と SMTP-AUTH）です。IP アドレスに頼る方式の弱点を説明できるようにします。',
        en: 'Comparing ways to check the user before sending (POP before SMTP versus SMTP AUTH): be able to name the weakness of trusting an IP address.',
      },
    },
    {
      ask: {
        ja: 'POP before SMTP では、何番ポートに送信するでしょう。SMTP のコマンドに何か加わったでしょうか。',
        en: 'Which port does POP before SMTP send to? Was anything added to the SMTP commands?',
      },
      misconception: {
        ja: 'POP before SMTP には専用のポートやコマンドがある、と思われがちです。ポートは 25 番のまま、コマンドも同じで、変わったのはサーバの中の記録だけです。いまは、サブミッションポート（587 番）で SMTP-AUTH を使うのが主流です。',
        en: 'Many expect POP before SMTP to have its own port or commands. It stays on port 25 with the same commands; only a record inside the server changes. Today the usual way is SMTP AUTH on the submission port, 587.',
      },
      exam: {
        ja: 'メールのポート番号（25 SMTP、110 POP3、587 サブミッションポート）と、送信の認証方式の移り変わりです。',
        en: 'Mail port numbers (25 SMTP, 110 POP3, 587 submission) and how sender authentication has changed over time.',
      },
    },
  ],

  'smtp-temporary-failure': [
    {
      at: '^450 ',
      ask: {
        ja: '4xx を受けた送信側のサーバは、このメールをどうするでしょう。差出人にすぐエラーメールを返すでしょうか。',
        en: 'What does the sending server do with this message after a 4xx? Does it bounce it to the sender at once?',
      },
      misconception: {
        ja: '4xx でもメールは届かなかったので、差出人に戻される、と思われがちです。4xx は一時的なエラーなので、送信側はメールをキューに残して再送します（RFC 5321 §4.5.4.1）。差出人に知らせるのは、何日も再送して、あきらめたときです。',
        en: 'Many think a 4xx means the message is returned to its sender. A 4xx is a temporary error: the sending server keeps the message queued and tries again (RFC 5321 §4.5.4.1). The sender hears of it only if the server gives up after days of retrying.',
      },
      exam: {
        ja: 'H18秋NW午後Ⅰ問4。迷惑メールを遮断するとき、一時的なエラーの 400番台ではなく、永久的なエラーの 500番台を返して再送させない、という問題です。',
        en: 'H18秋NW午後Ⅰ問4: a server blocking spam answers with a 5xx (permanent error), not a 4xx (temporary error), so that the sender does not send it again.',
      },
    },
    {
      at: '^452 ',
      ask: {
        ja: 'メールボックスが満杯のときは、一時的なエラーと永久的なエラーのどちらがふさわしいでしょう。理由も考えてください。',
        en: 'For a full mailbox, which fits better: a temporary or a permanent error? Why?',
      },
      misconception: {
        ja: '満杯なら届けられないので 5xx で断る、と思われがちです。受信者がメールを整理すれば空きができるので、このサーバは 452（4.2.2）の一時的なエラーで答え、送信側に再送させます（RFC 3463 §3.3）。',
        en: 'Many expect a full mailbox to be refused with a 5xx. The recipient can make room by deleting mail, so this server answers 452 (4.2.2), a temporary error, and the sender tries again later (RFC 3463 §3.3).',
      },
      exam: {
        ja: '応答コードの分類（4xx 一時的なエラー、5xx 永久的なエラー）と、4.2.2 のような拡張ステータスコード（RFC 3463）の読み方です。',
        en: 'Reply-code classes (4xx temporary, 5xx permanent) and how to read enhanced status codes such as 4.2.2 (RFC 3463).',
      },
    },
    {
      ask: {
        ja: 'グレーリスティングは、なぜ迷惑メール対策になるのでしょう。正規のメールサーバには、どんな影響があるでしょう。',
        en: 'Why does greylisting cut spam? What does it cost a legitimate mail server?',
      },
      misconception: {
        ja: '再送は差出人が手作業でするもの、と思われがちです。再送するのは送信側のメールサーバで、30 分以上の間隔をあけ、4〜5 日は続けます（RFC 5321 §4.5.4.1）。再送しない迷惑メール送信プログラムが多いので、一度 450 で断るだけで迷惑メールが減り、正規のメールは少し遅れて届きます。',
        en: 'Many think the person who wrote the mail has to resend it. The sending mail server retries by itself, at least 30 minutes apart, for 4 to 5 days (RFC 5321 §4.5.4.1). Much spamware never retries, so one 450 stops it, while real mail only arrives a little later.',
      },
      exam: {
        ja: '迷惑メール対策（グレーリスティング、OP25B、送信ドメイン認証）です。一時的なエラーを使う対策として、仕組みを説明できるようにします。',
        en: 'Anti-spam measures (greylisting, OP25B, sender domain authentication): be able to explain greylisting as a measure built on temporary errors.',
      },
    },
  ],

  'smtp-permanent-failure': [
    {
      at: String.raw`^550 5\.1\.1 `,
      ask: {
        ja: '送信側のサーバは、user3 宛てを時間をおいて再送するでしょうか。同じメールトランザクションの user1 宛てはどうなるでしょう。',
        en: 'Will the sending server retry user3 later? And what happens to user1 in the same transaction?',
      },
      misconception: {
        ja: '1 つの宛先が 550 なら、メール全体が送れなくなる、と思われがちです。応答は宛先ごとに返るので、user1 宛ては続けて届きます（RFC 5321 §3.3）。user3 宛ては永久的なエラーなので、再送せずにエラーメールにします。',
        en: 'Many think one 550 stops the whole message. Replies are per recipient, so user1 still gets it (RFC 5321 §3.3); user3 is a permanent error, never retried, and ends in a bounce.',
      },
      exam: {
        ja: 'H18秋NW午後Ⅰ問4。500番台は永久的なエラーなので、送信側は同じメールを再送しません。',
        en: 'H18秋NW午後Ⅰ問4: a 5xx is a permanent error, so the sending side does not send the same message again.',
      },
    },
    {
      at: '^MAIL FROM:<>$',
      ask: {
        ja: 'エラーメールのエンベロープの送信者が空（<>）なのは、なぜでしょう。',
        en: 'Why is the envelope sender of the bounce empty (<>)?',
      },
      misconception: {
        ja: 'エラーメールは、ヘッダの From: のアドレスに返る、と思われがちです。返す先はエンベロープの送信者（MAIL FROM の値）です。エラーメール自身は MAIL FROM:<> で送るので、届かなくてもエラーメールが繰り返されません（RFC 5321 §4.5.5）。',
        en: 'Many think a bounce goes to the address in the From: header. It goes to the envelope sender, the MAIL FROM value. The bounce itself is sent with MAIL FROM:<>, so if it fails too, no further bounce follows (RFC 5321 §4.5.5).',
      },
      exam: {
        ja: 'エンベロープとヘッダの違いです。エラーメールが、ヘッダの From: ではなくエンベロープの送信者へ返ることを説明できるようにします。',
        en: 'Envelope versus header: be able to explain that a bounce goes to the envelope sender, not to the From: header.',
      },
    },
    {
      ask: {
        ja: '迷惑メールをいったん 250 で受け取り、あとでエラーメールを返したら、そのエラーメールは誰に届くでしょう。',
        en: 'If spam is first accepted with 250 and bounced later, who receives that bounce?',
      },
      misconception: {
        ja: 'いったん受け取ってから拒否しても、対話の中で 5xx を返しても同じだ、と思われがちです。迷惑メールのエンベロープの送信者はたいてい詐称なので、後から返すエラーメールは無関係な人に届きます（バックスキャッタ）。対話の中で 5xx を返せば、受信側がエラーメールを作る必要はありません。',
        en: 'Many think accepting and bouncing later is as good as a 5xx during the session. Spam usually carries a forged envelope sender, so a later bounce lands on an innocent person (backscatter). A 5xx during the session means the receiving server never has to write a bounce.',
      },
      exam: {
        ja: '迷惑メール対策としての受信拒否です。SMTP の対話の中で、どの応答コードで断るかを判断できるようにします。',
        en: 'Refusing spam: be able to decide with which reply code, during the SMTP session, to turn mail away.',
      },
    },
  ],

  'smtp-envelope-vs-header': [
    {
      at: '^RCPT TO:<user2@',
      ask: {
        ja: '2 つ目の宛先 user2 は、このあとのヘッダのどこにも書かれません。user2 にメールは届くでしょうか。',
        en: 'The second recipient, user2, appears nowhere in the header that follows. Will user2 get the message?',
      },
      misconception: {
        ja: 'メールはヘッダの To: に書いた宛先に届く、と思われがちです。配送先を決めるのはエンベロープの RCPT TO で、ヘッダの To: は表示用です。Bcc は、この仕組みを使っています。',
        en: "Many think mail goes to the addresses in the To: header. The envelope's RCPT TO decides delivery; the To: header is for display. Bcc works exactly this way.",
      },
      exam: {
        ja: 'エンベロープ（MAIL FROM・RCPT TO）とヘッダ（From:・To:）の違いです。Bcc の宛先がヘッダに現れない理由を説明できるようにします。',
        en: 'Envelope (MAIL FROM, RCPT TO) versus header (From:, To:): be able to explain why Bcc recipients never show in the header.',
      },
    },
    {
      at: '^From: b@b',
      ask: {
        ja: 'user1 のメールソフトには、差出人として何が表示されるでしょう。サーバはこの From: を確かめたでしょうか。',
        en: "What will user1's mail program show as the sender? Did the server check this From: at all?",
      },
      misconception: {
        ja: 'SMTP サーバは差出人を確かめてから受け付ける、と思われがちです。SMTP はヘッダの From: を確かめないので、表示上の差出人はいくらでも偽れます。確かめるには、SPF（エンベロープの送信者のドメインと送信元 IP アドレス）、DKIM（署名）、DMARC（ヘッダの From: との一致）を使います。',
        en: "Many believe an SMTP server checks the sender before accepting mail. SMTP never checks the From: header, so the displayed sender is easy to forge. Checking takes SPF (the envelope sender's domain against the sending IP address), DKIM (a signature) and DMARC (alignment with the From: header).",
      },
      exam: {
        ja: '送信ドメイン認証（SPF・DKIM・DMARC）と、なりすましメールの対策です。情報処理安全確保支援士とネットワークスペシャリストで扱われる論点です。',
        en: 'Sender domain authentication (SPF, DKIM, DMARC) against spoofed mail: a topic of both the Information Security and the Network Specialist exams.',
      },
    },
    {
      at: '^250 Ok: queued',
      ask: {
        ja: '配送のとき、サーバはメールの先頭にどんなヘッダを加えるでしょう。Return-Path: には、どのアドレスが入るでしょう。',
        en: 'On delivery, which header lines does the server add at the top of the message? Which address goes into Return-Path:?',
      },
      misconception: {
        ja: 'Return-Path: は差出人が書くものか、中継のたびに付くもの、と思われがちです。Return-Path: は最後に配送したサーバが MAIL FROM の値で加え、途中で中継するサーバが加えるのは Received: だけです（RFC 5321 §4.4）。',
        en: 'Many think Return-Path: is written by the sender, or added at every relay. The server that makes the final delivery adds it from the MAIL FROM value; a relay on the way adds only a Received: line (RFC 5321 §4.4).',
      },
      exam: {
        ja: 'メールヘッダの読み方（Received: で経路をたどり、Return-Path: でエンベロープの送信者を知る）です。',
        en: 'Reading mail headers: Received: lines trace the path, Return-Path: shows the envelope sender.',
      },
    },
  ],

  'smtp-transaction': [
    {
      at: '^RCPT TO:<usr2@',
      ask: {
        ja: '次へ進む前に聞きます。綴りを誤った usr2 には、何が返るでしょう。そのとき、先に受け付けた user1 はどうなるでしょう。',
        en: 'Before Next: what will the misspelt usr2 get? And what becomes of user1, already accepted?',
      },
      misconception: {
        ja: '宛先が複数なら 1 つの RCPT TO にカンマで並べ、1 つでも誤りがあれば全部が失敗する、と思われがちです。RCPT TO は宛先ごとに 1 行で、応答も 1 つずつ返ります。断られた宛先があっても、受け付けられた宛先はそのまま有効です（RFC 5321 §3.3）。',
        en: 'Many think several recipients share one RCPT TO separated by commas, and that one bad address fails them all. There is one RCPT TO per recipient, each with its own reply; a refused one leaves the accepted ones standing (RFC 5321 §3.3).',
      },
      exam: {
        ja: '応答コードの分類（550 は永久的なエラー）と、宛先ごとに返る応答の読み方です。',
        en: 'Reply-code classes (550 is a permanent error) and reading the reply each recipient gets.',
      },
    },
    {
      at: '^RSET$',
      ask: {
        ja: '次へ進む前に聞きます。RSET の後、クライアントは EHLO からやり直す必要があるでしょうか。受け付け済みの user1 はどうなるでしょう。',
        en: 'Before Next: after RSET, must the client start again from EHLO? What happens to user1, already accepted?',
      },
      misconception: {
        ja: 'RSET で接続やあいさつまでやり直しになる、と思われがちです。RSET が取り消すのは進行中のメールトランザクション（送信者と宛先）だけで、TCP の接続と EHLO のあいさつは残ります（RFC 5321 §4.1.1.5）。',
        en: 'Many think RSET starts everything over, connection and greeting included. It cancels only the transaction in progress (sender and recipients); the TCP connection and the EHLO greeting remain (RFC 5321 §4.1.1.5).',
      },
      exam: {
        ja: 'R1秋NW午前Ⅱ問9。セッションを始める EHLO と、その後のメールトランザクションで使う MAIL・RCPT・DATA を区別することが、この問題を解く鍵です。',
        en: 'R1秋NW午前Ⅱ問9: telling EHLO, which opens the session, from MAIL, RCPT and DATA, which make up each transaction, is the key to it.',
      },
    },
    {
      at: '^From: Alice',
      ask: {
        ja: '本文の「.forward」の行と、「.」だけの行は、ネットワーク上でどう送られるでしょう。',
        en: 'How do the ".forward" line and the line holding only "." cross the wire?',
      },
      misconception: {
        ja: '本文に「.」だけの行を書くと、メールはそこで切れてしまう、と思われがちです。クライアントは行頭の「.」を「..」にして送り、サーバは 1 つ取り除いて保存するので、本文は元どおりに届きます（ドット・スタッフィング、RFC 5321 §4.5.2）。',
        en: 'Many think a line holding only "." would cut the message short. The client doubles a leading dot and the server removes one before storing, so the text arrives unchanged (dot-stuffing, RFC 5321 §4.5.2).',
      },
      exam: {
        ja: 'メールデータの終わりを示す「.」（CRLF . CRLF）です。元記事のシーケンスの End Of Message にあたります。',
        en: 'The "." that ends the message data (CRLF . CRLF): the End Of Message step in the article\'s sequence.',
      },
    },
  ],

  'smtp-pipelining': [
    {
      at: '^MAIL FROM',
      ask: {
        ja: '次へ進む前に聞きます。4 つのコマンドへの応答は、いくつ、どの順番で返るでしょう。',
        en: 'Before Next: how many replies will the four commands get, and in what order?',
      },
      misconception: {
        ja: 'まとめて送れば、応答もまとめて 1 つになる、と思われがちです。応答はコマンドごとに 1 つずつ、送った順番に返るので、どの応答がどのコマンドへの答えかが分かります（RFC 2920 §3）。',
        en: 'Many think commands sent together get one combined reply. Each command still gets its own reply, in the order sent, so every reply can be matched to its command (RFC 2920 §3).',
      },
      exam: {
        ja: 'ESMTP の拡張機能です。EHLO の応答に載った機能だけを使える、という考え方を確かめます。',
        en: 'ESMTP extensions: a client uses only what the EHLO reply lists.',
      },
    },
    {
      at: '^250-',
      ask: {
        ja: 'この一覧に PIPELINING がなかったら、クライアントはどう送るでしょう。本文もまとめて送れるでしょうか。',
        en: 'Had this list lacked PIPELINING, how would the client send? Could the message text go in the batch too?',
      },
      misconception: {
        ja: 'まとめ送りはいつでもでき、本文も一緒に送れる、と思われがちです。EHLO の応答に PIPELINING があるときだけ許され、DATA はまとまりの最後に置きます。本文は 354 を確かめてから送ります（RFC 2920 §3.1）。',
        en: 'Many think batching is always allowed and can include the text. It is allowed only when the EHLO reply lists PIPELINING; DATA must end the batch, and the text follows only after the 354 has been seen (RFC 2920 §3.1).',
      },
      exam: {
        ja: 'R1秋NW午前Ⅱ問9。PIPELINING のような拡張機能は、EHLO で始めたセッションでしか使えません。',
        en: 'R1秋NW午前Ⅱ問9: extensions such as PIPELINING exist only in a session opened with EHLO.',
      },
    },
    {
      ask: {
        ja: '往復遅延（RTT）が 100 ミリ秒のとき、PIPELINING で何ミリ秒短くなるでしょう。',
        en: 'With a round-trip time of 100 ms, how much time does PIPELINING save here?',
      },
      misconception: {
        ja: 'PIPELINING で回線の帯域が増える、と思われがちです。送るデータの量は同じで、減るのは応答を待つ往復の回数です。このレッスンでは 4 往復が 1 往復になるので、300 ミリ秒短くなります。',
        en: 'Many think PIPELINING adds bandwidth. The data is the same; what shrinks is the number of round trips spent waiting. Here four round trips become one, saving 300 ms.',
      },
      exam: {
        ja: '往復遅延と応答待ちの時間の計算です。ネットワークスペシャリストの計算問題と同じ考え方です。',
        en: 'Round-trip delay and waiting time: the same reasoning as the calculation questions of the Network Specialist exam.',
      },
    },
  ],

  'pop3-basic': [
    {
      at: '^PASS ',
      ask: {
        ja: 'このパスワードは盗聴者に見えるでしょうか。メールソフトは、この行を 1 日に何回くらい送るでしょう。',
        en: 'Can an eavesdropper see this password? How often a day does a mail program send this line?',
      },
      misconception: {
        ja: 'パスワードだけはメールソフトが自動で暗号化している、と思われがちです。110 番の USER と PASS は平文で、盗聴者にはパスワードがそのまま見えます。新着を確かめるたびに送るので、盗聴の機会も多くなります。',
        en: 'Many assume the mail program encrypts at least the password. On port 110, USER and PASS travel in plaintext, and an eavesdropper reads the password as it is; it is sent at every check for new mail, so the chances add up.',
      },
      exam: {
        ja: '平文のパスワードとその対策（APOP、POP3S）です。情報処理安全確保支援士で扱われる論点です。',
        en: 'Plaintext passwords and the remedies (APOP, POP3S): a topic of the Information Security exam.',
      },
    },
    {
      at: '^RETR 1$',
      ask: {
        ja: '次へ進む前に聞きます。RETR で届くのはメールのどこまででしょう。件名だけを見てから取り出すかどうかを決められるでしょうか。',
        en: 'Before Next: how much of the message does RETR bring? Could the client look at the subject first and then decide?',
      },
      misconception: {
        ja: 'POP3 でもサーバ上のメールを検索したり、送信したりできる、と思われがちです。POP3 はメールボックスからメールを取り出すためのもので、RETR はメール全体を送ります。送信は SMTP の役目で、サーバ上の検索は IMAP の機能です。',
        en: "Many think POP3 can also search mail on the server, or send mail. POP3 takes mail out of the mailbox, and RETR sends the whole message; sending is SMTP's job, and searching on the server is an IMAP feature.",
      },
      exam: {
        ja: 'H20秋FE午前問50。POP3 は、メールサーバのメールボックスからメールを取り出すときに使うプロトコルです。',
        en: 'H20秋FE午前問50: POP3 is the protocol used to take mail out of the mailbox on the mail server.',
      },
    },
    {
      at: '^DELE 1$',
      ask: {
        ja: '次へ進む前に聞きます。DELE に +OK が返った時点で、メールはサーバから消えているでしょうか。',
        en: 'Before Next: once DELE gets +OK, is the message gone from the server?',
      },
      misconception: {
        ja: 'DELE を送るとすぐにメールが消える、と思われがちです。DELE は削除の印を付けるだけで、実際に消えるのは QUIT の後の UPDATE 状態です。QUIT の前に接続が切れれば、メールはサーバに残ります（RFC 1939 §6）。',
        en: 'Many think DELE removes the message at once. DELE only marks it; removal happens in the UPDATE state after QUIT, and if the connection drops before QUIT the message stays on the server (RFC 1939 §6).',
      },
      exam: {
        ja: 'H23NW午後Ⅱ問2。受信したメールをサーバから消すので、同じアカウントを使う別の PC では同じメールを読めなくなります。',
        en: 'H23NW午後Ⅱ問2: because downloaded mail is removed from the server, another PC on the same account can no longer read it.',
      },
    },
  ],

  'pop3-apop': [
    {
      at: String.raw`^\+OK .*<[^>]+>$`,
      ask: {
        ja: 'あいさつの末尾の <…> は何に使われるでしょう。接続のたびに同じ値でしょうか。',
        en: 'What is the <...> at the end of the greeting for? Is it the same on every connection?',
      },
      misconception: {
        ja: 'この値はサーバの時刻を知らせるだけのもの、と思われがちです。これはチャレンジで、クライアントはこの値とパスワードからダイジェストを計算します。接続のたびに変わるので、盗聴したダイジェストを次の接続で使い回しても認証は通りません（RFC 1939 §7）。',
        en: "Many read this value as the server's clock and nothing more. It is the challenge: the client computes a digest from it and the password. It changes with every connection, so a captured digest fails when replayed later (RFC 1939 §7).",
      },
      exam: {
        ja: 'チャレンジレスポンス方式の認証と、リプレイ攻撃への対策です。',
        en: 'Challenge-response authentication, and how it defeats replay attacks.',
      },
    },
    {
      at: '^APOP ',
      ask: {
        ja: 'この行から、盗聴者はパスワードを知ることができるでしょうか。時間をかければどうでしょう。',
        en: 'Can an eavesdropper learn the password from this line? And given time?',
      },
      misconception: {
        ja: '「パスワードを暗号化して送る方式」と覚えている人が多いです。実際に送るのは、チャレンジとパスワードから計算した MD5 のダイジェスト（ハッシュ値）で、パスワードそのものは流れません。ただし MD5 は弱く、盗聴した組から辞書攻撃でパスワードを推測されるおそれがあります。',
        en: 'Many remember this method as "sending the password encrypted". What is sent is an MD5 digest (a hash) of the challenge and the password; the password itself never crosses the wire. But MD5 is weak: from a captured pair, an attacker can guess the password with a dictionary attack.',
      },
      exam: {
        ja: 'APOP の仕組みと弱点（MD5）、そして POP3S への移行です。情報処理安全確保支援士で扱われる論点です。',
        en: 'How APOP works, its weakness (MD5), and the move to POP3S: a topic of the Information Security exam.',
      },
    },
    {
      at: '^RETR 1$',
      ask: {
        ja: '次へ進む前に聞きます。APOP でログインした後、この RETR で届くメールの本文は、盗聴者に読めるでしょうか。',
        en: 'Before Next: after an APOP login, can an eavesdropper read the message this RETR brings?',
      },
      misconception: {
        ja: 'APOP を使えばメールも守られる、と思われがちです。APOP が守るのはログインのときのパスワードだけで、メールの件名も本文も平文のまま流れます。メール全体を守るには、POP3S（995 番）を使います。',
        en: 'Many think APOP protects the mail too. It protects only the password at login; the subject and text of each message still cross the wire in plaintext. To protect everything, use POP3S (port 995).',
      },
      exam: {
        ja: 'ログインのパスワードだけを守る方式（APOP）と、TLS で通信全体を守る方式（POP3S・IMAPS）の違いです。',
        en: 'A method that protects only the login password (APOP) versus TLS around the whole connection (POP3S, IMAPS).',
      },
    },
  ],

  pop3s: [
    {
      at: '^ClientHello',
      ask: {
        ja: '次へ進む前に聞きます。POP3 の +OK のあいさつより先に、何が流れるでしょう。',
        en: 'Before Next: what crosses the wire before the POP3 +OK greeting?',
      },
      misconception: {
        ja: 'POP3S は POP3 とは別のコマンドを使うプロトコルだ、と思われがちです。コマンドは 110 番と同じ USER・PASS・RETR で、違いは TCP の接続の直後から全体が TLS に包まれることだけです（RFC 8314 §3.1）。',
        en: 'Many think POP3S is a protocol with its own commands. The commands are those of port 110, USER, PASS and RETR; the only difference is that everything is wrapped in TLS right after the TCP connection opens (RFC 8314 §3.1).',
      },
      exam: {
        ja: 'H21NW午後Ⅰ問2。ポート番号 995 を使うプロトコル（POP3S）の名前が問われました。',
        en: 'H21NW午後Ⅰ問2: it asks for the name of the protocol on port 995, POP3S.',
      },
    },
    {
      at: '^PASS ',
      ask: {
        ja: 'この行を盗聴者が見たら、何が分かるでしょう。何も分からないでしょうか。',
        en: 'What does an eavesdropper learn from this line? Nothing at all?',
      },
      misconception: {
        ja: '暗号化されていれば、盗聴者には何も分からない、と思われがちです。中身は読めませんが、宛先の IP アドレスとポート番号（995）、ClientHello のサーバ名、レコードの長さと時刻は見えます。',
        en: "Many think encryption leaves an eavesdropper with nothing. The content is hidden, but the server's address and port (995), the server name in the ClientHello, and the lengths and timing of records are still visible.",
      },
      exam: {
        ja: 'TLS で守られるものと守られないものの区別です。',
        en: 'What TLS protects, and what it leaves visible.',
      },
    },
    {
      ask: {
        ja: '110 番で STLS を使って途中から暗号化する方法と、995 番で最初から暗号化する方法は、どちらが勧められているでしょう。',
        en: 'Which is recommended: switching to TLS part-way on port 110 with STLS, or TLS from the start on port 995?',
      },
      misconception: {
        ja: 'POP3S を使えば、メールはサーバの中でも暗号化されている、と思われがちです。守られるのは PC とサーバの間の経路だけで、サーバと PC の中ではメールは平文です。RFC 8314 は、途中から切り替える方法より、最初から暗号化する 995 番を勧めています。',
        en: 'Many think POP3S keeps mail encrypted on the server too. Only the path between PC and server is protected; on the server and on the PC the message is plaintext. RFC 8314 recommends TLS from the start on port 995 over switching part-way.',
      },
      exam: {
        ja: '受信のポート番号です（110 POP3、995 POP3S、143 IMAP、993 IMAPS）。',
        en: 'Port numbers for fetching mail: 110 POP3, 995 POP3S, 143 IMAP, 993 IMAPS.',
      },
    },
  ],

  'imap-basic': [
    {
      at: String.raw`^a4 FETCH 1:\*`,
      ask: {
        ja: '次へ進む前に聞きます。この FETCH で、メールの本文は届くでしょうか。メールソフトは一覧画面をどう作るでしょう。',
        en: 'Before Next: will this FETCH bring any message text? How does the mail program build its message list?',
      },
      misconception: {
        ja: 'IMAP でも、まずメールを全部ダウンロードしてから一覧を作る、と思われがちです。ENVELOPE は日付・件名・差出人などだけで、本文は送られません。メールはサーバに置いたまま、必要な部分だけを取り出します（RFC 9051 §6.4.5）。',
        en: 'Many think IMAP, too, downloads every message before showing the list. ENVELOPE carries only the date, subject, sender and so on, no body; mail stays on the server and only the parts needed are fetched (RFC 9051 §6.4.5).',
      },
      exam: {
        ja: 'H19NW午前問35。IMAP4 はメールをサーバ上のメールボックスで管理するので、差出人や件名を確かめてから取り出すかどうかを決められます。',
        en: 'H19NW午前問35: IMAP4 keeps mail in a mailbox on the server, so the user can check sender and subject before deciding to fetch a message.',
      },
    },
    {
      at: String.raw`^a5 FETCH 1 BODY\.PEEK`,
      ask: {
        ja: '次へ進む前に聞きます。この FETCH の後、このメールは既読になるでしょうか。',
        en: 'Before Next: will this message count as read after this FETCH?',
      },
      misconception: {
        ja: 'ヘッダを取り出しただけでも既読になる、と思われがちです。BODY.PEEK はのぞき見で、既読フラグ（\\Seen）を付けません。選んだ 1 通の、指定したヘッダだけを取り出せます（RFC 9051 §6.4.5）。',
        en: 'Many think fetching even the header marks a message as read. BODY.PEEK only peeks and does not set the seen flag (\\Seen); it fetches just the named header fields of the one message chosen (RFC 9051 §6.4.5).',
      },
      exam: {
        ja: 'H18SV午前問16。選んだメールだけを取り出す機能、サーバ上で検索する機能、ヘッダだけを取り出す機能をもつ受信プロトコル（IMAP4）が問われました。',
        en: 'H18SV午前問16: the fetching protocol that can fetch only chosen messages, search on the server and fetch only the header: IMAP4.',
      },
    },
    {
      at: String.raw`^a6 FETCH 1 BODY\[TEXT\]`,
      ask: {
        ja: '次へ進む前に聞きます。.PEEK を付けずに本文を読みました。自宅の PC で同じアカウントを開くと、このメールはどう表示されるでしょう。',
        en: 'Before Next: the text is read without .PEEK. How will this message look when the same account is opened on the home PC?',
      },
      misconception: {
        ja: '読んだかどうかは、それぞれの PC のメールソフトが覚えている、と思われがちです。IMAP では既読フラグ（\\Seen）がサーバ上のメールに付くので、どの PC から見ても既読です（RFC 9051 §2.3.2）。',
        en: "Many think each PC's mail program remembers what was read. With IMAP the seen flag (\\Seen) is set on the message on the server, so it shows as read from every PC (RFC 9051 §2.3.2).",
      },
      exam: {
        ja: 'H25春IP問84。未読・既読やフォルダの振り分けが、会社や自宅のどの PC からも同じに見えるのが IMAP4 です。',
        en: 'H25春IP問84: with IMAP4, read state and folder sorting look the same from every PC, at the office or at home.',
      },
    },
  ],

  imaps: [
    {
      at: '^ClientHello',
      ask: {
        ja: '次へ進む前に聞きます。IMAP のあいさつ（* OK）は、TLS の前に来るでしょうか、後に来るでしょうか。あいさつの一覧に STARTTLS がないのはなぜでしょう。',
        en: 'Before Next: does the IMAP greeting (* OK) come before or after TLS? Why will its list lack STARTTLS?',
      },
      misconception: {
        ja: 'IMAPS は IMAP4 とは別のプロトコルだ、と思われがちです。IMAPS は、993 番で接続の直後から IMAP を TLS で包んだものです（RFC 8314 §3.2）。コマンドは 143 番と同じで、もう暗号化されているので STARTTLS は要りません。',
        en: 'Many think IMAPS is a protocol apart from IMAP4. It is IMAP wrapped in TLS from the moment of connection, on port 993 (RFC 8314 §3.2); the commands are those of port 143, and STARTTLS is not needed because the connection is already encrypted.',
      },
      exam: {
        ja: 'メールのポート番号（143 IMAP、993 IMAPS、110 POP3、995 POP3S）です。',
        en: 'Mail port numbers: 143 IMAP, 993 IMAPS, 110 POP3, 995 POP3S.',
      },
    },
    {
      at: '^a1 LOGIN',
      ask: {
        ja: 'この LOGIN の行は、143 番のときと比べて何が違うでしょう。',
        en: 'How does this LOGIN line differ from the one on port 143?',
      },
      misconception: {
        ja: 'IMAPS ではパスワードを別の方式で送る、と思われがちです。行はまったく同じで、パスワードもそのまま書かれています。違いは、この行が TLS のレコードに包まれて流れることだけです。',
        en: 'Many think IMAPS sends the password in some other way. The line is exactly the same, password included; the only difference is that it travels wrapped in a TLS record.',
      },
      exam: {
        ja: '平文のパスワードを流さないための対策（IMAPS・POP3S、または STARTTLS）です。',
        en: 'Keeping passwords off the wire in plaintext: IMAPS and POP3S, or STARTTLS.',
      },
    },
    {
      ask: {
        ja: 'POP3 ではできず、IMAP ではできることは何でしょう。たとえば、手元の PC のメールを新しいサーバへ移すにはどうするでしょう。',
        en: 'What can IMAP do that POP3 cannot? For example, how would you move the mail on a PC to a new server?',
      },
      misconception: {
        ja: 'IMAP もメールを受け取るだけのプロトコルだ、と思われがちです。IMAP には APPEND があり、メールをサーバのメールボックスへ保存できます（RFC 9051 §6.3.12）。フォルダの振り分けを保ったままメールを移せるので、移行によく使われます。',
        en: 'Many think IMAP, like POP3, only fetches. IMAP has APPEND, which stores a message into a mailbox on the server (RFC 9051 §6.3.12); mail can be moved with its folders intact, which is why migrations often use it.',
      },
      exam: {
        ja: 'H21NW午後Ⅰ問2。元記事によれば、この問題では IMAP や IMAPS を使ったメールの移行が扱われ、995 番ポートのプロトコル名も問われました。',
        en: 'H21NW午後Ⅰ問2: according to the article, it covers moving mail with IMAP or IMAPS, and also asks for the protocol on port 995.',
      },
    },
  ],

  'pop3-vs-imap': [
    {
      at: String.raw`^\+OK 1 `,
      ask: {
        ja: 'PC2 には 1 通しか見えません。もう 1 通は、いまどこにあるでしょう。',
        en: 'PC2 sees only one message. Where is the other one now?',
      },
      misconception: {
        ja: 'POP3 では、同じアカウントを複数の PC で使えない、と思われがちです。使うことはできますが、先に受信して削除した PC にしかメールが残りません。そのため、ほかの PC では同じメールを読めなくなります。',
        en: 'Many think POP3 cannot serve one account on several PCs. It can, but a message stays only on the PC that fetched and deleted it first, so the other PCs cannot read it.',
      },
      exam: {
        ja: 'H23NW午後Ⅱ問2。複数の PC で同じメールアカウントを使うとき、POP3 で起きる問題が問われました。',
        en: 'H23NW午後Ⅱ問2: the problem POP3 causes when several PCs use the same mail account.',
      },
    },
    {
      at: '^b3 FETCH 1 FLAGS',
      ask: {
        ja: '次へ進む前に聞きます。PC2 はこのメールを一度も開いていません。FLAGS に既読フラグ（\\Seen）は付いているでしょうか。',
        en: 'Before Next: PC2 has never opened this message. Will its FLAGS include the seen flag (\\Seen)?',
      },
      misconception: {
        ja: '既読かどうかは、メールを開いた PC の中に記録される、と思われがちです。IMAP では既読フラグがサーバ上のメールに付くので、PC1 で読んだ結果が PC2 にもそのまま見えます（RFC 9051 §2.3.2）。',
        en: 'Many think the read mark is stored on the PC that opened the message. With IMAP the seen flag belongs to the message on the server, so what PC1 read shows as read on PC2 as well (RFC 9051 §2.3.2).',
      },
      exam: {
        ja: 'H25春IP問84。未読・既読やフォルダの振り分けが、どの PC からも同じに見えるメールプロトコルとして IMAP4 が問われました。',
        en: 'H25春IP問84: IMAP4 as the mail protocol with which read state and folder sorting look the same from every PC.',
      },
    },
    {
      ask: {
        ja: 'POP3 でも「サーバにメールを残す」設定にすれば、IMAP と同じになるでしょうか。',
        en: 'With "leave mail on the server" set, does POP3 become the same as IMAP?',
      },
      misconception: {
        ja: 'サーバにメールを残せば、POP3 でも IMAP と同じになる、と思われがちです。どの PC からも受信はできますが、既読・削除・フォルダの状態はそれぞれの PC の中にしかなく、そろいません。',
        en: 'Many think that leaving mail on the server makes POP3 work like IMAP. Every PC can then download the mail, but read state, deletions and folders live on each PC separately and never match.',
      },
      exam: {
        ja: 'POP3 と IMAP4 の違い（メールを PC に取り込むか、サーバ上で管理するか）です。基本情報やIT パスポートから、ネットワークスペシャリストまで共通の論点です。',
        en: 'POP3 versus IMAP4 (download the mail to the PC, or manage it on the server): a topic shared by every exam level, from IT Passport to Network Specialist.',
      },
    },
  ],
  'imap-search-move': [
    {
      at: String.raw`^\* SEARCH`,
      ask: {
        ja: '検索のために、PC は受信箱のメールを何通ダウンロードしたでしょうか。',
        en: 'How many messages did the PC download to run this search?',
      },
      misconception: {
        ja: 'メールの検索はメールソフトが手元で行うもの、と思われがちです。IMAP では条件だけを送り、サーバが探して番号だけを返すので、本文は 1 通も流れません（RFC 9051 §6.4.4）。',
        en: 'Many think the mail program searches locally. With IMAP only the criteria go out; the server searches and returns numbers, and not one body crosses the network (RFC 9051 §6.4.4).',
      },
      exam: {
        ja: 'IMAP4 の特徴（サーバ上でのメールの検索・フォルダ管理）。POP3 との違いとして、どの試験区分でも問われる論点です。',
        en: 'What IMAP4 offers (searching and filing on the server), asked at every exam level as the difference from POP3.',
      },
    },
    {
      at: '^b2 LIST',
      ask: {
        ja: 'スマートフォンは Projects フォルダを一度も作っていません。一覧に出てくるでしょうか。',
        en: 'The phone never created the Projects folder. Will it appear in the list?',
      },
      misconception: {
        ja: 'フォルダ分けは整理した PC の中だけのこと、と思われがちです。IMAP のフォルダはサーバにあるので、どの端末から見ても同じです。',
        en: 'Many think folders exist only on the PC that sorted the mail. IMAP folders live on the server, so every device sees the same ones.',
      },
      exam: {
        ja: '複数の端末で同じメールを扱うときのプロトコルの選び方（IMAP4）。',
        en: 'Choosing the protocol for one mailbox on several devices (IMAP4).',
      },
    },
  ],
  'mail-journey': [
    {
      at: String.raw`^MX\?`,
      ask: {
        ja: '送信側のサーバは、宛先のサーバのアドレスをどうやって知るのでしょうか。',
        en: "How does the sending server learn where the recipient's server is?",
      },
      misconception: {
        ja: 'メールの宛先サーバは、アドレスの @ の後ろのホストに直接つなぐ、と思われがちです。実際は DNS の MX レコードで受信サーバを調べ、その A レコードでアドレスを得ます（RFC 5321 §5.1）。',
        en: 'Many think mail goes straight to the host named after the @. In fact the sender looks up the MX records to find the receiving server, then its A record for the address (RFC 5321 §5.1).',
      },
      exam: {
        ja: 'DNS の MX レコードの役割と、プリファレンス値の意味。',
        en: 'What the DNS MX record does, and what its preference value means.',
      },
    },
    {
      at: '^Authentication-Results|^From: Alice',
      ask: {
        ja: 'この Received: 行を、上から読むと新しい順、古い順のどちらでしょうか。',
        en: 'Reading these Received: lines from the top, do they go from newest to oldest or the other way?',
      },
      misconception: {
        ja: 'ヘッダは経路の順に上から並ぶ、と思われがちです。各サーバは自分の Received: を先頭に付け足すので、いちばん上が最後に通ったサーバです（RFC 5321 §4.4）。',
        en: 'Many think the headers list the route from the top down. Each server adds its Received: at the top, so the first one is the last hop (RFC 5321 §4.4).',
      },
      exam: {
        ja: 'Received: ヘッダから配送経路を読み取る問題。送信ドメイン認証（SPF、DKIM、DMARC）の仕組み。',
        en: 'Reading a delivery route from Received: headers; how sender domain authentication (SPF, DKIM, DMARC) works.',
      },
    },
  ],
  'dmarc-mailing-list': [
    {
      at: '^--$|^Received: from mail',
      ask: {
        ja: 'リストが足したのは本文の 2 行だけです。それでも DKIM の検証は通るでしょうか。',
        en: 'The list added only two lines to the body. Will the DKIM check still pass?',
      },
      misconception: {
        ja: 'DKIM はヘッダだけに署名する、と思われがちです。bh= で本文全体のハッシュも署名に含めるので、本文を少しでも書き換えると検証に失敗します（RFC 6376 §3.7）。',
        en: 'Many think DKIM signs only headers. The body hash (bh=) is part of the signature, so any change to the body makes the check fail (RFC 6376 §3.7).',
      },
      exam: {
        ja: 'DKIM の仕組み（署名と公開鍵の DNS での公開）と、転送で検証が失敗する理由。',
        en: 'How DKIM works (a signature, the public key published in DNS) and why forwarding can break it.',
      },
    },
    {
      at: String.raw`^550 5\.7\.1`,
      ask: {
        ja: 'SPF と DKIM の両方が失敗しました。どちらか一方だけが成功していたら、DMARC の結果は変わったでしょうか。',
        en: 'Both SPF and DKIM failed. Had just one of them passed, would DMARC have decided differently?',
      },
      misconception: {
        ja: 'DMARC は SPF と DKIM の両方の成功を求める、と思われがちです。どちらか一方が成功し、そのドメインが From: のドメインと一致（アライメント）すれば pass です（RFC 7489 §4.2）。',
        en: 'Many think DMARC needs both SPF and DKIM to pass. One pass is enough, if its domain aligns with the From: domain (RFC 7489 §4.2).',
      },
      exam: {
        ja: 'DMARC のポリシー（none、quarantine、reject）とアライメント。',
        en: 'DMARC policies (none, quarantine, reject) and alignment.',
      },
    },
  ],
  op25b: [
    {
      at: 'SYN',
      ask: {
        ja: 'サーバはこの SYN に RST を返して拒否したでしょうか。',
        en: 'Did the server refuse this SYN with an RST?',
      },
      misconception: {
        ja: 'OP25B は宛先のサーバが拒否するもの、と思われがちです。止めるのは送信者側の ISP の出口で、SYN はサーバまで届かないので、応答は何も返りません。',
        en: "Many think OP25B is the destination server refusing. It is the sender's own ISP that drops the SYN at its edge; nothing reaches the server, so nothing answers.",
      },
      exam: {
        ja: 'OP25B と、サブミッションポート（587 番）+ SMTP-AUTH の組み合わせによる迷惑メール対策。',
        en: 'OP25B, together with the submission port (587) and SMTP-AUTH, as an anti-spam measure.',
      },
    },
    {
      at: String.raw`^EHLO smtp\.isp`,
      ask: {
        ja: 'ISP のメールサーバの 25 番ポート宛て通信は、なぜ出口で止められないのでしょうか。',
        en: "Why does the edge not stop the ISP mail server's own port-25 traffic?",
      },
      misconception: {
        ja: 'OP25B では 25 番ポートの通信がすべて止まる、と思われがちです。止まるのは動的 IP アドレスの利用者から外部への通信だけで、ISP が管理するメールサーバからの中継は通ります。',
        en: "Many think OP25B stops all port-25 traffic. Only traffic from dynamic customer addresses to the outside is dropped; relaying by the ISP's own mail server goes through.",
      },
      exam: {
        ja: 'OP25B の対象になる通信と、ならない通信の区別。',
        en: 'Which traffic OP25B blocks and which it does not.',
      },
    },
  ],
  'open-relay': [
    {
      at: String.raw`^250 2\.1\.5`,
      ask: {
        ja: '送信者も宛先も、このサーバのドメインではありません。それでも受け付けることの何が問題でしょうか。',
        en: 'Neither the sender nor the recipient belongs to this server. What is wrong with accepting it?',
      },
      misconception: {
        ja: '中継しても自分の利用者には害がない、と思われがちです。迷惑メールの送信元として自分のサーバのアドレスがブラックリストに載り、正規のメールまで届かなくなります。',
        en: "Many think relaying harms nobody of their own. The server's address ends up on blacklists as a spam source, and its legitimate mail stops being delivered.",
      },
      exam: {
        ja: '第三者中継（オープンリレー）の危険と、中継を許可する条件（mynetworks、SMTP-AUTH）。',
        en: 'The danger of open relaying, and the conditions for allowing relay (mynetworks, SMTP-AUTH).',
      },
    },
    {
      at: 'Relay access denied',
      ask: {
        ja: '同じ送信者でも、このサーバが受け付ける宛先はあるでしょうか。',
        en: 'Is there any recipient this server will still accept from the same sender?',
      },
      misconception: {
        ja: '中継を拒否するサーバは外部からのメールを一切受けない、と思われがちです。自分のドメイン宛てなら誰からでも受け取ります。それが MX の仕事です。',
        en: 'Many think a server that refuses relaying takes no mail from outside. It takes mail for its own domain from anyone: that is what an MX is for.',
      },
      exam: {
        ja: '第三者中継の防止設定（外部から外部への中継だけを拒否する）。',
        en: 'Preventing open relaying: refusing only outside-to-outside relay.',
      },
    },
  ],
} as const satisfies Readonly<Record<LessonId, readonly TeacherTip[]>>

const byLesson: Readonly<Partial<Record<string, readonly TeacherTip[]>>> = TEACHER_TIPS

/** The tips of a lesson; [] for an id without any (the sandbox, an imported transcript). */
export function tipsFor(lessonId: string): readonly TeacherTip[] {
  return Object.hasOwn(byLesson, lessonId) ? (byLesson[lessonId] ?? []) : []
}
