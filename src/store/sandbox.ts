// The sandbox's actions on the player store. Loaded with the sandbox page, not with the page shell: it
// brings the engines and every caption, which a lesson page gets compiled at build time instead.
import { lessonOf, type FullLesson } from '../lessons/lesson'
import type { Entry, ReadReason } from '../sandbox/entries'
import { decodeLink, encodeLink, readSessionFile, sessionFile } from '../sandbox/link'
import { appendEntries, appendInput, openSandbox, type InputOptions, type SandboxSession } from '../sandbox/session'
import { parseSetup, setupParams, type SandboxSetup } from '../sandbox/setup'
import type { PlayerStore, SandboxState } from './player'

const META = {
  id: 'sandbox',
  title: { ja: 'サンドボックス', en: 'Sandbox' },
  summary: { ja: '自分で入力したセッションです。', en: 'A session you typed yourself.' },
} as const

/** The share link is made this long after the last input, so that a paste of 600 lines makes it once. */
const LINK_DELAY_MS = 250

export interface SandboxController {
  input(raw: string, options?: InputOptions): void
  append(entries: readonly Entry[]): void
  setup(setup: SandboxSetup): void
  reset(): void
  /** A session file (JSON) as text; false when it cannot be read (the page says why). */
  openFile(text: string): ReadReason | null
  file(): string
  /** The lines sent so far, newest last (the input box's history), at most 500. */
  typed(): string[]
  /** Shows a session first opened (from the address). */
  start(session: SandboxSession, badLink: SandboxState['badLink']): void
}

export function sandboxController(store: PlayerStore): SandboxController {
  let linkTimer: ReturnType<typeof setTimeout> | null = null

  const show = (session: SandboxSession, notes: SandboxState['notes'], badLink: SandboxState['badLink'] = store.getState().sandbox?.badLink ?? null) => {
    const s = store.getState()
    // The sandbox's own lessons carry every language (lessonOf), so the previous one is a full lesson.
    const previous = s.lesson?.id === META.id ? (s.lesson as FullLesson) : null
    // An unreadable link stays in the address until the learner types: it is theirs, not ours to drop.
    const empty = session.entries.length === 0
    s.setSandbox({
      session,
      notes,
      badLink,
      setupParams: setupParams(session.setup),
      link: empty && badLink === null ? { state: 'ok', value: '' } : { state: 'pending' },
    })
    s.showLesson(lessonOf(META, session.timeline, previous))
    if (linkTimer !== null) clearTimeout(linkTimer)
    if (session.entries.length === 0) return
    linkTimer = setTimeout(() => {
      linkTimer = null
      void encodeLink(session.entries).then((value) => {
        const now = store.getState().sandbox
        // A newer session was shown meanwhile: its own link is on the way.
        if (now?.session !== session) return
        store.getState().setSandbox({ ...now, link: value === null ? { state: 'too-long' } : { state: 'ok', value } })
      })
    }, LINK_DELAY_MS)
  }
  const current = () => store.getState().sandbox?.session ?? null

  return {
    input(raw, options) {
      const s = current()
      if (!s) return
      const r = appendInput(s, raw, options)
      show(r.session, r.notes)
    },
    append(entries) {
      const s = current()
      if (s) show(appendEntries(s, entries), [])
    },
    setup(setup) {
      show(openSandbox(setup), [], null)
    },
    reset() {
      const s = current()
      if (s) show(openSandbox(s.setup), [], null)
    },
    openFile(text) {
      const r = readSessionFile(text)
      if (!r.ok) return r.reason
      show(openSandbox(r.setup, r.entries), [], null)
      return null
    },
    typed() {
      const entries = current()?.entries ?? []
      const out: string[] = []
      for (let i = entries.length - 1; i >= 0 && out.length < 500; i--) {
        const e = entries[i] as Entry
        if ('send' in e) out.push(e.send)
        else if ('pipeline' in e) out.push(...[...e.pipeline].reverse())
      }
      return out.slice(0, 500).reverse()
    },
    start(session, badLink) {
      show(session, [], badLink)
    },
    file() {
      const s = current()
      return s ? sessionFile(s.setup, s.entries) : ''
    },
  }
}

/** Opens the sandbox the address describes: its setup, and the session in `s=` when it can be read. */
export async function startSandbox(store: PlayerStore, search: string): Promise<SandboxController> {
  const p = new URLSearchParams(search)
  const setup = parseSetup(p)
  const read = await decodeLink(p.get('s'), setup.protocol)
  const c = sandboxController(store)
  c.start(openSandbox(setup, read.ok ? read.entries : []), read.ok ? null : read.reason)
  return c
}
