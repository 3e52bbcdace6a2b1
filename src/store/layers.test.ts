// `layers=` through the address and the store (CONTRACT.md §7): read, applied to the lesson, written back.
import { describe, expect, it } from 'vitest'
import { compileById } from '../lessons/compile'
import { isQuestion } from './questions'
import { createPlayerStore, totalOf } from './player'
import { readRequest } from './url'

const basic =
  compileById('smtp-basic') ??
  (() => {
    throw new Error('smtp-basic missing')
  })()
const smtpSteps = basic.timeline.steps.filter((s) => s.layer === 'smtp')

describe('layers= in the address', () => {
  it('is read as the layers named; junk or nothing means every layer, never an error', () => {
    expect(readRequest(new URLSearchParams('?scenario=smtp-basic&layers=smtp'), ['ja']).layers).toEqual(['smtp'])
    expect(readRequest(new URLSearchParams('?scenario=smtp-basic&layers=tcp,SMTP,bogus'), ['ja']).layers).toEqual(['tcp', 'smtp'])
    expect(readRequest(new URLSearchParams('?scenario=smtp-basic&layers=%00%3Cb%3E'), ['ja']).layers).toBeNull()
    expect(readRequest(new URLSearchParams('?scenario=smtp-basic'), ['ja']).layers).toBeNull()
  })
})

describe('layers in the store', () => {
  it('the total and the steps count only the layers shown; step= is clamped to them', () => {
    const s = createPlayerStore({ scenarioId: 'smtp-basic', lesson: basic, step: 99, lang: 'ja', layers: ['smtp'] })
    expect(totalOf(s.getState())).toBe(smtpSteps.length)
    expect(s.getState().step).toBe(smtpSteps.length)
    expect(s.getState().lesson?.timeline.steps.every((x) => x.layer === 'smtp')).toBe(true)
    expect(s.getState().base).toBe(basic)
  })

  it('changing the layers keeps the step on screen (or the last shown before it) in view', () => {
    const s = createPlayerStore({ scenarioId: 'smtp-basic', lesson: basic, step: 0, lang: 'ja', layers: ['smtp'] })
    s.getState().goTo(3)
    const onScreen = smtpSteps[2]
    s.getState().setLayers(null)
    expect(s.getState().step).toBe((onScreen?.index ?? -99) + 1)
    // Back to SMTP only from a TCP step: the last SMTP step before it stays on screen.
    const fin = basic.timeline.steps.findIndex((x) => x.tcp?.flags.includes('FIN'))
    s.getState().goTo(fin + 1)
    s.getState().setLayers(['smtp'])
    const before = smtpSteps.filter((x) => x.index < fin).length
    expect(s.getState().step).toBe(before)
  })

  it('a choice that leaves no step shows the whole lesson and says so', () => {
    const s = createPlayerStore({ scenarioId: 'smtp-basic', lesson: basic, lang: 'ja', layers: ['imap'] })
    expect(totalOf(s.getState())).toBe(basic.timeline.steps.length)
    expect(s.getState().layersFallback).toBe(true)
    s.getState().setLayers(['smtp'])
    expect(s.getState().layersFallback).toBe(false)
  })

  it('predict mode asks only about shown steps and starts over when the layers change', () => {
    const s = createPlayerStore({ scenarioId: 'smtp-basic', lesson: basic, lang: 'ja', predict: true, layers: ['smtp'] })
    const questions = s.getState().lesson?.timeline.steps.filter(isQuestion).length
    expect(questions).toBe(basic.timeline.steps.filter(isQuestion).length)
    s.getState().goTo(99)
    expect(s.getState().step).toBeLessThan(smtpSteps.length)
    s.getState().setLayers(['tcp'])
    expect(s.getState().step).toBe(0)
    expect(s.getState().answers).toEqual({})
  })
})
