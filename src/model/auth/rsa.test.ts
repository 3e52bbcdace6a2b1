// Our BigInt RSA against Node's OpenSSL: same PKCS#1 v1.5 signature bytes, each side verifies the other.
import { generateKeyPairSync, sign, verify } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64, pemToDer, privateKeyFromPem, publicKeyFromDer, rsaSign, rsaVerify } from './rsa'

const keys = [1024, 2048].map((bits) => ({ bits, ...generateKeyPairSync('rsa', { modulusLength: bits }) }))

describe('RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2)', () => {
  for (const { bits, privateKey, publicKey } of keys) {
    for (const type of ['pkcs1', 'pkcs8'] as const) {
      it(`${bits}-bit ${type} key: the same signature as OpenSSL, verified both ways`, () => {
        const key = privateKeyFromPem(privateKey.export({ type, format: 'pem' }) as string)
        expect(key?.bits).toBe(bits)
        const pub = publicKeyFromDer(pemToDer(publicKey.export({ type: 'spki', format: 'pem' }) as string)!)!
        for (const text of ['', 'hello', 'x'.repeat(5000)]) {
          const msg = new TextEncoder().encode(text)
          const ours = rsaSign(key!, msg)!
          const theirs = sign('sha256', msg, privateKey)
          expect(bytesToBase64(ours)).toBe(theirs.toString('base64'))
          expect(verify('sha256', msg, publicKey, ours)).toBe(true)
          expect(rsaVerify(pub, msg, new Uint8Array(theirs))).toBe(true)
          const tampered = Uint8Array.from(ours)
          tampered[tampered.length - 1]! ^= 1
          expect(rsaVerify(pub, msg, tampered)).toBe(false)
        }
      })
    }
  }
  it('a bare RSAPublicKey (PKCS#1) is read too', () => {
    const { publicKey } = keys[0]!
    const pkcs1 = publicKey.export({ type: 'pkcs1', format: 'der' })
    expect(publicKeyFromDer(new Uint8Array(pkcs1))?.bits).toBe(1024)
  })
  it('base64 both ways matches Node', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff)
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
      expect([...base64ToBytes(Buffer.from(bytes).toString('base64'))!]).toEqual([...bytes])
    }
    expect(base64ToBytes('not base64!')).toBeNull()
  })
  it('garbage is not a key', () => {
    expect(privateKeyFromPem('-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----')).toBeNull()
    expect(publicKeyFromDer(new Uint8Array([0x30, 0x82, 0xff]))).toBeNull()
  })
})
