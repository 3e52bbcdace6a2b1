import { md5 } from 'js-md5'

/** APOP digest: lowercase hex MD5 of the greeting's timestamp followed by the shared secret (RFC 1939 §7). */
export function apopDigest(timestamp: string, secret: string): string {
  return md5(timestamp + secret)
}
