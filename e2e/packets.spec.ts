import { expect, test, type Page } from '@playwright/test'
import { counter, messages } from './helpers'

// CONTRACT.md §7: `layers=` and the packet view (the IP and TCP/UDP headers of the current step).
const field = (page: Page, name: string) => page.locator(`[data-testid="header-field"][data-name="${name}"]`)

/** Opens a lesson at its last step (step= is clamped) and waits until every arrow is drawn; gives the total. */
async function showAll(page: Page, scenario: string): Promise<number> {
  await page.goto(`?scenario=${scenario}&step=9999&lang=en`)
  const total = Number(await counter(page).getAttribute('data-total'))
  expect(total).toBeGreaterThan(0)
  await expect(counter(page)).toHaveAttribute('data-step', String(total))
  await expect(messages(page)).toHaveCount(total)
  return total
}

/** The address an actor's lifeline shows, without its port. */
async function actorAddress(page: Page, id: string): Promise<string> {
  const text = (await page.locator(`[data-actor="${id}"] .addr`).textContent()) ?? ''
  return text.replace(/:\d+$/, '').trim()
}

test.describe('layers=', () => {
  test('?layers=smtp shows only the SMTP arrows, and the counter counts only them', async ({ page }) => {
    const all = await showAll(page, 'smtp-basic')
    const smtp = await messages(page).and(page.locator('[data-layer="smtp"]')).count()
    expect(smtp).toBeGreaterThan(0)
    expect(smtp).toBeLessThan(Number(all))

    await page.goto('?scenario=smtp-basic&layers=smtp&lang=en')
    await expect(counter(page)).toHaveAttribute('data-total', String(smtp))
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('End')
    await expect(counter(page)).toHaveAttribute('data-step', String(smtp))
    await expect(messages(page)).toHaveCount(smtp)
    expect(new Set(await messages(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-layer'))))).toEqual(new Set(['smtp']))
    // Numbered from 1 again, and step= in the address counts shown steps.
    await expect(messages(page).first()).toHaveAttribute('data-index', '1')
    await expect(page).toHaveURL(new RegExp(`step=${smtp}(&|$)`))
    await expect(page).toHaveURL(/layers=smtp(&|$)/)
  })

  test('the checkboxes change the address and the arrows, and keep the step on screen', async ({ page }) => {
    await page.goto('?scenario=smtp-basic&step=5&lang=en')
    await expect(messages(page).last()).toContainText('HELO')
    const tcp = page.getByTestId('layers.tcp')
    await expect(tcp).toBeChecked()
    await tcp.focus()
    await page.keyboard.press('Space') // keyboard: a plain checkbox
    await expect(tcp).not.toBeChecked()
    await expect(page).toHaveURL(/layers=smtp(&|$)/)
    await expect(messages(page).last()).toContainText('HELO')
    await expect(counter(page)).toHaveAttribute('data-step', '2')
    await expect(page.locator('[data-testid="message"][data-layer="tcp"]')).toHaveCount(0)
    // The last layer shown cannot be hidden too.
    await expect(page.getByTestId('layers.smtp')).toBeDisabled()
    await tcp.click()
    await expect(page).not.toHaveURL(/layers=/)
    await expect(counter(page)).toHaveAttribute('data-step', '5')
    await expect(page.locator('[data-testid="message"][data-layer="tcp"]')).toHaveCount(3)
  })

  test('a value that names no layer is ignored; one that leaves no step shows everything and says so', async ({ page }) => {
    await page.goto('?scenario=smtp-basic&lang=en')
    const total = await counter(page).getAttribute('data-total')
    await page.goto('?scenario=smtp-basic&layers=%3Cb%3Ebogus&lang=en')
    await expect(counter(page)).toHaveAttribute('data-total', String(total))
    await expect(page).not.toHaveURL(/layers=/)
    await page.goto('?scenario=smtp-basic&layers=imap&lang=en')
    await expect(counter(page)).toHaveAttribute('data-total', String(total))
    await expect(page.getByTestId('layers')).toContainText('every step is shown')
  })
})

test.describe('the packet view', () => {
  test('the SYN: flags SYN, MSS and window scale options, client → server port 25', async ({ page }) => {
    await page.goto('?scenario=smtp-basic&step=1&lang=en')
    await expect(field(page, 'tcp.flags')).toHaveAttribute('data-value', 'SYN')
    await expect(field(page, 'tcp.flags')).toContainText('SYN')
    await expect(field(page, 'tcp.options.mss')).toHaveAttribute('data-value', '1460')
    await expect(field(page, 'tcp.options.wscale')).toBeVisible()
    await expect(field(page, 'tcp.dstport')).toHaveAttribute('data-value', '25')
    await expect(field(page, 'ip.ttl')).toHaveAttribute('data-value', '64')
    await expect(page.getByText('Internet Protocol Version 4, Src:')).toBeVisible()
    await expect(page.getByText('Transmission Control Protocol, Src Port:')).toBeVisible()
    // After the SYNs: no options.
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect(field(page, 'tcp.flags')).toHaveAttribute('data-value', 'ACK')
    await expect(field(page, 'tcp.options.mss')).toHaveCount(0)
  })

  test('a data step: addresses as on the lifelines, ports by direction', async ({ page }) => {
    await page.goto('?scenario=smtp-basic&step=5&lang=ja')
    const client = await actorAddress(page, 'client')
    const server = await actorAddress(page, 'server')
    expect(client).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
    await expect(messages(page).last()).toHaveAttribute('data-from', 'client')
    await expect(field(page, 'ip.src')).toHaveAttribute('data-value', client)
    await expect(field(page, 'ip.dst')).toHaveAttribute('data-value', server)
    await expect(field(page, 'tcp.dstport')).toHaveAttribute('data-value', '25')
    // The reply goes the other way.
    await page.keyboard.press('ArrowRight')
    await expect(messages(page).last()).toHaveAttribute('data-from', 'server')
    await expect(field(page, 'ip.src')).toHaveAttribute('data-value', server)
    await expect(field(page, 'tcp.srcport')).toHaveAttribute('data-value', '25')
    // Absolute sequence numbers advance by the payload's length: HELO's octets, then MAIL FROM starts after them.
    await page.keyboard.press('ArrowLeft')
    await expect(messages(page).last()).toContainText('HELO')
    const helo = ((await page.locator('.wire:not(.hex)').textContent()) ?? '').replace(/CRLF\n?$/, '')
    const seq = Number(await field(page, 'tcp.seq').getAttribute('data-value'))
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect(messages(page).last()).toContainText('MAIL FROM')
    await expect(field(page, 'tcp.seq')).toHaveAttribute('data-value', String((seq + helo.length + 2) % 2 ** 32))
  })

  test('the hex view marks each header, and a focused field marks its own bytes', async ({ page }) => {
    await page.goto('?scenario=smtp-basic&step=5&lang=en')
    await page.getByRole('button', { name: 'Show hex' }).click()
    const hex = page.getByTestId('packet.hex')
    await expect(hex.locator('[data-region="ip"]')).toHaveCount(20)
    await expect(hex.locator('[data-region="tcp"]')).toHaveCount(20)
    const payload = (await page.locator('.wire:not(.hex)').textContent()) ?? ''
    // The payload is the line with CR LF (the panel writes them as CR and LF marks).
    const line = payload.replace(/CRLF\n?$/, '')
    await expect(hex.locator('[data-region="data"]')).toHaveCount(line.length + 2)
    await expect(hex.locator('[data-region="data"]').first()).toHaveText(line.charCodeAt(0).toString(16))
    await field(page, 'tcp.dstport').focus()
    await expect(hex.locator('.on')).toHaveText(['00', '19'])
    await field(page, 'ip.src').hover()
    await expect(hex.locator('.on')).toHaveCount(4)
  })

  test('TLS: the record header in clear, the rest shown as ciphertext', async ({ page }) => {
    const last = await showAll(page, 'smtps')
    const tlsData = await messages(page).evaluateAll((els) => els.findIndex((e) => e.getAttribute('data-layer') === 'smtp'))
    expect(tlsData).toBeGreaterThan(0)
    expect(Number(last)).toBeGreaterThan(tlsData)
    await page.goto(`?scenario=smtps&step=${tlsData + 1}&lang=en`)
    await page.getByRole('button', { name: 'Show hex' }).click()
    const hex = page.getByTestId('packet.hex')
    await expect(hex.locator('[data-region="record"]')).toHaveText(['17', '03', '03', /^[0-9a-f]{2}$/, /^[0-9a-f]{2}$/])
    await expect(hex.locator('[data-region="opaque"]').first()).toHaveText('··')
    await expect(hex.locator('[data-region="data"]')).toHaveCount(0)
  })

  test('a SYN a router dropped: said so, and addressed to the server on port 25 it never reached', async ({ page }) => {
    await page.goto('?scenario=op25b&step=1&lang=en')
    await expect(messages(page).last()).toHaveAttribute('data-dropped', 'true')
    await expect(page.getByTestId('packet.dropped')).toContainText('never reached the server')
    const addrs = await page.locator('[data-actor] .addr').allTextContents()
    const mx = addrs.map((a) => a.trim()).find((a) => a.endsWith(':25'))
    expect(mx).toBeDefined()
    await expect(field(page, 'ip.dst')).toHaveAttribute('data-value', (mx ?? '').replace(/:25$/, ''))
    await expect(field(page, 'tcp.dstport')).toHaveAttribute('data-value', '25')
  })
})
