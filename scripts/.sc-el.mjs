import { chromium } from '@playwright/test'
import { launchOptions } from './browser-path.mjs'
const [, , query, w, h, out, sel = '[data-testid="state-chart"]'] = process.argv
const browser = await chromium.launch(launchOptions())
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) }, reducedMotion: 'reduce' })
await page.goto(`http://127.0.0.1:${process.env.PORT ?? 4173}/${query}`)
await page.waitForSelector(sel, { timeout: 10000 })
await page.waitForTimeout(300)
await page.locator(sel).first().screenshot({ path: out })
await browser.close()
console.log(`wrote ${out}`)
