import { describe, expect, it } from 'vitest'
import { compileScenario } from '../lessons/compile'
import { openSandbox } from '../sandbox/session'
import { parseSetup, setupParams } from '../sandbox/setup'
import { findScenario } from '../scenarios'
import { createPlayerStore, type SandboxState } from '../store/player'
import { hrefFor, pageFor, PAGES, searchFor } from './pages'

const lesson = compileScenario(
  findScenario('smtp-ehlo') ??
    (() => {
      throw new Error('smtp-ehlo missing')
    })(),
)

describe('pages as data', () => {
  it('every mode value opens its own row; anything else plays a lesson', () => {
    for (const p of PAGES) expect(pageFor(new URLSearchParams(p.mode ? `mode=${p.mode}` : '')).id).toBe(p.id)
    expect(pageFor(new URLSearchParams('mode=nonsense')).id).toBe('play')
    expect(new Set(PAGES.map((p) => p.mode)).size).toBe(PAGES.length)
  })

  it('hrefFor names the page and leaves out empty parameters; the link reads back as the same page', () => {
    const href = hrefFor('predict', { scenario: 'smtp-ehlo', step: null, lang: 'en' })
    expect(href).toBe('?mode=predict&scenario=smtp-ehlo&lang=en')
    expect(pageFor(new URLSearchParams(href)).id).toBe('predict')
    expect(hrefFor('play', { scenario: 'a&b' })).toBe('?scenario=a%26b')
  })

  it("the address follows the state, and keeps parameters no page owns (a course page's own)", () => {
    const s = createPlayerStore({ page: 'play', scenarioId: 'smtp-ehlo', lesson, step: 4, lang: 'en' })
    const q = new URLSearchParams(searchFor('?course=net1&mode=predict&step=2', s.getState()))
    expect(Object.fromEntries(q)).toEqual({ course: 'net1', scenario: 'smtp-ehlo', step: '4', lang: 'en' })
    s.getState().toggleView()
    expect(new URLSearchParams(searchFor('', s.getState())).get('view')).toBe('eavesdropper')
  })

  it("a lesson whose chunk failed to load keeps the address's step (the deep link), on every lesson page", () => {
    for (const page of ['play', 'predict', 'present', 'presenter'] as const) {
      const s = createPlayerStore({ page, scenarioId: 'smtp-ehlo', lesson: null, step: 0, lang: 'en', loadError: 'smtp-ehlo' })
      const q = new URLSearchParams(searchFor('?scenario=smtp-ehlo&step=9', s.getState()))
      expect(q.get('step'), page).toBe('9')
      expect(q.get('scenario'), page).toBe('smtp-ehlo')
    }
  })

  it('an unknown scenario stays in the address as asked', () => {
    const s = createPlayerStore({ page: 'play', scenarioId: 'smtp-basic', missingScenario: 'nope', lang: 'ja' })
    expect(new URLSearchParams(searchFor('?scenario=nope', s.getState())).get('scenario')).toBe('nope')
  })

  it("the sandbox writes its setup and its session link, and drops the lesson's parameters", () => {
    const s = createPlayerStore({ page: 'sandbox', scenarioId: 'sandbox', lang: 'ja' })
    const session = openSandbox(parseSetup(new URLSearchParams('protocol=pop3&port=995&preset=company')))
    const sandbox: SandboxState = { session, notes: [], badLink: null, setupParams: setupParams(session.setup), link: { state: 'ok', value: 'z1.abc' } }
    s.getState().setSandbox(sandbox)
    const q = new URLSearchParams(searchFor('?scenario=smtp-basic&step=3&s=old', s.getState()))
    expect(Object.fromEntries(q)).toEqual({ mode: 'sandbox', protocol: 'pop3', port: '995', preset: 'company', s: 'z1.abc', lang: 'ja' })
    s.getState().setSandbox({ ...sandbox, link: { state: 'too-long' } })
    expect(new URLSearchParams(searchFor('?s=old', s.getState())).has('s')).toBe(false)
    s.getState().setSandbox({ ...sandbox, link: { state: 'pending' } })
    expect(new URLSearchParams(searchFor('?s=old', s.getState())).get('s')).toBe('old')
  })
})

describe('layers= (CONTRACT.md §7)', () => {
  const basic = compileScenario(
    findScenario('smtp-basic') ??
      (() => {
        throw new Error('smtp-basic missing')
      })(),
  )
  it('is written back from the state, and left out for every layer', () => {
    const s = createPlayerStore({ page: 'play', scenarioId: 'smtp-basic', lesson: basic, lang: 'en', layers: ['smtp'] })
    expect(new URLSearchParams(searchFor('?scenario=smtp-basic&layers=smtp,bogus', s.getState())).get('layers')).toBe('smtp')
    s.getState().setLayers(['tcp'])
    expect(new URLSearchParams(searchFor('', s.getState())).get('layers')).toBe('tcp')
    s.getState().setLayers(null)
    expect(new URLSearchParams(searchFor('?layers=tcp', s.getState())).has('layers')).toBe(false)
  })
})
