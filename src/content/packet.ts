// Words of the packet view (ui/panels/PacketView.tsx); loaded with it, not with the page shell.
// Field names are Wireshark's display-filter names (CONTRACT.md §7); the labels are the headers' own terms.
import type { Lang } from './types'

type Text = Readonly<Record<Lang, string>>

/** Each header field's label; IPv6 names some IPv4 fields differently (RFC 8200 §3). */
const FIELDS: Readonly<Record<string, Text>> = {
  'ip.version': { ja: 'バージョン', en: 'Version' },
  'ip.hdr_len': { ja: 'ヘッダ長', en: 'Header length' },
  'ip.dsfield': { ja: 'DSCP/ECN', en: 'DSCP/ECN' },
  'ip.flow': { ja: 'フローラベル', en: 'Flow label' },
  'ip.len': { ja: '全長', en: 'Total length' },
  'ip.id': { ja: '識別子', en: 'Identification' },
  'ip.flags': { ja: 'フラグ', en: 'Flags' },
  'ip.frag_offset': { ja: 'フラグメントオフセット', en: 'Fragment offset' },
  'ip.ttl': { ja: 'TTL（生存時間）', en: 'Time to live' },
  'ip.proto': { ja: 'プロトコル', en: 'Protocol' },
  'ip.checksum': { ja: 'ヘッダチェックサム', en: 'Header checksum' },
  'ip.src': { ja: '送信元IPアドレス', en: 'Source address' },
  'ip.dst': { ja: '宛先IPアドレス', en: 'Destination address' },
  'tcp.srcport': { ja: '送信元ポート', en: 'Source port' },
  'tcp.dstport': { ja: '宛先ポート', en: 'Destination port' },
  'tcp.seq': { ja: 'シーケンス番号', en: 'Sequence number' },
  'tcp.ack': { ja: '確認応答番号', en: 'Acknowledgment number' },
  'tcp.hdr_len': { ja: 'データオフセット', en: 'Data offset' },
  'tcp.flags': { ja: 'フラグ', en: 'Flags' },
  'tcp.window': { ja: 'ウィンドウサイズ', en: 'Window' },
  'tcp.checksum': { ja: 'チェックサム', en: 'Checksum' },
  'tcp.urgent_pointer': { ja: '緊急ポインタ', en: 'Urgent pointer' },
  'tcp.options.mss': { ja: 'MSS（最大セグメントサイズ）', en: 'Maximum segment size' },
  'tcp.options.nop': { ja: 'NOP（詰め物）', en: 'No-operation (padding)' },
  'tcp.options.wscale': { ja: 'ウィンドウスケール', en: 'Window scale' },
  'tcp.options.sack_perm': { ja: 'SACK許可', en: 'SACK permitted' },
  'udp.srcport': { ja: '送信元ポート', en: 'Source port' },
  'udp.dstport': { ja: '宛先ポート', en: 'Destination port' },
  'udp.length': { ja: '長さ', en: 'Length' },
  'udp.checksum': { ja: 'チェックサム', en: 'Checksum' },
}
const IPV6_FIELDS: Readonly<Record<string, Text>> = {
  'ip.dsfield': { ja: 'トラフィッククラス', en: 'Traffic class' },
  'ip.len': { ja: 'ペイロード長', en: 'Payload length' },
  'ip.proto': { ja: '次ヘッダ', en: 'Next header' },
  'ip.ttl': { ja: 'ホップリミット', en: 'Hop limit' },
}

export function fieldLabel(lang: Lang, name: string, ipVersion: 4 | 6): string {
  return ((ipVersion === 6 ? IPV6_FIELDS[name] : undefined) ?? FIELDS[name])?.[lang] ?? name
}

const TEXT = {
  wireCut: { ja: '（残りの {n} 文字は省略）', en: '({n} more characters not shown)' },
  noPayload: { ja: 'データなし（TCP制御セグメント）', en: 'No payload (TCP control segment)' },
  tlsHandshakeBytes: { ja: 'TLSハンドシェイク（{octets} オクテット）', en: 'TLS handshake ({octets} octets)' },
  encryptedRecord: { ja: 'TLSで暗号化（レコード {octets} オクテット）', en: 'Encrypted by TLS (record of {octets} octets)' },
  sealed: { ja: '暗号化されているため、盗聴者には中身が読めません。', en: 'Encrypted: an eavesdropper cannot read what is inside.' },
  ip4Head: { ja: 'IPv4 ヘッダ（RFC 791）送信元 {src} → 宛先 {dst}', en: 'Internet Protocol Version 4, Src: {src}, Dst: {dst}' },
  ip6Head: { ja: 'IPv6 ヘッダ（RFC 8200）送信元 {src} → 宛先 {dst}', en: 'Internet Protocol Version 6, Src: {src}, Dst: {dst}' },
  tcpHead: {
    ja: 'TCP ヘッダ（RFC 9293）ポート {sp} → {dp}、Seq {seq}、Ack {ack}、データ {len} バイト',
    en: 'Transmission Control Protocol, Src Port: {sp}, Dst Port: {dp}, Seq: {seq}, Ack: {ack}, Len: {len}',
  },
  udpHead: { ja: 'UDP ヘッダ（RFC 768）ポート {sp} → {dp}', en: 'User Datagram Protocol, Src Port: {sp}, Dst Port: {dp}' },
  octets: { ja: '{n} バイト', en: '{n} bytes' },
  relative: { ja: '{abs}（相対 {rel}）', en: '{abs} (relative {rel})' },
  notSet: { ja: '0（ACKなし）', en: '0 (no ACK)' },
  scaled: { ja: '{v}（×{f} = {n} バイト）', en: '{v} (×{f} = {n} bytes)' },
  scale: { ja: '{v}（×{f}）', en: '{v} (×{f})' },
  df: { ja: 'DF（分割禁止）', en: "DF (don't fragment)" },
  legendTitle: { ja: 'バイトの色', en: 'Byte colours' },
  legendIp: { ja: 'IPヘッダ', en: 'IP header' },
  legendTcp: { ja: 'TCPヘッダ', en: 'TCP header' },
  legendUdp: { ja: 'UDPヘッダ', en: 'UDP header' },
  legendData: { ja: 'データ（暗号化なし）', en: 'Data (not encrypted)' },
  legendRecord: { ja: 'TLSレコードヘッダ', en: 'TLS record header' },
  legendOpaque: { ja: '暗号文（·· で表示）', en: 'Ciphertext (shown as ··)' },
  hexLabel: { ja: 'パケット全体の16進表示', en: 'The whole packet in hex' },
  hexHint: { ja: '項目にマウスを重ねるか Tab で選ぶと、そのバイトが強調されます。', en: 'Point at a field or Tab to it to mark its bytes.' },
  hexCut: { ja: '（残りの {n} バイトは省略）', en: '({n} more bytes not shown)' },
  dropped: {
    ja: 'このパケットは途中の {router} で捨てられ、サーバには届いていません。下は送信側が送り出したときのヘッダです。',
    en: 'This packet was dropped by {router} on the way and never reached the server. Below are the headers as the sender sent it.',
  },
  madeUp: {
    ja: '初期シーケンス番号・IPの識別子はこの教材が決めた固定値です。暗号文のバイトは実物ではなく、チェックサムは表示したバイトに対する値です。',
    en: 'The initial sequence numbers and the IP identification are fixed values chosen for this lesson. Ciphertext bytes are stand-ins; the checksums are those of the bytes shown.',
  },
} as const satisfies Record<string, Text>

export type PacketKey = keyof typeof TEXT
/** For the content checks (lessons/captions.test.ts). */
export const PACKET_TEXT = { ...TEXT, ...FIELDS, ...Object.fromEntries(Object.entries(IPV6_FIELDS).map(([k, v]) => [`v6 ${k}`, v])) }

export function tp(lang: Lang, key: PacketKey, vars: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))
}
