// IPv4 / IPv6 text ⇄ octets and CIDR matching, shared by the DNS wire format and SPF's ip4/ip6/a/mx.
// Pure: no Node APIs, so it runs in the browser and under Node alike.

export type IpFamily = 4 | 6
export interface IpAddress {
  readonly family: IpFamily
  /** 4 or 16 octets, network order. */
  readonly bytes: Uint8Array
}

/** Dotted-quad IPv4 (RFC 791 notation, no leading zeros beyond "0"), or null. */
export function parseIPv4(text: string): Uint8Array | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  const out = new Uint8Array(4)
  for (let i = 0; i < 4; i++) {
    const p = parts[i] ?? ''
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return null
    const n = Number(p)
    if (n > 255) return null
    out[i] = n
  }
  return out
}

/** IPv6 text (RFC 4291 §2.2: hex groups, one "::", an embedded IPv4 tail), or null. */
export function parseIPv6(text: string): Uint8Array | null {
  if (text.length === 0 || text.length > 45) return null
  let head = text
  let v4: Uint8Array | null = null
  const lastColon = text.lastIndexOf(':')
  if (lastColon >= 0 && text.slice(lastColon + 1).includes('.')) {
    v4 = parseIPv4(text.slice(lastColon + 1))
    if (!v4) return null
    head = text.slice(0, lastColon + 1) + '0:0'
  }
  const halves = head.split('::')
  if (halves.length > 2) return null
  const groups = (s: string): number[] | null => {
    if (s === '') return []
    const out: number[] = []
    for (const g of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null
      out.push(parseInt(g, 16))
    }
    return out
  }
  const left = groups(halves[0] ?? '')
  const right = halves.length === 2 ? groups(halves[1] ?? '') : []
  if (!left || !right) return null
  const total = left.length + right.length
  if (halves.length === 2 ? total > 7 : total !== 8) return null
  const all = [...left, ...new Array<number>(8 - total).fill(0), ...right]
  const out = new Uint8Array(16)
  all.forEach((g, i) => {
    out[2 * i] = g >> 8
    out[2 * i + 1] = g & 0xff
  })
  if (v4) out.set(v4, 12)
  return out
}

/** Either family; null when `text` is neither. */
export function parseIp(text: string): IpAddress | null {
  if (typeof text !== 'string') return null
  const v4 = parseIPv4(text)
  if (v4) return { family: 4, bytes: v4 }
  const v6 = parseIPv6(text)
  return v6 ? { family: 6, bytes: v6 } : null
}

/** True when the first `prefix` bits of `a` and `b` agree (same length arrays). */
export function samePrefix(a: Uint8Array, b: Uint8Array, prefix: number): boolean {
  if (a.length !== b.length || prefix < 0 || prefix > a.length * 8) return false
  const whole = Math.floor(prefix / 8)
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false
  const rest = prefix % 8
  if (rest === 0) return true
  const mask = (0xff << (8 - rest)) & 0xff
  return ((a[whole] ?? 0) & mask) === ((b[whole] ?? 0) & mask)
}

/** Nibble-reversed (IPv6) or octet-reversed (IPv4) name, for PTR lookups and SPF's %{i} (RFC 7208 §7.3). */
export function reverseName(ip: IpAddress): string {
  if (ip.family === 4) return [...ip.bytes].reverse().join('.') + '.in-addr.arpa'
  return nibbles(ip).reverse().join('.') + '.ip6.arpa'
}

/** IPv6 as 32 dot-separated nibbles, as SPF's %{i} writes it (RFC 7208 §7.3). */
export function nibbles(ip: IpAddress): string[] {
  const out: string[] = []
  for (const b of ip.bytes) out.push((b >> 4).toString(16), (b & 0xf).toString(16))
  return out
}
