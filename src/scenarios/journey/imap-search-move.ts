import type { Scenario } from '../types'

// IMAP keeps mail on the server, so the server can search it and file it (RFC 9051 §6.4.4 SEARCH, §6.4.7 COPY,
// RFC 6851 / RFC 9051 §6.4.8 MOVE, §6.3.12 APPEND); a second device sees the same folders.
const crlf = (lines: string[]) => lines.map((l) => `${l}\r\n`).join('')
/** The message APPEND uploads; the literal announces its exact size in octets (RFC 9051 §4.3). */
const upload =
  'From: Me <user1@example.jp>\r\nTo: user1@example.jp\r\nSubject: Old notes\r\nDate: Sun, 31 Mar 2024 20:00:00 +0900\r\n\r\nNotes kept on the old PC.'
const octets = new TextEncoder().encode(upload).length
const mail = (n: number, from: string, subject: string, date: string, body: string) =>
  crlf([`From: ${from}`, 'To: user1@example.jp', `Subject: ${subject}`, `Date: ${date}`, `Message-ID: <m${n}@example.jp>`, '', body])

export default {
  id: 'imap-search-move',
  protocol: 'imap',
  order: 260,
  title: { ja: 'IMAP: サーバ上で検索し、フォルダに整理する', en: 'IMAP: searching and filing mail on the server' },
  summary: {
    ja: 'IMAPではメールがサーバに残るので、検索（SEARCH）も、フォルダへの移動（MOVE）やコピー（COPY）もサーバ上で行えます。PCで整理した結果は、あとから接続したスマートフォンにもそのまま見えます。POP3にはないAPPENDで、手元のメールをサーバへ移すこともできます。',
    en: 'With IMAP the mail stays on the server, so searching (SEARCH) and filing into folders (MOVE, COPY) happen there. What the PC files, a phone that connects later sees as is. APPEND, which POP3 lacks, even uploads local mail to the server.',
  },
  clients: [
    { id: 'pc', host: 'pc1.example.jp', ip: '192.0.2.10' },
    { id: 'phone', label: { ja: 'スマートフォン', en: 'Phone' }, host: 'phone.mobile.example', ip: '198.51.100.77' },
  ],
  servers: [
    {
      id: 'server',
      protocol: 'imap',
      options: {
        hostname: 'mail.example.jp',
        port: 143,
        users: { user1: 'password1' },
        mailbox: {
          user1: [
            mail(1, 'Tanaka <tanaka@partner.example>', 'Project kickoff', 'Mon, 01 Apr 2024 09:00:00 +0900', 'The kickoff is on Friday.'),
            mail(2, 'Shop <news@shop.example>', 'Spring sale', 'Tue, 02 Apr 2024 10:00:00 +0900', 'Everything 20% off.'),
            mail(3, 'Tanaka <tanaka@partner.example>', 'Project schedule', 'Wed, 03 Apr 2024 11:00:00 +0900', 'The schedule is attached.'),
          ],
        },
      },
    },
  ],
  lanes: ['pc', 'server', 'phone'],
  actions: [
    { from: 'pc', type: 'send', line: 'a1 LOGIN user1 password1' },
    { from: 'pc', type: 'send', line: 'a2 SELECT INBOX' },
    {
      from: 'pc',
      type: 'send',
      line: 'a3 SEARCH FROM "tanaka" SUBJECT "project"',
      note: {
        ja: '検索の条件だけを送ります。受信箱の全メールを調べるのはサーバで、PCへは本文を1通もダウンロードしません。FROMとSUBJECTを並べると「かつ」の条件になります（RFC 9051 §6.4.4）。',
        en: 'Only the search criteria travel. The server looks through the mailbox; not one message is downloaded to the PC. FROM and SUBJECT side by side mean both must match (RFC 9051 §6.4.4).',
      },
      replyNote: {
        ja: '答えは条件に合うメールの番号だけで、本文は含まれません。試験でいう「メールをサーバ上で検索できる」のはIMAPの特徴で、POP3にはありません。',
        en: 'The answer is only the numbers of the matching messages, no text. Searching on the server is an IMAP feature the exams like to ask about; POP3 has nothing like it.',
      },
    },
    {
      from: 'pc',
      type: 'send',
      line: 'a4 CREATE Projects',
      note: { ja: 'サーバ上に「Projects」フォルダ（メールボックス）を作ります。', en: 'A folder (mailbox) named Projects is created on the server.' },
    },
    {
      from: 'pc',
      type: 'send',
      line: 'a5 MOVE 1,3 Projects',
      note: {
        ja: 'MOVEは検索で見つけた2通をフォルダへ移します。コピーして元を削除する操作を、1つのコマンドで途切れなく行います（RFC 6851, RFC 9051 §6.4.8）。',
        en: 'MOVE files the two messages found into the folder: copy and delete in one uninterrupted command (RFC 6851, RFC 9051 §6.4.8).',
      },
      replyNote: {
        ja: 'EXPUNGEの通知は、受信箱から消えた番号です。1通消えるたびに後ろの番号が1つずつ詰まるので、2通目以降は元の番号より小さい番号で報告されます（RFC 9051 §7.5.1）。',
        en: 'The EXPUNGE responses report what left the inbox. Numbers close up after each removal, so every later one is reported by its number after the earlier removals (RFC 9051 §7.5.1).',
      },
    },
    {
      from: 'pc',
      type: 'send',
      line: 'a6 COPY 1 Projects',
      note: {
        ja: 'COPYは元を残したまま複製します。セールのお知らせ（今は受信箱の1番）をProjectsにも置きます。',
        en: 'COPY duplicates and keeps the original: the sale notice (now message 1 of the inbox) is also put in Projects.',
      },
    },
    {
      from: 'pc',
      type: 'send',
      line: `a7 APPEND Projects (\\Seen) {${octets}}`,
      note: {
        ja: `APPENDはPCにあるメールをサーバのフォルダへ送り込みます。POP3から乗り換えるとき、PCに保存してきたメールをサーバへ移すのに使えます。{${octets}}は、次に続くメールが${octets}オクテットあるという予告です（RFC 9051 §6.3.12, §4.3）。`,
        en: `APPEND uploads a message from the PC into a server folder: the way to move mail saved by POP3 onto the server. {${octets}} announces that ${octets} octets of message follow (RFC 9051 §6.3.12, §4.3).`,
      },
    },
    {
      from: 'pc',
      type: 'send',
      line: upload,
    },
    { from: 'pc', type: 'send', line: 'a8 LOGOUT' },
    {
      from: 'phone',
      type: 'send',
      line: 'b1 LOGIN user1 password1',
      note: {
        ja: '次に、同じ利用者がスマートフォンから接続します。',
        en: 'Later the same user connects from a phone.',
      },
    },
    {
      from: 'phone',
      type: 'send',
      line: 'b2 LIST "" "*"',
      replyNote: {
        ja: 'PCで作ったProjectsフォルダが、スマートフォンにも見えます。フォルダもメールもサーバにあるからです。',
        en: 'The Projects folder made on the PC appears on the phone too: folders and mail live on the server.',
      },
    },
    {
      from: 'phone',
      type: 'send',
      line: 'b3 SELECT Projects',
      replyNote: {
        ja: 'PCで移動したメール、コピーしたメール、アップロードしたメールが、ここにそろっています。',
        en: 'The messages the PC moved, copied and uploaded are all here.',
      },
    },
    { from: 'phone', type: 'send', line: 'b4 FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])' },
    { from: 'phone', type: 'send', line: 'b5 LOGOUT' },
  ],
} satisfies Scenario
