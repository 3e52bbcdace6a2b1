// Pure geometry of the sequence diagram: lanes and arrows as fractions of the diagram's width,
// so the same numbers serve a phone and a projector (DESIGN.md: layout is a pure function).
import type { Actor, Step } from '../model'

/** Named constants of the drawing. */
export const SEQUENCE = {
  /** Space left and right of the outer lifelines, as a fraction of the width. */
  margin: 0.11,
} as const

export interface Lane {
  readonly id: string
  readonly x: number
}
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
export interface SequenceLayout {
  readonly lanes: readonly Lane[]
  readonly arrows: readonly Arrow[]
}

export function layoutLanes(actors: readonly Actor[], margin: number = SEQUENCE.margin): Lane[] {
  const n = actors.length
  if (n === 1) return [{ id: actors[0]?.id ?? '', x: 0.5 }]
  return actors.map((a, i) => ({ id: a.id, x: margin + (i * (1 - 2 * margin)) / (n - 1) }))
}

/** One step's arrow between the lanes: drawing a row costs the same in a 10,000-step session as in a lesson. */
export function arrowOf(lanes: readonly Lane[], s: Step): Arrow {
  const x1 = lanes.find((l) => l.id === s.from)?.x ?? 0
  const x2 = lanes.find((l) => l.id === s.to)?.x ?? 1
  return { index: s.index, x1, x2, left: Math.min(x1, x2), width: Math.abs(x2 - x1), direction: x2 >= x1 ? 'right' : 'left' }
}

export function layoutSequence(actors: readonly Actor[], steps: readonly Step[], margin: number = SEQUENCE.margin): SequenceLayout {
  const lanes = layoutLanes(actors, margin)
  return { lanes, arrows: steps.map((s) => arrowOf(lanes, s)) }
}

/** Row heights of a windowed list: every row the same, plus a band where the session clock jumps (a wait). */
export interface RowHeights {
  readonly row: number
  readonly gap: number
}

/**
 * Each row's offset from the top (offsets[i]) and the total height (offsets[steps.length]). Given the offsets
 * of an earlier, shorter timeline with the same first steps, only the new rows are added.
 */
export function rowOffsets(steps: readonly Step[], h: RowHeights, earlier?: { steps: readonly Step[]; offsets: Float64Array; h: RowHeights }): Float64Array {
  const out = new Float64Array(steps.length + 1)
  let from = 0
  const e = earlier
  const n = e?.steps.length ?? 0
  // A grown timeline keeps its step objects: the first and last shared step say whether it is the same.
  if (e && e.h.row === h.row && e.h.gap === h.gap && n > 0 && n <= steps.length && e.steps[0] === steps[0] && e.steps[n - 1] === steps[n - 1]) {
    out.set(e.offsets.subarray(0, n + 1))
    from = n
  }
  for (let i = from; i < steps.length; i++) {
    const gap = pauseBefore(steps, i) > 0
    out[i + 1] = (out[i] ?? 0) + h.row + (gap ? h.gap : 0)
  }
  return out
}

/** A pause shown between two arrows ("15 min later"): a second or more on the session clock, else 0. A capture's
 *  packets a few microseconds apart are not a pause worth a line. */
export function pauseBefore(steps: readonly { readonly time: number }[], i: number): number {
  const gap = i > 0 ? (steps[i]?.time ?? 0) - (steps[i - 1]?.time ?? 0) : 0
  return gap >= 1 ? gap : 0
}
