// Pure geometry of the sequence diagram: lanes and arrows as fractions of the diagram's width,
// so the same numbers serve a phone and a projector (DESIGN.md: layout is a pure function).
import type { Actor, Step } from '../model'

/** Named constants of the drawing. */
export const SEQUENCE = {
  /** Space left and right of the outer lifelines, as a fraction of the width. */
  margin: 0.11,
} as const

export interface Lane { readonly id: string; readonly x: number }
export interface Arrow {
  readonly index: number
  /** Start and end of the arrow (fractions of the width). */
  readonly x1: number
  readonly x2: number
  /** Leftmost point and span, for placing the label between the lifelines. */
  readonly left: number
  readonly width: number
  readonly direction: 'right' | 'left'
}
export interface SequenceLayout { readonly lanes: readonly Lane[]; readonly arrows: readonly Arrow[] }

export function layoutLanes(actors: readonly Actor[], margin: number = SEQUENCE.margin): Lane[] {
  const n = actors.length
  if (n === 1) return [{ id: actors[0]?.id ?? '', x: 0.5 }]
  return actors.map((a, i) => ({ id: a.id, x: margin + (i * (1 - 2 * margin)) / (n - 1) }))
}

export function layoutSequence(actors: readonly Actor[], steps: readonly Step[], margin: number = SEQUENCE.margin): SequenceLayout {
  const lanes = layoutLanes(actors, margin)
  const xOf = new Map(lanes.map((l) => [l.id, l.x]))
  const arrows = steps.map((s): Arrow => {
    const x1 = xOf.get(s.from) ?? 0
    const x2 = xOf.get(s.to) ?? 1
    return { index: s.index, x1, x2, left: Math.min(x1, x2), width: Math.abs(x2 - x1), direction: x2 >= x1 ? 'right' : 'left' }
  })
  return { lanes, arrows }
}
