// Exam drills: one short question per past exam question the article cites, in our own words.
// `source` names the original so the learner can look it up; `link` points at the lesson step that answers it.
// checkDrill and drillStepNumber are what the drills page (src/ui/drills/DrillsPage.tsx) runs, so the tests
// check the page's own logic.
import type { Step } from '../model'
import { wireLabel } from '../model/label'
import type { Caption } from './types'

interface DrillLink {
  readonly scenario: string // a lesson id that exists
  /** The step that answers it: the first step whose arrow text matches `text` (a RegExp source),
   *  optionally only steps sent by `from` ('client' or a server/actor id). */
  readonly text: string
  readonly from?: string
}

interface DrillChoice {
  readonly id: string
  readonly text: Caption
}

export interface Drill {
  readonly id: string // e.g. 'r1a-nw-am2-q9' (ascii, unique)
  readonly source: string // e.g. 'R1秋NW午前Ⅱ問9', exactly as the article writes it
  readonly question: Caption
  readonly choices: readonly DrillChoice[]
  readonly answer: string // id of the correct choice
  readonly explanation: Caption
  readonly link: DrillLink
}

// Ids: era+year, a = 秋 (autumn), s = 春 (spring), then exam, part and question number.
export const DRILLS: readonly Drill[] = [
  {
    id: 'r1a-nw-am2-q9',
    source: 'R1秋NW午前Ⅱ問9',
    question: {
      ja: 'SMTP（拡張SMTPを含む）で、サーバの220応答を受けたクライアントが、セッションの始まりとして最初に送るコマンドはどれですか。',
      en: 'In SMTP (ESMTP included), which command does the client send first, to open the session, once the server has greeted it with 220?',
    },
    choices: [
      { id: 'a', text: { ja: 'DATAコマンド', en: 'DATA' } },
      { id: 'b', text: { ja: 'EHLOコマンド', en: 'EHLO' } },
      { id: 'c', text: { ja: 'MAILコマンド', en: 'MAIL' } },
      { id: 'd', text: { ja: 'RCPTコマンド', en: 'RCPT' } },
    ],
    answer: 'b',
    explanation: {
      ja: 'EHLOは、クライアントが自分のホスト名を名乗ってセッションを始めるコマンドです（RFC 5321 §4.1.1.1）。サーバは250の複数行応答で、STARTTLSやAUTHなど対応する拡張機能を知らせます。MAIL・RCPT・DATAはその後のメールトランザクションで使うコマンドで、EHLOを知らない古いサーバが500や502を返したときは、クライアントはHELOで始め直します。',
      en: 'EHLO opens the session: the client gives its host name (RFC 5321 §4.1.1.1), and the server answers with a multi-line 250 that lists the extensions it supports, such as STARTTLS and AUTH. MAIL, RCPT and DATA come later, in the mail transaction. An old server that does not know EHLO answers 500 or 502, and the client starts again with HELO.',
    },
    link: { scenario: 'smtp-ehlo', text: '^EHLO ', from: 'client' },
  },
  {
    id: 'h29a-nw-am2-q9',
    source: 'H29秋NW午前Ⅱ問9',
    question: {
      ja: 'SMTP（拡張SMTPを含む）のやり取りについて、正しいものはどれですか。',
      en: 'Which statement about an SMTP exchange (ESMTP included) is right?',
    },
    choices: [
      {
        id: 'a',
        text: {
          ja: 'EHLOを送ったクライアントは、250の複数行の応答から、そのサーバで使える拡張機能（STARTTLSやAUTHなど）を知る',
          en: 'A client that sends EHLO learns from the multi-line 250 which extensions (STARTTLS, AUTH and so on) that server offers',
        },
      },
      {
        id: 'b',
        text: {
          ja: '宛先が3人なら、1行のRCPT TOに3つのアドレスをカンマで区切って並べる',
          en: 'For three recipients, one RCPT TO line lists the three addresses separated by commas',
        },
      },
      {
        id: 'c',
        text: {
          ja: '拡張機能の一覧は、HELOを送っても同じ形で返ってくる',
          en: 'HELO gets the same list of extensions back',
        },
      },
      {
        id: 'd',
        text: {
          ja: 'MAIL FROMで伝えた送信者のアドレスは、受信者のメールソフトにFrom:としてそのまま表示される',
          en: "The sender address given in MAIL FROM is what the recipient's mail program shows as From:",
        },
      },
    ],
    answer: 'a',
    explanation: {
      ja: 'EHLOへの250は複数行で、2行目から1行に1つずつ拡張機能が並びます（RFC 5321 §4.1.1.1）。HELOへの250は1行だけで、拡張機能は知らされません。宛先は1つのRCPT TOに1つで、複数なら宛先の数だけRCPT TOを繰り返し、サーバも1つずつ答えます（RFC 5321 §4.1.1.3）。画面に出るFrom:はヘッダに書かれたもので、MAIL FROMとは別物です。',
      en: 'The 250 to EHLO runs over several lines, one extension per line after the first (RFC 5321 §4.1.1.1); the 250 to HELO is a single line and names no extension. Each RCPT TO names one recipient: several recipients take as many RCPT TO lines, each answered on its own (RFC 5321 §4.1.1.3). The From: a mail program shows comes from the header, not from MAIL FROM.',
    },
    link: { scenario: 'smtp-ehlo', text: '^250-', from: 'server' },
  },
  {
    id: 'h18a-nw-pm1-q4',
    source: 'H18秋NW午後Ⅰ問4',
    question: {
      ja: 'メールサーバが、外部から届く迷惑メールをSMTPの応答コードで受信拒否します。送信側のサーバに同じメールを再送させないためには、どの応答コードで拒否しますか。',
      en: 'A mail server refuses incoming spam with an SMTP reply code. Which reply class keeps the sending server from trying the same message again?',
    },
    choices: [
      { id: 'a', text: { ja: '400番台（一時的なエラー）', en: '4xx (transient failure)' } },
      { id: 'b', text: { ja: '300番台（続きのデータを要求）', en: '3xx (send more data)' } },
      { id: 'c', text: { ja: '500番台（永久的なエラー）', en: '5xx (permanent failure)' } },
      { id: 'd', text: { ja: '200番台（成功）', en: '2xx (success)' } },
    ],
    answer: 'c',
    explanation: {
      ja: '400番台は一時的なエラーで、受けた送信側はメールを手元に残し、時間をおいて再送します（RFC 5321 §4.2.1、§4.5.4.1）。500番台は永久的なエラーで、送信側は同じ要求を繰り返さず、差出人にエラー通知（バウンスメール）を返します。このレッスンでは、存在しない宛先に550 5.1.1が返り、送信側のサーバが差出人へエラー通知を送ります。',
      en: 'A 4xx reply is a transient failure: the sender keeps the message and tries again later (RFC 5321 §4.2.1, §4.5.4.1). A 5xx reply is a permanent failure: the sender does not repeat the request and returns a bounce (a delivery status notification) to the originator instead. In this lesson an unknown recipient gets 550 5.1.1, and the sending server mails the bounce back to its sender.',
    },
    link: { scenario: 'smtp-permanent-failure', text: String.raw`^550 5\.1\.1 `, from: 'server' },
  },
  {
    id: 'h20-sv-q1',
    source: 'H20SV問1',
    question: {
      ja: '社内PCのメールソフトはSMTP-AUTHに対応していません。メールソフトに新しい機能を求めずに、利用者を確かめてから外部宛のメールを中継したいとき、メールサーバに導入する方式はどれですか。',
      en: 'The mail programs on the office PCs do not support SMTP AUTH. Which method, added on the mail server, checks the user before relaying mail to outside addresses without asking anything new of the mail programs?',
    },
    choices: [
      {
        id: 'a',
        text: {
          ja: 'SMTP-AUTH:サブミッションポート（587番）で、メールソフトがユーザIDとパスワードを送って認証を受ける',
          en: 'SMTP AUTH: on the submission port (587), the mail program sends a user ID and password to be authenticated',
        },
      },
      {
        id: 'b',
        text: {
          ja: 'POP before SMTP:POP3のログインに成功した送信元IPアドレスから、一定時間だけSMTPの中継を受け付ける',
          en: 'POP before SMTP: for a few minutes, relay SMTP mail from an IP address that has just logged in with POP3',
        },
      },
      {
        id: 'c',
        text: {
          ja: 'SMTPS:465番ポートで接続直後にTLSを始め、メールソフトとサーバの間の通信を暗号化する',
          en: 'SMTPS: start TLS right after connecting on port 465, encrypting the traffic between the mail program and the server',
        },
      },
    ],
    answer: 'b',
    explanation: {
      ja: 'POP before SMTPでは、SMTPサーバがPOP3でログインに成功したIPアドレスを覚えておき、数分間だけそのアドレスからの中継を許します。メールソフトに求められるのは、送信の前に受信（POP3のログイン）を済ませることだけです。このレッスンでは、ログイン前のRCPT TOは550 5.7.1で拒否され、ログイン後は同じRCPT TOが250で受け付けられ、時間切れの後は再び550になります。',
      en: 'With POP before SMTP, the SMTP server remembers the IP address that has just logged in with POP3 and relays mail from it for a few minutes. All the mail program has to do is check mail (a POP3 login) before sending. In this lesson the RCPT TO is refused with 550 5.7.1 before the login, accepted with 250 after it, and refused again once the window has passed.',
    },
    link: { scenario: 'pop-before-smtp', text: String.raw`^250 2\.1\.5 `, from: 'smtp' },
  },
  {
    id: 'h22s-sc-am2-q15',
    source: 'H22春SC午前2問15',
    question: {
      ja: 'SMTP-AUTHを使った、メール送信のセキュリティ対策として適切なものはどれですか。',
      en: 'Which is a sound mail-security measure built on SMTP AUTH?',
    },
    choices: [
      {
        id: 'a',
        text: {
          ja: '25番ポートのまま、POP3で認証に成功したIPアドレスからの送信を一定時間だけ受け付ける',
          en: 'Stay on port 25 and, for a short time, accept mail from an IP address that has just authenticated with POP3',
        },
      },
      {
        id: 'b',
        text: {
          ja: 'ユーザIDとパスワードをbase64で符号化して送り、盗聴されても読まれないようにする',
          en: 'Send the user ID and password encoded in base64 so that an eavesdropper cannot read them',
        },
      },
      {
        id: 'c',
        text: {
          ja: 'メールソフトからの送信を25番とは別のサブミッションポート（587番）で受け付け、接続してきた利用者を認証する',
          en: 'Take mail from mail programs on the submission port (587), apart from port 25, and authenticate the user who connects',
        },
      },
      {
        id: 'd',
        text: {
          ja: '受信側のメールサーバが、送信元ドメインのDNSを引いて送信元のIPアドレスを確かめる',
          en: 'The receiving mail server looks up the sender domain in the DNS to check the sending IP address',
        },
      },
    ],
    answer: 'c',
    explanation: {
      ja: 'サブミッションポート（587番、RFC 6409）は、メールソフトからの送信を受け付けるための、25番とは別のポートです。ここではSMTP-AUTH（RFC 4954）で利用者を認証してから受け付けるので、ISPが25番ポートへの外向き通信を止めていても（OP25B）、認証できた利用者は送信できます。AUTH PLAINのbase64は符号化にすぎず暗号化ではない（盗聴者はすぐ元に戻せる）ため、このレッスンではSTARTTLSでTLSを始めてから認証します。',
      en: 'The submission port (587, RFC 6409) is a port apart from 25 for mail programs handing in mail. The server there authenticates the user with SMTP AUTH (RFC 4954) before accepting anything, so users can still send when their ISP blocks outbound port 25 (OP25B). The base64 in AUTH PLAIN is an encoding, not encryption, and an eavesdropper can undo it at once; that is why this lesson starts TLS with STARTTLS before authenticating.',
    },
    link: { scenario: 'smtp-submission-auth', text: '^AUTH PLAIN ', from: 'client' },
  },
  {
    id: 'h21s-sc-am2-q3',
    source: 'H21春SC午前2問3',
    question: {
      ja: 'SMTP-AUTHの働きとして正しいものはどれですか。',
      en: 'What does SMTP AUTH do?',
    },
    choices: [
      {
        id: 'a',
        text: {
          ja: '送信者がメールにディジタル署名を付け、受信者が改ざんを検知できるようにする',
          en: 'The sender signs the message so that the recipient can detect tampering',
        },
      },
      {
        id: 'b',
        text: {
          ja: 'メールを預かる前に、送り手がユーザ名とパスワードで本人だと示せたかをSMTPサーバが確かめ、示せた相手のメールだけを引き受ける',
          en: 'Before taking any mail, the SMTP server checks that the sender has proved who they are with a user name and password, and takes mail only from those who have',
        },
      },
      {
        id: 'c',
        text: {
          ja: 'メールサーバ間の通信をTLSで暗号化し、ネットワーク上での盗聴を防ぐ',
          en: 'It encrypts the traffic between mail servers with TLS against eavesdropping on the way',
        },
      },
      {
        id: 'd',
        text: {
          ja: '宛先のメールボックスが存在するかを、送信前にサーバへ問い合わせる',
          en: 'It asks the server, before sending, whether the recipient mailbox exists',
        },
      },
    ],
    answer: 'b',
    explanation: {
      ja: 'SMTP-AUTH（RFC 4954）では、クライアントがEHLOの応答でAUTHへの対応を確かめ、AUTHコマンドでユーザ名とパスワードを送ります。正しければ235 2.7.0、誤っていれば535 5.7.8が返ります（RFC 4954 §6）。このレッスンでは、235を受けた後で、外部宛のRCPT TOが250で受け付けられます。',
      en: 'With SMTP AUTH (RFC 4954) the client finds AUTH in the answer to EHLO and sends its user name and password with the AUTH command. The server answers 235 2.7.0 when they are right and 535 5.7.8 when they are wrong (RFC 4954 §6). In this lesson, once the 235 has come, the RCPT TO for an outside address is accepted with 250.',
    },
    link: { scenario: 'smtp-submission-auth', text: '^235 ', from: 'server' },
  },
  {
    id: 'h21-nw-pm1-q2',
    source: 'H21NW午後Ⅰ問2',
    question: {
      ja: 'TCPの995番ポートで待ち受けるのはどれですか。',
      en: 'What listens on TCP port 995?',
    },
    choices: [
      { id: 'a', text: { ja: 'IMAPS（TLSで保護したIMAP）', en: 'IMAPS (IMAP protected by TLS)' } },
      { id: 'b', text: { ja: 'SMTPS（TLSで保護したSMTP）', en: 'SMTPS (SMTP protected by TLS)' } },
      { id: 'c', text: { ja: 'POP3S（TLSで保護したPOP3）', en: 'POP3S (POP3 protected by TLS)' } },
      { id: 'd', text: { ja: 'サブミッションポートで受け付けるSMTP', en: 'SMTP on the submission port' } },
    ],
    answer: 'c',
    explanation: {
      ja: 'POP3Sは995番ポートで、TCPの接続直後にTLSを始めます（RFC 8314 §3.1）。USERやPASSもTLSの中を通るので、盗聴者に見えるのは暗号化されたTLSレコードだけです。IMAPSは993番、SMTPSは465番、サブミッションポートは587番です。',
      en: 'POP3S listens on port 995 and starts TLS right after the TCP connection opens (RFC 8314 §3.1). USER and PASS travel inside TLS, so an eavesdropper sees only encrypted TLS records. IMAPS uses 993, SMTPS 465, and the submission port is 587.',
    },
    // The greeting that arrives once the TLS handshake is done: on 995 even POP3's first line is encrypted.
    link: { scenario: 'pop3s', text: String.raw`^\+OK `, from: 'server' },
  },
  {
    id: 'h23-nw-pm2-q2',
    source: 'H23NW午後Ⅱ問2',
    question: {
      ja: 'POP3を使い、同じメールアカウントで2台のPCからメールを受信します。このとき起きやすい問題はどれですか。',
      en: 'Two PCs fetch mail for the same account with POP3. Which problem is likely?',
    },
    choices: [
      {
        id: 'a',
        text: {
          ja: 'メールの送信が、どちらか一方のPCからしかできなくなる',
          en: 'Only one of the two PCs can send mail',
        },
      },
      {
        id: 'b',
        text: {
          ja: '届いたメールが、PCごとに1通ずつ、サーバに2通保存される',
          en: 'The server stores two copies of each message, one for each PC',
        },
      },
      {
        id: 'c',
        text: {
          ja: '2台目のPCがログインすると、1台目のPCの受信フォルダが空になる',
          en: 'When the second PC logs in, the inbox on the first PC is emptied',
        },
      },
      {
        id: 'd',
        text: {
          ja: '一方のPCが受信してサーバから削除したメールを、もう一方のPCでは読めない',
          en: 'A message one PC has downloaded and deleted from the server cannot be read on the other PC',
        },
      },
    ],
    answer: 'd',
    explanation: {
      ja: 'POP3では、メールソフトがRETRで取り込んだメールにDELEで削除の印を付け、QUITの後のUPDATE状態でサーバから消します（RFC 1939 §6）。このレッスンでは、PC1が受信した後にPC2がSTATを送ると、残りは1通です。IMAP4（RFC 9051）ならメールはサーバ上に残り、どのPCからも同じメールを読めます。',
      en: 'With POP3 the mail program fetches a message with RETR and marks it with DELE, and the server removes it in the UPDATE state after QUIT (RFC 1939 §6). In this lesson, when PC2 sends STAT after PC1 has checked, only one message is left. With IMAP4 (RFC 9051) mail stays on the server, and every PC reads the same messages.',
    },
    link: { scenario: 'pop3-vs-imap', text: String.raw`^\+OK 1 \d+$`, from: 'pop3' },
  },
  {
    id: 'h19-nw-am-q35',
    source: 'H19NW午前問35',
    question: {
      ja: 'IMAP4の特徴として正しいものはどれですか。',
      en: 'Which statement describes IMAP4?',
    },
    choices: [
      {
        id: 'a',
        text: {
          ja: 'メールをPCへ取り込んだ後、サーバから削除することを前提とする',
          en: 'It assumes mail is deleted from the server once the PC has downloaded it',
        },
      },
      {
        id: 'b',
        text: {
          ja: 'メールサーバ間で、宛先のドメインへメールを転送する',
          en: "It relays mail between mail servers toward the recipient's domain",
        },
      },
      {
        id: 'c',
        text: {
          ja: 'メールはサーバに置いたままにでき、一覧で誰から何の件かを見てから、どのメールの本文をPCに読み込むか選べる',
          en: 'Mail can stay on the server, so the user can look over who sent what first and then pick which bodies to load onto the PC',
        },
      },
      {
        id: 'd',
        text: {
          ja: 'パスワードの代わりに、サーバのチャレンジとパスワードから計算したダイジェストを送る',
          en: "It sends a digest computed from the server's challenge and the password, instead of the password",
        },
      },
    ],
    answer: 'c',
    explanation: {
      ja: 'IMAP4（RFC 9051）では、メールはサーバ上のメールボックスに置いたまま管理されます。このレッスンの「FETCH 1:* (FLAGS ENVELOPE)」は、本文を取り出さずに、各メールの日付・件名・差出人などだけを返します（RFC 9051 §6.4.5）。SEARCHコマンド（RFC 9051 §6.4.4）を使えば、文字列による検索もサーバ上でできます。',
      en: "IMAP4 (RFC 9051) keeps mail in mailboxes on the server. In this lesson FETCH 1:* (FLAGS ENVELOPE) returns each message's date, subject, sender and recipients without its body (RFC 9051 §6.4.5). The SEARCH command (RFC 9051 §6.4.4) searches by text on the server as well.",
    },
    link: { scenario: 'imap-basic', text: String.raw`^a4 FETCH 1:\* \(FLAGS ENVELOPE\)$`, from: 'client' },
  },
  {
    id: 'h18-sv-am-q16',
    source: 'H18SV午前問16',
    question: {
      ja: 'メールを読むためのプロトコルで、サーバに置いたままのメールを探したり、必要な1通やヘッダの部分だけをPCに持ってきたりできるのはどれですか。',
      en: 'Which protocol for reading mail can look for messages that stay on the server, and bring to the PC just the one message, or just the header part, that is needed?',
    },
    choices: [
      { id: 'a', text: { ja: 'POP3（ポート番号110）', en: 'POP3 (port 110)' } },
      { id: 'b', text: { ja: 'SMTP（ポート番号25）', en: 'SMTP (port 25)' } },
      { id: 'c', text: { ja: 'APOP（ポート番号110）', en: 'APOP (port 110)' } },
      { id: 'd', text: { ja: 'IMAP4（ポート番号143）', en: 'IMAP4 (port 143)' } },
    ],
    answer: 'd',
    explanation: {
      ja: 'IMAP4では、FETCHで取り出す範囲を指定できます（RFC 9051 §6.4.5）。このレッスンの「BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)]」は、選んだ1通の差出人と件名のヘッダだけを取り出し、既読フラグ（\\Seen）も付けません。POP3はRETRでメール全体を取り出すのが基本で（任意のTOPでもヘッダと先頭の数行まで）、サーバ上で検索する仕組みはありません。',
      en: 'IMAP4 lets FETCH name exactly what to return (RFC 9051 §6.4.5). In this lesson BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)] returns only the From and Subject header fields of the one message chosen, and does not set the seen flag (\\Seen). POP3 takes a whole message with RETR (its optional TOP gives the header and a few lines) and has no search on the server.',
    },
    link: { scenario: 'imap-basic', text: String.raw`^a5 FETCH 1 BODY\.PEEK\[HEADER\.FIELDS \(FROM SUBJECT\)\]$`, from: 'client' },
  },
  {
    id: 'h25s-ip-q84',
    source: 'H25春IP問84',
    question: {
      ja: '会社のPCと自宅のPCで、同じメールアカウントをIMAP4で使っています。会社で読んだメールが、自宅のPCでも既読と表示されるのはなぜですか。',
      en: 'An office PC and a home PC use the same account over IMAP4. Why does a message read at the office show as read at home too?',
    },
    choices: [
      {
        id: 'a',
        text: {
          ja: '会社のPCが、読んだメールを自宅のPCへSMTPで転送するから',
          en: 'The office PC forwards the messages it has read to the home PC by SMTP',
        },
      },
      {
        id: 'b',
        text: {
          ja: '既読の印（\\Seenフラグ）がサーバ上のメールボックスに記録され、どのPCもそれを読み出すから',
          en: 'The read mark (the \\Seen flag) is kept in the mailbox on the server, and every PC reads it from there',
        },
      },
      {
        id: 'c',
        text: {
          ja: '自宅のPCが、会社のPCの受信フォルダを直接読みに行くから',
          en: 'The home PC reads the inbox folder on the office PC directly',
        },
      },
      {
        id: 'd',
        text: {
          ja: 'メールソフトが、読んだメールをサーバから削除するから',
          en: 'The mail program deletes read messages from the server',
        },
      },
    ],
    answer: 'b',
    explanation: {
      ja: 'IMAP4では、既読・返信済み・削除予定などの印を、フラグとしてサーバ上で管理します（RFC 9051 §2.3.2）。このレッスンでは、PC1がBODY[]で本文を読むと既読フラグ（\\Seen）が付き（RFC 9051 §6.4.5）、後からPC2がFETCH 1 FLAGSで確かめると、\\Seenが付いて見えます。フォルダもサーバ上のメールボックスなので、振り分けの状態もどのPCからも同じに見えます。',
      en: 'IMAP4 keeps marks such as read, answered and marked for deletion as flags on the server (RFC 9051 §2.3.2). In this lesson PC1 reads the body with BODY[], which sets the seen flag (\\Seen) (RFC 9051 §6.4.5); when PC2 later asks with FETCH 1 FLAGS, it sees \\Seen. Folders are mailboxes on the server too, so every PC sees the same sorting.',
    },
    link: { scenario: 'pop3-vs-imap', text: String.raw`^\* 1 FETCH \(FLAGS \(\\Seen\)\)$`, from: 'imap' },
  },
  {
    id: 'h20a-fe-am-q50',
    source: 'H20秋FE午前問50',
    question: {
      ja: 'POP3の説明として適切なものはどれですか。',
      en: 'Which describes POP3?',
    },
    choices: [
      {
        id: 'a',
        text: {
          ja: '書いたメールを、PCから送信用のサーバへ引き渡すときに使う',
          en: 'A PC uses it to hand a newly written message to the outgoing server',
        },
      },
      {
        id: 'b',
        text: {
          ja: 'PCのメールソフトが、自分宛てにサーバへ届いているメールを手元に受信するときに使う',
          en: 'A mail program on a PC uses it to download the mail that has arrived for its user on the server',
        },
      },
      {
        id: 'c',
        text: {
          ja: 'メールに画像などのファイルを添付するための形式を定める',
          en: 'It defines how files such as images are attached to a message',
        },
      },
      {
        id: 'd',
        text: {
          ja: 'Webブラウザから、サーバ上のメールを読むときに使う',
          en: 'A web browser uses it to read mail on the server',
        },
      },
    ],
    answer: 'b',
    explanation: {
      ja: 'POP3（RFC 1939）では、USERとPASSで認証を受けた後、RETRでメールボックスのメールを1通ずつ取り出します（RFC 1939 §5）。送信やサーバ間の転送はSMTP（RFC 5321）の役目です。USERとPASSは平文なので、盗聴者にはユーザ名とパスワードがそのまま見えます。',
      en: 'With POP3 (RFC 1939) the client logs in with USER and PASS, then takes messages out of the mailbox one by one with RETR (RFC 1939 §5). Sending, and relaying between servers, is the job of SMTP (RFC 5321). USER and PASS travel in plaintext, so an eavesdropper sees the user name and password as they are.',
    },
    link: { scenario: 'pop3-basic', text: '^RETR 1$', from: 'client' },
  },
  // Topics the exams ask about without one past question to cite (issue 10): the source names the topic only.
  {
    id: 'topic-op25b',
    source: '頻出論点（OP25B）',
    question: {
      ja: '家庭向け回線のPCから、外部のメールサーバの25番ポートへ直接メールを送ろうとすると届きません。最も適切な説明はどれですか。',
      en: 'A PC on a home Internet line tries to send mail straight to an outside mail server on port 25, and nothing gets through. Which explanation fits best?',
    },
    choices: [
      {
        id: 'a',
        text: {
          ja: '宛先のサーバが、動的IPアドレスからの接続にRSTを返して拒否している',
          en: 'The destination server answers connections from dynamic addresses with RST',
        },
      },
      {
        id: 'b',
        text: {
          ja: '利用者側のISPが、外部の25番ポートへ向かうSYNを出口で捨てている',
          en: "The user's own ISP drops SYNs bound for port 25 outside, at its edge",
        },
      },
      {
        id: 'c',
        text: {
          ja: '25番ポートはTLSを使わないので、ネットワーク上の機器が暗号化を求めて止めている',
          en: 'Port 25 has no TLS, so devices on the network stop it to demand encryption',
        },
      },
      { id: 'd', text: { ja: 'SMTPはUDPで運ばれるため、パケットが失われやすい', en: 'SMTP travels over UDP, so packets get lost easily' } },
    ],
    answer: 'b',
    explanation: {
      ja: 'OP25B（Outbound Port 25 Blocking）は、ISPが自分の利用者の動的IPアドレスから外部の25番ポートへの通信を止める迷惑メール対策です。SYNは出口で捨てられ、サーバには届かないので、RSTすら返りません。メールは587番（サブミッションポート）でSMTP-AUTHを使ってISPなどのメールサーバに預け、そこから中継してもらいます（RFC 6409）。',
      en: "OP25B (Outbound Port 25 Blocking) is an anti-spam measure: the ISP stops traffic from its customers' dynamic addresses to port 25 outside. The SYN is dropped at the edge and never reaches the server, so not even an RST comes back. Mail is submitted on port 587 with SMTP-AUTH to a mail server, such as the ISP's, which relays it (RFC 6409).",
    },
    link: { scenario: 'op25b', text: '^SYN$', from: 'pc' },
  },
  {
    id: 'topic-spf',
    source: '頻出論点（SPF）',
    question: {
      ja: '受信したメールサーバがSPFで確かめていることはどれですか。',
      en: 'What does a receiving mail server check with SPF?',
    },
    choices: [
      {
        id: 'a',
        text: {
          ja: 'メールを送ってきたサーバのIPアドレスが、エンベロープの送信者のドメインがDNSで許可したものか',
          en: "Whether the address of the server that sent the mail is one the envelope sender's domain authorises in DNS",
        },
      },
      {
        id: 'b',
        text: {
          ja: '本文とヘッダが途中で書き換えられていないかを、送信側の電子署名で',
          en: "Whether the body and headers were changed on the way, by the sender's signature",
        },
      },
      { id: 'c', text: { ja: '宛先のアドレスに対応するメールボックスが受信側に存在するか', en: 'Whether a mailbox exists for the recipient address' } },
      { id: 'd', text: { ja: '送信者がSMTP-AUTHで正しいパスワードを送ったか', en: 'Whether the sender gave the right password with SMTP-AUTH' } },
    ],
    answer: 'a',
    explanation: {
      ja: 'SPF（RFC 7208）では、送信側のドメインがDNSのTXTレコードに「このドメインのメールを送ってよいIPアドレス」を公開します。受信側はMAIL FROMのドメインのレコードを引き、接続してきた相手のIPアドレスと照らし合わせます。署名で改ざんを調べるのはDKIM、From:との一致を求めるのはDMARCです。',
      en: "With SPF (RFC 7208) a domain publishes, in a DNS TXT record, the addresses allowed to send its mail. The receiver looks up the record of the MAIL FROM domain and matches the connecting address against it. Checking for changes with a signature is DKIM's job; requiring a match with From: is DMARC's.",
    },
    link: { scenario: 'mail-journey', text: '^TXT "v=spf1', from: 'dns' },
  },
]

/** What the page shows once the learner asks to check: nothing picked yet, or right, or wrong with the answer. */
export type DrillVerdict =
  | { readonly kind: 'unanswered' }
  | { readonly kind: 'right'; readonly answer: DrillChoice }
  | { readonly kind: 'wrong'; readonly answer: DrillChoice | undefined }

/** Checks the learner's pick (a choice id, or null for none) against the drill's answer. An id that is not
 *  one of the drill's choices counts as no pick. */
export function checkDrill(d: Drill, picked: string | null): DrillVerdict {
  if (picked === null || !d.choices.some((c) => c.id === picked)) return { kind: 'unanswered' }
  const answer = d.choices.find((c) => c.id === d.answer)
  if (answer && picked === answer.id) return { kind: 'right', answer }
  return { kind: 'wrong', answer }
}

/** The `step=` of the lesson address that shows the step answering the drill (how many steps are on screen,
 *  so the matching step's index + 1): the first step whose wire label (model/label.ts) matches `link.text`,
 *  sent by `link.from` when given. Null when no step matches. */
export function drillStepNumber(link: DrillLink, steps: readonly Step[]): number | null {
  const re = new RegExp(link.text)
  const i = steps.findIndex((s) => (link.from === undefined || s.from === link.from) && re.test(wireLabel(s)))
  return i >= 0 ? i + 1 : null
}
