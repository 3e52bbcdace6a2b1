// Speed figures (a benchmark, not a test): engine throughput, lesson compile time, and in Chromium the
// cold page load to a drawn diagram and the time from a key press to the next arrow.
// Usage: npm run build && npm run bench
import { performance } from 'node:perf_hooks'
import { chromium } from '@playwright/test'
import { runnerImport } from 'vite'
import { launchOptions } from './browser-path.mjs'
import { startPreview } from './preview.mjs'

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}
const ms = (x) => `${x.toFixed(2)} ms`

// 1. Engine: SMTP lines per second through the stateful facade.
const { module: model } = await runnerImport('/src/model/index.ts', { configFile: false, logLevel: 'error' })
const lines = ['EHLO c.test', 'MAIL FROM:<a@c.test>', 'RCPT TO:<user1@example.test>', 'DATA', 'Subject: x', '', 'body', '.', 'RSET']
let n = 0
const t0 = performance.now()
while (performance.now() - t0 < 1000) {
  const s = model.createServer('smtp')
  s.open()
  for (let i = 0; i < 20; i++)
    for (const l of lines) {
      s.receive(l)
      n++
    }
}
console.log(`SMTP engine: ${Math.round(n / ((performance.now() - t0) / 1000)).toLocaleString('en')} client lines per second`)

// 2. Lessons: compile every scenario (engine + captions), as the build does.
const { module: compile } = await runnerImport('/src/lessons/compile.ts', { configFile: false, logLevel: 'error' })
const ids = compile.scenarioList().map((s) => s.id)
const times = []
for (let r = 0; r < 20; r++) {
  const a = performance.now()
  for (const id of ids) compile.compileById(id)
  times.push(performance.now() - a)
}
console.log(`compile all ${ids.length} lessons: median ${ms(median(times))}`)

// 3. The page, in Chromium: cold load to the drawn diagram, and key press to the next arrow.
const server = await startPreview()
try {
  const browser = await chromium.launch(launchOptions())
  const loads = []
  const stepsMs = []
  for (let r = 0; r < 5; r++) {
    const context = await browser.newContext({ reducedMotion: 'reduce' })
    const page = await context.newPage()
    const a = performance.now()
    await page.goto(`${server.url}?scenario=smtp-basic&step=21&lang=ja`)
    await page.waitForSelector('[data-testid="message"][data-index="21"]')
    loads.push(performance.now() - a)
    await page.keyboard.press('Home')
    for (let i = 0; i < 10; i++) {
      const d = await page.evaluate(async (k) => {
        const before = document.querySelectorAll('[data-testid="message"]').length
        const t = performance.now()
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }))
        while (document.querySelectorAll('[data-testid="message"]').length === before) await new Promise((res) => requestAnimationFrame(res))
        return performance.now() - t + k * 0
      }, i)
      stepsMs.push(d)
    }
    await context.close()
  }
  await browser.close()
  console.log(`cold load to the drawn diagram (21 arrows): median ${ms(median(loads))} of ${loads.length}`)
  console.log(`→ key to the next arrow on screen: median ${ms(median(stepsMs))} of ${stepsMs.length} (includes one animation frame)`)
} finally {
  server.close()
}
