// Screenshots of the built app (vite preview on :4173) in Chromium, for looking at what we made.
// node scripts/screenshot.mjs "<query>" <width> <height> <out.png>
import { chromium } from '@playwright/test'
import { launchOptions } from './browser-path.mjs'

const [, , query = '?scenario=smtp-basic&step=7&lang=ja', w = '1366', h = '768', out = 'screenshot.png'] = process.argv
const browser = await chromium.launch(launchOptions())
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) }, reducedMotion: 'reduce' })
await page.goto(`http://127.0.0.1:${process.env.PORT ?? 4173}/${query}`)
await page.waitForSelector('.app')
await page.waitForTimeout(Number(process.env.WAIT ?? 300))
await page.screenshot({ path: out })
await browser.close()
console.log(`wrote ${out}`)
