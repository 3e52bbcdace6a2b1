import { t } from '../../content/ui'
import { useLesson, usePlayer, usePlayerStore, useTotal } from '../../store/context'
import { classOf } from '../format'

/** Above this many steps the ticks would be thinner than a pixel. */
const MAX_TICKS = 240

/** A range input (keyboard and screen readers) over a row of ticks, one per step (mouse). */
export function Scrubber() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const step = usePlayer((s) => s.step)
  const total = useTotal()
  const steps = useLesson()?.timeline.steps ?? []
  return (
    <div className="scrubber">
      {/* One tick per step for the mouse, in lessons; a long session keeps only the range input. */}
      {steps.length <= MAX_TICKS ? <div className="ticks" aria-hidden="true">
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
      </div> : null}
      <input
        type="range"
        min={0}
        max={total}
        step={1}
        value={step}
        aria-label={t(lang, 'scrubber')}
        aria-valuetext={t(lang, 'stepOf', { n: step, total })}
        onChange={(e) => store.getState().seek(Number(e.target.value))}
      />
    </div>
  )
}
