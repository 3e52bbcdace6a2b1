import { expect, test, type Page } from '@playwright/test'

const VIEWPORTS = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'projector', width: 1920, height: 1080 },
  { name: 'phone', width: 390, height: 844 },
]

type Box = { x: number; y: number; width: number; height: number; name: string }
const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5

async function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el, i) => {
      const r = el.getBoundingClientRect()
      return { x: r.x, y: r.y, width: r.width, height: r.height, name: `${el.className}#${i}:${(el.textContent ?? '').slice(0, 30)}` }
    }),
  )
}

for (const vp of VIEWPORTS) {
  test.describe(`${vp.name} ${vp.width}×${vp.height}`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } })

    for (const lang of ['ja', 'en']) {
      test(`nothing overlaps and no text is cut (${lang})`, async ({ page }) => {
        await page.goto(`?scenario=smtp-basic&step=21&lang=${lang}`)
        await expect(page.getByTestId('message')).toHaveCount(21)
        // No horizontal scrolling of the page.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(vp.width)
        const diagram = (await boxes(page, '.diagram'))[0] as Box
        // Arrow labels stay inside the diagram and never overlap each other.
        const labels = await boxes(page, '.row .label')
        for (const l of labels) {
          expect(l.x, l.name).toBeGreaterThanOrEqual(diagram.x - 0.5)
          expect(l.x + l.width, l.name).toBeLessThanOrEqual(diagram.x + diagram.width + 0.5)
        }
        for (let i = 1; i < labels.length; i++) expect(overlap(labels[i - 1] as Box, labels[i] as Box), `${labels[i]?.name}`).toBe(false)
        // Lifeline heads side by side, never on top of each other.
        const actors = await boxes(page, '.actor')
        expect(overlap(actors[0] as Box, actors[1] as Box)).toBe(false)
        for (const a of actors) {
          expect(a.x).toBeGreaterThanOrEqual(diagram.x - 0.5)
          expect(a.x + a.width).toBeLessThanOrEqual(diagram.x + diagram.width + 0.5)
        }
        // Controls do not overlap each other.
        const controls = await boxes(page, '.buttons > *')
        for (let i = 0; i < controls.length; i++)
          for (let j = i + 1; j < controls.length; j++)
            expect(overlap(controls[i] as Box, controls[j] as Box), `${controls[i]?.name} / ${controls[j]?.name}`).toBe(false)
        // Text boxes are not clipped sideways.
        for (const sel of ['.caption-text', '.counter', '.actor strong', '.ctl', '.brand h1']) {
          const clipped = await page.locator(sel).evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent))
          expect(clipped, sel).toEqual([])
        }
        await page.screenshot({ path: test.info().outputPath(`${vp.name}-${lang}.png`) })
      })
    }

    test('the current step is scrolled into view', async ({ page }) => {
      await page.goto('?scenario=smtp-basic&step=21&lang=en')
      const current = page.locator('[aria-current="step"]')
      await expect(current).toBeInViewport()
    })
  })
}
