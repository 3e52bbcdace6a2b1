import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'

export const messages = (page: Page): Locator => page.getByTestId('message')
export const counter = (page: Page): Locator => page.getByTestId('step-counter')

export async function expectStep(page: Page, n: number): Promise<void> {
  await expect(counter(page)).toHaveAttribute('data-step', String(n))
  await expect(messages(page)).toHaveCount(n)
}

/** The reply codes shown on server→client arrows, in order. */
export async function replyCodes(page: Page): Promise<string[]> {
  const texts = await page.locator('[data-testid="message"][data-from="server"][data-layer="smtp"] .label .text').allTextContents()
  return texts.map((t) => t.slice(0, 3))
}

export const hasJapanese = (s: string): boolean => /[\u3040-\u30ff\u4e00-\u9fff]/.test(s)
