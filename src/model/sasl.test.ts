// SASL PLAIN and LOGIN decoding, checked against the RFCs' own examples.
import { describe, expect, it } from 'vitest'
import { SASL_RESPONSE_LIMIT, checkPassword, decodeLogin, decodePlain, initialResponse, parsePlain, plainAuthorizes, saslLineTooLong, saslSecret } from './sasl'

describe('SASL PLAIN (RFC 4616)', () => {
  it('§4 first example: "<NUL>tim<NUL>tanstaaftanstaaf" authenticates tim as himself', () => {
    // The example's 21 octets, in base64.
    const r = decodePlain('AHRpbQB0YW5zdGFhZnRhbnN0YWFm')
    expect(r).toEqual({ ok: true, decoded: '\0tim\0tanstaaftanstaaf', credentials: { authzid: '', authcid: 'tim', passwd: 'tanstaaftanstaaf' } })
    expect(r.ok && plainAuthorizes(r.credentials)).toBe(true)
  })

  it('§4 second example: "Kurt<NUL>kurt<NUL>xipj3plmq" asks to act as someone else, which is refused', () => {
    const r = decodePlain('S3VydABrdXJ0AHhpcGozcGxtcQ==')
    expect(r.ok && r.credentials).toEqual({ authzid: 'Kurt', authcid: 'kurt', passwd: 'xipj3plmq' })
    expect(r.ok && plainAuthorizes(r.credentials)).toBe(false)
  })

  it('RFC 4954 §4.1: AUTH PLAIN dGVzdAB0ZXN0ADEyMzQ= carries test / test / 1234', () => {
    const r = decodePlain('dGVzdAB0ZXN0ADEyMzQ=')
    expect(r.ok && r.credentials).toEqual({ authzid: 'test', authcid: 'test', passwd: '1234' })
    expect(r.ok && plainAuthorizes(r.credentials)).toBe(true)
  })

  it('UTF-8 names and passwords (RFC 4616 §2: UTF8-encoded Unicode)', () => {
    const r = decodePlain('AMOpbMOodmUAbW90IGRlIHBhc3Nl')
    expect(r.ok && r.credentials).toEqual({ authzid: '', authcid: 'élève', passwd: 'mot de passe' })
  })

  it('RFC 4954 §4: characters outside the alphabet and "=" before the end are not base64', () => {
    expect(decodePlain('=AAA')).toEqual({ ok: false, reason: 'base64' })
    expect(decodePlain('AAA=BBB')).toEqual({ ok: false, reason: 'base64' })
    expect(decodePlain('AHRpbQB0 YW5z')).toEqual({ ok: false, reason: 'base64' })
  })

  it('a message without two NULs, or with an empty authcid or passwd, is malformed (RFC 4616 §2: 1*SAFE)', () => {
    expect(decodePlain('dXNlcjEAcGFzc3dvcmQx')).toEqual({ ok: false, reason: 'malformed', decoded: 'user1\0password1' })
    expect(decodePlain('AHVzZXIxAA==')).toEqual({ ok: false, reason: 'malformed', decoded: '\0user1\0' })
    expect(parsePlain('\0\0secret')).toBeNull()
    expect(parsePlain('a\0b\0c\0d')).toBeNull()
  })

  it('"=" is an empty initial response (RFC 4954 §4)', () => {
    expect(initialResponse('=')).toBe('')
    expect(initialResponse('AHRpbQ==')).toBe('AHRpbQ==')
  })
})

describe('SASL LOGIN', () => {
  it('each answer is one base64 line', () => {
    expect(decodeLogin('dXNlcjE=')).toBe('user1')
    expect(decodeLogin('cGFzc3dvcmQx')).toBe('password1')
    expect(decodeLogin('%%%')).toBeNull()
  })
})

describe('checkPassword', () => {
  const users = { user1: 'password1', user2: 'password2' }
  it('accepts only a configured user with its own password', () => {
    expect(checkPassword(users, 'user1', 'password1')).toBe(true)
    expect(checkPassword(users, 'user1', 'password2')).toBe(false)
    expect(checkPassword(users, 'User1', 'password1')).toBe(false)
    expect(checkPassword(users, 'nobody', 'password1')).toBe(false)
  })
  it('never takes inherited properties for users', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(checkPassword(users, name, '')).toBe(false)
      expect(checkPassword(users, name, 'undefined')).toBe(false)
    }
  })
})

describe('what an eavesdropper decodes', () => {
  it('a PLAIN line gives the user name and the password', () => {
    expect(saslSecret('AHVzZXIxAHBhc3N3b3JkMQ==', 'plain')).toEqual({
      form: 'base64',
      encoded: 'AHVzZXIxAHBhc3N3b3JkMQ==',
      decoded: '\0user1\0password1',
      user: 'user1',
      password: 'password1',
    })
  })
  it('LOGIN lines give one each', () => {
    expect(saslSecret('dXNlcjE=', 'login-user')).toEqual({ form: 'base64', encoded: 'dXNlcjE=', decoded: 'user1', user: 'user1' })
    expect(saslSecret('cGFzc3dvcmQx', 'login-password')).toEqual({ form: 'base64', encoded: 'cGFzc3dvcmQx', decoded: 'password1', password: 'password1' })
  })
  it('no secret when the line is not base64', () => {
    expect(saslSecret('*', 'plain')).toBeUndefined()
  })
})

describe('response line limit (RFC 4954 §4: 12288 octets)', () => {
  it('counts octets, not characters', () => {
    expect(SASL_RESPONSE_LIMIT).toBe(12288)
    expect(saslLineTooLong('A'.repeat(12288))).toBe(false)
    expect(saslLineTooLong('A'.repeat(12289))).toBe(true)
    expect(saslLineTooLong('é'.repeat(6144))).toBe(false)
    expect(saslLineTooLong('é'.repeat(6145))).toBe(true)
    expect(saslLineTooLong('A'.repeat(1 << 20))).toBe(true)
  })
})
