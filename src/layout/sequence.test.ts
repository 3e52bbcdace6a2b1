import { describe, expect, it } from 'vitest'
import type { Actor } from '../model'
import { buildTimeline } from '../model'
import { layoutLanes, layoutSequence, SEQUENCE } from './sequence'

const actor = (id: string): Actor => ({ id, role: id === 'client' ? 'client' : 'server', host: id, ip: '192.0.2.1' })

describe('sequence layout', () => {
  it('spreads lanes evenly between the margins', () => {
    const lanes = layoutLanes([actor('client'), actor('pop3'), actor('smtp')])
    expect(lanes.map((l) => l.x)).toEqual([SEQUENCE.margin, 0.5, 1 - SEQUENCE.margin])
  })

  it('points each arrow from its sender to its receiver', () => {
    const t = buildTimeline({ seed: 's', servers: [{ id: 'server', protocol: 'smtp' }], actions: [{ type: 'send', line: 'QUIT' }] })
    const { arrows, lanes } = layoutSequence(t.actors, t.steps)
    expect(arrows).toHaveLength(t.steps.length)
    for (const [i, a] of arrows.entries()) {
      const s = t.steps[i]
      expect(a.direction).toBe(s?.from === 'client' ? 'right' : 'left')
      expect(a.width).toBeCloseTo(Math.abs((lanes[1]?.x ?? 0) - (lanes[0]?.x ?? 0)))
      expect(a.left).toBeGreaterThanOrEqual(0)
      expect(a.left + a.width).toBeLessThanOrEqual(1)
    }
  })
})
