// The totals CI reads, from the JSON reports `npm test` writes (not from coloured console text):
// reports/vitest.json (Vitest's json reporter) and reports/playwright.json (Playwright's json reporter).
// A report that is missing or unreadable means its stage never ran or crashed (typecheck, lint or the build
// failed first): it counts as one failure. Prints one line per stage, then, last, exactly one plain line
// "N passed, N failed".
// Usage: node scripts/test-totals.mjs [reports-dir] [exit status of npm test]
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.argv[2] ?? 'reports'
const status = Number(process.argv[3] ?? 0)

function read(file) {
  try {
    return { report: JSON.parse(readFileSync(join(dir, file), 'utf8')) }
  } catch (e) {
    return { error: e.code === 'ENOENT' ? `no ${join(dir, file)}: the stage did not run` : `${join(dir, file)} unreadable: ${e.message}` }
  }
}

/** A count from a report: a non-negative integer, or 0 when the reporter leaves it out; anything else throws. */
function count(x, what) {
  if (x === undefined) return 0
  if (!Number.isInteger(x) || x < 0) throw new Error(`${what} is ${JSON.stringify(x)}`)
  return x
}
const list = (x, what) => {
  if (x === undefined) return []
  if (!Array.isArray(x)) throw new Error(`${what} is not a list`)
  return x
}

/** Vitest (Jest-compatible JSON): tests that passed and failed; a file that failed without a failed test
 *  (it did not load, or an error outside any test) counts as one failure. */
function vitest(r) {
  if (typeof r.success !== 'boolean') throw new Error('no "success"')
  const files = list(r.testResults, 'testResults')
  const fileErrors = files.filter((f) => f.status === 'failed' && !list(f.assertionResults, 'assertionResults').some((a) => a.status === 'failed')).length
  const failed = count(r.numFailedTests, 'numFailedTests') + fileErrors
  return { passed: count(r.numPassedTests, 'numPassedTests'), failed: failed === 0 && !r.success ? 1 : failed }
}

/** Playwright: expected (and flaky: passed on a retry) pass, unexpected fail; errors outside any test
 *  (the web server did not start, a spec did not load) count one each. */
function playwright(r) {
  const s = r.stats
  if (typeof s !== 'object' || s === null) throw new Error('no "stats"')
  return {
    passed: count(s.expected, 'stats.expected') + count(s.flaky, 'stats.flaky'),
    failed: count(s.unexpected, 'stats.unexpected') + list(r.errors, 'errors').length,
  }
}

const stages = [
  ['unit', 'vitest.json', vitest],
  ['e2e', 'playwright.json', playwright],
]

let passed = 0
let failed = 0
for (const [name, file, tally] of stages) {
  let { report, error } = read(file)
  let n = null
  try {
    if (report) n = tally(report)
  } catch (e) {
    error = `${join(dir, file)} is not a usable ${name} report: ${e.message}`
  }
  if (!n) {
    console.log(`${name}: ${error}; counted as 1 failure`)
    failed += 1
    continue
  }
  console.log(`${name}: ${n.passed} pass, ${n.failed} fail (${join(dir, file)})`)
  passed += n.passed
  failed += n.failed
}
if (status !== 0 && failed === 0) {
  console.log(`npm test exited with ${status} although every report passed; counted as 1 failure`)
  failed = 1
}
console.log(`${passed} passed, ${failed} failed`)
