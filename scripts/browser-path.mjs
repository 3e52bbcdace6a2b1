// Which Chromium the tests and scripts use, and how it is launched: the one place for both
// (playwright.config.ts, scripts/bundle-size.mjs, scripts/bench.mjs, scripts/screenshot.mjs).
// The executable: CHROMIUM_PATH, else Playwright's own, else Debian's /usr/bin/chromium.
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/** Flags this sandboxed, offline machine needs (see ../shared/TOOLING.md). */
export const LAUNCH_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
])

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

/**
 * Playwright's `launchOptions` (or `chromium.launch()` options): the executable, when not Playwright's
 * own, and LAUNCH_ARGS.
 * @returns {{ executablePath?: string, args: string[] }}
 */
export function launchOptions() {
  const executablePath = chromiumPath()
  return { ...(executablePath ? { executablePath } : {}), args: [...LAUNCH_ARGS] }
}

export function findBrowser() {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null
  return playwrightOwnChromium() ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null
}
