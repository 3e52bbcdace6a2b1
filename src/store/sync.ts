// Windows of one browser that show the same lesson move together, with no server: the presenter console, the
// projector view and a plain playback window. A step change in any of them reaches the others within a few
// milliseconds over a BroadcastChannel (or, where there is none, over localStorage's storage event). A window
// that opens or reloads asks where the others are and joins them. Other lessons' messages are ignored.
import { SYNC_CHANNEL, type PlayerStore } from './player'

interface Base {
  readonly v: 1
  readonly from: string
  readonly scenario: string
}
export type SyncMessage =
  (Base & { readonly type: 'hello' }) | (Base & { readonly type: 'state'; readonly step: number; readonly blank: boolean; readonly to?: string })

export interface SyncChannel {
  post(m: SyncMessage): void
  /** Calls `fn` with each message from another window; returns the unsubscribe. */
  listen(fn: (m: SyncMessage) => void): () => void
  close(): void
}

const NAME = SYNC_CHANNEL

function valid(x: unknown): x is SyncMessage {
  if (typeof x !== 'object' || x === null) return false
  const m = x as Record<string, unknown>
  if (m.v !== 1 || typeof m.from !== 'string' || typeof m.scenario !== 'string') return false
  if (m.type === 'hello') return true
  return m.type === 'state' && Number.isInteger(m.step) && (m.step as number) >= 0 && typeof m.blank === 'boolean'
}

/** BroadcastChannel where the browser has it; else localStorage's storage event (each write reaches the other windows). */
export function browserChannel(win: Window & typeof globalThis = window): SyncChannel | null {
  if (typeof win.BroadcastChannel === 'function') {
    const bc = new win.BroadcastChannel(NAME)
    return {
      post: (m) => bc.postMessage(m),
      listen: (fn) => {
        const on = (e: MessageEvent) => {
          if (valid(e.data)) fn(e.data)
        }
        bc.addEventListener('message', on)
        return () => bc.removeEventListener('message', on)
      },
      close: () => bc.close(),
    }
  }
  let storage: Storage
  try {
    storage = win.localStorage
  } catch {
    return null
  }
  let n = 0
  return {
    // A counter makes every write a change, so that the same message twice is still delivered.
    post: (m) => {
      try {
        storage.setItem(NAME, JSON.stringify({ m, n: n++ }))
      } catch {
        /* storage full or blocked: no sync */
      }
    },
    listen: (fn) => {
      const on = (e: StorageEvent) => {
        if (e.key !== NAME || e.newValue === null) return
        try {
          const m: unknown = (JSON.parse(e.newValue) as { m?: unknown }).m
          if (valid(m)) fn(m)
        } catch {
          /* not ours */
        }
      }
      win.addEventListener('storage', on)
      return () => win.removeEventListener('storage', on)
    },
    close: () => {},
  }
}

/** Keeps the store's step (and the projector's blank screen) in step with the other windows of the same lesson. */
export function startSync(store: PlayerStore, channel: SyncChannel, id: string = Math.random().toString(36).slice(2), first?: unknown): () => void {
  let applying = false
  const base = () => ({ v: 1 as const, from: id, scenario: store.getState().scenarioId })
  const state = (to?: string): SyncMessage => ({ ...base(), type: 'state', step: store.getState().step, blank: store.getState().blank, ...(to ? { to } : {}) })
  /** Until this window moves by itself, the first answer to its hello tells it where the class is. */
  let joining = true

  const receive = (m: SyncMessage) => {
    if (m.from === id || m.scenario !== store.getState().scenarioId) return
    if (m.type === 'hello') {
      channel.post(state(m.from))
      return
    }
    if (m.to !== undefined && (m.to !== id || !joining)) return
    joining = false
    const s = store.getState()
    if (s.step === m.step && s.blank === m.blank) return
    applying = true
    try {
      if (s.step !== m.step) s.syncTo(m.step)
      if (s.blank !== m.blank) s.setBlank(m.blank)
    } finally {
      applying = false
    }
  }
  const unlisten = channel.listen(receive)
  // The message that woke a lone window (a peer's hello, or where the class is) counts as received. The class may
  // have moved on while this code loaded: the answers to the hello below still count, until this window moves.
  if (valid(first)) receive(first.type === 'state' && first.to === 'probe' ? { ...first, to: id } : first)
  joining = true
  const unsubscribe = store.subscribe((s, prev) => {
    if (applying) return
    if (s.scenarioId !== prev.scenarioId) {
      joining = true
      channel.post({ ...base(), type: 'hello' })
      return
    }
    if (s.step !== prev.step || s.blank !== prev.blank) {
      joining = false
      channel.post(state())
    }
  })
  channel.post({ ...base(), type: 'hello' })
  return () => {
    unlisten()
    unsubscribe()
    channel.close()
  }
}
