import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { counter, expectStep } from './helpers'

// CONTRACT.md §7: the server's state chart lights the state each step leaves the server in. The expected state
// is worked out here from the wire text on the page and the protocols' rules, not from the app's code:
// a client line moves the server once the server has taken it (the reply that follows says whether it did),
// and the server's reply leaves it where the line took it. State names are the engine's (CONTRACT.md §1).

interface Arrow {
  readonly from: string
  readonly layer: string
  readonly text: string
}

type Rule = (state: string, command: string, reply: string) => string

/** RFC 5321 §4.1.1, §4.1.4, §3.3: HELO/EHLO greet, MAIL/RCPT/DATA build the envelope, "." ends the text, QUIT closes. */
const smtp: Rule = (state, command, reply) => {
  const ok = reply.startsWith('2') || reply.startsWith('3')
  if (state === 'data') return command === '.' ? 'greeted' : 'data'
  if (!ok) return state
  switch (command) {
    case 'HELO':
    case 'EHLO':
    case 'RSET':
      return 'greeted'
    case 'MAIL':
      return 'mail'
    case 'RCPT':
      return 'rcpt'
    case 'DATA':
      return reply === '354' ? 'data' : state
    case 'QUIT':
      return 'closed'
    default:
      return state
  }
}

/** RFC 1939 §3–§6: PASS or APOP with +OK enter TRANSACTION; QUIT ends the session (through UPDATE). */
const pop3: Rule = (state, command, reply) => {
  if (reply !== '+OK') return state
  if (command === 'PASS' || command === 'APOP') return 'transaction'
  if (command === 'QUIT') return 'closed'
  return state
}

/** RFC 9051 §3, §6: LOGIN authenticates, SELECT/EXAMINE select, CLOSE/UNSELECT unselect, LOGOUT ends. */
const imap: Rule = (state, command, reply) => {
  if (command === 'LOGOUT') return 'logout'
  if (reply !== 'OK') return state
  if (command === 'LOGIN' || command === 'AUTHENTICATE') return 'authenticated'
  if (command === 'SELECT' || command === 'EXAMINE') return 'selected'
  if (command === 'CLOSE' || command === 'UNSELECT') return 'authenticated'
  return state
}

const LESSONS = [
  { id: 'smtp-basic', layer: 'smtp', initial: 'connected', rule: smtp },
  { id: 'pop3-basic', layer: 'pop3', initial: 'authorization', rule: pop3 },
  { id: 'imap-basic', layer: 'imap', initial: 'not-authenticated', rule: imap },
] as const

/** The command word of a client line and the status of a reply, as they read on the arrows. */
function commandOf(layer: string, text: string): string {
  const words = text.trim().split(/\s+/)
  return ((layer === 'imap' ? words[1] : words[0]) ?? '').toUpperCase()
}
function replyOf(layer: string, text: string): string {
  const words = text.trim().split(/\s+/)
  if (layer === 'smtp') return text.trim().slice(0, 3)
  return (layer === 'imap' ? words[1] : words[0]) ?? ''
}

/** The state after each step (index 0: before any step), from the arrows of the whole lesson. */
function expectedStates(arrows: readonly Arrow[], layer: string, initial: string, rule: Rule): string[] {
  const out = [initial]
  let state = initial
  arrows.forEach((a, i) => {
    if (a.layer === layer && a.from === 'client') {
      const command = state === 'data' && layer === 'smtp' ? (a.text.trim() === '.' ? '.' : '(text)') : commandOf(layer, a.text)
      // The reply to this line is the next server arrow of the protocol (none for message text).
      const reply = arrows.slice(i + 1).find((b) => b.layer === layer && b.from !== 'client')
      if (command !== '(text)' && reply !== undefined) state = rule(state, command, replyOf(layer, reply.text))
    }
    out.push(state)
  })
  return out
}

async function arrowsOf(page: Page): Promise<Arrow[]> {
  return page.getByTestId('message').evaluateAll((els) =>
    els.map((e) => ({
      from: (e as HTMLElement).dataset.from ?? '',
      layer: (e as HTMLElement).dataset.layer ?? '',
      text: e.querySelector('.label .text')?.textContent ?? e.textContent ?? '',
    })),
  )
}

const current = (page: Page) => page.getByTestId('state-chart').locator('[aria-current="true"]')

for (const lesson of LESSONS) {
  test(`${lesson.id}: the chart lights the state every step leaves the server in`, async ({ page }) => {
    await page.goto(`?scenario=${lesson.id}&step=0&lang=en`)
    await expect(counter(page)).toBeVisible()
    await page.keyboard.press('End')
    const total = Number(await counter(page).getAttribute('data-total'))
    await expectStep(page, total)
    const arrows = await arrowsOf(page)
    expect(arrows).toHaveLength(total)
    const states = expectedStates(arrows, lesson.layer, lesson.initial, lesson.rule)
    // The walk must see the machine move: a lesson that never left its first state would prove nothing.
    expect(new Set(states).size).toBeGreaterThanOrEqual(3)
    await expect(current(page)).toHaveAttribute('data-state', states[total] ?? '')
    await page.keyboard.press('Home')
    const first = Number(await counter(page).getAttribute('data-step'))
    for (let n = first; n <= total; n++) {
      if (n > first) await page.keyboard.press('ArrowRight')
      await expect(counter(page)).toHaveAttribute('data-step', String(n))
      await expect(current(page), `step ${n}: ${arrows[n - 1]?.text ?? '(start)'}`).toHaveAttribute('data-state', states[n] ?? '')
      await expect(current(page)).toHaveCount(1)
    }
  })
}

test('a state opens its rules by click and by keyboard, and the last transition is highlighted and spoken', async ({ page }) => {
  // Step 9 of smtp-basic: RCPT TO has been sent (the server is in the rcpt state).
  await page.goto('?scenario=smtp-basic&step=9&lang=en')
  const chart = page.getByTestId('state-chart')
  await expect(chart).toBeVisible({ timeout: 10_000 })
  await expect(chart.locator('[aria-current="true"]')).toHaveAttribute('data-state', 'rcpt')
  await expect(chart.locator('.sc-edge.now')).toHaveCount(1)
  await expect(chart.locator('.sc-edge.now')).toHaveAttribute('data-edge', /RCPT 250/)
  await expect(page.getByTestId('state-chart.last')).toContainText('mail → rcpt (RCPT 250)')

  // Keyboard: the node is focusable; Enter opens what the rcpt state takes. RFC 5321 §4.1.4: a second MAIL in a
  // transaction is 503; DATA is taken once a recipient was accepted (§4.1.1.4).
  const rcpt = chart.locator('.sc-node[data-state="rcpt"]')
  await expect(rcpt).toHaveAttribute('tabindex', '0')
  await rcpt.focus()
  await page.keyboard.press('Enter')
  const rules = page.getByTestId('state-chart.rules')
  await expect(rules).toHaveAttribute('data-state', 'rcpt')
  await expect(rules.locator('[data-command="MAIL"]')).toHaveAttribute('data-accepted', 'false')
  await expect(rules.locator('[data-command="MAIL"]')).toContainText('503')
  await expect(rules.locator('[data-command="DATA"]')).toHaveAttribute('data-accepted', 'true')
  await expect(rcpt).toHaveAttribute('aria-expanded', 'true')

  // Space on a node picks it and does not play the lesson.
  const connected = chart.locator('.sc-node[data-state="connected"]')
  await connected.focus()
  await page.keyboard.press(' ')
  await expect(rules).toHaveAttribute('data-state', 'connected')
  await expect(rules.locator('[data-command="RCPT"]')).toContainText('503')
  await expect(page.getByTestId('playback.play')).toHaveAttribute('aria-pressed', 'false')
  await expect(counter(page)).toHaveAttribute('data-step', '9')

  // Click: the closed connection reads no commands.
  await chart.locator('.sc-node[data-state="closed"]').click()
  await expect(page.getByTestId('state-chart.details')).toHaveAttribute('data-state', 'closed')
  await expect(page.getByTestId('state-chart.rules')).toHaveAttribute('data-state', 'closed')
  await expect(page.getByTestId('state-chart.rules').locator('[data-command]')).toHaveCount(0)

  // POP3: a TRANSACTION command before login gets -ERR (RFC 1939 §3).
  await page.goto('?scenario=pop3-basic&step=0&lang=en')
  await expect(counter(page)).toBeVisible()
  await page.keyboard.press('ArrowRight')
  const pop = page.getByTestId('state-chart')
  await pop.locator('.sc-node[data-state="authorization"]').click()
  await expect(page.getByTestId('state-chart.rules').locator('[data-command="STAT"]')).toContainText('-ERR')
})

test('the chart sits beside the diagram on a laptop and under it on a phone', async ({ page }) => {
  // Step 3: the TCP handshake's last ACK, before the greeting: the initial state (RFC 9051 §3.1).
  await page.goto('?scenario=imap-basic&step=3&lang=ja')
  const chart = page.getByTestId('state-chart')
  await expect(chart).toBeVisible({ timeout: 10_000 })
  const diagram = page.locator('.diagram').first()
  const [d, c] = [await diagram.boundingBox(), await chart.boundingBox()]
  expect(c && d && c.x >= d.x + d.width).toBe(true)
  await page.setViewportSize({ width: 390, height: 844 })
  const [d2, c2] = [await diagram.boundingBox(), await chart.boundingBox()]
  expect(c2 && d2 && c2.y >= d2.y + d2.height - 1).toBe(true)
  await expect(chart.locator('[aria-current="true"]')).toHaveAttribute('data-state', 'not-authenticated')
})

test('the chart, a node opened, passes axe (contrast, names, roles) on a laptop and a phone', async ({ page }) => {
  await page.goto('?scenario=smtp-submission-auth&step=30&lang=ja')
  const chart = page.getByTestId('state-chart')
  await expect(chart).toBeVisible({ timeout: 10_000 })
  await chart.locator('.sc-node[data-state="greeted"]').click()
  await expect(page.getByTestId('state-chart.rules')).toBeVisible()
  const laptop = await new AxeBuilder({ page }).include('[data-testid="state-chart"]').analyze()
  expect(laptop.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  await page.setViewportSize({ width: 390, height: 844 })
  const phone = await new AxeBuilder({ page }).include('[data-testid="state-chart"]').analyze()
  expect(phone.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
})
