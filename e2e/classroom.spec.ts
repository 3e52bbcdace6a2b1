import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { counter, messages } from './helpers'

const step = (page: Page) => counter(page).getAttribute('data-step')
const expectStepAt = (page: Page, n: number) => expect(counter(page)).toHaveAttribute('data-step', String(n), { timeout: 2_000 })

test.describe('in class', () => {
  test('projector and presenter move together, both ways, and a reloaded window rejoins', async ({ context }) => {
    const presenter = await context.newPage()
    await presenter.goto('?mode=presenter&scenario=smtp-basic&lang=en')
    await expect(counter(presenter)).toHaveAttribute('data-total', /\d+/)
    const projector = await context.newPage()
    await projector.goto('?mode=present&scenario=smtp-basic&step=0&lang=en')
    await expect(counter(projector)).toHaveAttribute('data-step', '0')

    await presenter.getByTestId('playback.next').click()
    await presenter.getByTestId('playback.next').click()
    await expectStepAt(projector, 2)
    await projector.keyboard.press('PageDown')
    await expectStepAt(presenter, 3)
    await projector.keyboard.press('PageUp')
    await expectStepAt(presenter, 2)
    // The presenter shows what comes next: the projector's next arrow.
    await projector.keyboard.press('PageDown')
    await expect(presenter.getByTestId('presenter.next')).toHaveAttribute('data-index', '4')
    await expect(presenter.getByTestId('presenter.next')).toContainText('220')
    await expect(presenter.getByTestId('presenter.current')).toContainText('ACK')

    // A playback window of the same lesson follows too; a window that reloads joins where the others are.
    const playback = await context.newPage()
    await playback.goto('?scenario=smtp-basic&lang=en')
    await presenter.getByTestId('playback.next').click()
    await expectStepAt(playback, 4)
    await projector.reload()
    await expectStepAt(projector, 4)
    await playback.keyboard.press('ArrowRight')
    await expectStepAt(projector, 5)
    await expectStepAt(presenter, 5)
  })

  test('another lesson in another tab is not disturbed', async ({ context }) => {
    const a = await context.newPage()
    await a.goto('?mode=presenter&scenario=smtp-basic&lang=en')
    const b = await context.newPage()
    await b.goto('?mode=present&scenario=pop3-basic&step=3&lang=en')
    await expect(counter(b)).toHaveAttribute('data-step', '3')
    await a.getByTestId('playback.next').click()
    await expectStepAt(a, 1)
    await b.waitForTimeout(600)
    expect(await step(b)).toBe('3')
  })

  test('b or . blanks the projector; any other key brings it back without moving', async ({ page }) => {
    await page.goto('?mode=present&scenario=smtp-ehlo&step=5&lang=ja')
    await expect(counter(page)).toHaveAttribute('data-step', '5')
    await page.keyboard.press('b')
    await expect(page.getByTestId('present.blackout')).toBeVisible()
    await page.keyboard.press('PageDown')
    await expect(page.getByTestId('present.blackout')).toBeHidden()
    expect(await step(page)).toBe('5')
    await page.keyboard.press('.')
    await expect(page.getByTestId('present.blackout')).toBeVisible()
    await page.keyboard.press('.')
    await expect(page.getByTestId('present.blackout')).toBeHidden()
    expect(await step(page)).toBe('5')
  })

  test('phase jumps land on the chapter marks, forward and back', async ({ page }) => {
    await page.goto('?mode=present&scenario=smtp-submission-auth&step=0&lang=en')
    await expect(page.getByTestId('scrubber.chapters')).toBeVisible()
    const marks = await page
      .getByTestId('scrubber.chapters')
      .locator('li')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-step'))))
    expect(marks.length).toBeGreaterThanOrEqual(5)
    expect(
      await page
        .getByTestId('scrubber.chapters')
        .locator('li')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-phase'))),
    ).toEqual(expect.arrayContaining(['connection', 'tls', 'authentication', 'envelope', 'message', 'close']))
    for (const m of marks) {
      await page.keyboard.press(']')
      await expectStepAt(page, m)
    }
    await page.keyboard.press('Shift+PageUp')
    await expectStepAt(page, marks.at(-2) ?? 0)
    await page.keyboard.press('Shift+PageDown')
    await expectStepAt(page, marks.at(-1) ?? 0)
  })

  test('predict in class: the projector hides the reply until the presenter reveals it', async ({ context }) => {
    const projector = await context.newPage()
    await projector.goto('?mode=present&predict=1&scenario=smtp-basic&lang=en')
    const presenter = await context.newPage()
    await presenter.goto('?mode=presenter&scenario=smtp-basic&lang=en')
    // Connection: three segments, then the greeting is a reply to guess.
    for (let i = 0; i < 3; i++) await projector.keyboard.press('PageDown')
    await expectStepAt(projector, 3)
    await expect(projector.locator('.present-question')).toBeVisible()
    await expect(messages(projector)).toHaveCount(3)
    await projector.keyboard.press('PageDown')
    // Revealed: the reply is on the diagram, and the presenter followed.
    await expectStepAt(projector, 4)
    await expect(messages(projector).last()).toContainText('220')
    await expectStepAt(presenter, 4)
    // The next question, revealed from the presenter's console this time.
    await projector.keyboard.press('PageDown')
    await expectStepAt(projector, 5)
    await expect(projector.locator('.present-question')).toBeVisible()
    await presenter.getByTestId('playback.next').click()
    await expectStepAt(projector, 6)
    await expect(messages(projector).last()).toContainText('250')
  })

  test('the handout holds every step, with its caption, in order', async ({ page }) => {
    await page.goto('?scenario=pop3-apop&lang=ja')
    const total = Number(await counter(page).getAttribute('data-total'))
    await page.getByTestId('teach.handout').click()
    await expect(page.getByTestId('print.step')).toHaveCount(total)
    const indexes = await page.getByTestId('print.step').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-index'))))
    expect(indexes).toEqual(Array.from({ length: total }, (_, i) => i + 1))
    for (const t of await page.locator('.print-caption').allTextContents()) expect(t.length).toBeGreaterThan(10)
    expect(await page.locator('.print-arrow').count()).toBe(total)
  })

  for (const lang of ['ja', 'en'] as const) {
    for (const mode of ['present', 'presenter', 'print'] as const) {
      test(`axe finds nothing serious or critical in ${mode} (${lang})`, async ({ page }) => {
        await page.goto(`?mode=${mode}&scenario=smtp-starttls&step=12&lang=${lang}`)
        await expect(page.locator(`[data-testid="${mode === 'print' ? 'print' : mode}"]`)).toBeVisible()
        const results = await new AxeBuilder({ page }).analyze()
        expect(
          results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`),
        ).toEqual([])
      })
    }
  }

  for (const [w, h] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    test(`the projector view never scrolls sideways at ${w}×${h}, and its type is large`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h })
      await page.goto('?mode=present&scenario=smtp-envelope-vs-header&step=200&lang=ja')
      await expect(page.getByTestId('present')).toBeVisible()
      const m = await page.evaluate(() => {
        const label = document.querySelector('[data-testid="message"][aria-current="step"] .label')
        const caption = document.querySelector('.present-caption .caption-text')
        const line = document.querySelector('[data-testid="message"] .line')
        const current = document.querySelector('[data-testid="message"][aria-current="step"]')?.getBoundingClientRect()
        return {
          scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          label: label ? parseFloat(getComputedStyle(label).fontSize) : 0,
          caption: caption ? parseFloat(getComputedStyle(caption).fontSize) : 0,
          line: line ? parseFloat(getComputedStyle(line).height) : 0,
          currentInView: current ? current.top >= 0 && current.bottom <= innerHeight : false,
          header: document.querySelector('header.top') !== null,
        }
      })
      expect(m.scroll).toBe(0)
      expect(m.label).toBeGreaterThanOrEqual(28)
      expect(m.caption).toBeGreaterThanOrEqual(32)
      expect(m.line).toBeGreaterThanOrEqual(3)
      expect(m.currentInView).toBe(true)
      expect(m.header).toBe(false)
    })
  }
})
