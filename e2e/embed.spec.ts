import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test, type Page } from '@playwright/test'

// A course page on another origin (another host name and port) embeds the app two ways: an iframe, and the
// <mail-sequence> web component from /embed.js. It records every message the app sends it.
let host: Server
let hostUrl = ''

function hostPage(app: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title></head><body>
<h1>Week 3: SMTP</h1>
<iframe id="frame" title="SMTP lesson" style="width:900px;height:300px;border:0" src="${app}?embed=1&scenario=smtp-basic&lang=en&from=4&to=12&controls=min"></iframe>
<mail-sequence id="comp" scenario="pop3-basic" lang="ja" step="3" controls="none" theme="dark"><a href="${app}?scenario=pop3-basic">POP3</a></mail-sequence>
<script>
  window.events = []
  window.domEvents = []
  addEventListener('message', (e) => { if (document.getElementById('frame').contentWindow === e.source) window.events.push(e.data) })
  document.addEventListener('mailseq-step', (e) => window.domEvents.push(['step', e.detail]))
  document.addEventListener('mailseq-ready', (e) => window.domEvents.push(['ready', e.detail]))
  window.send = (m) => document.getElementById('frame').contentWindow.postMessage(m, '*')
</script>
<script type="module" src="${app}embed.js"></script>
</body></html>`
}

test.beforeAll(async ({ baseURL }) => {
  const app = baseURL ?? ''
  host = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(hostPage(app))
  })
  await new Promise<void>((ok) => host.listen(0, 'localhost', () => ok()))
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`
})
test.afterAll(() => new Promise<void>((ok) => host.close(() => ok())))

const events = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { events: unknown[] }).events.filter(
        (m) => typeof m === 'object' && m !== null && (m as { type?: string }).type === 'mailseq:event',
      ) as { event: string; step: number; total: number; height?: number; scenario: string }[],
  )

test('an iframe on another origin plays, obeys its parent, holds its range and follows its height', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(hostUrl)
  const frame = page.frameLocator('#frame')
  const counter = frame.getByTestId('step-counter')
  // from=4: it opens at step 4, numbered as in the whole lesson.
  await expect(counter).toHaveAttribute('data-step', '4')
  await expect.poll(async () => (await events(page)).find((e) => e.event === 'ready')).toMatchObject({ scenario: 'smtp-basic', step: 4 })
  // No page chrome; controls=min: previous, next and the counter only.
  await expect(frame.locator('header.top')).toHaveCount(0)
  await expect(frame.getByTestId('playback.next')).toBeVisible()
  await expect(frame.getByTestId('playback.play')).toHaveCount(0)
  // Commands from the parent.
  await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ type: 'mailseq:command', command: 'goto', step: 7 }))
  await expect(counter).toHaveAttribute('data-step', '7')
  await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ type: 'mailseq:command', command: 'next' }))
  await expect(counter).toHaveAttribute('data-step', '8')
  await expect.poll(async () => (await events(page)).filter((e) => e.event === 'step').map((e) => e.step)).toEqual(expect.arrayContaining([7, 8]))
  // to=12 holds: goto 50 lands on 12 and says ended; prev below 4 stays at 4.
  await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ type: 'mailseq:command', command: 'goto', step: 50 }))
  await expect(counter).toHaveAttribute('data-step', '12')
  await expect.poll(async () => (await events(page)).some((e) => e.event === 'ended' && e.step === 12)).toBe(true)
  await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ type: 'mailseq:command', command: 'goto', step: 0 }))
  await expect(counter).toHaveAttribute('data-step', '4')
  // Malformed and foreign messages are ignored without a sound; nothing in them is rendered.
  await page.evaluate(() => {
    const send = (window as unknown as { send: (m: unknown) => void }).send
    for (const m of [
      'next',
      null,
      42,
      [],
      { type: 'mailseq:command', command: 'eval' },
      { type: 'mailseq:command', command: 'goto', step: '<img src=x onerror=alert(1)>' },
      { type: 'mailseq:command', command: 'goto', step: -1 },
      { type: 'mailseq:command', command: 'goto', step: 2.5 },
      { type: 'other', command: 'next' },
    ])
      send(m)
  })
  await page.waitForTimeout(300)
  await expect(counter).toHaveAttribute('data-step', '4')
  await expect(frame.locator('img')).toHaveCount(0)
  // A message from inside the frame itself is not its parent's: ignored too.
  await frame.locator('body').evaluate(() => window.postMessage({ type: 'mailseq:command', command: 'next' }, '*'))
  await page.waitForTimeout(300)
  await expect(counter).toHaveAttribute('data-step', '4')
  // resize carries the content height, and the embedded page has no scroll bar of its own.
  const resize = (await events(page)).filter((e) => e.event === 'resize').at(-1)
  expect(resize?.height).toBeGreaterThan(200)
  const inner = await frame.locator('html').evaluate((el) => ({ scroll: el.scrollHeight, overflow: getComputedStyle(el).overflowY }))
  expect(Math.abs((resize?.height ?? 0) - inner.scroll)).toBeLessThanOrEqual(2)
  expect(inner.overflow).toBe('hidden')
  expect(errors).toEqual([])
})

test('the web component plays, follows its attributes, hides the controls and re-dispatches the events', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(hostUrl)
  const inner = page.locator('#comp').locator('iframe')
  await expect(inner).toHaveAttribute('src', /embed=1/)
  const app = page.frameLocator('#comp iframe')
  await expect(app.getByTestId('step-counter')).toHaveAttribute('data-step', '3')
  // controls=none: no buttons at all; theme=dark chosen by the author.
  await expect(app.locator('button[data-testid^="playback."]')).toHaveCount(0)
  await expect(app.locator('.app')).toHaveAttribute('data-theme', 'dark')
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { domEvents: [string, { step: number }][] }).domEvents.some(([n]) => n === 'ready')))
    .toBe(true)
  // Changing the step attribute moves it, and a mailseq-step event reaches the page.
  await page.locator('#comp').evaluate((el) => el.setAttribute('step', '6'))
  await expect(app.getByTestId('step-counter')).toHaveAttribute('data-step', '6')
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as { domEvents: [string, { step: number; scenario: string }][] }).domEvents
          .filter(([n]) => n === 'step')
          .map(([, d]) => `${d.scenario}:${d.step}`),
      ),
    )
    .toContain('pop3-basic:6')
  // Its height follows the app's content.
  await expect.poll(async () => parseFloat(await inner.evaluate((el) => (el as HTMLElement).style.height))).toBeGreaterThan(200)
  expect(errors).toEqual([])
})

test('the Share / Embed dialog previews the options and copies snippets with a title, lazy loading and a fallback link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('?scenario=smtp-ehlo&step=3&lang=en')
  await page.getByTestId('share.open').click()
  const dialog = page.getByTestId('share.dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('share.from').fill('4')
  await dialog.getByTestId('share.to').fill('9')
  await dialog.getByTestId('share.theme').selectOption('dark')
  await dialog.getByTestId('share.controls').selectOption('min')
  const preview = dialog.getByTestId('share.preview')
  await expect(preview).toHaveAttribute('src', /embed=1/)
  const src = new URL((await preview.getAttribute('src')) ?? '')
  expect(Object.fromEntries(src.searchParams)).toMatchObject({ scenario: 'smtp-ehlo', from: '4', to: '9', theme: 'dark', controls: 'min', embed: '1' })
  await expect(page.frameLocator('[data-testid="share.preview"]').getByTestId('step-counter')).toHaveAttribute('data-step', '4')
  await dialog.getByTestId('share.copy-iframe').click()
  await expect(dialog.getByText('Copied')).toBeVisible()
  const snippet = await page.evaluate(() => navigator.clipboard.readText())
  expect(snippet).toMatch(/^<iframe src="[^"]*embed=1[^"]*" title="[^"]+" loading="lazy"/)
  expect(snippet).toMatch(/<a href="[^"]*scenario=smtp-ehlo[^"]*">[^<]+<\/a><\/iframe>$/)
  await dialog.getByTestId('share.copy-component').click()
  const component = await page.evaluate(() => navigator.clipboard.readText())
  expect(component).toContain('embed.js')
  expect(component).toMatch(/<mail-sequence scenario="smtp-ehlo"[^>]* from="4" to="9"[^>]*><a href=/)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('the demo page in the built site shows both ways of embedding', async ({ page }) => {
  await page.goto('embed-demo.html')
  await expect(page.frameLocator('#demo-iframe').getByTestId('step-counter')).toHaveAttribute('data-total', /\d+/)
  await expect(page.frameLocator('#demo-component iframe').getByTestId('step-counter')).toHaveAttribute('data-step', '10')
})

for (const q of ['?mode=sandbox&protocol=smtp&port=25', '?mode=predict&scenario=smtp-basic', '?scenario=imap-basic&theme=projector']) {
  test(`embed=1 works with ${q}: no page chrome, no scroll bar of its own`, async ({ page }) => {
    await page.goto(`${q}&embed=1&lang=en`)
    await expect(page.getByTestId('step-counter')).toBeAttached()
    await expect(page.locator('header.top')).toHaveCount(0)
    await expect(page.getByTestId('teach')).toHaveCount(0)
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflowY)).toBe('hidden')
  })
}

test('on the demo page the plain iframe follows its content as the lesson grows', async ({ page }) => {
  await page.goto('embed-demo.html')
  const frame = page.frameLocator('#demo-iframe')
  await expect(frame.getByTestId('step-counter')).toHaveAttribute('data-total', /\d+/)
  const before = await page.locator('#demo-iframe').evaluate((el) => el.getBoundingClientRect().height)
  for (let i = 0; i < 21; i++) await frame.getByTestId('playback.next').click()
  await expect.poll(() => page.locator('#demo-iframe').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(before)
  const inner = await frame.locator('html').evaluate((el) => el.scrollHeight)
  await expect.poll(() => page.locator('#demo-iframe').evaluate((el) => Math.ceil(el.getBoundingClientRect().height))).toBe(inner)
})
