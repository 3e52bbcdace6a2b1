import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { counter, expectStep, hasJapanese, messages } from './helpers'

// CONTRACT.md §2: scenario ids that must exist.
const REQUIRED = [
  'smtp-basic',
  'smtp-ehlo',
  'smtp-starttls',
  'smtp-submission-auth',
  'smtps',
  'pop-before-smtp',
  'smtp-temporary-failure',
  'smtp-permanent-failure',
  'smtp-envelope-vs-header',
  'pop3-basic',
  'pop3-apop',
  'pop3s',
  'imap-basic',
  'imaps',
]

async function scenarioIds(page: Page): Promise<string[]> {
  await page.goto('?lang=en')
  return page
    .getByTestId('scenario-select')
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
}

/** Jumps to the first step whose arrow text matches. */
/** Goes to the last step once the lesson is on screen (the keys work only after it has loaded). */
async function toEnd(page: Page): Promise<number> {
  await expect(counter(page)).toBeVisible()
  await page.keyboard.press('End')
  const total = Number(await counter(page).getAttribute('data-total'))
  await expectStep(page, total)
  return total
}

async function stepTo(page: Page, text: RegExp): Promise<number> {
  await toEnd(page)
  const labels = await messages(page).locator('.label .text').allTextContents()
  const i = labels.findIndex((l) => text.test(l))
  expect(i, `a step matching ${text}`).toBeGreaterThanOrEqual(0)
  await page.locator('.tick').nth(i).click()
  await expectStep(page, i + 1)
  return i + 1
}

test('every required scenario is listed', async ({ page }) => {
  const ids = await scenarioIds(page)
  for (const id of REQUIRED) expect(ids).toContain(id)
})

test('every scenario opens and plays to its end, with a caption in both languages', async ({ page }) => {
  test.setTimeout(120_000)
  const ids = await scenarioIds(page)
  await page.clock.install()
  for (const id of ids) {
    await page.goto(`?scenario=${id}&lang=ja`)
    const total = Number(await counter(page).getAttribute('data-total'))
    expect(total, id).toBeGreaterThan(5)
    await page.getByTestId('playback.play').click()
    await page.clock.runFor(1500 * (total + 2))
    await expectStep(page, total)
    // Every lesson ends with the last ACK of a TCP close.
    await expect(messages(page).last()).toHaveAttribute('data-layer', 'tcp')
    await expect(messages(page).last().locator('.label .text')).toHaveText('ACK')
    expect(hasJapanese(await page.getByTestId('caption').innerText()), id).toBe(true)
    await page.getByTestId('lang.en').click()
    expect(hasJapanese((await page.getByTestId('caption').innerText()).replace(/[HR]\d{1,2}\S*?問\d+/g, '')), id).toBe(false)
  }
})

test.describe('TLS and the eavesdropper', () => {
  test('STARTTLS: after 220 the TLS handshake, then records an eavesdropper sees only as lengths', async ({ page }) => {
    await page.goto('?scenario=smtp-starttls&lang=en')
    const at = await stepTo(page, /^220 2\.0\.0/)
    await page.keyboard.press('ArrowRight')
    await expect(messages(page).nth(at)).toHaveAttribute('data-layer', 'tls')
    await expect(messages(page).nth(at)).toContainText('ClientHello')
    await toEnd(page)
    const after = messages(page).nth(at + 3)
    await expect(after).toContainText('EHLO')
    await page.getByTestId('view.eavesdropper').click()
    await expect(page).toHaveURL(/view=eavesdropper/)
    await expect(after).not.toContainText('EHLO')
    await expect(after).toContainText(/TLS record, \d+ octets/)
  })

  test('submission: AUTH PLAIN is base64, decoded in one click', async ({ page }) => {
    await page.goto('?scenario=smtp-submission-auth&lang=en')
    await stepTo(page, /^AUTH PLAIN \S+/)
    await page.getByTestId('view.eavesdropper').click()
    const panel = page.getByTestId('eavesdropper')
    // Under STARTTLS the capture sees a record only; below it, for learning, the base64 inside.
    await expect(panel).toHaveAttribute('data-exposure', 'encrypted')
    await expect(panel.locator('.inside')).toHaveAttribute('data-exposure', 'base64')
    await panel.getByTestId('eaves.decode').click()
    // base64 of "\0user1\0password1" (RFC 4616), as the lesson's client sends it.
    await expect(page.getByTestId('eaves.decoded')).toContainText('user "user1", password "password1"')
    await page.getByTestId('view.eavesdropper').click()
    await expect(page.getByTestId('eavesdropper')).toHaveCount(0)
  })

  test('pop3-basic: the password crosses in clear text', async ({ page }) => {
    await page.goto('?scenario=pop3-basic&lang=en&view=eavesdropper')
    await stepTo(page, /^PASS /)
    await expect(page.getByTestId('eavesdropper')).toHaveAttribute('data-exposure', 'password')
  })

  test('pop3-apop: the digest, not the password', async ({ page }) => {
    await page.goto('?scenario=pop3-apop&lang=en&view=eavesdropper')
    await stepTo(page, /^APOP /)
    await expect(page.getByTestId('eavesdropper')).toHaveAttribute('data-exposure', 'digest')
    await expect(messages(page).last()).toContainText(/APOP user1 [0-9a-f]{32}/)
  })

  test('pop3s: TLS before the greeting', async ({ page }) => {
    await page.goto('?scenario=pop3s&step=7&lang=en')
    const layers = await messages(page).evaluateAll((ms) => ms.map((m) => m.getAttribute('data-layer')))
    expect(layers).toEqual(['tcp', 'tcp', 'tcp', 'tls', 'tls', 'tls', 'pop3'])
  })
})

test('envelope vs header: the delivered message shows both, with the Bcc recipient marked', async ({ page }) => {
  await page.goto('?scenario=smtp-envelope-vs-header&lang=en')
  await toEnd(page)
  const panel = page.getByTestId('delivery')
  await expect(panel).toContainText('MAIL FROM')
  await expect(panel).toHaveAttribute('data-kind', 'delivered')
  await expect(panel.getByTestId('delivery.trace-stored')).toContainText('Return-Path: <test@a.example>')
  await expect(panel).toContainText('Received:')
  await expect(panel.locator('.badge')).not.toHaveCount(0)
})

test('submission: mail for an outside address is queued for relay, and the next hop sees no Return-Path (RFC 5321 §4.4)', async ({ page }) => {
  for (const [lang, outcome] of [
    ['en', "Queued for relay to outside.example's mail server"],
    ['ja', 'outside.example のメールサーバ（MX）へ中継するため、キューに入りました'],
  ] as const) {
    await page.goto(`?scenario=smtp-submission-auth&lang=${lang}`)
    await toEnd(page)
    const panel = page.getByTestId('delivery')
    await expect(panel).toHaveAttribute('data-kind', 'relay')
    await expect(panel.getByTestId('delivery.outcome')).toContainText(outcome)
    await expect(panel.getByTestId('delivery.trace-relay')).toContainText('Received: from pc1.client.example.test')
    await expect(panel.getByTestId('delivery.trace-relay')).not.toContainText('Return-Path:')
    await expect(panel.getByTestId('delivery.trace-stored')).toHaveCount(0)
  }
})

test('pop-before-smtp: three lifelines and a time gap', async ({ page }) => {
  await page.goto('?scenario=pop-before-smtp&lang=en')
  await toEnd(page)
  await expect(page.locator('.actor')).toHaveCount(3)
  await expect(page.locator('.row .gap')).not.toHaveCount(0)
})

test('the protocol map opens each lesson', async ({ page }) => {
  await page.goto('?mode=map&lang=en')
  await expect(page.getByTestId('protocol-map')).toBeVisible()
  for (const id of ['smtp', 'pop-before-smtp', 'smtp-auth', 'smtps', 'pop3', 'apop', 'pop3s', 'imap', 'imaps'])
    await expect(page.getByTestId(`map.${id}`)).toBeVisible()
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => v.id)).toEqual([])
  await page.getByTestId('map.apop').getByRole('link').click()
  await expect(page).toHaveURL(/scenario=pop3-apop/)
  await expect(counter(page)).toBeVisible()
})

for (const id of ['smtp-submission-auth', 'pop-before-smtp', 'pop3-vs-imap']) {
  test(`projector 1920×1080: ${id} has nothing overlapping`, async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.goto(`?scenario=${id}&lang=ja`)
    await toEnd(page)
    const boxes = await page
      .locator('.row .label')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })))
    for (let i = 1; i < boxes.length; i++) {
      const a = boxes[i - 1]!,
        b = boxes[i]!
      expect(a.y + a.h <= b.y + 0.5 || b.y + b.h <= a.y + 0.5 || a.x + a.w <= b.x || b.x + b.w <= a.x, `labels ${i} and ${i + 1}`).toBe(true)
    }
    const heads = await page.locator('.actor').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ l: r.left, r: r.right })))
    for (let i = 1; i < heads.length; i++) expect(heads[i]!.l, 'lifeline heads apart').toBeGreaterThanOrEqual(heads[i - 1]!.r)
    await page.screenshot({ path: test.info().outputPath(`${id}-1920.png`) })
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((v) => v.id)).toEqual([])
  })
}
