// The import's module Web Worker: parses a capture off the main thread, so a 100 MB file does not freeze the
// page. Messages: in `{ type: 'parse', bytes }` or `{ type: 'cancel' }`; out `progress`, `done`, `error`.
// A parse runs to its end in one task, so a 'cancel' sent meanwhile is read only afterwards: parseInWorker
// (./run.ts) cancels by terminating the worker; the message is kept for a worker that is between files.

import { readCapture } from './capture/index'
import { ImportError, type ImportResult } from './types'

export type WorkerRequest = { type: 'parse'; bytes: ArrayBuffer } | { type: 'cancel' }
export type WorkerReply = { type: 'progress'; fraction: number } | { type: 'done'; result: ImportResult } | { type: 'error'; en: string; ja: string }

/** What a worker's global scope offers here (the DOM library types `self` as a window). */
interface WorkerScope {
  postMessage(message: WorkerReply): void
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerRequest>) => void): void
}

const scope = globalThis as unknown as WorkerScope
let signal = { cancelled: false }

scope.addEventListener('message', (e) => {
  const m = e.data
  if (m.type === 'cancel') {
    signal.cancelled = true
    return
  }
  signal = { cancelled: false }
  try {
    const result = readCapture(new Uint8Array(m.bytes), (fraction) => scope.postMessage({ type: 'progress', fraction }), signal)
    scope.postMessage({ type: 'done', result })
  } catch (x) {
    // An ImportError says what is wrong with the file; anything else is a fault of the reader, said as such.
    if (x instanceof ImportError) scope.postMessage({ type: 'error', en: x.en, ja: x.ja })
    else
      scope.postMessage({
        type: 'error',
        en: 'The capture could not be read: the reader failed on it (please report the file).',
        ja: 'キャプチャを読み込めませんでした。読み込み処理が失敗しました（ファイルをお知らせください）。',
      })
  }
})
