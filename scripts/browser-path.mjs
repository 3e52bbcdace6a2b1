// Which Chromium the tests use: CHROMIUM_PATH, else Playwright's own, else Debian's /usr/bin/chromium.
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export function playwrightOwnChromium() {
  try {
    const p = chromium.executablePath()
    return p && existsSync(p) ? p : null
  } catch {
    return null
  }
}

/** Returns an executable path to pass to Playwright, or undefined to let Playwright use its own. */
export function chromiumPath() {
  const env = process.env.CHROMIUM_PATH
  if (env) return env
  if (playwrightOwnChromium()) return undefined
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p
  return undefined
}

export function findBrowser() {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null
  return playwrightOwnChromium() ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null
}

/** Chromium's launch options for every script and the tests: the browser found above, headless, with the
 *  flags this sandboxed machine needs (no sandbox, GPU or background networking). */
export function launchOptions() {
  const executablePath = chromiumPath()
  return {
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  }
}
