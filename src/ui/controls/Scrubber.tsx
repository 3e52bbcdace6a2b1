import { t, type UiKey } from '../../content/ui'
import type { Phase } from '../../lessons/phases'
import { useLesson, usePlayer, usePlayerStore, useTotal } from '../../store/context'
import { phaseOnScreen } from '../../store/player'
import { classOf } from '../format'

/** Above this many steps the ticks would be thinner than a pixel. */
const MAX_TICKS = 240
/** Chapter marks beyond this many would overlap (a long sandbox session). */
const MAX_MARKS = 24

const pct = (x: number) => `${(x * 100).toFixed(3)}%`

export const PHASE_LABEL: Record<Phase, UiKey> = {
  lookup: 'phaseLookup',
  connection: 'phaseConnection',
  greeting: 'phaseGreeting',
  tls: 'phaseTls',
  authentication: 'phaseAuth',
  envelope: 'phaseEnvelope',
  message: 'phaseMessage',
  close: 'phaseClose',
}

/** A range input (keyboard and screen readers) over a row of ticks, one per step (mouse). */
export function Scrubber() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const step = usePlayer((s) => s.step)
  const total = useTotal()
  const lesson = useLesson()
  const steps = lesson?.timeline.steps ?? []
  const phases = lesson?.phases ?? []
  // The phase on screen, for screen readers and the chapter marks.
  const phase = usePlayer(phaseOnScreen)
  return (
    <div className="scrubber">
      {/* Chapter marks: where each phase of the session begins (Shift+PageDown / ] jump to the next). */}
      {phases.length > 1 && phases.length <= MAX_MARKS ? (
        <ol className="chapters" aria-hidden="true" data-testid="scrubber.chapters">
          {phases.map((p, i) => (
            <li
              key={p.index}
              className={`chapter${p.phase === phase && p.index < step ? ' on' : ''}`}
              // Each mark's label takes the room up to the next mark, no more.
              style={{ left: pct(p.index / Math.max(1, total)), width: pct(((phases[i + 1]?.index ?? total) - p.index) / Math.max(1, total)) }}
              data-step={p.index + 1}
              data-phase={p.phase}
            >
              <button type="button" tabIndex={-1} onClick={() => store.getState().seek(p.index + 1)}>
                {t(lang, PHASE_LABEL[p.phase])}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      {/* One tick per step for the mouse, in lessons; a long session keeps only the range input. */}
      {steps.length <= MAX_TICKS ? (
        <div className="ticks" aria-hidden="true">
          {steps.map((s) => (
            <button
              key={s.index}
              type="button"
              tabIndex={-1}
              className={`tick layer-${s.layer}${s.index < step ? ' shown' : ''}${s.index === step - 1 ? ' current' : ''}`}
              data-cls={classOf(s)}
              onClick={() => store.getState().seek(s.index + 1)}
              title={String(s.index + 1)}
            />
          ))}
        </div>
      ) : null}
      <input
        type="range"
        min={0}
        max={total}
        step={1}
        value={step}
        aria-label={t(lang, 'scrubber')}
        aria-valuetext={phase ? `${t(lang, 'stepOf', { n: step, total })}, ${t(lang, PHASE_LABEL[phase])}` : t(lang, 'stepOf', { n: step, total })}
        onChange={(e) => store.getState().seek(Number(e.target.value))}
      />
    </div>
  )
}
