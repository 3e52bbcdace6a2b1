import { describe, expect, it } from 'vitest'
import { compileScenario } from '../lessons/compile'
import { findScenario } from '../scenarios'
import { createPlayerStore } from './player'
import { startSync, type SyncChannel, type SyncMessage } from './sync'

/** Windows of one browser: every message posted reaches every other window's listeners, as a BroadcastChannel does. */
function hub() {
  const listeners = new Set<(m: SyncMessage) => void>()
  const log: SyncMessage[] = []
  const channel = (): SyncChannel => {
    const mine = new Set<(m: SyncMessage) => void>()
    return {
      post: (m) => {
        log.push(m)
        for (const fn of listeners) if (!mine.has(fn)) fn(structuredClone(m))
      },
      listen: (fn) => {
        mine.add(fn)
        listeners.add(fn)
        return () => {
          listeners.delete(fn)
          mine.delete(fn)
        }
      },
      close: () => {},
    }
  }
  return { channel, log }
}

const lessonOf = (id: string) =>
  compileScenario(
    findScenario(id) ??
      (() => {
        throw new Error(id)
      })(),
  )
const basic = lessonOf('smtp-basic')
const imap = lessonOf('imap-basic')
const windowOf = (lesson = basic, step = 0, predict = false) => createPlayerStore({ scenarioId: lesson.id, lesson, step, lang: 'en', predict })

describe('windows in step', () => {
  it('a step in one window moves the other, both ways, without echoing back and forth', () => {
    const h = hub()
    const presenter = windowOf()
    const projector = windowOf()
    startSync(presenter, h.channel(), 'p')
    startSync(projector, h.channel(), 'q')
    presenter.getState().next()
    expect(projector.getState().step).toBe(1)
    projector.getState().goTo(7)
    expect(presenter.getState().step).toBe(7)
    const states = h.log.filter((m) => m.type === 'state' && m.to === undefined)
    expect(states).toHaveLength(2)
  })

  it('a window that opens (or reloads) joins where the others are', () => {
    const h = hub()
    const presenter = windowOf(basic, 9)
    startSync(presenter, h.channel(), 'p')
    const reloaded = windowOf(basic, 0)
    startSync(reloaded, h.channel(), 'r')
    expect(reloaded.getState().step).toBe(9)
  })

  it('a playback window woken by an answer joins a step taken while its sync code was loading', () => {
    const h = hub()
    const presenter = windowOf(basic, 3)
    startSync(presenter, h.channel(), 'p')
    // The playback window's probe hears where the class is (step 3) and starts loading the sync code…
    const answer: SyncMessage = { v: 1, from: 'p', scenario: basic.id, type: 'state', step: 3, blank: false, to: 'probe' }
    // …while the teacher steps on: that message reaches no one in the playback window yet.
    presenter.getState().next()
    const playback = windowOf(basic, 0)
    startSync(playback, h.channel(), 'b', answer)
    expect(playback.getState().step).toBe(4)
  })

  it('another lesson in another tab is not disturbed', () => {
    const h = hub()
    const a = windowOf(basic, 3)
    const b = windowOf(imap, 5)
    startSync(a, h.channel(), 'a')
    startSync(b, h.channel(), 'b')
    a.getState().next()
    expect(b.getState().step).toBe(5)
    b.getState().next()
    expect(a.getState().step).toBe(4)
  })

  it("blanking the projector from the presenter, and a projector in predict mode revealed by the presenter's step", () => {
    const h = hub()
    const presenter = windowOf()
    const projector = windowOf(basic, 0, true)
    startSync(presenter, h.channel(), 'p')
    startSync(projector, h.channel(), 'q')
    presenter.getState().setBlank(true)
    expect(projector.getState().blank).toBe(true)
    // The projector alone would stop before the greeting's reply; the presenter's step reveals it.
    presenter.getState().goTo(6)
    expect(projector.getState().step).toBe(6)
    expect(Object.values(projector.getState().answers)).toContain('')
  })
})
