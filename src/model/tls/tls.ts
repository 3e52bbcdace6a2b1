// TLS 1.3 (RFC 8446), condensed to what crosses the wire and what an eavesdropper can see:
// the handshake flights and, afterwards, application data inside encrypted records.

export interface TlsFlight {
  readonly from: 'client' | 'server'
  /** Handshake messages in this flight; braces mark the encrypted ones, as RFC 8446 §2 writes them. */
  readonly messages: readonly string[]
  /** Octets on the wire, record headers included (typical sizes; the certificate dominates). */
  readonly octets: number
  readonly key: 'client-hello' | 'server-flight' | 'client-finished'
  readonly rfc: string
}

/** The full handshake (RFC 8446 §2, Figure 1), one flight per step. */
export const TLS13_HANDSHAKE: readonly TlsFlight[] = [
  { from: 'client', key: 'client-hello', messages: ['ClientHello (key_share, supported_versions, server_name)'], octets: 517, rfc: 'RFC 8446 §4.1.2' },
  {
    from: 'server',
    key: 'server-flight',
    messages: ['ServerHello (key_share)', '{EncryptedExtensions}', '{Certificate}', '{CertificateVerify}', '{Finished}'],
    octets: 1212,
    rfc: 'RFC 8446 §4.1.3, §4.3, §4.4',
  },
  { from: 'client', key: 'client-finished', messages: ['{Finished}'], octets: 80, rfc: 'RFC 8446 §4.4.4' },
]

/** Record header (5) + plaintext + inner content type (1) + AEAD tag (16) (RFC 8446 §5.2). */
export function recordLength(plaintextOctets: number): number {
  return 5 + plaintextOctets + 1 + 16
}
