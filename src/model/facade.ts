// The stateful Server of CONTRACT.md §1 over a pure open/step pair (xstate's interpreter over transition()).
// One factory for SMTP, POP3 and IMAP: opening is lazy and idempotent, and no line ever makes it throw.
import type { Server, ServerTurn } from './types'

export interface Transition<S, T extends ServerTurn> {
  readonly session: S
  readonly turn: T
}

/** What an engine gives the facade: its pure transition and how to read a session. */
export interface PureEngine<S, T extends ServerTurn> {
  /** The connection opens: the first session and the greeting. */
  open(): Transition<S, T>
  /** One client line, without CRLF; pure. */
  step(session: S, line: string): Transition<S, T>
  state(session: S): string
  closed(session: S): boolean
  secure(session: S): boolean
  /**
   * The answer when open or step throws (an engine bug, never the client's doing): a reply from the
   * engine's table saying the line was not processed; the session stays as it was.
   */
  fault(session: S | null, state: string): T
  /** The state name while no session exists (before opening, or when opening failed). */
  readonly initialState: string
  /** Whether the connection is under TLS before any session exists (993, 995, 465). */
  initiallySecure(): boolean
}

/** The Server of CONTRACT.md §1 with the engine's own turn type and its pure session. */
export interface EngineServer<S, T extends ServerTurn> extends Server {
  openTurn(): T
  exchange(line: string): T
  /** The pure session behind the facade (immutable; replaced on every line). Opens the connection if needed. */
  readonly session: S
}

const linesOf = (turn: ServerTurn): string[] => turn.replies.flatMap((r) => [...r.lines])

export function createFacade<S, T extends ServerTurn>(engine: PureEngine<S, T>): EngineServer<S, T> {
  let opened: Transition<S, T> | null = null
  let session: S | null = null

  /** Opens once; null when the engine failed to open (then every later call tries again). */
  const ensure = (): Transition<S, T> | null => {
    if (opened === null) {
      try {
        opened = engine.open()
        session = opened.session
      } catch {
        return null
      }
    }
    return opened
  }
  const stateNow = (): string => (session === null ? engine.initialState : engine.state(session))

  // Methods refer to `server`, not `this`, so that `const { receive } = server` works too.
  const server: EngineServer<S, T> = {
    openTurn(): T {
      return ensure()?.turn ?? engine.fault(null, engine.initialState)
    },
    open(): string[] {
      return linesOf(server.openTurn())
    },
    exchange(line: string): T {
      const before = stateNow()
      if (ensure() === null || session === null) return engine.fault(null, before)
      const current = session
      try {
        const r = engine.step(current, String(line))
        session = r.session
        return r.turn
      } catch {
        return engine.fault(current, before)
      }
    },
    receive(line: string): string[] {
      return linesOf(server.exchange(line))
    },
    get state(): string {
      ensure()
      return stateNow()
    },
    get closed(): boolean {
      ensure()
      return session !== null && engine.closed(session)
    },
    get secure(): boolean {
      ensure()
      if (session !== null) return engine.secure(session)
      try {
        return engine.initiallySecure()
      } catch {
        return false
      }
    },
    get session(): S {
      const r = ensure()
      if (r === null || session === null) throw new Error('the engine could not open a session with these options')
      return session
    },
  }
  return server
}

/** Adds read-only properties computed on every read (POP3's `mailbox`, IMAP's `store`) to a facade. */
export function withGetters<B extends object, E extends object>(base: B, getters: { readonly [K in keyof E]: () => E[K] }): B & Readonly<E> {
  for (const key of Object.keys(getters) as (keyof E & string)[]) Object.defineProperty(base, key, { get: getters[key], enumerable: true })
  return base as B & Readonly<E>
}
