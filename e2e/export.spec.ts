import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { expect, test, type Page } from '@playwright/test'
import { expectStep, hasJapanese, messages } from './helpers'

// CONTRACT.md §5, export from playback: SVG, PNG, Mermaid, text. The STARTTLS lesson part-way through, in
// Japanese: TCP segments, the TLS handshake and records inside TLS are all on screen.
const STEP = 16
const PAGE = `?scenario=smtp-starttls&step=${STEP}&lang=ja`

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

async function open(page: Page): Promise<void> {
  await page.goto(PAGE)
  await expectStep(page, STEP)
}

/** Clicks an export button and returns the file it downloads. */
async function downloadOf(page: Page, testId: string): Promise<{ name: string; body: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
  return { name: download.suggestedFilename(), body: await readFile(await download.path()) }
}

/**
 * A blank page of the same browser, for reading the files: the app's own page may forbid DOMParser on strings
 * (a Trusted Types CSP), and what it allows is not what is tested here.
 */
const blankOf = async (page: Page): Promise<Page> => page.context().newPage()

/** Reads an SVG document with the browser's own (strict) XML parser. */
async function readSvg(page: Page, svg: string) {
  return (await blankOf(page)).evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml')
    const root = doc.documentElement
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      root: root.nodeName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      text: root.textContent ?? '',
      style: root.querySelector('style')?.textContent ?? '',
    }
  }, svg)
}

test('SVG: the download is well-formed and holds the text of every message on the diagram', async ({ page }) => {
  await open(page)
  const { name, body } = await downloadOf(page, 'export.svg')
  expect(name).toBe(`smtp-starttls-step${STEP}.svg`)
  const svg = await readSvg(page, body.toString('utf8'))
  expect(svg.errors).toBe(0)
  expect(svg.root).toBe('svg')
  const texts = await messages(page).allTextContents()
  expect(texts).toHaveLength(STEP)
  for (const text of texts) expect(svg.text).toContain(text)
  // Japanese on the page is Japanese in the file, with a CJK font named in the file's own styles.
  expect(hasJapanese(svg.text)).toBe(true)
  expect(svg.style).toContain("'Noto Sans CJK JP'")
  await expect(page.getByTestId('export.status')).toContainText(name)
})

test('PNG: the download is a PNG file at twice the size of the SVG, with the diagram drawn on it', async ({ page }) => {
  await open(page)
  const svg = await readSvg(page, (await downloadOf(page, 'export.svg')).body.toString('utf8'))
  const { name, body } = await downloadOf(page, 'export.png')
  expect(name).toBe(`smtp-starttls-step${STEP}.png`)
  expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  // IHDR (PNG spec §11.2.2): width and height, big-endian, right after the signature and the chunk header.
  expect(body.readUInt32BE(16)).toBe(svg.width * 2)
  expect(body.readUInt32BE(20)).toBe(svg.height * 2)
  // Not a blank canvas: text and arrows in the lesson's colours cover a fair share of it.
  const inked = await (
    await blankOf(page)
  ).evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.naturalWidth
    c.height = img.naturalHeight
    const ctx = c.getContext('2d') as CanvasRenderingContext2D
    ctx.drawImage(img, 0, 0)
    const px = ctx.getImageData(0, 0, c.width, c.height).data
    let dark = 0
    for (let i = 0; i < px.length; i += 4) if ((px[i] ?? 255) + (px[i + 1] ?? 255) + (px[i + 2] ?? 255) < 384) dark++
    return dark / (c.width * c.height)
  }, body.toString('base64'))
  expect(inked).toBeGreaterThan(0.01)
  await expect(page.getByTestId('export.status')).toContainText(name)
})

test('Mermaid: copied to the clipboard with a visible confirmation; one message per step on screen', async ({ page }) => {
  await open(page)
  await page.getByTestId('export.mermaid').click()
  const status = page.getByRole('status').filter({ hasText: 'Mermaid' })
  await expect(status).toBeVisible()
  await expect(status).toContainText('クリップボード')
  const text = await page.evaluate(() => navigator.clipboard.readText())
  expect(text.startsWith('sequenceDiagram')).toBe(true)
  expect(text).toContain('autonumber')
  expect(text.split('\n').filter((l) => /^\s+\w+-{1,2}>>\w+: /.test(l))).toHaveLength(STEP)
  // Inside TLS from the handshake on: the rect is open at this step, and closed at the end of the text.
  expect(text).toMatch(/rect rgb\([^)]*\)[\s\S]*ClientHello[\s\S]*RCPT TO:#lt;user1@example\.test#gt;\n\s+end\n$/)
  // Mermaid 11 itself (the dev dependency, in a blank page, not the app) draws every message as on the diagram.
  const blank = await blankOf(page)
  await blank.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') })
  const drawn = await blank.evaluate(async (source) => {
    type Mermaid = { initialize(c: object): void; render(id: string, text: string): Promise<{ svg: string }> }
    const mermaid = (window as unknown as { mermaid: Mermaid }).mermaid
    mermaid.initialize({ startOnLoad: false })
    const host = document.createElement('div')
    host.innerHTML = (await mermaid.render('exported', source)).svg
    document.body.append(host)
    return [...host.querySelectorAll('text.messageText')].map((e) => e.textContent ?? '')
  }, text)
  expect(drawn).toEqual(await page.locator('[data-testid="message"] .label .text').allTextContents())
})

test('Text: the download is the session as S:/C: lines up to the step on screen', async ({ page }) => {
  await open(page)
  const { name, body } = await downloadOf(page, 'export.text')
  expect(name).toBe(`smtp-starttls-step${STEP}.txt`)
  const lines = body.toString('utf8').trimEnd().split('\n')
  expect(lines.every((l) => /^(S|C): |^# /.test(l))).toBe(true)
  const wire = lines.filter((l) => /^(S|C): /.test(l))
  expect(wire[0]).toMatch(/^S: 220 /)
  expect(wire).toContain('C: STARTTLS')
  // Each one-line protocol message on screen is there as a line from its side; TCP segments are not.
  const rows = messages(page)
  for (let i = 0; i < STEP; i++) {
    const row = rows.nth(i)
    const layer = await row.getAttribute('data-layer')
    const text = (await row.locator('.label .text').textContent()) ?? ''
    if (layer === 'tcp') expect(wire.some((l) => l.endsWith(text))).toBe(false)
    else if (layer === 'smtp' && !text.includes('行)')) expect(wire).toContain(`${(await row.getAttribute('data-from')) === 'client' ? 'C' : 'S'}: ${text}`)
  }
  expect(wire.at(-1)).toBe(
    `C: ${
      (await rows
        .nth(STEP - 1)
        .locator('.label .text')
        .textContent()) ?? ''
    }`,
  )
  await expect(page.getByTestId('export.status')).toContainText(name)
})
