// Runs the capture reader in its Web Worker (./worker.ts) and hands back a promise and a way to cancel.
// Under the app's CSP (scripts/csp.mjs) `new Worker(url)` is a Trusted Types sink, like the service worker's
// register(): the policy IMPORT_WORKER_POLICY turns the worker's own URL, and nothing else, into a TrustedScriptURL.
// `?worker&url` makes Vite bundle worker.ts as a module worker chunk and give its URL (same origin: worker-src 'self').

import workerUrl from './worker.ts?worker&url'
import { ImportError, type ImportResult } from './types'
import type { WorkerReply, WorkerRequest } from './worker'

/** The Trusted Types policy name for the import worker; scripts/csp.mjs lists it in `trusted-types`. */
const IMPORT_WORKER_POLICY = 'mailseq-import'

interface ScriptUrlPolicy {
  createScriptURL(input: string): unknown
}
interface ScriptUrlPolicyFactory {
  createPolicy(name: string, rules: { createScriptURL: (input: string) => string }): ScriptUrlPolicy
}

let policy: ScriptUrlPolicy | null | undefined

/** The worker's URL as a TrustedScriptURL where Trusted Types exist (one policy, made once), else the string. */
function trustedWorkerUrl(url: string): string {
  if (policy === undefined) {
    const factory = Reflect.get(globalThis, 'trustedTypes') as ScriptUrlPolicyFactory | undefined
    policy =
      typeof factory?.createPolicy === 'function'
        ? factory.createPolicy(IMPORT_WORKER_POLICY, {
            createScriptURL: (input) => {
              if (input !== url) throw new TypeError(`${IMPORT_WORKER_POLICY} makes a script URL for the import worker only, not ${input}`)
              return input
            },
          })
        : null
  }
  return policy ? (policy.createScriptURL(url) as string) : url
}

const CANCELLED = new ImportError('Reading the capture was cancelled.', 'キャプチャの読み込みを中止しました。')

/**
 * Parses a capture file in a Web Worker. `onProgress` gets the fraction read (0..1). `cancel()` stops the worker
 * at once and rejects the promise with an ImportError; a file the reader refuses rejects with its ImportError.
 */
export function parseInWorker(file: Blob, onProgress: (fraction: number) => void): { promise: Promise<ImportResult>; cancel(): void } {
  let worker: Worker | null = null
  let settled = false
  let reject: (e: ImportError) => void = () => {}
  const stop = () => {
    worker?.terminate()
    worker = null
  }
  const promise = new Promise<ImportResult>((resolve, rej) => {
    reject = (e) => {
      if (settled) return
      settled = true
      stop()
      rej(e)
    }
    file
      .arrayBuffer()
      .then((bytes) => {
        if (settled) return
        const w = new Worker(trustedWorkerUrl(new URL(workerUrl, import.meta.url).href), { type: 'module' })
        worker = w
        w.addEventListener('message', (e: MessageEvent<WorkerReply>) => {
          const m = e.data
          if (m.type === 'progress') onProgress(m.fraction)
          else if (m.type === 'done') {
            settled = true
            stop()
            resolve(m.result)
          } else reject(new ImportError(m.en, m.ja))
        })
        w.addEventListener('error', () => reject(new ImportError('The capture reader could not start.', 'キャプチャの読み込み処理を開始できませんでした。')))
        const request: WorkerRequest = { type: 'parse', bytes }
        w.postMessage(request, [bytes])
      })
      .catch(() => reject(new ImportError('The file could not be read from the disk.', 'ファイルをディスクから読み出せませんでした。')))
  })
  return { promise, cancel: () => reject(CANCELLED) }
}
