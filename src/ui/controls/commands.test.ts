import { describe, expect, it } from 'vitest'
import { compileScenario } from '../../lessons/compile'
import { findScenario } from '../../scenarios'
import { createPlayerStore, totalOf } from '../../store/player'
import { nextOpenQuestion } from '../../store/questions'
import { COMMANDS, commandForKey } from './commands'

const lesson = compileScenario(
  findScenario('smtp-basic') ??
    (() => {
      throw new Error('smtp-basic missing')
    })(),
)
const make = (step = 0, predict = false) => createPlayerStore({ scenarioId: lesson.id, lesson, step, lang: 'en', predict })
const run = (key: string, s: ReturnType<typeof make>) => commandForKey(key)?.run(s.getState())

describe('controls are data', () => {
  it('the keys of CONTRACT.md §2 map to their commands, each key to one command', () => {
    const want: Record<string, string> = {
      ArrowRight: 'playback.next',
      PageDown: 'playback.next',
      ArrowLeft: 'playback.prev',
      PageUp: 'playback.prev',
      ' ': 'playback.play',
      Home: 'playback.restart',
      End: 'playback.last',
    }
    for (const [key, id] of Object.entries(want)) expect(commandForKey(key)?.id, key).toBe(id)
    const keys = COMMANDS.flatMap((c) => c.keys)
    expect(new Set(keys).size).toBe(keys.length)
    expect(commandForKey('x')).toBeUndefined()
  })

  it('each key moves the cursor as its command says', () => {
    const s = make(5)
    run('ArrowRight', s)
    expect(s.getState().step).toBe(6)
    run('PageUp', s)
    expect(s.getState().step).toBe(5)
    run('End', s)
    expect(s.getState().step).toBe(totalOf(s.getState()))
    run('Home', s)
    expect(s.getState().step).toBe(0)
    run(' ', s)
    expect(s.getState().playing).toBe(true)
    // Stepping by hand pauses playback.
    run('ArrowRight', s)
    expect(s.getState()).toMatchObject({ step: 1, playing: false })
  })

  it('buttons are disabled where they can do nothing', () => {
    const byId = (id: string) => COMMANDS.find((c) => c.id === id)
    const start = make(0).getState()
    expect(byId('playback.prev')?.disabled(start)).toBe(true)
    expect(byId('playback.restart')?.disabled(start)).toBe(true)
    expect(byId('playback.next')?.disabled(start)).toBe(false)
    const end = make(lesson.timeline.steps.length).getState()
    expect(byId('playback.next')?.disabled(end)).toBe(true)
    expect(byId('playback.prev')?.disabled(end)).toBe(false)
    expect(byId('playback.play')?.label(end)).toBe('play')
  })

  it('in predict mode, Next waits at a question until it is answered', () => {
    const s = make(0, true)
    const q = nextOpenQuestion(lesson.timeline.steps, {})
    s.getState().goTo(q)
    const next = COMMANDS.find((c) => c.id === 'playback.next')
    expect(next?.disabled(s.getState())).toBe(true)
    run('ArrowRight', s)
    expect(s.getState().step).toBe(q)
    s.getState().answer('250')
    expect(s.getState().step).toBe(q + 1)
    expect(next?.disabled(s.getState())).toBe(false)
  })
})
