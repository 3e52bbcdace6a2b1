import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { findScenario } from '../scenarios'
import { startPlaybackClock, STEP_INTERVAL_MS } from './clock'
import { compileScenario } from '../lessons/compile'
import { createPlayerStore } from './player'
import { loadScenario, primeScenario } from './timeline'
import { clampStep, langFrom, parseUrl, toSearch } from './url'

const basic = compileScenario(findScenario('smtp-basic') ?? (() => { throw new Error('smtp-basic missing') })())
primeScenario(basic)
const total = basic.timeline.steps.length

describe('URL parameters (CONTRACT.md §2)', () => {
  it('lang: ja or en; otherwise the browser decides, Japanese for ja*', () => {
    expect(langFrom('en', ['ja-JP'])).toBe('en')
    expect(langFrom('fr', ['ja-JP'])).toBe('ja')
    expect(langFrom(null, ['en-US', 'ja'])).toBe('en')
    expect(langFrom(null, ['ja'])).toBe('ja')
  })

  it('step is clamped to 0..total; junk becomes 0', () => {
    expect(clampStep('7', 21)).toBe(7)
    expect(clampStep('99', 21)).toBe(21)
    expect(clampStep('-3', 21)).toBe(0)
    expect(clampStep('abc', 21)).toBe(0)
    expect(clampStep('2.9', 21)).toBe(2)
    expect(clampStep(null, 21)).toBe(0)
  })

  it('an unknown scenario is reported, not replaced silently', () => {
    expect(parseUrl('?scenario=nope&lang=en', []).missingScenario).toBe('nope')
    expect(parseUrl('?scenario=smtp-basic&step=7', ['en']).rawStep).toBe('7')
  })

  it('writes the state back and keeps parameters it does not own', () => {
    const q = toSearch('?course=net1&step=2', { scenarioId: 'smtp-basic', step: 5, lang: 'en', missingScenario: null })
    const p = new URLSearchParams(q)
    expect(p.get('course')).toBe('net1')
    expect(p.get('step')).toBe('5')
    expect(p.get('scenario')).toBe('smtp-basic')
  })
})

describe('player store and playback clock', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })
  const make = (step = 0) => createPlayerStore({ scenarioId: 'smtp-basic', missingScenario: null, step, lang: 'ja' })

  it('moves the cursor and clamps it', () => {
    const s = make()
    s.getState().prev()
    expect(s.getState().step).toBe(0)
    s.getState().next(); s.getState().next()
    expect(s.getState().step).toBe(2)
    s.getState().last()
    expect(s.getState().step).toBe(total)
    s.getState().next()
    expect(s.getState().step).toBe(total)
    s.getState().goTo(-5)
    expect(s.getState().step).toBe(0)
  })

  it('plays one step per interval, faster at higher speed, and stops at the end', () => {
    const s = make()
    const stop = startPlaybackClock(s, { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) })
    s.getState().togglePlay()
    vi.advanceTimersByTime(STEP_INTERVAL_MS)
    expect(s.getState().step).toBe(1)
    s.getState().setSpeed(2)
    vi.advanceTimersByTime(STEP_INTERVAL_MS / 2)
    expect(s.getState().step).toBe(2)
    s.getState().pause()
    vi.advanceTimersByTime(STEP_INTERVAL_MS * 10)
    expect(s.getState().step).toBe(2)
    s.getState().togglePlay()
    vi.advanceTimersByTime(STEP_INTERVAL_MS * (total + 5))
    expect(s.getState().step).toBe(total)
    expect(s.getState().playing).toBe(false)
    // Play at the end starts again from the beginning.
    s.getState().togglePlay()
    expect(s.getState().step).toBe(0)
    stop()
  })

  it('loads compiled lessons through the build plugin, and refuses unknown ids', async () => {
    const c = await loadScenario('smtp-basic')
    expect(c.timeline.steps.length).toBe(total)
    await expect(loadScenario('nope')).rejects.toThrow()
  })
})
