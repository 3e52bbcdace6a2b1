// Prints how much JavaScript the initial page loads (gzip), measured in Chromium against the built app:
// every script requested from navigation until the network is idle, gzipped here at level 9.
// Usage: npm run build && node scripts/bundle-size.mjs ["?scenario=smtp-basic"]   (starts vite preview itself)
import { spawn } from 'node:child_process'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { chromiumPath } from './browser-path.mjs'

const BUDGET_KB = 90
const query = process.argv[2] ?? ''
const port = 4190
const server = spawn('node_modules/.bin/vite', ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' })
try {
  for (let i = 0; i < 50; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100))
  }
  const executablePath = chromiumPath()
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
  const page = await browser.newPage()
  const scripts = []
  page.on('response', async (res) => {
    if (res.request().resourceType() !== 'script') return
    const body = await res.body()
    scripts.push({ url: new URL(res.url()).pathname, raw: body.length, gz: gzipSync(body, { level: 9 }).length })
  })
  await page.goto(`http://127.0.0.1:${port}/${query}`, { waitUntil: 'networkidle' })
  await page.waitForSelector('[data-testid="step-counter"], [data-testid="unknown-scenario"]')
  await browser.close()
  const total = scripts.reduce((n, s) => n + s.gz, 0)
  for (const s of scripts) console.log(`  ${s.url.padEnd(44)} ${(s.raw / 1024).toFixed(1).padStart(7)} KB raw ${(s.gz / 1024).toFixed(1).padStart(6)} KB gzip`)
  console.log(`initial page JavaScript: ${(total / 1024).toFixed(1)} KB gzip in ${scripts.length} files (budget ${BUDGET_KB} KB)`)
  process.exitCode = total / 1024 > BUDGET_KB ? 1 : 0
} finally {
  server.kill()
}
