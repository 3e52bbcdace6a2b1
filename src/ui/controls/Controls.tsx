import { memo, type ReactNode } from 'react'
import { t } from '../../content/ui'
import { usePlayer, usePlayerStore, useTotal } from '../../store/context'
import { SPEEDS, type Speed } from '../../store/player'
import { COMMANDS, type Command } from './commands'
import { Icon } from './icons'
import { Scrubber } from './Scrubber'

function CommandButton({ cmd }: { cmd: Command }) {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const label = usePlayer((s) => cmd.label(s))
  const icon = usePlayer((s) => cmd.icon(s))
  const disabled = usePlayer((s) => cmd.disabled(s))
  const pressed = usePlayer((s) => (cmd.id === 'playback.play' ? s.playing : undefined))
  const keys = cmd.keys.map((k) => (k === ' ' ? 'Space' : k)).join(' / ')
  return (
    <button
      type="button"
      className={`ctl ctl-${cmd.id.split('.')[1] ?? ''}`}
      data-testid={cmd.id}
      aria-label={t(lang, label)}
      aria-pressed={pressed}
      title={`${t(lang, label)} (${keys})`}
      aria-keyshortcuts={cmd.keys.map((k) => (k === ' ' ? 'Space' : k)).join(' ')}
      disabled={disabled}
      onClick={() => cmd.run(store.getState())}
    >
      <Icon name={icon} />
      <span className="ctl-text">{t(lang, label)}</span>
    </button>
  )
}

function SpeedSelect() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const speed = usePlayer((s) => s.speed)
  return (
    <label className="speed">
      <span>{t(lang, 'speed')}</span>
      <select value={speed} onChange={(e) => store.getState().setSpeed(Number(e.target.value) as Speed)}>
        {SPEEDS.map((v) => (
          <option key={v} value={v}>{`×${v}`}</option>
        ))}
      </select>
    </label>
  )
}

function ViewToggle() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const eaves = usePlayer((s) => s.view === 'eavesdropper')
  return (
    <button type="button" className="ctl ctl-eaves" data-testid="view.eavesdropper" aria-pressed={eaves} onClick={() => store.getState().toggleView()}>
      <Icon name="eye" />
      <span className="ctl-text">{t(lang, 'eavesdropper')}</span>
    </button>
  )
}

function StepCounter() {
  const lang = usePlayer((s) => s.lang)
  const step = usePlayer((s) => s.step)
  const total = useTotal()
  return (
    <output className="counter" data-testid="step-counter" data-step={step} data-total={total}>
      {t(lang, 'stepOf', { n: step, total })}
    </output>
  )
}

/** In an embed, `controls=min` keeps previous, next and the step counter; `controls=none` keeps the counter alone, hidden. */
const MIN = new Set(['playback.prev', 'playback.next'])

/** `extra`: a page's own controls, on the line under the scrubber (the lesson page's layer choice). */
export const Controls = memo(function Controls({ extra }: { readonly extra?: ReactNode }) {
  const lang = usePlayer((s) => s.lang)
  const mode = usePlayer((s) => s.embed?.controls ?? 'full')
  if (mode === 'none') {
    return (
      <div className="controls controls-none">
        <StepCounter />
      </div>
    )
  }
  if (mode === 'min') {
    return (
      <div className="controls controls-min" role="group" aria-label={t(lang, 'scrubber')}>
        <div className="buttons">
          {COMMANDS.filter((c) => MIN.has(c.id)).map((c) => (
            <CommandButton key={c.id} cmd={c} />
          ))}
          <StepCounter />
        </div>
      </div>
    )
  }
  return (
    <div className="controls" role="group" aria-label={t(lang, 'scrubber')}>
      <div className="buttons">
        {COMMANDS.filter((c) => c.button).map((c) => (
          <CommandButton key={c.id} cmd={c} />
        ))}
        <SpeedSelect />
        <ViewToggle />
        <StepCounter />
      </div>
      <Scrubber />
      <div className="controls-foot">
        <p className="keys-hint">{t(lang, 'keysHint')}</p>
        {extra}
      </div>
    </div>
  )
})
