// Per-line and per-step costs of a long session (a benchmark, not a test): how much main-thread work one
// Enter, one pasted block and one arrow key take when the sandbox already holds 200, 2,000 or 10,000 lines.
// Usage: npm run build && npm run bench:sandbox
import { performance } from 'node:perf_hooks'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { runnerImport } from 'vite'
import { launchOptions } from './browser-path.mjs'
import { startPreview } from './preview.mjs'

const SIZES = [200, 2_000, 10_000]
/** A session holds at most 10,000 entries: the largest size is measured from 9,800 on, up to the limit. */
const start = (n) => Math.min(n, 10_000 - 200)
const REPEAT = 15
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}
const range = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`
const sessionOf = (protocol, n) => Array.from({ length: n }, (_, i) => ({ send: protocol === 'imap' ? `a${i + 1} NOOP` : i % 2 ? 'NOOP' : 'RSET' }))

// 1. The pure sandbox (Node): one more line appended to a session of n lines.
const { module: sandbox } = await runnerImport('/src/sandbox/session.ts', { configFile: false, logLevel: 'error' })
const { module: setup } = await runnerImport('/src/sandbox/setup.ts', { configFile: false, logLevel: 'error' })
console.log('appendInput, one line (Node), median of 200:')
for (const protocol of ['smtp', 'imap']) {
  for (const n of SIZES) {
    let s = sandbox.openSandbox(setup.parseSetup(new URLSearchParams(`protocol=${protocol}`)), sessionOf(protocol, start(n)))
    const t = []
    for (let i = 0; i < 200; i++) {
      const a = performance.now()
      s = sandbox.appendInput(s, 'NOOP', { autoTag: true }).session
      t.push(performance.now() - a)
    }
    console.log(`  ${protocol} at ${String(n).padStart(6)} lines: ${(median(t) * 1000).toFixed(0)} µs`)
  }
}

// 2. The page (Chromium): main-thread work from the key event to a laid-out page, for Enter, a paste and an
// arrow key. (Event handling, React's render and commit, style and layout; the paint that follows is not timed.)
const server = await startPreview()
try {
  const browser = await chromium.launch(launchOptions())
  const rows = []
  for (const protocol of ['smtp', 'imap']) {
    for (const n of SIZES) {
      const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1366, height: 768 } })
      const page = await context.newPage()
      // Long sessions arrive as a session file (an IMAP session of 10,000 tagged lines is too long for a link).
      const file = join(tmpdir(), `bench-${protocol}-${n}.json`)
      const m = start(n)
      writeFileSync(file, JSON.stringify({ format: 'mail-sequence-session', version: 1, setup: { protocol }, entries: sessionOf(protocol, m) }))
      await page.goto(`${server.url}?mode=sandbox&protocol=${protocol}&lang=en`)
      await page.waitForSelector('[data-testid="step-counter"][data-total="4"]')
      await page.getByTestId('sandbox.open').setInputFiles(file)
      await page.waitForSelector(`[data-testid="step-counter"][data-total="${4 + 2 * m}"]`, { timeout: 60_000 })
      const input = page.getByTestId('sandbox.input')
      const enter = []
      for (let i = 0; i < REPEAT; i++) {
        await input.fill('NOOP')
        enter.push(
          await page.evaluate(async () => {
            const el = document.querySelector('[data-testid="sandbox.input"]')
            const t = performance.now()
            el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))
            await new Promise((r) => queueMicrotask(r)) // React renders discrete updates in a microtask
            void document.body.offsetHeight // style and layout, now
            const work = performance.now() - t
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
            return [work, performance.now() - t]
          }),
        )
        await page.waitForTimeout(30)
      }
      const arrow = []
      await page.locator('.rows-wrap').focus()
      for (let i = 0; i < REPEAT; i++) {
        arrow.push(
          await page.evaluate(async () => {
            const t = performance.now()
            window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, cancelable: true }))
            await new Promise((r) => queueMicrotask(r))
            void document.body.offsetHeight
            const work = performance.now() - t
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
            return [work, performance.now() - t]
          }),
        )
        await page.waitForTimeout(30)
      }
      rows.push({ protocol, n, enter, arrow })
      await context.close()
    }
  }
  // A paste of 600 lines into the IMAP sandbox (the first version froze for 19.6 s).
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1366, height: 768 } })
  const page = await context.newPage()
  await page.goto(`${server.url}?mode=sandbox&protocol=imap&lang=en`)
  await page.waitForSelector('[data-testid="step-counter"][data-total="4"]')
  const paste = await page.evaluate(async () => {
    const el = document.querySelector('[data-testid="sandbox.input"]')
    el.focus()
    const data = new DataTransfer()
    data.setData('text', Array.from({ length: 600 }, (_, i) => (i === 0 ? 'LOGIN user1 password1' : i % 3 ? 'NOOP' : 'SELECT INBOX')).join('\n'))
    const t = performance.now()
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    await new Promise((r) => queueMicrotask(r))
    void document.body.offsetHeight
    return performance.now() - t
  })
  await context.close()
  await browser.close()
  console.log(
    `\nper input in Chromium, median (range) of ${REPEAT}: main-thread work (event, render, style and layout) / until the second animation frame after it`,
  )
  const fmt = (xs) => `${median(xs.map((x) => x[0])).toFixed(1)} ms (${range(xs.map((x) => x[0]))}) / ${median(xs.map((x) => x[1])).toFixed(1)} ms`
  for (const r of rows) console.log(`  ${r.protocol} at ${String(r.n).padStart(6)} lines: Enter ${fmt(r.enter)} · arrow key ${fmt(r.arrow)}`)
  console.log(`  paste of 600 lines into the IMAP sandbox: ${paste.toFixed(0)} ms`)
} finally {
  server.close()
}
