// Stand-in for the capture reader (branch `capture`: src/import/run.ts, src/import/capture/index.ts) until it is
// merged: the lead replaces the import of this file in src/ui/import/ImportPage.tsx by those two and deletes it.
import { ImportError, type ImportResult } from './types'

/** pcap (µs and ns, both byte orders) and pcapng section headers. */
export function looksLikeCapture(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false
  const m = ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)
  return [0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1, 0x0a0d0d0a].includes(m >>> 0)
}

export function parseInWorker(_file: Blob, _onProgress: (fraction: number) => void): { promise: Promise<ImportResult>; cancel(): void } {
  return {
    promise: Promise.reject(
      new ImportError(
        'This build cannot read packet captures yet; paste a transcript instead.',
        'この版はまだパケットキャプチャを読めません。代わりにテキストを貼り付けてください。',
      ),
    ),
    cancel() {},
  }
}
