// The initial page's JavaScript, measured one way for both e2e/budget.spec.ts (the check) and
// scripts/bundle-size.mjs (the per-file printout): every script the page fetches from navigation until the
// network is idle and the lesson (or the unknown-lesson message) is on screen, gzipped here at level 9.
import { gzipSync } from 'node:zlib'

/** The foundation issue's budget, in KB (1024 bytes) of gzipped JavaScript, for BUDGET_QUERY. */
export const BUDGET_KB = 90
/** The page the budget is for. */
export const BUDGET_QUERY = '?scenario=smtp-basic'

/**
 * Opens `url` in `page` and returns the scripts it fetched, with their raw and gzipped sizes in bytes.
 * @param {import('@playwright/test').Page} page
 * @param {string} url absolute, or relative to the context's baseURL
 * @returns {Promise<{ scripts: { url: string, raw: number, gz: number }[], totalGz: number }>}
 */
export async function measureInitialScripts(page, url) {
  /** @type {Promise<{ url: string, raw: number, gz: number }>[]} */
  const pending = []
  /** @param {import('@playwright/test').Response} res */
  const onResponse = (res) => {
    if (res.request().resourceType() !== 'script') return
    pending.push(res.body().then((body) => ({ url: new URL(res.url()).pathname, raw: body.length, gz: gzipSync(body, { level: 9 }).length })))
  }
  page.on('response', onResponse)
  try {
    await page.goto(url, { waitUntil: 'networkidle' })
    await page.waitForSelector('[data-testid="step-counter"], [data-testid="unknown-scenario"]')
  } finally {
    page.off('response', onResponse)
  }
  // Every body is awaited: a response handler still reading one would otherwise be left out of the total.
  const scripts = await Promise.all(pending)
  return { scripts, totalGz: scripts.reduce((n, s) => n + s.gz, 0) }
}
