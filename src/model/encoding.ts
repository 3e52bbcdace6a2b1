// Text <-> bytes helpers that work the same in Node and in the browser (no Buffer).

const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** Base64 of the UTF-8 bytes of `text` (RFC 4648 §4). */
export function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin)
}

/** Decodes base64 to text (UTF-8, NUL kept); null when the input is not valid base64. */
export function fromBase64(b64: string): string | null {
  if (!B64.test(b64)) return null
  const bin = atob(b64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes)
}

/** Number of octets `text` takes on the wire (UTF-8). */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length
}
