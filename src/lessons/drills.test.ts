import { describe, expect, it } from 'vitest'
import { DRILLS } from '../content/drills'
import { wireLabel as arrowText } from '../model/label'
import { SCENARIOS } from '../scenarios'
import { compileScenario } from './compile'


describe('drill links', () => {
  for (const d of DRILLS) {
    it(`${d.id}: links to a step of an existing lesson`, () => {
      const s = SCENARIOS.find((x) => x.id === d.link.scenario)
      expect(s, d.link.scenario).toBeDefined()
      if (!s) return
      const { timeline } = compileScenario(s)
      if (d.link.from !== undefined) expect(timeline.actors.map((a) => a.id)).toContain(d.link.from)
      const re = new RegExp(d.link.text)
      const step = timeline.steps.find((x) => (d.link.from === undefined || x.from === d.link.from) && re.test(arrowText(x)))
      expect(step, `${d.id}: /${d.link.text}/`).toBeDefined()
    })
  }
})
