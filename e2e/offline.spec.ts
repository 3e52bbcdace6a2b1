import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { readDist, serveDist } from '../scripts/serve-csp.mjs'
import { counter } from './helpers'
import { MODES } from './modes'

// Offline (CONTRACT.md §5): after one visit, the whole app opens with the network off. The build is served by
// scripts/serve-csp.mjs (with the CSP header a host would send), which each test starts on a free port and,
// to go offline, shuts down: no server at all, on top of the browser's offline mode.
let server: Awaited<ReturnType<typeof serveDist>>
test.beforeEach(async () => {
  server = await serveDist()
})
test.afterEach(async () => {
  await server.close()
})

/** Waits until a service worker controls the page: registered (after load), installed (everything precached), active. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller) await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }))
  })
}

const TOTAL = /^[1-9]\d*$/

test('after one visit, every lesson and every mode opens with the network off', async ({ page, context }) => {
  test.setTimeout(60_000)
  await page.goto(`${server.url}?scenario=smtp-basic`)
  await expect(counter(page)).toHaveAttribute('data-total', TOTAL)
  await waitForServiceWorker(page)

  await server.close()
  await context.setOffline(true)
  await page.reload()
  await expect(counter(page)).toBeVisible()
  await expect(counter(page)).toHaveAttribute('data-total', TOTAL)

  await page.goto(`${server.url}?scenario=imap-basic`)
  await expect(counter(page)).toBeVisible()
  await expect(counter(page)).toHaveAttribute('data-total', TOTAL)

  // The sandbox answers a line: EHLO, and the server's 250 on the diagram.
  await page.goto(`${server.url}?mode=sandbox&protocol=smtp&port=25`)
  const input = page.getByTestId('sandbox.input')
  await input.fill('EHLO a')
  await input.press('Enter')
  await expect(page.locator('[data-testid="message"][data-from="server"][data-layer="smtp"] .label .text').filter({ hasText: /^250/ }).first()).toBeVisible()

  // Every mode, and every lesson (the picker lists them all).
  for (const mode of MODES) {
    await page.goto(`${server.url}${mode.query}`)
    await expect(page.getByTestId(mode.testId).first(), mode.name).toBeVisible()
  }
  await page.goto(`${server.url}?scenario=smtp-basic`)
  const lessons = await page
    .getByTestId('scenario-select')
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
  expect(lessons.length).toBeGreaterThanOrEqual(17)
  for (const id of lessons) {
    await page.goto(`${server.url}?scenario=${id}&step=9999`)
    await expect(counter(page), id).toHaveAttribute('data-total', TOTAL)
    const total = await counter(page).getAttribute('data-total')
    await expect(counter(page), id).toHaveAttribute('data-step', total ?? '')
  }
})

test('a new version waits for Update: the page never reloads by itself, and the prompt is reachable by keyboard', async ({ page }) => {
  await page.goto(`${server.url}?scenario=smtp-basic&step=5&lang=en`)
  await expect(counter(page)).toHaveAttribute('data-step', '5')
  await waitForServiceWorker(page)
  await page.evaluate(() => Object.assign(window, { sameDocument: true }))

  // A new version is published in the middle of the lesson, and the browser finds it.
  server.override('/sw.js', `${await readDist('sw.js')}\n// a new version\n`)
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
  const prompt = page.getByTestId('update.prompt')
  await expect(prompt.getByRole('status')).toContainText('新しいバージョンがあります')
  await expect(prompt.getByRole('status')).toContainText('A new version is ready')
  // Its stylesheet came with it: a card in the corner, over the lesson.
  await expect(prompt).toHaveCSS('position', 'fixed')
  await page.waitForTimeout(1000)
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true)
  await expect(counter(page)).toHaveAttribute('data-step', '5')

  expect((await new AxeBuilder({ page }).include('[data-testid="update.prompt"]').analyze()).violations).toEqual([])
  // The prompt's buttons are the last in the page: Shift+Tab from the top reaches them, with a visible ring.
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByTestId('update.later')).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  const apply = page.getByTestId('update.apply')
  await expect(apply).toBeFocused()
  await expect(apply).toHaveAccessibleName(/更新する.*Update/)
  expect(await apply.evaluate((b) => getComputedStyle(b).outlineStyle)).toBe('solid')

  // Update: the new worker takes over and the page reloads, at the same step.
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')])
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(false)
  await expect(counter(page)).toHaveAttribute('data-step', '5')
  await expect(prompt).toHaveCount(0)
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull()
})
