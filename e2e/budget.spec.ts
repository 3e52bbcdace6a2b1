import { expect, test } from '@playwright/test'
import { BUDGET_KB, BUDGET_QUERY, measureInitialScripts } from '../scripts/bundle.mjs'

// The foundation issue's budget: the initial page loads at most 90 KB of gzipped JavaScript. The only check
// of it; scripts/bundle-size.mjs prints the same measurement (scripts/bundle.mjs) file by file.
test(`the initial page loads at most ${BUDGET_KB} KB of gzipped JavaScript`, async ({ page }) => {
  const { scripts, totalGz } = await measureInitialScripts(page, BUDGET_QUERY)
  await expect(page.getByTestId('step-counter')).toBeVisible()
  expect(scripts.length).toBeGreaterThan(0)
  const detail = scripts.map((s) => `${s.url} ${(s.gz / 1024).toFixed(1)} KB`).join(', ')
  expect(totalGz / 1024, detail).toBeLessThanOrEqual(BUDGET_KB)
})
