// Prints a lesson's compiled timeline (every step, its lines and verdicts, and the delivered messages).
// Usage: node scripts/dump-lesson.mjs <scenario-id>
import { runnerImport } from 'vite'

const id = process.argv[2]
const { module: scenarios } = await runnerImport('/src/scenarios/index.ts', { logLevel: 'error' })
const { module: compile } = await runnerImport('/src/lessons/compile.ts', { logLevel: 'error' })
const s = scenarios.SCENARIOS.find((x) => x.id === id)
if (!s) {
  console.error(`no lesson "${id}"; lessons: ${scenarios.SCENARIOS.map((x) => x.id).join(', ')}`)
  process.exit(1)
}
const c = compile.compileScenario(s)
console.log('problems:', c.timeline.problems)
for (const st of c.timeline.steps)
  console.log(
    st.index,
    `${st.from} -> ${st.to}`,
    st.layer,
    st.dropped ? 'DROPPED' : '',
    JSON.stringify(st.lines.slice(0, 3)).slice(0, 160),
    st.verdict ? JSON.stringify(st.verdict) : '',
  )
for (const d of c.timeline.delivered)
  console.log(
    `delivered at ${d.at} by ${d.server}: mailboxes ${d.message.mailboxes} relayed ${d.message.relayed}\n${d.message.content.split('\r\n').slice(0, 24).join('\n')}\n`,
  )
