import { describe, expect, it } from 'vitest'
import type { Layer } from '../model'
import { SCENARIOS } from '../scenarios'
import { compileById, compileScenario } from './compile'
import { filterLesson, layersOf, layersParam, parseLayers } from './layers'
import { phaseStarts } from './phases'

function lesson(id: string) {
  const l = compileById(id)
  if (!l) throw new Error(`no lesson ${id}`)
  return l
}

describe('parseLayers and layersParam', () => {
  it('reads a comma list of known layers in any case and order, and drops the rest', () => {
    expect(parseLayers('smtp')).toEqual(['smtp'])
    expect(parseLayers('SMTP, tcp')).toEqual(['tcp', 'smtp'])
    expect(parseLayers('smtp,http,,dns')).toEqual(['dns', 'smtp'])
  })
  it('gives null (every layer) for no value, an empty one, or one that names no layer', () => {
    for (const raw of [null, '', ',', 'http', 'smtp;tcp', '<script>']) expect(parseLayers(raw)).toBeNull()
  })
  it('writes null for every layer, so that the address stays short', () => {
    expect(layersParam(null)).toBeNull()
    expect(layersParam(['tcp', 'tls', 'dns', 'smtp', 'pop3', 'imap'])).toBeNull()
    expect(layersParam(['tcp', 'smtp'])).toBe('tcp,smtp')
    expect(parseLayers(layersParam(['tls', 'imap']))).toEqual(['tls', 'imap'])
  })
})

describe('filterLesson', () => {
  const basic = lesson('smtp-basic')

  it('keeps only the steps of the chosen layers, in order, re-numbered from 0, with their captions', () => {
    const smtp = filterLesson(basic, ['smtp'])
    if (!smtp) throw new Error('nothing left')
    const expected = basic.timeline.steps.filter((s) => s.layer === 'smtp')
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(basic.timeline.steps.length)
    expect(smtp.timeline.steps.map((s) => s.lines)).toEqual(expected.map((s) => s.lines))
    expect(smtp.timeline.steps.map((s) => s.index)).toEqual(expected.map((_, i) => i))
    expect(smtp.captions).toEqual(expected.map((s) => basic.captions[s.index]))
    expect(smtp.origin).toEqual(expected.map((s) => s.index))
    // The whole lesson is not changed.
    expect(basic.timeline.steps.some((s) => s.layer === 'tcp')).toBe(true)
  })

  it('gives back the same lesson when nothing is hidden, and null when nothing would be left', () => {
    expect(filterLesson(basic, null)).toBe(basic)
    expect(filterLesson(basic, ['tcp', 'smtp'])).toBe(basic)
    expect(filterLesson(basic, ['imap'])).toBeNull()
  })

  it('puts each phase mark on the first shown step of that phase, as the phases of the shown steps would', () => {
    for (const id of ['smtp-basic', 'smtp-starttls', 'imaps', 'pop-before-smtp']) {
      const whole = lesson(id)
      for (const layers of [['smtp'], ['pop3', 'imap'], ['tcp'], ['tls', 'smtp', 'imap']] as Layer[][]) {
        const f = filterLesson(whole, layers)
        if (!f || f === whole) continue
        // Each phase start names the phase its step had in the whole lesson.
        const phaseAt = (i: number) => whole.phases.filter((p) => p.index <= i).at(-1)?.phase
        for (const p of f.phases) expect(p.phase).toBe(phaseAt(f.origin?.[p.index] ?? -1))
        // Every shown step lies in the phase of the last mark before it.
        f.timeline.steps.forEach((_, i) => expect(f.phases.filter((p) => p.index <= i).at(-1)?.phase).toBe(phaseAt(f.origin?.[i] ?? -1)))
        // The SMTP-only view still finds the envelope and the message, where the classifier would.
        if (layers.length === 1 && layers[0] === 'smtp')
          expect(new Set(f.phases.map((p) => p.phase))).toEqual(new Set(phaseStarts(f.timeline.steps).starts.map((p) => p.phase)))
      }
    }
  })

  it('a delivery counts from the first shown step at or after it', () => {
    const tcpOnly = filterLesson(basic, ['tcp'])
    const delivery = basic.timeline.delivered[0]
    if (!tcpOnly || !delivery) throw new Error('missing')
    const at = tcpOnly.timeline.delivered[0]?.at ?? -1
    expect(tcpOnly.origin?.[at]).toBeGreaterThanOrEqual(delivery.at)
    expect(tcpOnly.origin?.[at - 1] ?? -1).toBeLessThan(delivery.at)
  })

  it('on every lesson and every single layer: each shown step is of that layer and the count matches', () => {
    for (const s of SCENARIOS) {
      const whole = compileScenario(s)
      for (const layer of layersOf(whole)) {
        const f = filterLesson(whole, [layer])
        const count = whole.timeline.steps.filter((x) => x.layer === layer).length
        expect(f?.timeline.steps.length).toBe(count)
        expect(f?.timeline.steps.every((x) => x.layer === layer)).toBe(true)
        expect(f?.captions.length).toBe(count)
      }
    }
  })
})
