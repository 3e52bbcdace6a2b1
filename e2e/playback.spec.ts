import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { counter, expectStep, hasJapanese, messages, replyCodes } from './helpers'

// The classic session of the article and of fixtures/real-sessions/smtp_basic_helo.txt (Postfix 3.7):
// handshake, 220, HELO/250, MAIL/250, RCPT/250, DATA/354, body, ".", 250, QUIT/221, then the close.
const WIRE = [
  'SYN',
  'SYN, ACK',
  'ACK',
  '220',
  'HELO',
  '250',
  'MAIL FROM:',
  '250',
  'RCPT TO:',
  '250',
  'DATA',
  '354',
  'From:',
  '.',
  '250',
  'QUIT',
  '221',
  'FIN, ACK',
  'ACK',
  'FIN, ACK',
  'ACK',
]
const FROM = [
  'client',
  'server',
  'client',
  'server',
  'client',
  'server',
  'client',
  'server',
  'client',
  'server',
  'client',
  'server',
  'client',
  'client',
  'server',
  'client',
  'server',
  'server',
  'client',
  'client',
  'server',
]

test.describe('smtp-basic playback', () => {
  test('steps through the whole session with the buttons', async ({ page }) => {
    await page.goto('?scenario=smtp-basic&lang=en')
    await expectStep(page, 0)
    await expect(counter(page)).toHaveAttribute('data-total', String(WIRE.length))
    await expect(page.getByTestId('playback.prev')).toBeDisabled()
    for (let i = 0; i < WIRE.length; i++) {
      await page.getByTestId('playback.next').click()
      await expectStep(page, i + 1)
      const m = messages(page).nth(i)
      await expect(m).toHaveAttribute('data-index', String(i + 1))
      await expect(m).toHaveAttribute('data-from', FROM[i] as string)
      await expect(m).toHaveAttribute('data-to', FROM[i] === 'client' ? 'server' : 'client')
      await expect(m.locator('.label .text')).toHaveText(new RegExp(`^${(WIRE[i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
      await expect(m).toHaveAttribute('aria-current', 'step')
      await expect(page.getByTestId('caption')).not.toBeEmpty()
    }
    await expect(page.getByTestId('playback.next')).toBeDisabled()
    expect(await replyCodes(page)).toEqual(['220', '250', '250', '250', '354', '250', '221'])
    await expect(messages(page).nth(12)).toHaveAttribute('data-layer', 'smtp')
    await expect(messages(page).nth(0)).toHaveAttribute('data-layer', 'tcp')
    // Past steps stay; only the current one is marked.
    await expect(page.locator('[data-testid="message"][aria-current="step"]')).toHaveCount(1)
    await page.getByTestId('playback.prev').click()
    await expectStep(page, WIRE.length - 1)
    await page.getByTestId('playback.restart').click()
    await expectStep(page, 0)
  })

  test('keys: → and PageDown forward, ← and PageUp back, End and Home', async ({ page }) => {
    await page.goto('?scenario=smtp-basic&lang=ja')
    await expectStep(page, 0)
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('PageDown')
    await expectStep(page, 3)
    await page.keyboard.press('ArrowLeft')
    await expectStep(page, 2)
    await page.keyboard.press('PageUp')
    await expectStep(page, 1)
    await page.keyboard.press('End')
    await expectStep(page, WIRE.length)
    await page.keyboard.press('Home')
    await expectStep(page, 0)
    await expect(page).toHaveURL(/[?&]step=0(&|$)/)
  })

  test('Space plays and pauses; the clock advances the steps', async ({ page }) => {
    await page.clock.install()
    await page.goto('?scenario=smtp-basic&lang=en')
    await expectStep(page, 0)
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press(' ')
    await expect(page.getByTestId('playback.play')).toHaveAttribute('aria-pressed', 'true')
    await page.clock.runFor(1500)
    await expectStep(page, 1)
    await page.clock.runFor(1500 * 3)
    await expectStep(page, 4)
    await page.keyboard.press(' ')
    await expect(page.getByTestId('playback.play')).toHaveAttribute('aria-pressed', 'false')
    await page.clock.runFor(5000)
    await expectStep(page, 4)
    // Double speed halves the interval.
    await page.getByLabel('Speed').selectOption('2')
    await page.getByTestId('playback.play').click()
    await page.clock.runFor(750)
    await expectStep(page, 5)
    // Playing runs to the end and stops there.
    await page.clock.runFor(60_000)
    await expectStep(page, WIRE.length)
    await expect(page.getByTestId('playback.play')).toHaveAttribute('aria-pressed', 'false')
  })

  test('deep link ?scenario=smtp-basic&step=7&lang=en opens with 7 messages and the MAIL FROM caption', async ({ page }) => {
    await page.goto('?scenario=smtp-basic&step=7&lang=en')
    await expectStep(page, 7)
    await expect(messages(page).nth(6)).toContainText('MAIL FROM:<alice@client.example.test>')
    const caption = page.getByTestId('caption')
    await expect(caption).toHaveAttribute('role', 'status')
    await expect(caption).toContainText('RFC 5321 §4.1.1.2')
    await expect(caption).toContainText(/sender|envelope/i)
    expect(hasJapanese((await caption.textContent()) ?? '')).toBe(false)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  })

  test('the address bar follows every move', async ({ page }) => {
    await page.goto('?scenario=smtp-basic&lang=en')
    await page.getByTestId('playback.next').click()
    await page.getByTestId('playback.next').click()
    await expect(page).toHaveURL(/scenario=smtp-basic/)
    await expect(page).toHaveURL(/step=2/)
    await page.reload()
    await expectStep(page, 2)
  })

  test('the language switch changes every word on screen', async ({ page }) => {
    await page.goto('?scenario=smtp-basic&step=5&lang=en')
    const main = page.locator('.app')
    // Past exam questions keep their Japanese source names (e.g. H18秋NW午後Ⅰ問4), as the article cites them.
    const words = async () => (await main.innerText()).replace('日本語', '').replace(/[HR]\d{1,2}\S*?問\d+/g, '')
    expect(hasJapanese(await words())).toBe(false)
    await page.getByTestId('lang.ja').click()
    await expect(page).toHaveURL(/lang=ja/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
    expect(hasJapanese(await page.getByTestId('caption').innerText())).toBe(true)
    await expect(page.getByTestId('playback.next')).toHaveAccessibleName('次へ')
    await page.getByTestId('lang.en').click()
    await expect(page.getByTestId('playback.next')).toHaveAccessibleName('Next')
    // Only the language switch's own "日本語" (and exam source names) remain in Japanese.
    expect(hasJapanese(await words())).toBe(false)
  })

  test('the scrubber jumps to a tick and moves with the keyboard', async ({ page }) => {
    await page.goto('?scenario=smtp-basic&lang=en')
    await page.locator('.tick').nth(9).click()
    await expectStep(page, 10)
    const slider = page.getByRole('slider')
    await slider.focus()
    await page.keyboard.press('ArrowRight')
    await expectStep(page, 11)
    await expect(slider).toHaveValue('11')
  })

  test('the wire panel shows CR LF and hex on demand', async ({ page }) => {
    await page.goto('?scenario=smtp-basic&step=5&lang=en')
    const wire = page.locator('.wire')
    await expect(wire).toContainText('HELO pc1.client.example.test')
    await expect(wire.locator('.ctl-char')).toHaveText(['CR', 'LF'])
    await page.getByRole('button', { name: 'Show hex' }).click()
    // "HELO" is 48 45 4c 4f, CR LF is 0d 0a (RFC 5321 §2.3.8).
    await expect(page.locator('.wire.hex')).toContainText('48 45 4c 4f')
    await expect(page.locator('.wire.hex')).toContainText('0d 0a')
    await expect(page.getByTestId('state')).toContainText('connected')
    await expect(page.getByTestId('state')).toContainText('greeted')
  })
})

test.describe('bad input never shows a blank page', () => {
  test('unknown scenario: a clear message and the list of scenarios', async ({ page }) => {
    await page.goto('?scenario=no-such-thing&lang=en')
    await expect(page.getByRole('alert')).toContainText('no-such-thing')
    const links = page.getByTestId('unknown-scenario').getByRole('link')
    expect(await links.count()).toBeGreaterThan(0)
    await links.first().click()
    await expect(counter(page)).toBeVisible()
  })

  test('step out of range is clamped, and the URL says so', async ({ page }) => {
    await page.goto('?scenario=smtp-basic&step=999&lang=en')
    await expectStep(page, WIRE.length)
    await expect(page).toHaveURL(new RegExp(`step=${WIRE.length}`))
    await page.goto('?scenario=smtp-basic&step=-4&lang=en')
    await expectStep(page, 0)
    await page.goto('?scenario=smtp-basic&step=abc&lang=en')
    await expectStep(page, 0)
  })

  test('unknown lang falls back to the browser language', async ({ page }) => {
    await page.goto('?scenario=smtp-basic&step=3&lang=xx')
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja') // the browser here is ja-JP
    await expect(page).toHaveURL(/lang=ja/)
  })

  test('no parameters at all opens the first lesson', async ({ page }) => {
    await page.goto('')
    await expect(page).toHaveURL(/scenario=smtp-basic/)
    await expectStep(page, 0)
  })
})

test.describe('accessibility', () => {
  for (const url of [
    '?scenario=smtp-basic&step=0&lang=ja',
    '?scenario=smtp-basic&step=7&lang=en',
    '?scenario=smtp-basic&step=21&lang=ja',
    '?scenario=nope&lang=en',
  ]) {
    test(`axe-core finds no violations at ${url}`, async ({ page }) => {
      await page.goto(url)
      await page.waitForSelector('.app')
      const results = await new AxeBuilder({ page }).analyze()
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    })
  }

  test('every control is reachable by Tab and shows a focus ring', async ({ page }) => {
    await page.goto('?scenario=smtp-basic&step=3&lang=en')
    const seen = new Set<string>()
    // The header (lessons, pages, languages), the teaching links, then the controls.
    for (let i = 0; i < 24; i++) {
      await page.keyboard.press('Tab')
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        const style = el ? getComputedStyle(el) : null
        return { id: el?.dataset.testid ?? el?.tagName ?? '', outline: style?.outlineStyle ?? 'none', width: style?.outlineWidth ?? '0px' }
      })
      if (info.id === 'BODY') continue
      seen.add(info.id)
      // Our ring (3 px solid), not the browser's thin default: it must survive a projector.
      expect(info.outline, info.id).toBe('solid')
      expect(parseFloat(info.width), info.id).toBeGreaterThanOrEqual(3)
    }
    for (const id of ['playback.prev', 'playback.next', 'playback.play', 'playback.restart', 'scenario-select', 'lang.ja', 'teach.presenter', 'share.open'])
      expect(seen).toContain(id)
  })

  test('with reduced motion the new arrow is drawn at once, every frame', async ({ page }) => {
    const animationCode: string[] = []
    page.on('request', (r) => {
      if (/AnimatedTrack/.test(r.url())) animationCode.push(r.url())
    })
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto('?scenario=smtp-basic&step=3&lang=en')
    // Give the animation code every chance to arrive (a first touch fetches it where motion is wanted).
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.waitForLoadState('networkidle')
    await page.evaluate(() => {
      const samples: number[] = []
      ;(window as unknown as { samples: number[] }).samples = samples
      const t0 = performance.now()
      const tick = () => {
        const el = document.querySelector('[aria-current="step"][data-index="4"] .line')
        if (el) samples.push(new DOMMatrix(getComputedStyle(el).transform).a)
        if (performance.now() - t0 < 1000) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    await page.getByTestId('playback.next').click()
    await page.waitForTimeout(1100)
    const samples = await page.evaluate(() => (window as unknown as { samples: number[] }).samples)
    expect(samples.length).toBeGreaterThan(0)
    expect(Math.min(...samples)).toBe(1)
    expect(animationCode).toEqual([])
  })

  test('without reduced motion the new arrow grows from its sender', async ({ browser }) => {
    const context = await browser.newContext({ reducedMotion: 'no-preference', viewport: { width: 1366, height: 768 } })
    const page = await context.newPage()
    await page.goto('?scenario=smtp-basic&step=3&lang=en')
    // The animation code is fetched at the first touch; let it arrive, then step.
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.waitForLoadState('networkidle')
    // Sample the new arrow's horizontal scale on every frame for a second after the click.
    await page.evaluate(() => {
      const samples: number[] = []
      ;(window as unknown as { samples: number[] }).samples = samples
      const t0 = performance.now()
      const tick = () => {
        const el = document.querySelector('[aria-current="step"][data-index="4"] .line')
        if (el) samples.push(new DOMMatrix(getComputedStyle(el).transform).a)
        if (performance.now() - t0 < 1500) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    await page.getByTestId('playback.next').click()
    await page.waitForTimeout(1600)
    const samples = await page.evaluate(() => (window as unknown as { samples: number[] }).samples)
    expect(Math.min(...samples)).toBeLessThan(0.9)
    expect(samples[samples.length - 1]).toBe(1)
    await context.close()
  })
})

test('the state panel shows the SMTP rules of the state on screen, from the table the engine checks with', async ({ page }) => {
  // After MAIL FROM's 250 the session is in a transaction (RFC 5321 §4.1.1.2–§4.1.4).
  await page.goto('?scenario=smtp-basic&step=8&lang=en')
  await page.getByTestId('state.rules-open').click()
  const table = page.getByTestId('state.rules')
  await expect(table).toHaveAttribute('data-state', 'mail')
  await expect(table.locator('tr[data-command="RCPT"]')).toHaveAttribute('data-accepted', 'true')
  // A second MAIL is refused (nested), and DATA needs a recipient first: both 503.
  await expect(table.locator('tr[data-command="MAIL"] td')).toContainText('503')
  await expect(table.locator('tr[data-command="DATA"] td')).toContainText('503')
  await expect(table.locator('tr[data-command="NOOP"]')).toHaveAttribute('data-accepted', 'true')
})
