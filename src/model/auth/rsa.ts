// RSA for DKIM with BigInt: PKCS#1 v1.5 signatures with SHA-256 (RFC 8017 §8.2, §9.2), keys read from PEM/DER
// (PKCS#1 RSAPrivateKey, PKCS#8 PrivateKeyInfo, SubjectPublicKeyInfo or a bare RSAPublicKey). No Node APIs.
import { sha256 } from '@noble/hashes/sha2.js'

export interface RsaPublicKey {
  readonly n: bigint
  readonly e: bigint
  /** Modulus length in bits. */
  readonly bits: number
}
export interface RsaPrivateKey extends RsaPublicKey {
  readonly d: bigint
  readonly p: bigint
  readonly q: bigint
  readonly dp: bigint
  readonly dq: bigint
  readonly qinv: bigint
}

// ------------------------------------------------------------------------------------------------ base64 and bytes

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function bytesToBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0
    const b = bytes[i + 1] ?? 0
    const c = bytes[i + 2] ?? 0
    out +=
      B64[a >> 2]! +
      B64[((a & 3) << 4) | (b >> 4)]! +
      (i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)]! : '=') +
      (i + 2 < bytes.length ? B64[c & 63]! : '=')
  }
  return out
}

/** Base64 (RFC 4648 §4) to octets, whitespace ignored; null when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  const s = text.replace(/[\s]+/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return null
  const body = s.replace(/=+$/, '')
  const out = new Uint8Array(Math.floor((body.length * 3) / 4))
  let bits = 0
  let acc = 0
  let j = 0
  for (const ch of body) {
    acc = (acc << 6) | B64.indexOf(ch)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[j++] = (acc >> bits) & 0xff
    }
  }
  return out
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)

export function sha256Bytes(data: string | Uint8Array): Uint8Array {
  return sha256(typeof data === 'string' ? utf8(data) : data)
}

function toBigInt(bytes: Uint8Array): bigint {
  let hex = ''
  for (const b of bytes) hex += b.toString(16).padStart(2, '0')
  return hex === '' ? 0n : BigInt('0x' + hex)
}

function toBytes(n: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length)
  let x = n
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn)
    x >>= 8n
  }
  return out
}

const bitLength = (n: bigint): number => (n === 0n ? 0 : n.toString(2).length)

/** base^exp mod m: square-and-multiply, one hex digit of the exponent at a time (a table of base^0..base^15). */
function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  if (m === 1n) return 0n
  const b = ((base % m) + m) % m
  const table: bigint[] = [1n, b]
  for (let i = 2; i < 16; i++) table.push((table[i - 1]! * b) % m)
  const hex = exp.toString(16)
  let r = 1n
  for (const h of hex) {
    r = (r * r) % m
    r = (r * r) % m
    r = (r * r) % m
    r = (r * r) % m
    const w = parseInt(h, 16)
    if (w !== 0) r = (r * table[w]!) % m
  }
  return r
}

// ------------------------------------------------------------------------------------------------ DER

interface Tlv {
  tag: number
  body: Uint8Array
  end: number
}

function readTlv(buf: Uint8Array, at: number): Tlv | null {
  const tag = buf[at]
  let len = buf[at + 1]
  if (tag === undefined || len === undefined) return null
  let pos = at + 2
  if (len & 0x80) {
    const count = len & 0x7f
    if (count === 0 || count > 4) return null
    len = 0
    for (let i = 0; i < count; i++) {
      const b = buf[pos++]
      if (b === undefined) return null
      len = len * 256 + b
    }
  }
  if (pos + len > buf.length) return null
  return { tag, body: buf.subarray(pos, pos + len), end: pos + len }
}

/** The children of a constructed value (SEQUENCE). */
function children(body: Uint8Array): Tlv[] | null {
  const out: Tlv[] = []
  let at = 0
  while (at < body.length) {
    const t = readTlv(body, at)
    if (!t) return null
    out.push(t)
    at = t.end
  }
  return out
}

const SEQUENCE = 0x30
const INTEGER = 0x02
const BIT_STRING = 0x03
const OCTET_STRING = 0x04
/** rsaEncryption, 1.2.840.113549.1.1.1 (RFC 8017 Appendix C). */
const RSA_OID = Uint8Array.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01])

function sequence(bytes: Uint8Array): Tlv[] | null {
  const t = readTlv(bytes, 0)
  if (!t || t.tag !== SEQUENCE || t.end !== bytes.length) return null
  return children(t.body)
}

const integers = (items: Tlv[]): bigint[] | null => (items.every((t) => t.tag === INTEGER) ? items.map((t) => toBigInt(t.body)) : null)

/** RSAPrivateKey (RFC 8017 Appendix A.1.2). */
function rsaPrivateKey(der: Uint8Array): RsaPrivateKey | null {
  const items = sequence(der)
  const v = items && items.length >= 9 ? integers(items.slice(0, 9)) : null
  if (!v) return null
  const [, n, e, d, p, q, dp, dq, qinv] = v as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint]
  return { n, e, d, p, q, dp, dq, qinv, bits: bitLength(n) }
}

/** RSAPublicKey (RFC 8017 Appendix A.1.1). */
function rsaPublicKey(der: Uint8Array): RsaPublicKey | null {
  const items = sequence(der)
  const v = items && items.length === 2 ? integers(items) : null
  if (!v) return null
  const [n, e] = v as [bigint, bigint]
  return { n, e, bits: bitLength(n) }
}

const isRsaAlgorithm = (t: Tlv | undefined): boolean => {
  if (!t || t.tag !== SEQUENCE) return false
  const c = children(t.body)
  const oid = c?.[0]
  return oid !== undefined && oid.tag === 0x06 && oid.body.length === 9 && oid.body.every((b, i) => b === RSA_OID[i + 2])
}

/** A private key from DER: PKCS#8 PrivateKeyInfo (RFC 5208 §5) or PKCS#1 RSAPrivateKey. */
export function privateKeyFromDer(der: Uint8Array): RsaPrivateKey | null {
  const items = sequence(der)
  if (items && items.length >= 3 && items[0]?.tag === INTEGER && isRsaAlgorithm(items[1]) && items[2]?.tag === OCTET_STRING) return rsaPrivateKey(items[2].body)
  return rsaPrivateKey(der)
}

/** A public key from DER: SubjectPublicKeyInfo (RFC 5280 §4.1) or a bare RSAPublicKey. */
export function publicKeyFromDer(der: Uint8Array): RsaPublicKey | null {
  const items = sequence(der)
  if (items && items.length === 2 && isRsaAlgorithm(items[0]) && items[1]?.tag === BIT_STRING && items[1].body[0] === 0)
    return rsaPublicKey(items[1].body.subarray(1))
  return rsaPublicKey(der)
}

/** The octets inside a PEM armour (RFC 7468), whatever its label. */
export function pemToDer(pem: string): Uint8Array | null {
  const m = /-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END [A-Z0-9 ]+-----/.exec(pem)
  return base64ToBytes(m ? (m[1] ?? '') : pem)
}

export function privateKeyFromPem(pem: string): RsaPrivateKey | null {
  const der = pemToDer(pem)
  return der ? privateKeyFromDer(der) : null
}

function derLength(n: number): number[] {
  if (n < 0x80) return [n]
  const out: number[] = []
  for (let x = n; x > 0; x = Math.floor(x / 256)) out.unshift(x & 0xff)
  return [0x80 | out.length, ...out]
}
const der = (tag: number, body: ArrayLike<number>): number[] => [tag, ...derLength(body.length), ...Array.from(body)]
function derInteger(n: bigint): number[] {
  let hex = n.toString(16)
  if (hex.length % 2) hex = '0' + hex
  const bytes = hex.match(/../g)!.map((h) => parseInt(h, 16))
  if ((bytes[0] ?? 0) & 0x80) bytes.unshift(0)
  return der(INTEGER, bytes)
}

/** SubjectPublicKeyInfo DER for an RSA public key (RFC 5280 §4.1.2.7, RFC 8017 Appendix A.1.1). */
export function subjectPublicKeyInfo(key: RsaPublicKey): Uint8Array {
  const rsaKey = der(SEQUENCE, [...derInteger(key.n), ...derInteger(key.e)])
  const algorithm = der(SEQUENCE, [...RSA_OID, 0x05, 0x00])
  return Uint8Array.from(der(SEQUENCE, [...algorithm, ...der(BIT_STRING, [0, ...rsaKey])]))
}

// ------------------------------------------------------------------------------------------------ PKCS#1 v1.5

/** DigestInfo prefix for SHA-256 (RFC 8017 §9.2, Note 1). */
const SHA256_DIGEST_INFO = Uint8Array.from([0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20])

/** EMSA-PKCS1-v1_5-ENCODE(M, k) with SHA-256 (RFC 8017 §9.2): 00 01 FF..FF 00 DigestInfo H. Null when k is too small. */
function emsaPkcs1v15(message: Uint8Array, k: number): Uint8Array | null {
  const t = new Uint8Array(SHA256_DIGEST_INFO.length + 32)
  t.set(SHA256_DIGEST_INFO)
  t.set(sha256(message), SHA256_DIGEST_INFO.length)
  if (k < t.length + 11) return null
  const em = new Uint8Array(k).fill(0xff)
  em[0] = 0
  em[1] = 1
  em[k - t.length - 1] = 0
  em.set(t, k - t.length)
  return em
}

/** RSASSA-PKCS1-V1_5-SIGN (RFC 8017 §8.2.1) with SHA-256; RSASP1 by the Chinese remainder theorem (§5.2.1 2.b). */
export function rsaSign(key: RsaPrivateKey, message: Uint8Array): Uint8Array | null {
  const k = Math.ceil(key.bits / 8)
  const em = emsaPkcs1v15(message, k)
  if (!em) return null
  const m = toBigInt(em)
  const s1 = modPow(m, key.dp, key.p)
  const s2 = modPow(m, key.dq, key.q)
  const h = (((s1 - s2) % key.p) + key.p) % key.p
  const s = s2 + key.q * ((key.qinv * h) % key.p)
  return toBytes(s, k)
}

/** RSASSA-PKCS1-V1_5-VERIFY (RFC 8017 §8.2.2) with SHA-256: the signature's length, range, and the encoded message compared whole. */
export function rsaVerify(key: RsaPublicKey, message: Uint8Array, signature: Uint8Array): boolean {
  const k = Math.ceil(key.bits / 8)
  if (signature.length !== k) return false
  const s = toBigInt(signature)
  if (s >= key.n) return false
  const em = toBytes(modPow(s, key.e, key.n), k)
  const expected = emsaPkcs1v15(message, k)
  if (!expected) return false
  let diff = 0
  for (let i = 0; i < k; i++) diff |= (em[i] ?? 0) ^ (expected[i] ?? 0)
  return diff === 0
}
