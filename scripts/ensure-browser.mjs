// Makes sure a Chromium exists before the e2e tests: CHROMIUM_PATH, Playwright's own, /usr/bin/chromium;
// else installs one (Playwright's installer where it can download, Debian's package as root), else stops
// with one sentence saying what to install.
import { spawnSync } from 'node:child_process'
import { findBrowser } from './browser-path.mjs'

const found = () => findBrowser()
if (process.env.CHROMIUM_PATH && !found()) {
  console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no browser is there: point it at a Chromium executable or unset it.`)
  process.exit(1)
}
if (found()) process.exit(0)

console.log('No Chromium found; trying to install one…')
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', timeout: 10 * 60_000 }).status === 0
if (run('npx', ['--no-install', 'playwright', 'install', 'chromium']) && found()) process.exit(0)
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
if (isRoot && spawnSync('which', ['apt-get']).status === 0) {
  run('apt-get', ['update'])
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'])
  if (found()) process.exit(0)
}
console.error(
  'No Chromium is available: install Debian\'s "chromium" and "fonts-noto-cjk" packages (apt-get install chromium fonts-noto-cjk), or set CHROMIUM_PATH to a Chromium executable.',
)
process.exit(1)
