// Captions for what happens around an SMTP session: DNS lookups (RFC 1035, RFC 5321 §5.1), the checks a
// receiver runs (SPF RFC 7208, DKIM RFC 6376, DMARC RFC 7489) and OP25B's dropped SYNs (RFC 6298 §5.5).
import type { DnsPurpose, Step } from '../model'
import type { Caption } from './types'

/** Every caption of this file, for the content tests. */
export const journeyCaptions = {
  queries: {
    mx: {
      ja: '送信側のMTAは宛先アドレスの@より後ろ（ドメイン）を見て、DNSにMXレコードを問い合わせます。MXは「このドメイン宛てのメールを受け取るサーバ」を示します。問い合わせはUDPの53番ポートへ送られます（RFC 5321 §5.1, RFC 1035 §4.2.1）。',
      en: 'The sending MTA takes the domain after the @ of the recipient address and asks DNS for its MX records, which name the servers that accept mail for that domain. The query goes to UDP port 53 (RFC 5321 §5.1, RFC 1035 §4.2.1).',
    },
    address: {
      ja: 'MXレコードが教えるのはホスト名だけです。接続するにはIPアドレスが要るので、そのホスト名のAレコード（IPv6ならAAAA）を続けて問い合わせます（RFC 5321 §5.1）。',
      en: "An MX record gives only a host name. To connect, the MTA needs an address, so it asks next for that host's A record (AAAA for IPv6) (RFC 5321 §5.1).",
    },
    spf: {
      ja: '受信側のMTAが、エンベロープのMAIL FROMのドメインのTXTレコードを問い合わせます。そこにSPFレコード（v=spf1 …）があれば、そのドメインのメールを送ってよいサーバのIPアドレスが分かります（RFC 7208 §4.4）。',
      en: "The receiving MTA asks for the TXT records of the envelope MAIL FROM domain. An SPF record there (v=spf1 …) lists the addresses allowed to send that domain's mail (RFC 7208 §4.4).",
    },
    dkim: {
      ja: 'DKIM-Signatureヘッダのd=（ドメイン）とs=（セレクタ）から「セレクタ._domainkey.ドメイン」を組み立て、署名者の公開鍵をTXTレコードで取り出します（RFC 6376 §3.6.2.1）。',
      en: 'From the DKIM-Signature header\'s d= (domain) and s= (selector) the receiver builds "selector._domainkey.domain" and fetches the signer\'s public key as a TXT record (RFC 6376 §3.6.2.1).',
    },
    dmarc: {
      ja: 'ヘッダFrom:のドメインの前に_dmarcを付けてTXTレコードを問い合わせ、そのドメインのDMARCポリシーを調べます。見つからなければ組織ドメインでもう一度探します（RFC 7489 §6.6.3）。',
      en: "The receiver asks for the TXT record at _dmarc plus the header From: domain to learn that domain's DMARC policy; without one it tries the organizational domain (RFC 7489 §6.6.3).",
    },
  } satisfies Record<DnsPurpose, Caption>,
  answers: {
    mx: {
      ja: 'DNSサーバがMXレコードを返しました。数字はプリファレンス（優先度）で、小さいほど先に試します。同じ値なら順番は任意です（RFC 5321 §5.1）。',
      en: 'The DNS server returns the MX records. The number is the preference: lower values are tried first; equal values in any order (RFC 5321 §5.1).',
    },
    address: {
      ja: 'Aレコードで接続先のIPアドレスが分かりました。送信側のMTAはこのアドレスの25番ポートへTCP接続します。',
      en: 'The A record gives the address to connect to; the sending MTA opens TCP to port 25 there.',
    },
    spf: {
      ja: 'SPFレコードが返りました。受信側は接続してきた相手のIPアドレスを、ip4:やinclude:などの仕組みに左から順に照らし合わせます（RFC 7208 §4.6）。',
      en: 'The SPF record is back. The receiver matches the connecting address against its mechanisms (ip4:, include:, …) from left to right (RFC 7208 §4.6).',
    },
    dkim: {
      ja: '公開鍵（p=）が返りました。受信側は本文のハッシュ（bh=）と、署名対象のヘッダに対する署名（b=）をこの鍵で検証します（RFC 6376 §6.1.3）。',
      en: 'The public key (p=) is back. The receiver checks the body hash (bh=) and the signature over the signed headers (b=) with it (RFC 6376 §6.1.3).',
    },
    dmarc: {
      ja: 'DMARCレコードが返りました。p=は認証に失敗したときの扱い（none/quarantine/reject）を、送信ドメインの管理者が宣言したものです（RFC 7489 §6.3）。',
      en: 'The DMARC record is back. p= is what the domain owner asks receivers to do with mail that fails (none, quarantine or reject) (RFC 7489 §6.3).',
    },
  } satisfies Record<DnsPurpose, Caption>,
  nxdomain: {
    ja: 'NXDOMAIN: その名前はDNSに存在しません。MXの問い合わせで名前ごと存在しなければ、その宛先へは配送できません（RFC 1035 §4.1.1, RFC 5321 §5.1）。',
    en: 'NXDOMAIN: the name does not exist in DNS. When the recipient domain itself does not exist, the mail cannot be delivered (RFC 1035 §4.1.1, RFC 5321 §5.1).',
  },
  noData: {
    ja: '名前は存在しますが、問い合わせた種類のレコードはありません。MXが1つもなければ、ドメイン自身のAレコードを「暗黙のMX」として使います（RFC 5321 §5.1）。',
    en: "The name exists but has no record of that type. With no MX at all, the domain's own A record serves as an implicit MX (RFC 5321 §5.1).",
  },
  /** What each check's result means, added to the caption of the answer it was decided on. */
  verdicts: {
    'spf.pass': { ja: '判定はpass: 送信元IPはこのドメインが許可したサーバです。', en: 'Result pass: the sending address is one the domain authorised.' },
    'spf.fail': {
      ja: '判定はfail（-all）: このドメインはこのIPからのメールを認めていません。',
      en: 'Result fail (-all): the domain does not allow mail from this address.',
    },
    'spf.softfail': {
      ja: '判定はsoftfail（~all）: 怪しいが拒否まではしない、という宣言です。',
      en: 'Result softfail (~all): suspicious, but the domain does not ask for rejection.',
    },
    'spf.neutral': { ja: '判定はneutral（?all）: ドメインは何も主張していません。', en: 'Result neutral (?all): the domain makes no assertion.' },
    'spf.none': { ja: '判定はnone: SPFレコードがありません。', en: 'Result none: there is no SPF record.' },
    'spf.permerror': {
      ja: '判定はpermerror: レコードの誤りか、DNS参照が10回を超えました（RFC 7208 §4.6.4）。',
      en: 'Result permerror: a broken record, or more than 10 DNS lookups (RFC 7208 §4.6.4).',
    },
    'spf.temperror': { ja: '判定はtemperror: DNSの一時的な失敗です。', en: 'Result temperror: a temporary DNS failure.' },
    'dkim.pass': {
      ja: '判定はpass: 署名は正しく、署名後にヘッダも本文も変わっていません。',
      en: 'Result pass: the signature is valid; neither the signed headers nor the body changed after signing.',
    },
    'dkim.fail': {
      ja: '判定はfail: 署名の後でメールが書き換えられたか、署名が合いません。',
      en: 'Result fail: the message was changed after signing, or the signature does not match.',
    },
    'dkim.none': { ja: '判定はnone: DKIM署名がありません。', en: 'Result none: the message carries no DKIM signature.' },
    'dkim.permerror': { ja: '判定はpermerror: 鍵が見つからないか、署名が壊れています。', en: 'Result permerror: no usable key, or a broken signature.' },
    'dkim.temperror': { ja: '判定はtemperror: 鍵を取り出すDNSが一時的に失敗しました。', en: 'Result temperror: the key lookup failed for now.' },
    'dkim.neutral': { ja: '判定はneutral: 検証できない種類の署名です。', en: 'Result neutral: a signature this receiver cannot check.' },
    'dmarc.pass': {
      ja: '判定はpass: SPFかDKIMの少なくとも一方が成功し、そのドメインがヘッダFrom:のドメインと一致（アライメント）しています。',
      en: 'Result pass: SPF or DKIM passed for a domain that aligns with the header From: domain.',
    },
    'dmarc.fail': {
      ja: '判定はfail: From:のドメインと一致するSPF・DKIMの成功がありません。ポリシー（p=）に従って扱われます。',
      en: 'Result fail: no SPF or DKIM pass aligns with the From: domain; the policy (p=) decides what happens.',
    },
    'dmarc.none': { ja: '判定はnone: DMARCレコードがありません。', en: 'Result none: the domain publishes no DMARC record.' },
    'dmarc.temperror': { ja: '判定はtemperror: DNSの一時的な失敗です。', en: 'Result temperror: a temporary DNS failure.' },
    'dmarc.permerror': { ja: '判定はpermerror: DMARCレコードが読めません。', en: 'Result permerror: the DMARC record cannot be read.' },
  } as Record<string, Caption>,
  synDropped: {
    first: {
      ja: 'クライアントが外部のサーバの25番ポートへSYNを送りましたが、ISPの出口のルータがこれを捨てました。動的IPアドレスの利用者から外への25番ポート宛て通信を止めるOP25B（Outbound Port 25 Blocking）です。',
      en: "The client sends SYN to an outside server's port 25, but the ISP's edge router drops it: OP25B (Outbound Port 25 Blocking) stops port-25 traffic from dynamic customer addresses to the outside.",
    },
    retry: {
      ja: 'SYN,ACKが返ってこないので、クライアントは同じSYNを再送します。待ち時間は1秒から始まり、再送のたびに倍になります（RFC 6298 §5.5, RFC 9293 §3.8.1）。',
      en: 'No SYN, ACK comes back, so the client sends the same SYN again; the wait starts at 1 s and doubles each time (RFC 6298 §5.5, RFC 9293 §3.8.1).',
    },
    last: {
      ja: '何度再送しても応答はなく、クライアントは接続をあきらめます（タイムアウト）。サーバには1パケットも届いていないので、拒否の応答（RST）もありません。',
      en: 'However often it retries, nothing answers, and the client gives up (a timeout). Not one packet reached the server, so there is not even a refusal (RST).',
    },
  },
} as const

/** The caption of a DNS step, with the check's result when one was decided on it. */
export function dnsCaption(step: Step): Caption | undefined {
  const k = step.kind
  if (k.layer !== 'dns') return undefined
  let base: Caption
  if (k.key === 'query') base = journeyCaptions.queries[k.purpose]
  else if (k.rcode === 'NXDOMAIN') base = journeyCaptions.nxdomain
  else if (step.lines.length === 0 || k.rcode === 'NODATA') base = journeyCaptions.noData
  else base = journeyCaptions.answers[k.purpose]
  const v = step.verdict ? journeyCaptions.verdicts[`${step.verdict.check}.${step.verdict.result}`] : undefined
  return v ? { ja: `${base.ja}${v.ja}`, en: `${base.en} ${v.en}` } : base
}

export function droppedSynCaption(attempt: number, last: boolean): Caption {
  const t = journeyCaptions.synDropped
  return last ? t.last : attempt === 1 ? t.first : t.retry
}
