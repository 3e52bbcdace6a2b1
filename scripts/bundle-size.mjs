// Prints how much JavaScript the initial page loads (gzip), file by file, measured in Chromium against the
// built app with the same code as the budget check (scripts/bundle.mjs). A printer: the budget itself is
// asserted only by e2e/budget.spec.ts (npm run test:e2e).
// Usage: npm run build && node scripts/bundle-size.mjs ["?scenario=smtp-basic"]   (starts vite preview itself, on a free port)
import { chromium } from '@playwright/test'
import { launchOptions } from './browser-path.mjs'
import { BUDGET_KB, BUDGET_QUERY, measureInitialScripts } from './bundle.mjs'
import { startPreview } from './preview.mjs'

const query = process.argv[2] ?? BUDGET_QUERY
const server = await startPreview()
try {
  const browser = await chromium.launch(launchOptions())
  const page = await browser.newPage()
  const { scripts, totalGz } = await measureInitialScripts(page, `${server.url}${query}`)
  await browser.close()
  for (const s of scripts) console.log(`  ${s.url.padEnd(44)} ${(s.raw / 1024).toFixed(1).padStart(7)} KB raw ${(s.gz / 1024).toFixed(1).padStart(6)} KB gzip`)
  const budget = query === BUDGET_QUERY ? ` (budget ${BUDGET_KB} KB, checked by e2e/budget.spec.ts)` : ''
  console.log(`initial page JavaScript for ${query || '/'}: ${(totalGz / 1024).toFixed(1)} KB gzip in ${scripts.length} files${budget}`)
} finally {
  server.close()
}
