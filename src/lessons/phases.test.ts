import { describe, expect, it } from 'vitest'
import { buildTimeline, segmentOf } from '../model'
import { SCENARIOS } from '../scenarios'
import { compileScenario } from './compile'
import { lessonOf } from './lesson'
import { nextPhaseStep, phaseStarts, prevPhaseStep } from './phases'

const byId = (id: string) =>
  compileScenario(
    SCENARIOS.find((s) => s.id === id) ??
      (() => {
        throw new Error(id)
      })(),
  )
const first = (steps: ReturnType<typeof byId>['timeline']['steps'], i: number) => {
  const s = steps[i]
  return s?.layer === 'tcp'
    ? segmentOf(s)
        .flags.filter((f) => f !== 'PSH')
        .join(',')
    : (s?.lines[0] ?? '').split(' ')[0]
}

describe('phases', () => {
  it('smtp-basic: connection, greeting, envelope, message, close, each starting where the wire says', () => {
    const l = byId('smtp-basic')
    expect(l.phases.map((p) => p.phase)).toEqual(['connection', 'greeting', 'envelope', 'message', 'close'])
    expect(l.phases.map((p) => first(l.timeline.steps, p.index))).toEqual(['SYN', '220', 'MAIL', 'DATA', 'QUIT'])
  })

  it('STARTTLS and AUTH get their own phases; the second EHLO after TLS is the greeting again', () => {
    const l = byId('smtp-submission-auth')
    const phases = l.phases.map((p) => p.phase)
    expect(phases).toContain('tls')
    expect(phases).toContain('authentication')
    expect(phases.indexOf('tls')).toBeLessThan(phases.indexOf('authentication'))
  })

  it('every lesson starts with the connection and ends with the close', () => {
    for (const s of SCENARIOS) {
      const l = compileScenario(s)
      expect(l.phases[0], s.id).toEqual({ index: 0, phase: 'connection' })
      expect(l.phases.at(-1)?.phase, s.id).toBe('close')
    }
  })

  it('jumps land on phase starts, forward and back', () => {
    const { timeline, phases } = byId('smtp-basic')
    const starts = phases.map((p) => p.index + 1)
    expect(nextPhaseStep(timeline.steps, 0)).toBe(starts[0])
    expect(nextPhaseStep(timeline.steps, starts[1] ?? 0)).toBe(starts[2])
    expect(nextPhaseStep(timeline.steps, timeline.steps.length)).toBeNull()
    // Back from the middle of a phase goes to its start; from its start, to the phase before.
    expect(prevPhaseStep(timeline.steps, (starts[2] ?? 0) + 1)).toBe(starts[2])
    expect(prevPhaseStep(timeline.steps, starts[2] ?? 0)).toBe(starts[1])
    expect(prevPhaseStep(timeline.steps, 1)).toBe(0)
  })

  it('a timeline grown step by step gets the phases of the whole', () => {
    const s = SCENARIOS.find((x) => x.id === 'smtp-starttls')
    if (!s) throw new Error('smtp-starttls')
    const whole = buildTimeline({ ...s, seed: s.id })
    let lesson = lessonOf(s, { ...whole, steps: whole.steps.slice(0, 1) })
    for (let n = 2; n <= whole.steps.length; n++) lesson = lessonOf(s, { ...whole, steps: whole.steps.slice(0, n) }, lesson)
    expect(lesson.phases).toEqual(phaseStarts(whole.steps).starts)
  })
})
