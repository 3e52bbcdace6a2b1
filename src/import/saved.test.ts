// Saved sessions: written, read back the same; anything else refused with one sentence; links only when short.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkConnection } from './check'
import { decodeImportLink, encodeImportLink, readSaved, savedFile } from './saved'
import { readTranscript } from './transcript'
import { ImportError, type ImportedConnection } from './types'

const text = readFileSync(join(process.cwd(), 'fixtures/real-sessions/imap_session.txt'), 'utf8')
const result = readTranscript(text)
const conn = result.connections[0] as ImportedConnection

const refuses = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    return e instanceof ImportError && /\.$/.test(e.en) && /。$/.test(e.ja)
  }
  return false
}

describe('saved sessions', () => {
  it('a saved file reads back as the same connection, versioned v: 1', () => {
    const saved = savedFile(result, conn)
    expect(JSON.parse(saved)).toMatchObject({ v: 1, source: 'transcript', format: 'sc' })
    expect(readSaved(saved).connections).toEqual([conn])
  })

  it('foreign, broken or changed files are refused with one sentence', () => {
    const saved = savedFile(result, conn)
    for (const bad of [
      '',
      'null',
      '[]',
      '{}',
      saved.slice(0, 100),
      saved.replace('"v":1', '"v":"1"'),
      saved.replace('"from":"client"', '"from":"me"'),
      saved.replace('"port":143', '"port":70000'),
    ])
      expect(
        refuses(() => readSaved(bad)),
        bad.slice(0, 40),
      ).toBe(true)
    expect(readSaved.bind(null, saved.replace('"v":1', '"v":2'))).toThrow(/newer version/)
  })

  it('a short session goes into a link and comes back; a long one does not fit', async () => {
    const link = await encodeImportLink(savedFile(result, conn))
    expect(link).toMatch(/^i1\./)
    expect((await decodeImportLink(link ?? '')).connections).toEqual([conn])
    const big = { ...conn, chunks: Array.from({ length: 2_000 }, (_, i) => ({ from: 'client' as const, time: 0, data: `NOOP ${Math.random()} ${i}\r\n` })) }
    expect(await encodeImportLink(savedFile(result, big))).toBeNull()
    await expect(decodeImportLink('i1.!!')).rejects.toBeInstanceOf(ImportError)
  })

  it('fuzz: the check never throws on a connection of random writes', () => {
    const write = fc.record({
      from: fc.constantFrom('client' as const, 'server' as const),
      time: fc.constant(0),
      data: fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, '') + '\r\n'),
    })
    fc.assert(
      fc.property(fc.constantFrom('smtp' as const, 'pop3' as const, 'imap' as const), fc.array(write, { maxLength: 12 }), (protocol, chunks) => {
        const c: ImportedConnection = {
          ...conn,
          protocol,
          chunks: [{ from: 'server', time: 0, data: protocol === 'smtp' ? '220 x\r\n' : protocol === 'pop3' ? '+OK\r\n' : '* OK\r\n' }, ...chunks],
        }
        expect(checkConnection(c).verdicts).toHaveLength(c.chunks.length)
      }),
      { numRuns: 1_000 },
    )
  })
})
