// A small static file server for the speed benchmark (scripts/bench.mjs): every page it compares is served the
// same way, gzip for text, `Cache-Control: no-store`, from memory (the files are read and compressed once, so
// that the server's own work is no part of what is measured).
import { readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { gzipSync } from 'node:zlib'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.xml'])

/**
 * Serves `root` on a free port of 127.0.0.1.
 * @param {string} root a built site (dist/)
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serveStatic(root) {
  const base = resolve(root)
  /** @type {Map<string, { type: string, raw: Buffer, gz: Buffer | null } | null>} */
  const cache = new Map()
  const fileFor = (pathname) => {
    if (cache.has(pathname)) return cache.get(pathname)
    let rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
    if (rel === '' || rel.endsWith(sep)) rel += 'index.html'
    const file = join(base, rel)
    let entry = null
    if (file === base || file.startsWith(base + sep)) {
      try {
        if (statSync(file).isFile()) {
          const ext = extname(file)
          const raw = readFileSync(file)
          entry = { type: TYPES[ext] ?? 'application/octet-stream', raw, gz: COMPRESSIBLE.has(ext) ? gzipSync(raw, { level: 9 }) : null }
        }
      } catch {
        entry = null
      }
    }
    cache.set(pathname, entry)
    return entry
  }
  const entryFor = (url) => {
    try {
      return fileFor(new URL(url ?? '/', 'http://x').pathname)
    } catch {
      return null // a malformed address (bad percent-encoding)
    }
  }
  const server = createServer((req, res) => {
    const entry = entryFor(req.url)
    if (!entry) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end('not found')
      return
    }
    const gzip = entry.gz !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    const body = gzip ? entry.gz : entry.raw
    res.writeHead(200, {
      'Content-Type': entry.type,
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      Vary: 'Accept-Encoding',
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  })
  return new Promise((ok, fail) => {
    server.on('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
      ok({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) })
    })
  })
}
