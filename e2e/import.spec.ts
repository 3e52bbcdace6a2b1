// "Explain my capture" (CONTRACT.md §6): transcripts pasted, uploaded and dropped play as lessons, each reply
// checked by the engine; bad text gives one sentence; nothing leaves the browser.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page, type Request } from '@playwright/test'
import { counter, messages } from './helpers'

const FIXTURES = join(process.cwd(), 'fixtures/real-sessions')
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')

/** The first line of each run of S:/C: lines: one arrow each, in order (notes skipped). */
function writes(sc: string): { from: 'client' | 'server'; first: string }[] {
  const out: { from: 'client' | 'server'; first: string }[] = []
  let last = ''
  for (const raw of sc.split('\n')) {
    const line = raw.replace(/\r$/, '')
    if (line.startsWith('#')) continue
    const side = line.startsWith('S: ') ? 'server' : line.startsWith('C: ') ? 'client' : null
    if (side === null) continue
    if (side !== last) out.push({ from: side, first: line.slice(3) })
    last = side
  }
  return out
}

/** The same session as a telnet window shows it: no S:/C: marks, telnet's own lines around it. */
function asTelnet(sc: string): string {
  const lines = sc
    .split('\n')
    .filter((l) => l.startsWith('S: ') || l.startsWith('C: '))
    .map((l) => l.slice(3).replace(/\r$/, ''))
  return ['Trying 127.0.0.1...', 'Connected to 127.0.0.1.', "Escape character is '^]'.", ...lines, 'Connection closed by foreign host.'].join('\n')
}

/** Every request the page makes from now on. */
function record(page: Page): Request[] {
  const seen: Request[] = []
  page.on('request', (r) => seen.push(r))
  return seen
}

async function showAll(page: Page): Promise<void> {
  const total = Number(await counter(page).getAttribute('data-total'))
  expect(total).toBeGreaterThan(0)
  await page.locator('.rows-wrap').focus()
  await page.keyboard.press('End')
  await expect(counter(page)).toHaveAttribute('data-step', String(total))
}

async function expectArrows(page: Page, expected: { from: string; first: string }[]): Promise<void> {
  await showAll(page)
  const rows = messages(page).and(page.locator(':not([data-layer="tcp"])'))
  await expect(rows).toHaveCount(expected.length)
  const from = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-from')))
  const text = await rows.locator('.label .text').allTextContents()
  expect(from).toEqual(expected.map((e) => e.from))
  expected.forEach((e, i) => expect(text[i] ?? '').toContain(e.first))
}

function expectNothingSent(requests: readonly Request[], origin: string): void {
  for (const r of requests) {
    expect(new URL(r.url()).origin, r.url()).toBe(origin)
    expect(r.method(), r.url()).toBe('GET')
    expect(r.postData(), r.url()).toBeNull()
    // Only the app's own files (lazy chunks, the worker, styles); never an address that carries the session.
    expect(new URL(r.url()).pathname, r.url()).toMatch(/\.(js|css|mjs|json|webmanifest|png|svg|woff2?)$|\/$/)
  }
}

test.describe('import: transcripts', () => {
  test('a pasted S:/C: transcript plays arrow by arrow, every reply checked ok, and nothing is sent', async ({ page, baseURL }) => {
    const sc = fixture('smtp_two_messages_one_connection.txt')
    await page.goto('?mode=import&lang=en')
    await expect(page.getByTestId('import.text')).toBeVisible()
    const requests = record(page)
    await page.getByTestId('import.text').fill(sc)
    await page.getByTestId('import.go').click()
    await expectArrows(page, writes(sc))
    const checks = await messages(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-check')))
    expect(checks.filter((c) => c !== null).length).toBe(writes(sc).length)
    expect(checks.filter((c) => c === 'differs')).toEqual([])
    await expect(page.getByTestId('import.connection')).toHaveValue('0')
    const [, client, server] = /^# connection: TCP client (\S+) -> server (\S+)/m.exec(sc) ?? []
    await expect(page.getByTestId('import.connection').locator('option')).toHaveText([`${client} → ${server} (SMTP)`])
    await page.waitForTimeout(500)
    expectNothingSent(requests, new URL(baseURL ?? '').origin)
  })

  test('an uploaded S:/C: file and a telnet paste give the same arrows', async ({ page, baseURL }) => {
    const sc = fixture('pop3_session.txt')
    await page.goto('?mode=import&lang=ja')
    const requests = record(page)
    await page.getByTestId('import.file').setInputFiles({ name: 'pop3_session.txt', mimeType: 'text/plain', buffer: Buffer.from(sc) })
    await expectArrows(page, writes(sc))
    await page.getByTestId('import.text').fill(asTelnet(sc))
    await page.getByTestId('import.go').click()
    await expect(counter(page)).toHaveAttribute('data-step', '0')
    await expectArrows(page, writes(sc))
    expect(await page.locator('[data-check="differs"]').count()).toBe(0)
    await page.waitForTimeout(500)
    expectNothingSent(requests, new URL(baseURL ?? '').origin)
  })

  test('an altered reply is the one arrow marked differs, and its caption names the RFC section', async ({ page }) => {
    const sc = fixture('smtp_basic_helo.txt').replace('S: 250 2.1.0 Ok', 'S: 452 4.3.1 Insufficient system storage')
    await page.goto('?mode=import&lang=en')
    await page.getByTestId('import.text').fill(sc)
    await page.getByTestId('import.go').click()
    await showAll(page)
    const differs = page.locator('[data-testid="message"][data-check="differs"]')
    await expect(differs).toHaveCount(1)
    await expect(differs.locator('.label .text')).toHaveText(/^452 4\.3\.1/)
    await expect(page.locator('[data-testid="message"][data-check="ok"]')).toHaveCount(writes(sc).length - 1)
    await differs.click()
    // After HELO (not EHLO) the engine sends no enhanced code (RFC 2034 §3).
    await expect(page.getByTestId('caption')).toContainText('answers 250 (')
    await expect(page.getByTestId('caption')).toContainText(/RFC 5321 §4\.1\.1\.2/)
    await expect(page.getByTestId('caption')).toContainText('§4.3.2')
  })

  test('garbage text gives one sentence in import.error, and the page keeps working', async ({ page }) => {
    await page.goto('?mode=import&lang=en')
    await page.getByTestId('import.text').fill('hello\nthis is not\n\x01\x02 a mail session')
    await page.getByTestId('import.go').click()
    const error = page.getByTestId('import.error')
    await expect(error).toBeVisible()
    await expect(error).toHaveAttribute('role', 'alert')
    expect((await error.textContent())?.split(/\.\s/).length).toBe(1)
    await page.getByTestId('import.file').setInputFiles({ name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('') })
    await expect(error).toBeVisible()
    await page.getByTestId('import.text').fill(fixture('smtp_basic_helo.txt'))
    await page.getByTestId('import.go').click()
    await expect(error).toHaveCount(0)
    await expect(counter(page)).toHaveAttribute('data-total', String(writes(fixture('smtp_basic_helo.txt')).length))
  })

  test('save as JSON and open it again through the same file input; a short session also rides in the address', async ({ page }) => {
    await page.goto('?mode=import&lang=en')
    await page.getByTestId('import.text').fill(fixture('pop3_apop.txt'))
    await page.getByTestId('import.go').click()
    await expect.poll(() => new URL(page.url()).searchParams.get('i') ?? '').toMatch(/^i1\./)
    const download = page.waitForEvent('download')
    await page.getByTestId('import.save').click()
    const file = await (await download).path()
    const saved = readFileSync(file, 'utf8')
    expect(JSON.parse(saved)).toMatchObject({ v: 1, source: 'transcript', format: 'sc' })
    // The link alone brings the session back.
    await page.goto(page.url())
    await expect(counter(page)).toHaveAttribute('data-total', String(writes(fixture('pop3_apop.txt')).length))
    await page.goto('?mode=import&lang=en')
    await page.getByTestId('import.file').setInputFiles({ name: 'saved.json', mimeType: 'application/json', buffer: Buffer.from(saved) })
    await expect(counter(page)).toHaveAttribute('data-total', String(writes(fixture('pop3_apop.txt')).length))
    // A changed file is refused with one sentence.
    await page
      .getByTestId('import.file')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(saved.replace('"protocol":"pop3"', '"protocol":"ftp"')) })
    await expect(page.getByTestId('import.error')).toContainText('JSON')
  })
})

// Every real capture beside its transcript (fixtures/real-sessions/pcap, README there): parsed in the page's
// worker, each connection's lines in order as the transcript has them; after STARTTLS only TLS records.
const CAPTURES = ['smtp_basic_helo', 'smtp_two_messages_one_connection', 'smtp_starttls', 'pop3_session', 'pop3_apop', 'imap_session']

/** The transcript's writes up to the switch to TLS (`# --- TLS`), each with its first and last line. */
function clearWrites(sc: string): { writes: { from: 'client' | 'server'; first: string; last: string }[]; tls: boolean } {
  const cut = sc.indexOf('\n# --- TLS')
  const out: { from: 'client' | 'server'; first: string; last: string }[] = []
  for (const raw of (cut < 0 ? sc : sc.slice(0, cut)).split('\n')) {
    const line = raw.replace(/\r$/, '')
    const side = line.startsWith('S: ') ? 'server' : line.startsWith('C: ') ? 'client' : null
    if (side === null) continue
    const prev = out.at(-1)
    if (prev?.from === side) prev.last = line.slice(3)
    else out.push({ from: side, first: line.slice(3), last: line.slice(3) })
  }
  return { writes: out, tls: cut >= 0 }
}

test.describe('real captures', () => {
  for (const name of CAPTURES) {
    test(`${name}.pcap: the connection's lines come out in order, as in ${name}.txt, and nothing is sent`, async ({ page, baseURL }) => {
      await page.goto('?mode=import&lang=en')
      const requests = record(page)
      const bytes = readFileSync(join(FIXTURES, 'pcap', `${name}.pcap`))
      await page.getByTestId('import.file').setInputFiles({ name: `${name}.pcap`, mimeType: 'application/vnd.tcpdump.pcap', buffer: bytes })
      await expect(page.getByTestId('import.connection')).toBeVisible({ timeout: 20_000 })
      const { writes: expected, tls } = clearWrites(fixture(`${name}.txt`))
      await showAll(page)
      const app = messages(page).and(page.locator(':not([data-layer="tcp"]):not([data-layer="tls"])'))
      const from = await app.evaluateAll((els) => els.map((e) => e.getAttribute('data-from')))
      const text = await app.locator('.label .text').allTextContents()
      expect(from.slice(0, expected.length)).toEqual(expected.map((e) => e.from))
      // An arrow is labelled by its first line; an IMAP response by the tagged line that ends it (RFC 9051 §7.1).
      expected.forEach((e, i) =>
        expect(
          [e.first, e.last].some((l) => (text[i] ?? '').includes(l)),
          `${text[i]} is ${e.first} … ${e.last}`,
        ).toBe(true),
      )
      if (tls) expect(await page.locator('[data-testid="message"][data-layer="tls"]').count()).toBeGreaterThan(0)
      else expect(from).toHaveLength(expected.length)
      // A real Postfix/Dovecot session: no reply the RFC allows is flagged.
      await expect(page.locator('[data-check="differs"]')).toHaveCount(0)
      expectNothingSent(requests, new URL(baseURL ?? '').origin)
    })
  }
})

test('a PNG renamed .pcap and a capture cut short each give one sentence, and the page keeps working', async ({ page }) => {
  await page.goto('?mode=import&lang=en')
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  await page.getByTestId('import.file').setInputFiles({ name: 'photo.pcap', mimeType: 'application/octet-stream', buffer: png })
  await expect(page.getByTestId('import.error')).toContainText(/PNG/)
  const real = readFileSync(join(FIXTURES, 'pcap', 'smtp_basic_helo.pcap'))
  await page.getByTestId('import.file').setInputFiles({ name: 'cut.pcap', mimeType: 'application/octet-stream', buffer: real.subarray(0, 30) })
  await expect(page.getByTestId('import.error')).toHaveText(/\S/)
  // Still working: a transcript imports afterwards.
  await page.getByTestId('import.file').setInputFiles({ name: 'smtp_basic_helo.pcap', mimeType: 'application/octet-stream', buffer: real })
  await expect(page.getByTestId('import.connection')).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('import.error')).toHaveCount(0)
})
