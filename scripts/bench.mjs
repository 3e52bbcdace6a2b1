// Speed figures (a benchmark, not a test; nothing here gates on time).
//   npm run bench                  engine figures, then the app beside two reference pages in Chromium
//   npm run bench -- --lighthouse  the same, then Lighthouse 12 (mobile and desktop) on three pages of the app
//   options: --runs N (cold loads of each page, at least 9), --no-build (use the last builds), --only-lighthouse
//
// 1. Engine: SMTP lines per second, and the time to compile every lesson (as the build does).
// 2. Pages: the app (`vite build`, dist/) and two reference pages built from bench/ (bench/vite.config.ts):
//    a Mermaid 11 page rendering the app's own Mermaid export of smtp-basic, and a plain React 19 + zustand +
//    framer-motion page drawing the same 21 arrows. All three are served by one static server (gzip, no-store) and
//    loaded interleaved, each load in a fresh Chromium context with reduced motion. The script first checks that
//    the three pages draw the same labels in the same directions, and stops if they do not.
// 3. Prints medians, min–max and our ratios against each reference page; writes reports/bench.json.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { chromium } from '@playwright/test'
import { runnerImport } from 'vite'
import { findBrowser, LAUNCH_ARGS, launchOptions } from './browser-path.mjs'
import { serveStatic } from './static-server.mjs'

const argv = process.argv.slice(2)
const flag = (name) => argv.includes(name)
const RUNS = Math.max(9, Number(argv[argv.indexOf('--runs') + 1]) || 9)
const KEY_PRESSES = 20
const SCENARIO = 'smtp-basic'
const LANG = 'ja'
const VIEWPORT = { width: 1366, height: 768 }

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (s.length === 0) return NaN
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const min = (xs) => Math.min(...xs.filter(Number.isFinite))
const max = (xs) => Math.max(...xs.filter(Number.isFinite))
const ms = (x) => `${x.toFixed(2)} ms`

function run(cmd, args) {
  // runnerImport (above) sets NODE_ENV=development in this process: a child build must not inherit it, or it
  // bundles React's development build, unminified.
  const env = { ...process.env, NODE_ENV: 'production', BENCH_SCENARIO: SCENARIO, BENCH_LANG: LANG }
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env })
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`)
  }
}

const report = { date: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, engine: {}, pages: {}, lighthouse: null }

// ── 1. Engine ───────────────────────────────────────────────────────────────────────────────────────────────────
async function engineFigures() {
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
  const perSecond = Math.round(n / ((performance.now() - t0) / 1000))
  console.log(`SMTP engine: ${perSecond.toLocaleString('en')} client lines per second`)

  const { module: compile } = await runnerImport('/src/lessons/compile.ts', { configFile: false, logLevel: 'error' })
  const ids = compile.scenarioList().map((s) => s.id)
  const times = []
  for (let r = 0; r < 20; r++) {
    const a = performance.now()
    for (const id of ids) compile.compileById(id)
    times.push(performance.now() - a)
  }
  console.log(`compile all ${ids.length} lessons: median ${ms(median(times))}`)
  report.engine = { smtpLinesPerSecond: perSecond, compileAllLessonsMs: median(times), lessons: ids.length }
}

// ── 2. Pages ────────────────────────────────────────────────────────────────────────────────────────────────────

/** Arrows of the lesson: every page must draw them all. */
const ARROWS = (await runnerImport('/src/lessons/compile.ts', { configFile: false, logLevel: 'error' })).module.compileById(SCENARIO).timeline.steps.length

/**
 * The pages compared: where each is built, the address it is loaded at, how its arrows are found in its DOM,
 * and how each arrow's label and direction are read (for the fairness check).
 */
const PAGES = [
  {
    id: 'ours',
    name: 'ours',
    dir: 'dist',
    query: `?scenario=${SCENARIO}&step=${ARROWS}&lang=${LANG}`,
    arrows: '[data-testid="message"]',
    keys: true,
  },
  { id: 'mermaid', name: 'Mermaid 11 page', dir: 'bench/dist/mermaid', query: '', arrows: 'svg .messageLine0, svg .messageLine1', keys: false },
  { id: 'naive', name: 'naive React page', dir: 'bench/dist/naive', query: `?step=${ARROWS}`, arrows: '[data-testid="message"]', keys: true },
]

/** Runs in the page before any of its scripts: paints, long tasks, and the moment all arrows are in the DOM. */
function instrument({ selector, count }) {
  const b = { paint: {}, longtasks: [], drawn: null }
  window.__bench = b
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.paint[e.name] = e.startTime
    }).observe({ type: 'paint', buffered: true })
  } catch {
    /* no paint timing */
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    /* no long task timing */
  }
  // Drawn: every arrow in the DOM, then the next animation frame.
  let seen = false
  const check = () => {
    if (seen || document.querySelectorAll(selector).length < count) return
    seen = true
    mo.disconnect()
    requestAnimationFrame(() => {
      b.drawn = performance.now()
    })
  }
  const mo = new MutationObserver(check)
  mo.observe(document, { childList: true, subtree: true })
}

/** In the page: label and direction of every arrow, in order. */
function readArrows(id) {
  const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim()
  if (id === 'mermaid') {
    const texts = [...document.querySelectorAll('svg .messageText')].map((t) => norm(t.textContent))
    const lines = [...document.querySelectorAll('svg .messageLine0, svg .messageLine1')]
    return lines.map((l, i) => ({
      label: texts[i] ?? '',
      direction: Number(l.getAttribute('x2')) > Number(l.getAttribute('x1')) ? 'right' : 'left',
    }))
  }
  return [...document.querySelectorAll('[data-testid="message"]')].map((li) => ({
    label: norm(li.querySelector('.label .text, .label')?.textContent),
    direction:
      id === 'ours'
        ? li.querySelector('.arrow')?.classList.contains('dir-right')
          ? 'right'
          : 'left'
        : li.getAttribute('data-dir') === 'right'
          ? 'right'
          : 'left',
  }))
}

/** In the page: what the load cost, read once the page is drawn and the network is quiet. */
function collect() {
  const b = window.__bench
  const nav = performance.getEntriesByType('navigation')[0]
  // The app registers its service worker from a chunk fetched 2 s after the load event: not part of the page.
  const until = (nav?.loadEventEnd ?? 0) + 1500
  const js = performance.getEntriesByType('resource').filter((r) => /\.m?js(\?|$)/.test(new URL(r.name).pathname) && r.startTime < until)
  const tasks = b.longtasks
  return {
    jsBytes: js.reduce((n, r) => n + r.encodedBodySize, 0),
    jsBytesDrawn: js.filter((r) => r.responseEnd <= (b.drawn ?? Infinity)).reduce((n, r) => n + r.encodedBodySize, 0),
    jsRequests: js.length,
    firstPaint: b.paint['first-paint'] ?? NaN,
    firstContentfulPaint: b.paint['first-contentful-paint'] ?? NaN,
    drawn: b.drawn ?? NaN,
    domElements: document.getElementsByTagName('*').length,
    longTasks: tasks.length,
    longTaskMs: tasks.reduce((n, t) => n + t.duration, 0),
  }
}

/** In the page: Home, then `presses` ArrowRight; each the time from the keydown to the next frame after the DOM changes. */
async function keyTimes({ selector, presses }) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)))
  const press = (key) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
  press('Home')
  for (let i = 0; i < 100 && document.querySelectorAll(selector).length > 0; i++) await frame()
  await frame()
  const out = []
  for (let i = 0; i < presses; i++) {
    const before = document.querySelectorAll(selector).length
    const done = new Promise((resolve) => {
      const t0 = performance.now()
      const timer = setTimeout(() => {
        mo.disconnect()
        resolve(NaN)
      }, 3000)
      const mo = new MutationObserver(() => {
        if (document.querySelectorAll(selector).length === before) return
        mo.disconnect()
        clearTimeout(timer)
        requestAnimationFrame(() => resolve(performance.now() - t0))
      })
      mo.observe(document.body, { childList: true, subtree: true })
      press('ArrowRight')
    })
    out.push(await done)
    await frame()
    await frame()
  }
  return out
}

async function loadOnce(browser, page, server, { check }) {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: VIEWPORT, serviceWorkers: 'block', locale: 'ja-JP' })
  try {
    const p = await context.newPage()
    const errors = []
    p.on('pageerror', (e) => errors.push(e.message))
    await p.addInitScript(instrument, { selector: page.arrows, count: ARROWS })
    await p.goto(server.url + page.query)
    await p
      .waitForFunction(() => window.__bench?.drawn !== null, null, { timeout: 30_000 })
      .catch(() => {
        throw new Error(`${page.name}: the ${ARROWS} arrows never appeared (${errors.join('; ') || 'no page error'})`)
      })
    await p.waitForLoadState('networkidle')
    const m = await p.evaluate(collect)
    const arrows = check ? await p.evaluate(readArrows, page.id) : null
    const keys = page.keys ? await p.evaluate(keyTimes, { selector: page.arrows, presses: KEY_PRESSES }) : []
    if (errors.length > 0) throw new Error(`${page.name}: ${errors.join('; ')}`)
    return { ...m, keyMedian: page.keys ? median(keys) : NaN, keys, arrows }
  } finally {
    await context.close()
  }
}

function sameArrows(ours, other, name) {
  const problems = []
  if (other.length !== ours.length) problems.push(`${ours.length} arrows on ours, ${other.length} on the ${name}`)
  for (let i = 0; i < Math.min(ours.length, other.length); i++) {
    const a = ours[i]
    const b = other[i]
    if (a.label !== b.label || a.direction !== b.direction)
      problems.push(`arrow ${i + 1}: ours "${a.label}" ${a.direction}, the ${name} "${b.label}" ${b.direction}`)
  }
  if (problems.length > 0) throw new Error(`The ${name} does not draw what ours draws, so the comparison would not be fair:\n  ${problems.join('\n  ')}`)
}

const METRICS = [
  { key: 'jsBytes', label: 'JS gzip fetched on load (transfer)', fmt: (x) => `${(x / 1024).toFixed(1)} KB` },
  { key: 'jsBytesDrawn', label: 'JS gzip fetched before drawn', fmt: (x) => `${(x / 1024).toFixed(1)} KB` },
  { key: 'jsRequests', label: 'JS requests', fmt: (x) => String(Math.round(x)) },
  { key: 'firstPaint', label: 'first paint', fmt: (x) => `${Math.round(x)} ms` },
  { key: 'firstContentfulPaint', label: 'first contentful paint', fmt: (x) => `${Math.round(x)} ms` },
  { key: 'drawn', label: `drawn (${ARROWS} arrows + a frame)`, fmt: (x) => `${Math.round(x)} ms` },
  { key: 'domElements', label: 'DOM elements', fmt: (x) => String(Math.round(x)) },
  { key: 'keyMedian', label: `key → next frame (median of ${KEY_PRESSES})`, fmt: (x) => `${x.toFixed(1)} ms` },
  { key: 'longTasks', label: 'long tasks (count)', fmt: (x) => String(Math.round(x)) },
  { key: 'longTaskMs', label: 'long tasks (total)', fmt: (x) => `${Math.round(x)} ms` },
]

function table(results) {
  const cell = (m, xs) => {
    const med = median(xs)
    if (!Number.isFinite(med)) return '–'
    const lo = min(xs)
    const hi = max(xs)
    return lo === hi ? m.fmt(med) : `${m.fmt(med)} (${m.fmt(lo)}–${m.fmt(hi)})`
  }
  const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–')
  const head = ['', ...PAGES.map((p) => p.name), 'ours / Mermaid', 'ours / naive']
  const rows = METRICS.map((m) => {
    const cols = PAGES.map((p) => results[p.id].map((r) => r[m.key]))
    const meds = cols.map(median)
    return [m.label, ...cols.map((xs) => cell(m, xs)), ratio(meds[0], meds[1]), ratio(meds[0], meds[2])]
  })
  const lines = [head, ...rows].map((r) => `| ${r.join(' | ')} |`)
  lines.splice(1, 0, `|${head.map(() => '---').join('|')}|`)
  return lines.join('\n')
}

async function pagesFigures() {
  if (!flag('--no-build')) {
    console.log('building the app and the reference pages …')
    run('node_modules/.bin/vite', ['build', '--logLevel', 'warn'])
    // bench/vite.config.ts draws the lesson named here (BENCH_SCENARIO, BENCH_LANG).
    for (const mode of ['mermaid', 'naive']) run('node_modules/.bin/vite', ['build', '-c', 'bench/vite.config.ts', '--mode', mode, '--logLevel', 'error'])
  }
  const servers = Object.fromEntries(await Promise.all(PAGES.map(async (p) => [p.id, await serveStatic(p.dir)])))
  const browser = await chromium.launch(launchOptions())
  const results = Object.fromEntries(PAGES.map((p) => [p.id, []]))
  try {
    console.log(`${browser.version()}: ${RUNS} cold loads of each page, interleaved, reduced motion, ${VIEWPORT.width}×${VIEWPORT.height}`)
    for (let r = 0; r < RUNS; r++) {
      // A different page goes first in each round, so that no page always follows the same one.
      const order = PAGES.map((_, i) => PAGES[(i + r) % PAGES.length])
      for (const page of order) results[page.id].push(await loadOnce(browser, page, servers[page.id], { check: r === 0 }))
      if (process.stdout.isTTY) process.stdout.write(`  round ${r + 1}/${RUNS}\r`)
    }
  } finally {
    await browser.close()
    await Promise.all(Object.values(servers).map((s) => s.close()))
  }
  // Fair comparison: the reference pages draw the labels ours draws, in the same directions.
  const ours = results.ours[0].arrows
  if (ours.length !== ARROWS) throw new Error(`ours drew ${ours.length} arrows, not ${ARROWS}`)
  for (const p of PAGES.slice(1)) sameArrows(ours, results[p.id][0].arrows, p.name)
  console.log(`check: the three pages draw the same ${ARROWS} labels in the same directions`)
  console.log('')
  console.log(table(results))
  for (const p of PAGES) {
    const rows = results[p.id].map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'arrows')))
    report.pages[p.id] = {
      name: p.name,
      query: p.query,
      medians: Object.fromEntries(METRICS.map((m) => [m.key, median(rows.map((r) => r[m.key]))])),
      runs: rows,
    }
  }
  report.pages.ratios = Object.fromEntries(
    METRICS.map((m) => [
      m.key,
      {
        mermaid: report.pages.ours.medians[m.key] / report.pages.mermaid.medians[m.key],
        naive: report.pages.ours.medians[m.key] / report.pages.naive.medians[m.key],
      },
    ]),
  )
}

// ── 3. Lighthouse ───────────────────────────────────────────────────────────────────────────────────────────────
async function lighthouseFigures() {
  const { default: lighthouse } = await import('lighthouse')
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js')
  const chromeLauncher = await import('chrome-launcher')
  const chromePath = findBrowser()
  if (!chromePath) throw new Error('Lighthouse: no Chromium found (CHROMIUM_PATH, or apt-get install chromium)')
  if (!flag('--no-build') && flag('--only-lighthouse')) run('node_modules/.bin/vite', ['build', '--logLevel', 'warn'])
  const targets = [
    ['lesson', `?scenario=${SCENARIO}`],
    ['sandbox', '?mode=sandbox'],
    ['embed', `?scenario=${SCENARIO}&embed=1`],
  ]
  mkdirSync('reports/lighthouse', { recursive: true })
  const server = await serveStatic('dist')
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...LAUNCH_ARGS] })
  const scores = {}
  try {
    for (const [name, query] of targets)
      for (const form of ['mobile', 'desktop']) {
        const result = await lighthouse(
          server.url + query,
          { port: chrome.port, output: 'json', logLevel: 'error' },
          form === 'desktop' ? desktopConfig : undefined,
        )
        if (!result) throw new Error(`Lighthouse gave no result for ${query}`)
        writeFileSync(`reports/lighthouse/${name}-${form}.json`, String(result.report))
        const c = result.lhr.categories
        const s = (k) => (c[k]?.score === null || c[k]?.score === undefined ? NaN : Math.round(c[k].score * 100))
        scores[`${name}-${form}`] = {
          url: query,
          performance: s('performance'),
          accessibility: s('accessibility'),
          bestPractices: s('best-practices'),
          seo: s('seo'),
        }
        if (process.stdout.isTTY) process.stdout.write(`  lighthouse ${name} ${form}\r`)
      }
  } finally {
    await chrome.kill()
    await server.close()
  }
  console.log('')
  console.log('| Lighthouse 12 | performance | accessibility | best practices | SEO |')
  console.log('|---|---|---|---|---|')
  for (const [k, v] of Object.entries(scores)) console.log(`| ${k} (${v.url}) | ${v.performance} | ${v.accessibility} | ${v.bestPractices} | ${v.seo} |`)
  console.log('(reports: reports/lighthouse/*.json)')
  report.lighthouse = scores
}

if (!flag('--only-lighthouse')) {
  await engineFigures()
  await pagesFigures()
}
if (flag('--lighthouse') || flag('--only-lighthouse')) await lighthouseFigures()
mkdirSync('reports', { recursive: true })
if (flag('--only-lighthouse') && existsSync('reports/bench.json')) {
  // Keep the page figures of the last full run; replace its Lighthouse scores.
  const last = JSON.parse(readFileSync('reports/bench.json', 'utf8'))
  Object.assign(report, { ...last, lighthouse: report.lighthouse, lighthouseDate: report.date })
}
writeFileSync('reports/bench.json', `${JSON.stringify(report, null, 2)}\n`)
console.log('wrote reports/bench.json')
