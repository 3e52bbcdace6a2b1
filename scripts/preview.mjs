// The built app served by `vite preview` for the scripts and the e2e tests, on a port no other checkout uses.
// Several checkouts of this project (worktrees) run on one machine: a fixed port would let one checkout's tests
// or measurements silently talk to another checkout's server, and its build.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { resolve } from 'node:path'

/**
 * The e2e server's port: E2E_PORT, else one derived from this checkout's directory (4200–4599), the same in
 * Playwright's runner and its workers, and different for two checkouts (almost always; E2E_PORT otherwise).
 * @param {string} dir the checkout's directory
 */
export function e2ePort(dir) {
  if (process.env.E2E_PORT) return Number(process.env.E2E_PORT)
  let h = 0
  for (const ch of resolve(dir)) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return 4200 + (h % 400)
}

/** A port that is free right now, from the operating system. */
function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', fail)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address())
      srv.close(() => ok(port))
    })
  })
}

/**
 * Starts `vite preview` (the last build, dist/) on a free port and waits until it answers.
 * Rejects if vite exits first (no build, port taken) instead of measuring whatever else answers.
 * @returns {Promise<{ url: string, close: () => void }>}
 */
export async function startPreview() {
  const port = await freePort()
  const server = spawn('node_modules/.bin/vite', ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' })
  let exited = null
  server.on('exit', (code) => (exited = code ?? 'signal'))
  const url = `http://127.0.0.1:${port}/`
  for (let i = 0; i < 100; i++) {
    if (exited !== null) throw new Error(`vite preview exited (${exited}) before serving ${url}: is there a build (npm run build)?`)
    try {
      if ((await fetch(url)).ok) return { url, close: () => server.kill() }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  server.kill()
  throw new Error(`vite preview did not answer on ${url} within 10 s`)
}
