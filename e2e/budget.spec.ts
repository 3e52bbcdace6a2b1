import { gzipSync } from 'node:zlib'
import { expect, test } from '@playwright/test'

// The foundation issue's budget: the initial page loads at most 90 KB of gzipped JavaScript.
// (scripts/bundle-size.mjs prints the same figure with a per-file breakdown.)
test('the initial page loads at most 90 KB of gzipped JavaScript', async ({ page }) => {
  let total = 0
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script') total += gzipSync(await res.body(), { level: 9 }).length
  })
  await page.goto('?scenario=smtp-basic', { waitUntil: 'networkidle' })
  await expect(page.getByTestId('step-counter')).toBeVisible()
  expect(total).toBeGreaterThan(0)
  expect(total / 1024).toBeLessThanOrEqual(90)
})
