import { describe, expect, it, vi } from 'vitest'
import type { Lesson } from '../lessons/lesson'

// Lessons that arrive when the test says so: the first pick's chunk is slow, the second's fast.
const pending = new Map<string, (l: Lesson) => void>()
vi.mock('./loader', () => ({ loadLesson: (id: string) => new Promise<Lesson>((resolve) => pending.set(id, resolve)) }))
const { createPlayerStore } = await import('./player')

const lessonNamed = (id: string): Lesson => ({
  id,
  title: { ja: id, en: id },
  summary: { ja: '', en: '' },
  timeline: { actors: [], steps: [], delivered: [], problems: [] },
  captions: [],
  phases: [],
  phaseState: { last: 'connection', greeted: false },
})

describe('picking lessons', () => {
  it('the last pick wins, even when an earlier pick arrives after it', async () => {
    const s = createPlayerStore({ scenarioId: 'smtp-basic', lang: 'en' })
    const slow = s.getState().setScenario('pop3-vs-imap')
    const fast = s.getState().setScenario('imap-basic')
    pending.get('imap-basic')?.(lessonNamed('imap-basic'))
    await fast
    pending.get('pop3-vs-imap')?.(lessonNamed('pop3-vs-imap'))
    await slow
    expect(s.getState().scenarioId).toBe('imap-basic')
    expect(s.getState().lesson?.id).toBe('imap-basic')
  })

  it('a lesson shown by the page (the sandbox) outranks a pick still loading', async () => {
    const s = createPlayerStore({ scenarioId: 'smtp-basic', lang: 'en' })
    const slow = s.getState().setScenario('smtp-ehlo')
    s.getState().showLesson(lessonNamed('sandbox'))
    pending.get('smtp-ehlo')?.(lessonNamed('smtp-ehlo'))
    await slow
    expect(s.getState().lesson?.id).toBe('sandbox')
  })
})
