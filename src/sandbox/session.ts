// The sandbox as pure data: a setup, the entries typed so far, and the timeline the engine made of them.
// Appending input runs only the new lines through the engine (a timeline builder kept beside the
// session), so a line costs the same at line 5,000 as at line 5.
import { createTimelineBuilder, type ConnectionStatus, type Timeline, type TimelineBuilder } from '../model'
import { IMAP_COMMANDS } from '../model/imap/commands'
import { charsOf, LIMITS, toAction, type Entry } from './entries'
import { specOf, type SandboxSetup } from './setup'

export interface SandboxSession {
  readonly setup: SandboxSetup
  readonly entries: readonly Entry[]
  readonly timeline: Timeline
  /** The connection as it stands after the last entry. */
  readonly status: ConnectionStatus
  /** Characters of all lines so far (LIMITS.totalChars). */
  readonly chars: number
  /** IMAP tags added for the learner so far: the next is `a${tags + 1}`. */
  readonly tags: number
}

/** What the input box tells the learner about what it did with the input. */
export type InputNote =
  /** The server has closed the connection: the rest was not sent. */
  | 'closed'
  /** A message line began with ".", so it went out as ".." (RFC 5321 §4.5.2). */
  | 'stuffed'
  /** The session reached LIMITS: the rest was not sent. */
  | 'limit'

export interface InputOptions {
  /** IMAP: put a tag before a command typed without one (RFC 9051 §2.2.1). */
  readonly autoTag?: boolean
}

/** The builder that made a session's timeline, and how many entries it has taken. */
interface Engine {
  readonly builder: TimelineBuilder
  taken: number
}
const engines = new WeakMap<SandboxSession, Engine>()

/** A command word the learner typed without a tag (a tag is any other atom, RFC 9051 §2.2.1). */
const IMAP_VERBS = new Set(IMAP_COMMANDS.map((c) => c.split(' ')[0]))
const TAG = /^a\d+ /

function seal(setup: SandboxSetup, entries: readonly Entry[], engine: Engine, chars: number, tags: number): SandboxSession {
  const status = engine.builder.connection() ?? { open: false, state: 'closed', greeting: '', continuation: null, pipelining: false }
  const session: SandboxSession = { setup, entries, timeline: engine.builder.timeline(), status, chars, tags }
  engines.set(session, engine)
  return session
}

/** A session connected to the server, greeting shown (CONTRACT.md §3), with `entries` carried out. */
export function openSandbox(setup: SandboxSetup, entries: readonly Entry[] = []): SandboxSession {
  const builder = createTimelineBuilder(specOf(setup))
  builder.apply({ type: 'connect' })
  let chars = 0
  let tags = 0
  for (const e of entries) {
    builder.apply(toAction(e))
    chars += charsOf(e)
    if ('send' in e && TAG.test(e.send)) tags++
  }
  return seal(setup, entries, { builder, taken: entries.length }, chars, tags)
}

/**
 * The builder to go on from: the session's own when nothing was appended to it since; otherwise (an older
 * session appended to again) a fresh one, so that every session value stays what it was.
 */
function engineFor(s: SandboxSession): Engine {
  const e = engines.get(s)
  if (e && e.taken === s.entries.length) return e
  const again = openSandbox(s.setup, s.entries)
  return engines.get(again) as Engine
}

/** Appends entries that are not typed lines: reconnect, disconnect, wait. */
export function appendEntries(s: SandboxSession, more: readonly Entry[]): SandboxSession {
  if (s.entries.length + more.length > LIMITS.entries) return s
  const engine = engineFor(s)
  let chars = s.chars
  let tags = s.tags
  for (const e of more) {
    engine.builder.apply(toAction(e))
    chars += charsOf(e)
    if ('send' in e && TAG.test(e.send)) tags++
  }
  engine.taken += more.length
  return seal(s.setup, [...s.entries, ...more], engine, chars, tags)
}

/**
 * What the learner typed or pasted (one line, or many), sent as a client would: pasted commands in one
 * segment where PIPELINING was announced, message lines dot-stuffed, IMAP commands tagged on request.
 */
export function appendInput(s: SandboxSession, raw: string, options: InputOptions = {}): { session: SandboxSession; notes: InputNote[] } {
  const lines = raw.split(/\r\n|\r|\n/)
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  const engine = engineFor(s)
  const added: Entry[] = []
  const notes = new Set<InputNote>()
  let chars = s.chars
  let tags = s.tags
  const add = (e: Entry): boolean => {
    const more = charsOf(e)
    if (s.entries.length + added.length >= LIMITS.entries || chars + more > LIMITS.totalChars || ('send' in e && e.send.length > LIMITS.lineLength)) {
      notes.add('limit')
      return false
    }
    engine.builder.apply(toAction(e))
    added.push(e)
    chars += more
    return true
  }
  const status = () => engine.builder.connection()

  // Pasted commands travel in one segment where the server advertised PIPELINING (RFC 2920 §3), up to and
  // including DATA; what follows DATA is the message, sent line by line.
  let rest = lines
  const st = status()
  if (lines.length > 1 && s.setup.protocol === 'smtp' && st?.open && st.pipelining && st.continuation === null) {
    const cut = lines.findIndex((l) => /^DATA\s*$/i.test(l))
    const group = cut < 0 ? lines : lines.slice(0, cut + 1)
    rest = lines.slice(group.length)
    for (let i = 0; i < group.length; i += LIMITS.linesPerEntry) {
      const chunk = group.slice(i, i + LIMITS.linesPerEntry)
      if (!add(chunk.length === 1 ? { send: chunk[0] ?? '' } : { pipeline: chunk })) {
        rest = []
        break
      }
    }
  }
  for (let line of rest) {
    const now = status()
    if (!now?.open) {
      notes.add('closed')
      break
    }
    if (s.setup.protocol === 'smtp' && now.continuation === 'message' && line.startsWith('.') && line !== '.') {
      // A mail client doubles a leading dot so the line cannot end the message (RFC 5321 §4.5.2).
      line = `.${line}`
      notes.add('stuffed')
    }
    if (s.setup.protocol === 'imap' && options.autoTag && now.continuation === null && IMAP_VERBS.has((line.trim().split(' ')[0] ?? '').toUpperCase())) {
      line = `a${tags + 1} ${line}`
    }
    if (!add({ send: line })) break
    if (TAG.test(line)) tags++
  }
  engine.taken += added.length
  if (added.length === 0) return { session: s, notes: [...notes] }
  return { session: seal(s.setup, [...s.entries, ...added], engine, chars, tags), notes: [...notes] }
}

/** The tag the next IMAP command will get. */
export const nextTag = (s: SandboxSession): string => `a${s.tags + 1}`
