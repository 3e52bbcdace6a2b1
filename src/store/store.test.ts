import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { compileScenario } from '../lessons/compile'
import { findScenario } from '../scenarios'
import { startPlaybackClock, STEP_INTERVAL_MS } from './clock'
import { loadLesson, withLanguage } from './loader'
import { createPlayerStore, totalOf } from './player'
import { clampStep, langFrom, readRequest } from './url'

const basic = compileScenario(
  findScenario('smtp-basic') ??
    (() => {
      throw new Error('smtp-basic missing')
    })(),
)
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

  it('a step past the end, however written, is the last step (issue 12)', () => {
    for (const raw of ['99999', '1e309', 'Infinity', '+Infinity', '1e21']) expect(clampStep(raw, 21), raw).toBe(21)
    for (const raw of ['-1e309', '-Infinity', 'NaN']) expect(clampStep(raw, 21), raw).toBe(0)
  })

  it('an unknown scenario is reported, not replaced silently', () => {
    expect(readRequest(new URLSearchParams('?scenario=nope&lang=en'), []).missingScenario).toBe('nope')
    expect(readRequest(new URLSearchParams('?scenario=smtp-basic&step=7'), ['en']).rawStep).toBe('7')
  })
})

describe('player store and playback clock', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })
  const make = (step = 0) => createPlayerStore({ scenarioId: 'smtp-basic', lesson: basic, step, lang: 'ja' })

  it('moves the cursor and clamps it', () => {
    const s = make()
    s.getState().prev()
    expect(s.getState().step).toBe(0)
    s.getState().next()
    s.getState().next()
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

  it('loads compiled lessons through the build plugin, the captions of one language, and refuses unknown ids', async () => {
    const c = await loadLesson('smtp-basic', 'en')
    expect(c.timeline.steps).toEqual(basic.timeline.steps)
    expect(c.captions.map((x) => x?.en)).toEqual(basic.captions.map((x) => x?.en))
    expect(c.captions.every((x) => x === null || x.ja === undefined)).toBe(true)
    // The other language arrives on demand, merged into a new lesson value.
    const both = await withLanguage(c, 'ja')
    expect(both?.captions).toEqual(basic.captions)
    expect(both ? await withLanguage(both, 'ja') : 'missing').toBeNull()
    await expect(loadLesson('nope', 'ja')).rejects.toThrow()
    await expect(loadLesson('toString', 'ja')).rejects.toThrow()
  })

  it('switching the language fetches the captions the lesson lacks', async () => {
    const s = createPlayerStore({ scenarioId: 'smtp-basic', lesson: await loadLesson('smtp-basic', 'ja'), lang: 'ja' })
    s.getState().setLang('en')
    await vi.waitFor(() => expect(s.getState().lesson?.captions[3]?.en).toBe(basic.captions[3]?.en))
    expect(s.getState().lesson?.captions[3]?.ja).toBe(basic.captions[3]?.ja)
  })

  it('the lesson lives in the state: picking one replaces it and its length, and a failed pick says so', async () => {
    const s = make(3)
    await s.getState().setScenario('imap-basic')
    const imap = compileScenario(findScenario('imap-basic') ?? (basic as never))
    expect(s.getState().lesson?.timeline.steps).toEqual(imap.timeline.steps)
    expect(totalOf(s.getState())).toBe(imap.timeline.steps.length)
    expect(s.getState().step).toBe(0)
    await s.getState().setScenario('nope')
    expect(s.getState().loadError).toBe('nope')
    expect(s.getState().lesson?.id).toBe('imap-basic')
  })

  it('seek pauses playback and moves the cursor, clamped', () => {
    const s = make()
    s.getState().togglePlay()
    s.getState().seek(5)
    expect(s.getState()).toMatchObject({ step: 5, playing: false })
    s.getState().seek(total + 10)
    expect(s.getState().step).toBe(total)
  })
})
