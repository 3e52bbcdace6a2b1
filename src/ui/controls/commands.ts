// Controls are data (after excalidraw's actions): one list feeds the buttons, the keys and the tests.
import type { UiKey } from '../../content/ui'
import { firstStepOf, lastStepOf, totalOf, waitingForAnswer, type Player } from '../../store/player'
import type { IconName } from './icons'

export interface Command {
  readonly id: 'playback.prev' | 'playback.next' | 'playback.play' | 'playback.restart' | 'playback.last' | 'playback.nextPhase' | 'playback.prevPhase'
  readonly label: (s: Player) => UiKey
  /** KeyboardEvent.key values (CONTRACT.md §2 keyboard); `Shift+` before a named key held with Shift. */
  readonly keys: readonly string[]
  readonly icon: (s: Player) => IconName
  readonly disabled: (s: Player) => boolean
  readonly run: (s: Player) => void
  /** Shown as a button in the control bar. */
  readonly button: boolean
}

const first = firstStepOf
const end = lastStepOf

export const COMMANDS: readonly Command[] = [
  {
    id: 'playback.restart',
    label: () => 'restart',
    keys: ['Home'],
    icon: () => 'restart',
    disabled: (s) => s.step <= first(s),
    run: (s) => s.first(),
    button: true,
  },
  {
    id: 'playback.prev',
    label: () => 'prev',
    keys: ['ArrowLeft', 'PageUp'],
    icon: () => 'prev',
    disabled: (s) => s.step <= first(s),
    run: (s) => s.prev(),
    button: true,
  },
  {
    id: 'playback.play',
    label: (s) => (s.playing ? 'pause' : 'play'),
    keys: [' '],
    icon: (s) => (s.playing ? 'pause' : 'play'),
    disabled: (s) => totalOf(s) === 0,
    run: (s) => s.togglePlay(),
    button: true,
  },
  {
    id: 'playback.next',
    label: () => 'next',
    keys: ['ArrowRight', 'PageDown'],
    icon: () => 'next',
    disabled: (s) => s.step >= end(s) || waitingForAnswer(s),
    run: (s) => {
      s.pause()
      s.next()
    },
    button: true,
  },
  {
    id: 'playback.last',
    label: () => 'last',
    keys: ['End'],
    icon: () => 'last',
    disabled: (s) => s.step >= end(s) || waitingForAnswer(s),
    run: (s) => s.last(),
    button: false,
  },
  // Phase jumps for a clicker or keyboard in class (connection, greeting, TLS, authentication, envelope, message, close).
  {
    id: 'playback.nextPhase',
    label: () => 'nextPhase',
    keys: [']', 'Shift+PageDown'],
    icon: () => 'last',
    disabled: (s) => waitingForAnswer(s),
    run: (s) => s.nextPhase(),
    button: false,
  },
  {
    id: 'playback.prevPhase',
    label: () => 'prevPhase',
    keys: ['[', 'Shift+PageUp'],
    icon: () => 'restart',
    disabled: (s) => s.step === 0,
    run: (s) => s.prevPhase(),
    button: false,
  },
]

/** The command for a key; `shift` names Shift held with a named key (PageDown, ArrowRight …). */
export function commandForKey(key: string, shift = false): Command | undefined {
  const name = shift && key.length > 1 ? `Shift+${key}` : key
  return COMMANDS.find((c) => c.keys.includes(name))
}
