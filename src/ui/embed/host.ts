// The app inside a course page's iframe (CONTRACT.md §5): it tells its parent window what it shows (`ready`
// once, `step` on every change, `ended`, `resize` with the content height, also in the H5P and LTI forms that
// Moodle, Canvas and H5P hosts resize by), and takes commands from that parent only, from an allowlist.
// Nothing a message carries is rendered or navigated to: a command is a name and, for `goto`, an integer.
import { lastStepOf, totalOf, type PlayerStore } from '../../store/player'

export const COMMANDS = ['goto', 'next', 'prev', 'play', 'pause', 'restart'] as const
type CommandName = (typeof COMMANDS)[number]

export type EmbedCommand = { readonly command: CommandName; readonly step?: number }

/** A command from the parent, or null for anything else (ignored without a sound). */
export function readCommand(data: unknown): EmbedCommand | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null
  const m = data as Record<string, unknown>
  if (m.type !== 'mailseq:command' || typeof m.command !== 'string' || !(COMMANDS as readonly string[]).includes(m.command)) return null
  const command = m.command as CommandName
  if (command !== 'goto') return { command }
  return typeof m.step === 'number' && Number.isInteger(m.step) && m.step >= 0 && m.step <= 1_000_000 ? { command, step: m.step } : null
}

export function runCommand(store: PlayerStore, c: EmbedCommand): void {
  const s = store.getState()
  switch (c.command) {
    case 'goto':
      s.seek(c.step ?? 0)
      break
    case 'next':
      s.pause()
      s.next()
      break
    case 'prev':
      s.prev()
      break
    case 'play':
      if (!s.playing) s.togglePlay()
      break
    case 'pause':
      s.pause()
      break
    case 'restart':
      s.first()
      break
  }
}

export function startEmbedHost(store: PlayerStore, win: Window = window): () => void {
  const parent = win.parent
  if (parent === win) return () => {}
  const post = (event: 'ready' | 'step' | 'ended' | 'resize', extra: { height?: number } = {}) => {
    const s = store.getState()
    // Lesson ids and step numbers only: nothing secret, so any parent origin may read them.
    parent.postMessage({ type: 'mailseq:event', event, scenario: s.scenarioId, step: s.step, total: totalOf(s), ...extra }, '*')
  }
  const onMessage = (e: MessageEvent) => {
    if (e.source !== parent) return
    const c = readCommand(e.data)
    if (c) runCommand(store, c)
  }
  win.addEventListener('message', onMessage)
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.step === prev.step && s.lesson === prev.lesson) return
    post('step')
    if (s.step >= lastStepOf(s) && prev.step < lastStepOf(prev)) post('ended')
  })
  let lastHeight = -1
  const measure = () => {
    const height = Math.ceil(win.document.documentElement.scrollHeight)
    if (height === lastHeight) return
    lastHeight = height
    post('resize', { height })
    // The forms LMS hosts listen for: H5P's resize and the LTI frame resize (Canvas, Moodle).
    parent.postMessage({ context: 'h5p', action: 'resize', scrollHeight: height }, '*')
    parent.postMessage(JSON.stringify({ subject: 'lti.frameResize', height }), '*')
  }
  const ro = new ResizeObserver(measure)
  ro.observe(win.document.documentElement)
  ro.observe(win.document.body)
  post('ready')
  measure()
  return () => {
    win.removeEventListener('message', onMessage)
    unsubscribe()
    ro.disconnect()
  }
}
