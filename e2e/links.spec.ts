import { readFile } from 'node:fs/promises'
import { deflateRawSync } from 'node:zlib'
import { expect, test } from '@playwright/test'
import { counter, messages } from './helpers'

const b64url = (b: Buffer) => b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
/** The session limit of src/sandbox/entries.ts (LIMITS.entries); written here as a user would count it. */
const MAX_ENTRIES = 10_000

test('the last lesson pick wins: a slow chunk for an earlier pick does not switch the page back', async ({ page }) => {
  await page.goto('?scenario=smtp-basic&lang=en')
  await expect(counter(page)).toHaveAttribute('data-total', /\d+/)
  let delayed = false
  await page.route(/\/assets\/pop3-vs-imap-[^/]*\.js$/, async (route) => {
    delayed = true
    await new Promise((r) => setTimeout(r, 1500))
    await route.continue()
  })
  const picker = page.getByTestId('scenario-select')
  await picker.selectOption('pop3-vs-imap')
  await picker.selectOption('imap-basic')
  await expect(page).toHaveURL(/scenario=imap-basic/)
  const imapTotal = await counter(page).getAttribute('data-total')
  // The slow chunk arrives now; the page must stay on the later pick.
  await expect.poll(() => delayed).toBe(true)
  await page.waitForTimeout(2500)
  await expect(page).toHaveURL(/scenario=imap-basic/)
  await expect(picker).toHaveValue('imap-basic')
  await expect(counter(page)).toHaveAttribute('data-total', imapTotal ?? '')
})

test('the largest session a link holds reopens, and steps and scrolls like a lesson', async ({ page }) => {
  const entries = Array.from({ length: MAX_ENTRIES }, (_, i) => ({ send: i % 2 ? 'NOOP' : 'RSET' }))
  const link = `?mode=sandbox&protocol=smtp&port=25&lang=en&s=z1.${b64url(deflateRawSync(JSON.stringify(entries)))}`
  expect(link.length).toBeLessThan(8 * 1024)
  await page.goto(link)
  // Handshake and greeting, then one command and one reply per entry.
  const total = 4 + 2 * MAX_ENTRIES
  await expect(counter(page)).toHaveAttribute('data-total', String(total))
  await expect(counter(page)).toHaveAttribute('data-step', String(total))
  // Only the rows in view are in the page, and the current one is among them.
  expect(await messages(page).count()).toBeLessThan(200)
  await expect(page.locator('[data-testid="message"][aria-current="step"]')).toHaveAttribute('data-index', String(total))
  await page.locator('.rows-wrap').focus()
  await page.keyboard.press('ArrowLeft')
  await expect(counter(page)).toHaveAttribute('data-step', String(total - 1))
  await expect(page.locator('[data-testid="message"][aria-current="step"]')).toBeInViewport()
  // Scrolled to the top, the first rows are drawn.
  await page.locator('.rows-wrap').evaluate((el) => {
    el.scrollTop = 0
  })
  await expect(page.locator('[data-testid="message"][data-index="1"]')).toBeVisible()
  // The address still holds the session.
  await expect(page.getByTestId('sandbox.share')).toBeEnabled()
  expect(new URL(page.url()).searchParams.get('s')).toMatch(/^z1\./)
})

test('a session too long for a link says so, and its file reopens it whole', async ({ page }) => {
  await page.goto('?mode=sandbox&protocol=smtp&port=25&lang=en')
  await expect(counter(page)).toHaveAttribute('data-total', '4')
  // 1,500 lines that do not compress: a link could not hold them.
  let seed = 11
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
  }
  const lines = Array.from({ length: 1500 }, () => `NOOP ${Array.from({ length: 24 }, () => String.fromCharCode(97 + (rnd() % 26))).join('')}`)
  const input = page.getByTestId('sandbox.input')
  await input.focus()
  await input.evaluate((el, text) => {
    const data = new DataTransfer()
    data.setData('text', text)
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, lines.join('\n'))
  const total = String(4 + 2 * lines.length)
  // 1,500 lines through the engine and the link compressor: generous on a busy 2-core machine.
  await expect(counter(page)).toHaveAttribute('data-total', total, { timeout: 30_000 })
  await expect(page.getByTestId('sandbox.too-long')).toBeVisible({ timeout: 15_000 })
  expect(new URL(page.url()).searchParams.has('s')).toBe(false)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sandbox.download').click()])
  const file = await download.path()
  expect(JSON.parse(await readFile(file, 'utf8')).entries).toHaveLength(lines.length)

  await page.goto('?mode=sandbox&protocol=pop3&port=110&lang=en')
  await expect(counter(page)).toHaveAttribute('data-total', '4')
  await page.getByTestId('sandbox.open').setInputFiles(file)
  await expect(counter(page)).toHaveAttribute('data-total', total)
  await expect(page.getByTestId('sandbox.protocol')).toHaveValue('smtp')
  expect(await page.locator('[data-testid="message"][data-from="client"] .label .text').last().textContent()).toBe(lines.at(-1))
  // A file that is not a session gives a message, and the session on screen stays.
  await page.getByTestId('sandbox.open').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') })
  await expect(page.getByTestId('sandbox.message')).toBeVisible()
  await expect(counter(page)).toHaveAttribute('data-total', total)
})
