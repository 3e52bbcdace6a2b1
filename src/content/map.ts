// The article's section 1 as data: each protocol, its port, the problem it leaves, and what fixed it.
import type { Caption } from './types'

export interface MapEntry {
  readonly id: string
  readonly name: string
  readonly port: string
  /** The lesson that shows it. */
  readonly scenario: string
  readonly what: Caption
  /** The problem that the next entry solves (absent at the end of a chain). */
  readonly problem?: Caption
}

export const SEND_CHAIN: readonly MapEntry[] = [
  {
    id: 'smtp',
    name: 'SMTP',
    port: '25',
    scenario: 'smtp-basic',
    what: { ja: 'サーバ間でメールを転送する基本のプロトコルです（RFC 5321）。', en: 'The basic protocol that moves mail between servers (RFC 5321).' },
    problem: {
      ja: '送信者を認証しないので、誰でもメールを出せてしまい、迷惑メールの踏み台にされます。',
      en: 'It does not authenticate the sender, so anyone can send through it and spammers abuse it as a relay.',
    },
  },
  {
    id: 'pop-before-smtp',
    name: 'POP before SMTP',
    port: '110 → 25',
    scenario: 'pop-before-smtp',
    what: {
      ja: '先にPOP3で認証に成功したIPアドレスからの送信を、数分間だけ許可します。ポートは25のままです。',
      en: 'Mail from an address that just logged in with POP3 is accepted for a few minutes; SMTP stays on port 25.',
    },
    problem: {
      ja: '認証の単位がIPアドレスなので、同じアドレスを使う他人も送信できてしまいます。',
      en: 'It trusts an IP address, so anyone else behind the same address can send too.',
    },
  },
  {
    id: 'smtp-auth',
    name: 'SMTP AUTH',
    port: '587',
    scenario: 'smtp-submission-auth',
    what: {
      ja: 'サブミッションポート587で、ユーザ名とパスワードによる認証を受けてから送信します（RFC 4954, RFC 6409）。',
      en: 'On the submission port 587 the client logs in with a user name and password before sending (RFC 4954, RFC 6409).',
    },
    problem: {
      ja: 'STARTTLSを使わなければ、base64にしただけのパスワードとメール本文が平文で流れます。',
      en: 'Without STARTTLS the password (only base64-encoded) and the mail cross the network in plain text.',
    },
  },
  {
    id: 'smtps',
    name: 'SMTPS / STARTTLS',
    port: '465 / 587',
    scenario: 'smtps',
    what: {
      ja: 'TLSで通信全体を暗号化します。465は接続直後から、STARTTLSは平文で始めて途中から暗号化します（RFC 8314, RFC 3207）。',
      en: 'TLS encrypts the whole session: on 465 from the first byte, with STARTTLS after a cleartext start (RFC 8314, RFC 3207).',
    },
  },
]

export const RECEIVE_CHAIN: readonly MapEntry[] = [
  {
    id: 'pop3',
    name: 'POP3',
    port: '110',
    scenario: 'pop3-basic',
    what: { ja: 'メールボックスからメールをPCに取り出すプロトコルです（RFC 1939）。', en: 'Downloads mail from the mailbox to the PC (RFC 1939).' },
    problem: {
      ja: 'USER/PASSのパスワードが平文で流れ、盗聴されるとなりすまされます。',
      en: 'USER/PASS sends the password in plain text; an eavesdropper can log in as you.',
    },
  },
  {
    id: 'apop',
    name: 'APOP',
    port: '110',
    scenario: 'pop3-apop',
    what: {
      ja: 'パスワードそのものではなく、タイムスタンプとパスワードから作ったMD5ダイジェストを送ります。',
      en: 'Sends an MD5 digest of a timestamp and the password instead of the password itself.',
    },
    problem: {
      ja: 'メール本文は平文のままです。MD5も今では弱く、APOPは推奨されません。',
      en: 'The mail itself is still plain text, and MD5 is weak today; APOP is no longer recommended.',
    },
  },
  {
    id: 'pop3s',
    name: 'POP3S',
    port: '995',
    scenario: 'pop3s',
    what: { ja: 'POP3の通信全体をTLSで暗号化します（RFC 8314）。', en: 'Encrypts the whole POP3 session with TLS (RFC 8314).' },
  },
  {
    id: 'imap',
    name: 'IMAP4',
    port: '143',
    scenario: 'imap-basic',
    what: {
      ja: 'メールをサーバ上で管理し、複数の端末から同じメールボックスを読めます（RFC 9051）。',
      en: 'Keeps mail on the server, so several devices read one mailbox (RFC 9051).',
    },
    problem: { ja: 'IMAP4もそのままではパスワードとメールが平文です。', en: 'Plain IMAP4 also sends the password and the mail in plain text.' },
  },
  {
    id: 'imaps',
    name: 'IMAPS',
    port: '993',
    scenario: 'imaps',
    what: { ja: 'IMAPの通信全体をTLSで暗号化します（RFC 8314）。', en: 'Encrypts the whole IMAP session with TLS (RFC 8314).' },
  },
]

/** POP3's second problem (all mail on one PC) leads to IMAP4 (exam H23NW午後Ⅱ問2). */
export const POP3_TO_IMAP: Caption = {
  ja: 'POP3ではメールがPCに取り込まれるため、別の端末からは同じメールを読めません（H23NW午後Ⅱ問2）。',
  en: 'With POP3 the mail moves onto one PC, so another device cannot read the same mail (exam H23NW午後Ⅱ問2).',
}
