// Best predict-the-reply scores in Web Storage: versioned, a broken entry is reset (and says so), the better
// score is kept, and a storage that throws never breaks the page.
import { describe, expect, it } from 'vitest'
import { bestFor, loadScores, saveBest, SCORES_KEY, type KeyValue } from './scores'

/** An in-memory Web Storage. */
class Memory implements KeyValue {
  readonly data = new Map<string, string>()
  writes = 0
  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) this.data.set(k, v)
  }
  getItem(k: string): string | null {
    return this.data.get(k) ?? null
  }
  setItem(k: string, v: string): void {
    this.writes++
    this.data.set(k, v)
  }
  removeItem(k: string): void {
    this.data.delete(k)
  }
}

/** A storage that throws on the given operations (blocked cookies, private mode, quota exceeded). */
class Throwing extends Memory {
  constructor(
    private readonly failing: ReadonlySet<keyof KeyValue>,
    initial: Record<string, string> = {},
  ) {
    super(initial)
  }
  override getItem(k: string): string | null {
    if (this.failing.has('getItem')) throw new DOMException('blocked', 'SecurityError')
    return super.getItem(k)
  }
  override setItem(k: string, v: string): void {
    if (this.failing.has('setItem')) throw new DOMException('full', 'QuotaExceededError')
    super.setItem(k, v)
  }
  override removeItem(k: string): void {
    if (this.failing.has('removeItem')) throw new DOMException('blocked', 'SecurityError')
    super.removeItem(k)
  }
}

const saved = (store: Memory): unknown => JSON.parse(store.data.get(SCORES_KEY) ?? 'null')
const entry = (best: Record<string, unknown>, v: unknown = 1) => ({ [SCORES_KEY]: JSON.stringify({ v, best }) })

describe('loadScores', () => {
  it('nothing saved, or no storage at all: no scores, nothing reset, nothing written', () => {
    const store = new Memory()
    expect(loadScores(store)).toEqual({ best: {}, reset: false })
    expect(store.writes).toBe(0)
    expect(store.data.size).toBe(0)
    expect(loadScores(null)).toEqual({ best: {}, reset: false })
  })

  it('reads back what saveBest wrote, under a version number', () => {
    const store = new Memory()
    saveBest(store, 'smtp-basic', { correct: 5, total: 7 })
    saveBest(store, 'pop3-basic', { correct: 0, total: 9 })
    expect(saved(store)).toMatchObject({ v: 1 })
    expect(loadScores(store)).toEqual({ best: { 'smtp-basic': { correct: 5, total: 7 }, 'pop3-basic': { correct: 0, total: 9 } }, reset: false })
  })

  const broken: [string, string][] = [
    ['not JSON', '{"v":1,"best":'],
    ['another version', JSON.stringify({ v: 2, best: { 'smtp-basic': { correct: 1, total: 2 } } })],
    ['no version', JSON.stringify({ best: { 'smtp-basic': { correct: 1, total: 2 } } })],
    ['no scores', JSON.stringify({ v: 1 })],
    ['null', 'null'],
    ['a number', '42'],
    ['more right than asked', JSON.stringify({ v: 1, best: { 'smtp-basic': { correct: 3, total: 2 } } })],
    ['a negative count', JSON.stringify({ v: 1, best: { 'smtp-basic': { correct: -1, total: 2 } } })],
    ['a fraction', JSON.stringify({ v: 1, best: { 'smtp-basic': { correct: 0.5, total: 2 } } })],
    ['counts as text', JSON.stringify({ v: 1, best: { 'smtp-basic': { correct: '1', total: '2' } } })],
    ['a score that is not an object', JSON.stringify({ v: 1, best: { 'smtp-basic': 7 } })],
    ['one good and one bad entry', JSON.stringify({ v: 1, best: { 'smtp-basic': { correct: 1, total: 2 }, 'pop3-basic': { correct: 5 } } })],
  ]
  for (const [what, raw] of broken) {
    it(`a broken entry (${what}) is removed and reported with reset=true, once`, () => {
      const store = new Memory({ [SCORES_KEY]: raw, 'other-key': 'kept' })
      expect(loadScores(store)).toEqual({ best: {}, reset: true })
      expect(store.data.has(SCORES_KEY)).toBe(false)
      expect(store.data.get('other-key')).toBe('kept')
      expect(loadScores(store)).toEqual({ best: {}, reset: false })
    })
  }

  it('a storage that throws on read: no scores and no crash', () => {
    const store = new Throwing(new Set(['getItem']), entry({ 'smtp-basic': { correct: 1, total: 2 } }))
    expect(loadScores(store)).toEqual({ best: {}, reset: false })
  })

  it('a broken entry in a storage that cannot remove it: still reset, no crash', () => {
    const store = new Throwing(new Set(['removeItem']), { [SCORES_KEY]: 'garbage' })
    expect(loadScores(store)).toEqual({ best: {}, reset: true })
  })
})

describe('saveBest', () => {
  const cases: [string, { correct: number; total: number }, { correct: number; total: number }, boolean][] = [
    ['more right answers', { correct: 3, total: 7 }, { correct: 4, total: 7 }, true],
    ['fewer right answers', { correct: 4, total: 7 }, { correct: 3, total: 7 }, false],
    ['the same score', { correct: 4, total: 7 }, { correct: 4, total: 7 }, false],
    ['as many right of more questions', { correct: 4, total: 7 }, { correct: 4, total: 9 }, true],
    // The lesson now asks 7: a saved score of 9 questions cannot be its own any more (issue 12), so it goes.
    ['as many right of fewer questions', { correct: 4, total: 9 }, { correct: 4, total: 7 }, true],
    ['more right answers of fewer questions', { correct: 4, total: 9 }, { correct: 5, total: 7 }, true],
  ]
  for (const [what, old, next, replaces] of cases) {
    it(`${what}: ${replaces ? 'replaces' : 'keeps'} the saved score`, () => {
      const store = new Memory(entry({ 'smtp-basic': old, 'pop3-basic': { correct: 1, total: 1 } }))
      const result = saveBest(store, 'smtp-basic', next)
      const best = replaces ? next : old
      expect(result).toEqual({ best: { 'smtp-basic': best, 'pop3-basic': { correct: 1, total: 1 } }, reset: false })
      expect(loadScores(store)).toEqual({ best: { 'smtp-basic': best, 'pop3-basic': { correct: 1, total: 1 } }, reset: false })
      expect(store.writes, replaces ? 'written' : 'not written').toBe(replaces ? 1 : 0)
    })
  }

  it('a first score is saved; other lessons are left alone', () => {
    const store = new Memory(entry({ 'pop3-basic': { correct: 1, total: 1 } }))
    expect(saveBest(store, 'imap-basic', { correct: 0, total: 9 }).best).toEqual({
      'pop3-basic': { correct: 1, total: 1 },
      'imap-basic': { correct: 0, total: 9 },
    })
    expect(saved(store)).toEqual({ v: 1, best: { 'pop3-basic': { correct: 1, total: 1 }, 'imap-basic': { correct: 0, total: 9 } } })
  })

  it('over a broken entry: reports the reset and saves the new score in a valid entry', () => {
    const store = new Memory({ [SCORES_KEY]: JSON.stringify({ v: 0, scores: [] }) })
    expect(saveBest(store, 'smtp-basic', { correct: 2, total: 7 })).toEqual({ best: { 'smtp-basic': { correct: 2, total: 7 } }, reset: true })
    expect(loadScores(store)).toEqual({ best: { 'smtp-basic': { correct: 2, total: 7 } }, reset: false })
  })

  it('a storage that refuses writes (quota, private mode): the score is kept in memory, no crash', () => {
    const store = new Throwing(new Set(['setItem']))
    expect(saveBest(store, 'smtp-basic', { correct: 2, total: 7 })).toEqual({ best: { 'smtp-basic': { correct: 2, total: 7 } }, reset: false })
    expect(store.data.size).toBe(0)
  })

  it('a storage that throws on everything: no crash', () => {
    const store = new Throwing(new Set(['getItem', 'setItem', 'removeItem']))
    expect(saveBest(store, 'smtp-basic', { correct: 1, total: 2 })).toEqual({ best: { 'smtp-basic': { correct: 1, total: 2 } }, reset: false })
  })

  it('no storage: the score is returned, nothing else happens', () => {
    expect(saveBest(null, 'smtp-basic', { correct: 1, total: 2 })).toEqual({ best: { 'smtp-basic': { correct: 1, total: 2 } }, reset: false })
  })
})

describe('a saved score is bounded by the lesson it belongs to (issue 12)', () => {
  // smtp-basic asks 7 questions here; a hand-edited entry claims 999 of 999.
  const forged = () => new Memory(entry({ 'smtp-basic': { correct: 999, total: 999 }, 'pop3-basic': { correct: 2, total: 3 } }))

  it('bestFor shows no best score that claims more questions than the lesson asks', () => {
    const best = loadScores(forged()).best
    expect(bestFor(best, 'smtp-basic', 7)).toBeUndefined()
    expect(bestFor(best, 'pop3-basic', 3)).toEqual({ correct: 2, total: 3 })
    expect(bestFor(best, 'pop3-basic', 2)).toBeUndefined()
    expect(bestFor(best, 'imap-basic', 9)).toBeUndefined()
  })

  it('saveBest replaces a forged score with a real one, and a real score beats it from then on', () => {
    const store = forged()
    expect(saveBest(store, 'smtp-basic', { correct: 3, total: 7 }).best['smtp-basic']).toEqual({ correct: 3, total: 7 })
    expect(loadScores(store).best).toEqual({ 'smtp-basic': { correct: 3, total: 7 }, 'pop3-basic': { correct: 2, total: 3 } })
    expect(saveBest(store, 'smtp-basic', { correct: 2, total: 7 }).best['smtp-basic']).toEqual({ correct: 3, total: 7 })
    expect(saveBest(store, 'smtp-basic', { correct: 4, total: 7 }).best['smtp-basic']).toEqual({ correct: 4, total: 7 })
  })

  it('absurd counts are refused when read, whatever the lesson', () => {
    const store = new Memory(entry({ 'smtp-basic': { correct: 1e9, total: 1e9 } }))
    expect(loadScores(store)).toEqual({ best: {}, reset: true })
  })
})
