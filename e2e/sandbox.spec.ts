import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { counter, messages } from './helpers'

async function type(page: Page, line: string): Promise<void> {
  const input = page.getByTestId('sandbox.input')
  const before = Number(await counter(page).getAttribute('data-total'))
  await input.fill(line)
  await input.press('Enter')
  await expect.poll(async () => Number(await counter(page).getAttribute('data-total'))).toBeGreaterThan(before)
}

/** The server's lines on the diagram (the arrow text), in order. */
async function serverSays(page: Page): Promise<string[]> {
  return page.locator('[data-testid="message"][data-from="server"]:not([data-layer="tcp"]) .label .text').allTextContents()
}

test.describe('the telnet sandbox', () => {
  test("the article's telnet session: 220/250/250/250/354/250/221 on the diagram", async ({ page }) => {
    await page.goto('?mode=sandbox&protocol=smtp&port=25&lang=en')
    // Connected, greeting shown (CONTRACT.md §3).
    await expect(messages(page)).toHaveCount(4)
    for (const line of [
      'HELO a.example',
      'MAIL FROM:<test@a.example>',
      'RCPT TO:<user1@example.test>',
      'DATA',
      'Subject: dummy mail',
      'From: b@b.example',
      'To: c@c.example',
      '',
      'Hello',
      '.',
      'QUIT',
    ])
      await type(page, line)
    const codes = (await serverSays(page)).map((t) => t.slice(0, 3))
    expect(codes).toEqual(['220', '250', '250', '250', '354', '250', '221'])
    // The server closed the connection: the input is disabled and Reconnect is offered.
    await expect(page.getByTestId('sandbox.input')).toBeDisabled()
    await page.getByTestId('sandbox.connect').click()
    await expect(page.getByTestId('sandbox.input')).toBeEnabled()
  })

  test('RCPT before MAIL: 503 with the explanation; an unknown command: 500', async ({ page }) => {
    await page.goto('?mode=sandbox&protocol=smtp&port=25&lang=en')
    await type(page, 'EHLO a.example')
    await type(page, 'RCPT TO:<user1@example.test>')
    expect((await serverSays(page)).at(-1)).toMatch(/^503 5\.5\.1 .*need MAIL/)
    await expect(page.getByTestId('caption')).toContainText('MAIL FROM')
    await type(page, 'REPT TO:<user1@example.test>')
    expect((await serverSays(page)).at(-1)).toMatch(/^500 /)
    await expect(page.getByTestId('caption')).toContainText('RFC 5321')
    // Missing angle brackets: 501, and the caption says how it should look.
    await type(page, 'MAIL FROM:test@a.example')
    expect((await serverSays(page)).at(-1)).toMatch(/^501 /)
    await expect(page.getByTestId('caption')).toContainText('<')
  })

  test('a body line starting with "." is dot-stuffed on the wire', async ({ page }) => {
    await page.goto('?mode=sandbox&protocol=smtp&port=25&lang=en')
    for (const l of ['HELO a.example', 'MAIL FROM:<a@a.example>', 'RCPT TO:<user1@example.test>', 'DATA']) await type(page, l)
    await type(page, '.hidden')
    await expect(messages(page).last()).toContainText('..hidden')
    await expect(page.locator('.wire').first()).toContainText('..hidden')
  })

  test('POP3 with APOP: the helper computes the digest from the greeting', async ({ page }) => {
    await page.goto('?mode=sandbox&protocol=pop3&port=110&lang=en')
    await page.getByText('Helpers').click()
    await page.getByTestId('helper.apop').click()
    const input = page.getByTestId('sandbox.input')
    await expect(input).toHaveValue(/^APOP user1 [0-9a-f]{32}$/)
    await input.press('Enter')
    await expect.poll(async () => (await serverSays(page)).at(-1)).toMatch(/^\+OK/)
    await type(page, 'STAT')
    expect((await serverSays(page)).at(-1)).toMatch(/^\+OK \d+ \d+$/)
  })

  test('a reloaded share link reproduces the same session, step for step', async ({ page }) => {
    await page.goto('?mode=sandbox&protocol=smtp&port=587&lang=en')
    for (const l of ['EHLO a.example', 'STARTTLS', 'EHLO a.example', 'MAIL FROM:<user1@example.test>']) await type(page, l)
    const before = await messages(page).locator('.label .text').allTextContents()
    // The link is made a moment after the last line (compressed); the share button waits for it.
    await expect(page.getByTestId('sandbox.share')).toBeEnabled()
    const url = page.url()
    expect(url).toContain('s=z1.')
    await page.goto(url)
    await expect(messages(page)).toHaveCount(before.length)
    expect(await messages(page).locator('.label .text').allTextContents()).toEqual(before)
    // The sandbox's diagram steps back like any lesson.
    await page.getByTestId('playback.prev').click()
    await expect(counter(page)).toHaveAttribute('data-step', String(before.length - 1))
  })

  test('history with ↑ and ↓, and reset', async ({ page }) => {
    await page.goto('?mode=sandbox&protocol=smtp&port=25&lang=en')
    await type(page, 'EHLO a.example')
    await type(page, 'NOOP')
    const input = page.getByTestId('sandbox.input')
    await input.press('ArrowUp')
    await expect(input).toHaveValue('NOOP')
    await input.press('ArrowUp')
    await expect(input).toHaveValue('EHLO a.example')
    await input.press('ArrowDown')
    await expect(input).toHaveValue('NOOP')
    await page.getByTestId('sandbox.reset').click()
    await expect(messages(page)).toHaveCount(4)
  })

  test('IMAP: tags are numbered for the learner', async ({ page }) => {
    await page.goto('?mode=sandbox&protocol=imap&port=143&lang=en')
    await type(page, 'LOGIN user1 password1')
    await type(page, 'SELECT INBOX')
    const clientLines = await page.locator('[data-testid="message"][data-from="client"][data-layer="imap"] .label .text').allTextContents()
    expect(clientLines).toEqual(['a1 LOGIN user1 password1', 'a2 SELECT INBOX'])
    expect((await serverSays(page)).at(-1)).toMatch(/^a2 OK/)
  })

  test('a damaged share link starts empty with a note, never a blank page', async ({ page }) => {
    await page.goto('?mode=sandbox&protocol=smtp&port=25&s=%%%broken&lang=en')
    await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible()
    await expect(messages(page)).toHaveCount(4)
  })

  test('keyboard only, and axe-core finds nothing', async ({ page }) => {
    await page.goto('?mode=sandbox&protocol=smtp&port=25&lang=ja')
    await page.getByTestId('sandbox.input').focus()
    await page.keyboard.type('EHLO a.example')
    await page.keyboard.press('Enter')
    await expect(messages(page)).toHaveCount(6)
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  })
})

test('pasted commands go out in one segment where PIPELINING is advertised (RFC 2920)', async ({ page }) => {
  await page.goto('?mode=sandbox&protocol=smtp&port=25&lang=en')
  await type(page, 'EHLO a.example')
  const input = page.getByTestId('sandbox.input')
  await input.focus()
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="sandbox.input"]') as HTMLInputElement
    const data = new DataTransfer()
    data.setData('text/plain', 'MAIL FROM:<a@a.example>\nRCPT TO:<user1@example.test>\nDATA\n')
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect(page.getByTestId('sandbox.transcript')).toContainText('S: 354')
  // One client segment carrying three commands, then one server segment with three replies.
  const lastTwo = messages(page).nth(-2)
  await expect(lastTwo).toHaveAttribute('data-from', 'client')
  await expect(lastTwo).toContainText('MAIL FROM:<a@a.example> / RCPT TO:<user1@example.test> / DATA')
})

test('presets: another mail system, its users and local domain', async ({ page }) => {
  await page.goto('?mode=sandbox&protocol=smtp&port=25&lang=en')
  await page.getByTestId('sandbox.preset').selectOption('company')
  await expect(page).toHaveURL(/preset=company/)
  await expect(page.getByTestId('sandbox.users')).toContainText('example.co.jp')
  await expect(messages(page).last()).toContainText('220 mx.example.co.jp')
  for (const l of ['HELO a.example', 'MAIL FROM:<a@a.example>', 'RCPT TO:<sales@example.co.jp>']) await type(page, l)
  expect((await serverSays(page)).at(-1)).toMatch(/^250 /)
  await type(page, 'RCPT TO:<user1@example.co.jp>')
  expect((await serverSays(page)).at(-1)).toMatch(/^550 /)
})
