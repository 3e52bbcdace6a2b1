import { t } from '../../content/ui'
import { useLesson, usePlayer, usePlayerStore } from '../../store/context'
import { classOf } from '../format'

/** A range input (keyboard and screen readers) over a row of ticks, one per step (mouse). */
export function Scrubber() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const step = usePlayer((s) => s.step)
  const total = usePlayer((s) => s.total)
  const steps = useLesson()?.timeline.steps ?? []
  return (
    <div className="scrubber">
      <div className="ticks" aria-hidden="true">
        {steps.map((s) => (
          <button
            key={s.index}
            type="button"
            tabIndex={-1}
            className={`tick layer-${s.layer}${s.index < step ? ' shown' : ''}${s.index === step - 1 ? ' current' : ''}`}
            data-cls={classOf(s)}
            onClick={() => { store.getState().pause(); store.getState().goTo(s.index + 1) }}
            title={String(s.index + 1)}
          />
        ))}
      </div>
      <input
        type="range"
        min={0}
        max={total}
        step={1}
        value={step}
        aria-label={t(lang, 'scrubber')}
        aria-valuetext={t(lang, 'stepOf', { n: step, total })}
        onChange={(e) => { store.getState().pause(); store.getState().goTo(Number(e.target.value)) }}
      />
    </div>
  )
}
