import { describe, expect, it } from 'vitest'
import { pauseBefore } from './sequence'

describe('pauseBefore: the pause drawn between two arrows', () => {
  const steps = [{ time: 0 }, { time: 0.00001 }, { time: 0.5 }, { time: 2.5 }, { time: 902.5 }]
  it('is nothing for a capture’s packets microseconds apart, or half a second', () => {
    expect([0, 1, 2].map((i) => pauseBefore(steps, i))).toEqual([0, 0, 0])
  })
  it('is the seconds that passed from one second on', () => {
    expect(pauseBefore(steps, 3)).toBe(2)
    expect(pauseBefore(steps, 4)).toBe(900)
  })
})
