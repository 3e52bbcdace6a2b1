import { expect, test, type Page } from '@playwright/test'
import { CSP } from '../scripts/csp.mjs'
import { serveDist } from '../scripts/serve-csp.mjs'
import { MODES } from './modes'

// The strict CSP (README "Offline and security"), sent as an HTTP header as a host would (scripts/serve-csp.mjs),
// on top of the <meta> the build puts in index.html: every mode draws with no violation, animations on.
test.use({ reducedMotion: 'no-preference' })

let server: Awaited<ReturnType<typeof serveDist>>
test.beforeAll(async () => {
  server = await serveDist()
})
test.afterAll(async () => {
  await server.close()
})

/** Violations the page reports (securitypolicyviolation), and console or page errors that name the CSP or Trusted Types. */
async function watch(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.assign(window, { cspViolations: seen })
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective}: ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    )
  })
  const errors: string[] = []
  const csp = /content.security.policy|trusted.?type|TrustedScriptURL|TrustedHTML|TrustedScript\b/i
  page.on('console', (m) => {
    if (m.type() === 'error' && csp.test(m.text())) errors.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`))
  return async () => [...errors, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))]
}

test('the server sends the policy as a header, and the built page carries it as a <meta>', async ({ page }) => {
  const response = await page.goto(server.url)
  expect(response?.headers()['content-security-policy']).toBe(CSP)
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', CSP)
})

test('the policy is enforced: a string where markup goes is refused and reported', async ({ page }) => {
  const violations = await watch(page)
  await page.goto(`${server.url}?mode=map`)
  await expect(page.getByTestId('protocol-map')).toBeVisible()
  const refused = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>'
      return false
    } catch {
      return true
    }
  })
  expect(refused).toBe(true)
  await expect.poll(violations).toContainEqual(expect.stringMatching(/^require-trusted-types-for/))
})

for (const embed of ['', '&embed=1'])
  for (const mode of MODES)
    test(`${mode.name}${embed ? ' embedded' : ''} draws with no CSP or Trusted Types violation`, async ({ page }) => {
      const violations = await watch(page)
      await page.goto(`${server.url}${mode.query}${embed}`)
      await expect(page.getByTestId(mode.testId).first()).toBeVisible()
      // A little use of the page: steps (arrows animate), a line in the sandbox.
      if (mode.testId === 'step-counter') {
        for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
        await page.waitForTimeout(400)
      }
      if (mode.name === 'sandbox') {
        await page.getByTestId('sandbox.input').fill('EHLO a')
        await page.getByTestId('sandbox.input').press('Enter')
        await expect(page.locator('[data-testid="message"][data-from="server"]').filter({ hasText: '250' }).first()).toBeVisible()
      }
      await page.waitForLoadState('networkidle')
      expect(await violations()).toEqual([])
    })

test('the service worker registers under Trusted Types (its URL from the one policy) and controls the page', async ({ page }) => {
  const violations = await watch(page)
  await page.goto(`${server.url}?scenario=smtp-basic`)
  await expect(page.getByTestId('step-counter')).toBeVisible()
  // Registered two seconds after load, then installed: 15 s at most, else the violations say why.
  const script = await page.evaluate(async () => {
    const controlled = (async () => {
      const reg = await navigator.serviceWorker.ready
      if (!navigator.serviceWorker.controller) await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }))
      return reg.active?.scriptURL ?? null
    })()
    return Promise.race([controlled, new Promise<null>((ok) => setTimeout(() => ok(null), 15_000))])
  })
  expect(await violations()).toEqual([])
  expect(script).toBe(`${server.url}sw.js`)
})
