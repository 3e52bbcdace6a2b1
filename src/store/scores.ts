// Best predict-the-reply scores, kept in the browser. Versioned; a broken entry is reset, never a crash.
import type { Score } from './predict'

export const SCORES_KEY = 'mail-seq.predict-best'
const VERSION = 1

interface Saved {
  readonly v: 1
  readonly best: Record<string, Score>
}

/** The part of Web Storage we use (so tests can pass a stand-in). */
export interface KeyValue {
  getItem(k: string): string | null
  setItem(k: string, v: string): void
  removeItem(k: string): void
}

export interface LoadedScores {
  readonly best: Record<string, Score>
  readonly reset: boolean
}

/** More questions than any lesson could ask (a session holds at most 10,000 steps): such a count was not written by us. */
const MAX_QUESTIONS = 10_000

function valid(x: unknown): x is Saved {
  if (typeof x !== 'object' || x === null) return false
  const o = x as { v?: unknown; best?: unknown }
  if (o.v !== VERSION || typeof o.best !== 'object' || o.best === null) return false
  return Object.values(o.best).every(
    (s) =>
      typeof s === 'object' &&
      s !== null &&
      Number.isInteger((s as Score).correct) &&
      Number.isInteger((s as Score).total) &&
      (s as Score).correct >= 0 &&
      (s as Score).correct <= (s as Score).total &&
      (s as Score).total <= MAX_QUESTIONS,
  )
}

export function loadScores(store: KeyValue | null): LoadedScores {
  if (!store) return { best: {}, reset: false }
  let raw: string | null
  try {
    raw = store.getItem(SCORES_KEY)
  } catch {
    return { best: {}, reset: false }
  }
  if (raw === null) return { best: {}, reset: false }
  try {
    const parsed: unknown = JSON.parse(raw)
    if (valid(parsed)) return { best: { ...parsed.best }, reset: false }
  } catch {
    /* fall through: reset below */
  }
  try {
    store.removeItem(SCORES_KEY)
  } catch {
    /* storage unavailable: nothing to reset */
  }
  return { best: {}, reset: true }
}

/**
 * The saved best score of a lesson that asks `questions` questions; none when the saved one claims more questions
 * than that (hand-edited storage, or a lesson that since lost questions): it could never be beaten.
 */
export function bestFor(best: Readonly<Record<string, Score>>, scenarioId: string, questions: number): Score | undefined {
  const s = Object.prototype.hasOwnProperty.call(best, scenarioId) ? best[scenarioId] : undefined
  return s !== undefined && s.total <= questions ? s : undefined
}

/**
 * Keeps the better of the saved and the new score (more correct answers, then more questions). `score` is a
 * finished lesson's, so its `total` is the lesson's number of questions, which bounds the saved score.
 */
export function saveBest(store: KeyValue | null, scenarioId: string, score: Score): LoadedScores {
  const current = loadScores(store)
  const old = bestFor(current.best, scenarioId, score.total)
  const better = !old || score.correct > old.correct || (score.correct === old.correct && score.total > old.total)
  const best = better ? { ...current.best, [scenarioId]: score } : current.best
  if (store && better) {
    try {
      store.setItem(SCORES_KEY, JSON.stringify({ v: VERSION, best } satisfies Saved))
    } catch {
      /* full or blocked: keep in memory */
    }
  }
  return { best, reset: current.reset }
}
