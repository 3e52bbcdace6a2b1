// A small static server for dist/ that sends the app's Content Security Policy as an HTTP header, as a host
// would (scripts/csp.mjs), and can be shut down from a test to take the network away for real (e2e/offline.spec.ts,
// e2e/csp.spec.ts start it in-process on a free port).
// Usage: npm run build && node scripts/serve-csp.mjs [port]      (default: the e2e port + 400; 0 for any free one)
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { dirname, extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CSP } from './csp.mjs'
import { e2ePort } from './preview.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}

/**
 * Serves `dir` (default dist/) on 127.0.0.1. Every response carries the CSP header (unless `csp` is false) and
 * `X-Content-Type-Options: nosniff`. `override(path, body)` serves other bytes for one path from then on (a test
 * publishes a "new version" of sw.js with it); `close()` stops the server and drops open connections.
 * @param {{ port?: number, dir?: string, csp?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void>, override: (path: string, body: string | null) => void }>}
 */
export async function serveDist({ port = 0, dir = join(ROOT, 'dist'), csp = true } = {}) {
  const root = resolve(dir)
  /** @type {Map<string, string>} */
  const overrides = new Map()
  const server = createServer(async (req, res) => {
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache', ...(csp ? { 'Content-Security-Policy': CSP } : {}) }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end()
      return
    }
    let path
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    } catch {
      res.writeHead(400, headers).end()
      return
    }
    if (path.endsWith('/')) path += 'index.html'
    const file = resolve(root, `.${path}`)
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(404, headers).end()
      return
    }
    const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(file).toLowerCase())] ?? 'application/octet-stream'
    const replaced = overrides.get(path)
    if (replaced !== undefined) {
      res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(replaced) })
      res.end(req.method === 'HEAD' ? undefined : replaced)
      return
    }
    try {
      const info = await stat(file)
      if (!info.isFile()) throw new Error('not a file')
      res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': info.size })
      if (req.method === 'HEAD') res.end()
      else createReadStream(file).pipe(res)
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n')
    }
  })
  await new Promise((ok, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', () => ok(undefined))
  })
  const actual = /** @type {import('node:net').AddressInfo} */ (server.address()).port
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok())
        server.closeAllConnections()
      }),
    override: (p, body) => (body === null ? overrides.delete(p) : overrides.set(p, body)),
  }
}

/** The bytes dist/ serves at `path` (e.g. '/sw.js'), to change them for override(). */
export const readDist = (path, dir = join(ROOT, 'dist')) => readFile(join(dir, path), 'utf8')

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = process.argv[2]
  const { url } = await serveDist({ port: arg === undefined ? e2ePort(ROOT) + 400 : Number(arg) })
  console.log(`dist/ with the CSP header at ${url}  (Ctrl+C to stop)\nContent-Security-Policy: ${CSP}`)
}
