import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'
import { launchOptions } from './scripts/browser-path.mjs'
import { e2ePort } from './scripts/preview.mjs'

// Debian's Chromium, headless, with the flags this sandboxed machine needs: scripts/browser-path.mjs.
// The app is served from this checkout's dist/ on this checkout's own port (E2E_PORT to choose one), and a
// server already on that port is never reused: on a machine with several checkouts it could be another's.
const PORT = e2ePort(dirname(fileURLToPath(import.meta.url)))

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // The JSON report is what .ci/run counts (scripts/test-totals.mjs); the list is for people.
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    reducedMotion: 'reduce',
    locale: 'ja-JP',
    trace: 'retain-on-failure',
    launchOptions: launchOptions(),
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 768 } } }],
  webServer: {
    command: `node_modules/.bin/vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
