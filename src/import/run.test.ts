// parseInWorker and the worker, without a browser: a stand-in Worker class records what the client asks and
// answers as the worker would; the worker module runs against a stand-in global scope. (The real Worker, its
// bundling and the CSP are the import page's e2e test.)

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import type { ImportResult } from './types'
import type { WorkerReply, WorkerRequest } from './worker'

vi.mock('./worker.ts?worker&url', () => ({ default: 'https://app.example/assets/worker-abc.js' }))

class FakeWorker {
  static made: FakeWorker[] = []
  readonly listeners: Record<string, ((e: { data: unknown }) => void)[]> = {}
  readonly sent: unknown[] = []
  terminated = false
  constructor(
    readonly url: unknown,
    readonly options: unknown,
  ) {
    FakeWorker.made.push(this)
  }
  addEventListener(type: string, l: (e: { data: unknown }) => void) {
    ;(this.listeners[type] ??= []).push(l)
  }
  postMessage(m: unknown) {
    this.sent.push(m)
  }
  terminate() {
    this.terminated = true
  }
  reply(m: WorkerReply) {
    for (const l of this.listeners.message ?? []) l({ data: m })
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0))
const RESULT: ImportResult = { source: 'pcap', connections: [], packets: 0, skipped: 0 }

describe('parseInWorker', () => {
  beforeEach(() => {
    FakeWorker.made = []
    vi.stubGlobal('Worker', FakeWorker)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.resetModules()
  })

  test('starts a module worker on the bundled URL, sends the bytes, passes progress on, resolves with the result', async () => {
    const { parseInWorker } = await import('./run')
    const seen: number[] = []
    const run = parseInWorker(new Blob([new Uint8Array([1, 2, 3])]), (f) => seen.push(f))
    await settle()
    const w = FakeWorker.made[0]!
    expect(w.url).toBe('https://app.example/assets/worker-abc.js')
    expect(w.options).toEqual({ type: 'module' })
    const req = w.sent[0] as WorkerRequest & { bytes: ArrayBuffer }
    expect(req.type).toBe('parse')
    expect([...new Uint8Array(req.bytes)]).toEqual([1, 2, 3])
    w.reply({ type: 'progress', fraction: 0.5 })
    w.reply({ type: 'done', result: RESULT })
    await expect(run.promise).resolves.toEqual(RESULT)
    expect(seen).toEqual([0.5])
    expect(w.terminated).toBe(true)
  })

  test('an error from the worker rejects with its ImportError; cancel terminates and rejects', async () => {
    const { parseInWorker } = await import('./run')
    const bad = parseInWorker(new Blob(['x']), () => {})
    await settle()
    FakeWorker.made[0]!.reply({ type: 'error', en: 'The file is empty.', ja: 'ファイルが空です。' })
    await expect(bad.promise).rejects.toMatchObject({ en: 'The file is empty.', ja: 'ファイルが空です。' })

    const run = parseInWorker(new Blob(['x']), () => {})
    await settle()
    run.cancel()
    // Modules are fresh per test (resetModules): the ImportError class is the one run.ts loaded.
    const types = await import('./types')
    await expect(run.promise).rejects.toBeInstanceOf(types.ImportError)
    await expect(run.promise).rejects.toMatchObject({ en: expect.stringMatching(/cancelled/) })
    expect(FakeWorker.made[1]!.terminated).toBe(true)
  })

  test('where Trusted Types exist, the URL goes through the mailseq-import policy, which refuses any other URL', async () => {
    const made: { name: string; rules: { createScriptURL: (s: string) => string } }[] = []
    vi.stubGlobal('trustedTypes', {
      createPolicy: (name: string, rules: { createScriptURL: (s: string) => string }) => {
        made.push({ name, rules })
        return { createScriptURL: (s: string) => ({ trusted: rules.createScriptURL(s) }) }
      },
    })
    const { parseInWorker } = await import('./run')
    parseInWorker(new Blob(['x']), () => {})
    await settle()
    expect(made.map((p) => p.name)).toEqual(['mailseq-import'])
    expect(FakeWorker.made[0]!.url).toEqual({ trusted: 'https://app.example/assets/worker-abc.js' })
    expect(() => made[0]!.rules.createScriptURL('https://evil.example/x.js')).toThrow(TypeError)
  })
})

describe('the worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.resetModules()
  })

  async function worker() {
    const replies: WorkerReply[] = []
    let listener: (e: { data: WorkerRequest }) => void = () => {}
    vi.stubGlobal('addEventListener', (_: string, l: typeof listener) => (listener = l))
    vi.stubGlobal('postMessage', (m: WorkerReply) => replies.push(m))
    await import('./worker')
    return { replies, send: (m: WorkerRequest) => listener({ data: m }) }
  }

  test('parses a real capture: progress, then done with its connection', async () => {
    const w = await worker()
    const file = readFileSync(join(__dirname, '../../fixtures/real-sessions/pcap/smtp_basic_helo.pcap'))
    w.send({ type: 'parse', bytes: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) })
    expect(w.replies.at(-2)).toEqual({ type: 'progress', fraction: 1 })
    const done = w.replies.at(-1)!
    expect(done.type).toBe('done')
    expect(done.type === 'done' && done.result.connections.map((c) => c.protocol)).toEqual(['smtp'])
  })

  test('a file it cannot read: one error message with both languages', async () => {
    const w = await worker()
    w.send({ type: 'parse', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]).buffer })
    expect(w.replies).toEqual([{ type: 'error', en: 'This is a PNG image, not a capture file.', ja: 'これは PNG 画像で、キャプチャファイルではありません。' }])
  })
})
