import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { counter } from './helpers'

// What Postfix answered in the recorded classic session (fixtures/real-sessions/smtp_basic_helo.txt).
const POSTFIX_CODES = ['220', '250', '250', '250', '354', '250', '221']

async function playAnswering(page: Page, pick: (i: number) => string): Promise<void> {
  const next = page.getByTestId('playback.next')
  let asked = 0
  for (let guard = 0; guard < 60; guard++) {
    const choices = page.getByTestId('predict.choice')
    if ((await choices.count()) > 0) {
      await choices.and(page.locator(`[data-value="${pick(asked)}"]`)).click()
      asked++
      continue
    }
    if (await next.isDisabled()) break
    await next.click()
  }
}

test.describe('predict the reply', () => {
  test('smtp-basic: every reply right scores full marks, and the best score is kept', async ({ page }) => {
    await page.goto('?mode=predict&scenario=smtp-basic&lang=en')
    await expect(counter(page)).toHaveAttribute('data-step', '0')
    await playAnswering(page, (i) => POSTFIX_CODES[i] ?? '')
    const score = page.getByTestId('predict.score')
    await expect(score).toHaveAttribute('data-correct', String(POSTFIX_CODES.length))
    await expect(score).toHaveAttribute('data-total', String(POSTFIX_CODES.length))
    const saved = await page.evaluate(() => localStorage.getItem('mail-seq.predict-best'))
    expect(JSON.parse(saved ?? '{}')).toMatchObject({ v: 1, best: { 'smtp-basic': { correct: 7, total: 7 } } })
  })

  test('a wrong answer is marked and explained', async ({ page }) => {
    await page.goto('?mode=predict&scenario=smtp-basic&lang=en')
    const next = page.getByTestId('playback.next')
    for (let i = 0; i < 3; i++) await next.click()
    // Before the greeting: playback waits for an answer.
    await expect(next).toBeDisabled()
    await page.getByTestId('predict.choice').and(page.locator('[data-value="554"]')).click()
    const verdict = page.getByTestId('predict.verdict')
    await expect(verdict).toHaveAttribute('data-correct', 'false')
    await expect(verdict).toContainText('220')
    await expect(page.getByTestId('caption')).toContainText('220')
  })

  test('keyboard only: Tab to a choice, Enter to answer', async ({ page }) => {
    await page.goto('?mode=predict&scenario=pop3-basic&lang=ja')
    await expect(counter(page)).toBeVisible()
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
    await expect(page.getByTestId('predict.choice')).toHaveCount(2)
    await page.getByTestId('predict.choice').first().focus()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('predict.verdict')).toBeVisible()
    // Number keys answer too: 1 is the first choice.
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    for (let i = 0; i < 3 && (await page.getByTestId('predict.choice').count()) === 0; i++) await page.keyboard.press('ArrowRight')
    await expect(page.getByTestId('predict.choice')).toHaveCount(2)
    const first = await page.getByTestId('predict.choice').first().getAttribute('data-value')
    await page.keyboard.press('1')
    await expect(page.getByTestId('predict.verdict')).toContainText(first ?? '')
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((v) => v.id)).toEqual([])
  })

  test('a broken saved score is reset with a note, never a crash', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('mail-seq.predict-best', '{not json'))
    await page.goto('?mode=predict&scenario=smtp-basic&lang=en')
    await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible()
    await expect(counter(page)).toBeVisible()
  })
})

test.describe('exam drills', () => {
  test('each drill names its source, checks the answer and links to the step that answers it', async ({ page }) => {
    await page.goto('?mode=drills&lang=en')
    const drills = page.getByTestId('drill')
    await expect(drills).toHaveCount(14)
    const first = drills.first()
    await first.getByRole('radio').first().check()
    await first.getByTestId('drill.check').click()
    await expect(first.getByTestId('drill.verdict')).toBeVisible()
    const link = first.getByTestId('drill.link')
    await expect(link).toHaveAttribute('href', /scenario=[a-z0-9-]+&step=\d+/)
    await link.click()
    await expect(counter(page)).toBeVisible()
    const step = new URL(page.url()).searchParams.get('step')
    await expect(counter(page)).toHaveAttribute('data-step', step ?? '')
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((v) => v.id)).toEqual([])
  })
})
