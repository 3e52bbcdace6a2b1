// Every drill links to a step of an existing lesson, found by the drills page's own function
// (drillStepNumber in src/content/drills.ts), here on the lessons compiled as the build compiles them.
import { describe, expect, it } from 'vitest'
import { DRILLS, drillStepNumber } from '../content/drills'
import { wireLabel } from '../model/label'
import type { Step } from '../model'
import { findScenario, SCENARIOS } from '../scenarios'
import { compileScenario } from './compile'

function lesson(id: string): readonly Step[] {
  const s = findScenario(id)
  if (!s) throw new Error(`no lesson ${id}`)
  return compileScenario(s).timeline.steps
}

describe('drill links', () => {
  for (const d of DRILLS) {
    it(`${d.id}: links to a step of an existing lesson`, () => {
      const s = SCENARIOS.find((x) => x.id === d.link.scenario)
      expect(s, d.link.scenario).toBeDefined()
      if (!s) return
      const { timeline } = compileScenario(s)
      if (d.link.from !== undefined) expect(timeline.actors.map((a) => a.id)).toContain(d.link.from)
      const n = drillStepNumber(d.link, timeline.steps)
      expect(n, `${d.id}: /${d.link.text}/`).not.toBeNull()
      // The address shows n steps: the last one on screen is the one that matched.
      const step = timeline.steps[(n ?? 0) - 1]
      expect(wireLabel(step as Step)).toMatch(new RegExp(d.link.text))
      if (d.link.from !== undefined) expect(step?.from).toBe(d.link.from)
    })
  }
})

describe('drillStepNumber', () => {
  const steps = lesson('smtp-basic')

  it('is the step= that shows the matching step: its index + 1', () => {
    // Every TCP session starts with the client's SYN: the first step, so step=1.
    expect(drillStepNumber({ scenario: 'smtp-basic', text: '^SYN$' }, steps)).toBe(1)
  })

  it('the first match wins', () => {
    const n = drillStepNumber({ scenario: 'smtp-basic', text: '^250 ' }, steps)
    expect(n).not.toBeNull()
    const all = steps.flatMap((s, i) => (/^250 /.test(wireLabel(s)) ? [i + 1] : []))
    expect(all.length).toBeGreaterThan(1)
    expect(n).toBe(all[0])
  })

  it('`from` keeps only the steps that actor sent', () => {
    // "SYN" is in the client's SYN and in the server's "SYN, ACK".
    const any = drillStepNumber({ scenario: 'smtp-basic', text: 'SYN' }, steps)
    const server = drillStepNumber({ scenario: 'smtp-basic', text: 'SYN', from: 'server' }, steps)
    expect(steps[(any ?? 0) - 1]?.from).toBe('client')
    expect(steps[(server ?? 0) - 1]?.from).toBe('server')
    expect(server).toBeGreaterThan(any ?? Infinity)
    expect(drillStepNumber({ scenario: 'smtp-basic', text: 'SYN', from: 'nobody' }, steps)).toBeNull()
  })

  it('matches the wire label, not other text: TCP flags, the first line of a reply', () => {
    const greeting = steps.find((s) => s.kind.key === 'reply')
    expect(greeting).toBeDefined()
    const first = greeting?.lines[0] ?? ''
    expect(drillStepNumber({ scenario: 'smtp-basic', text: `^${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` }, steps)).toBe((greeting?.index ?? 0) + 1)
    // A TCP segment is known by its flags; PSH is left out (model/label.ts).
    expect(drillStepNumber({ scenario: 'smtp-basic', text: 'PSH' }, steps)).toBeNull()
  })

  it('null when nothing matches, or the lesson has no steps', () => {
    expect(drillStepNumber({ scenario: 'smtp-basic', text: '^NO SUCH LINE$' }, steps)).toBeNull()
    expect(drillStepNumber({ scenario: 'smtp-basic', text: '.' }, [])).toBeNull()
  })
})
