import { t } from '../../content/ui'
import { useLesson, usePlayer, useTotal } from '../../store/context'
import { actorTitle } from '../format'

/** The current step's explanation; a live region so screen readers announce each step. */
export function CaptionPanel() {
  const step = usePlayer((s) => s.step)
  const total = useTotal()
  const lang = usePlayer((s) => s.lang)
  const lesson = useLesson()
  const timeline = lesson?.timeline
  const current = step > 0 ? timeline?.steps[step - 1] : undefined
  const actor = (id: string) => timeline?.actors.find((a) => a.id === id)
  const clients = timeline?.actors.filter((a) => a.role === 'client').length ?? 1
  const from = current ? actor(current.from) : undefined
  const to = current ? actor(current.to) : undefined
  return (
    <section className="panel caption-panel" aria-labelledby="caption-title">
      <h2 id="caption-title">{t(lang, 'captionTitle')}</h2>
      <div data-testid="caption" role="status" aria-live="polite" aria-atomic="true" className="caption" data-step={step}>
        {current ? (
          <>
            <p className="caption-meta">
              <span>{t(lang, 'stepOf', { n: step, total })}</span>
              <span>
                {from ? actorTitle(from, lang, clients) : ''} → {to ? actorTitle(to, lang, clients) : ''}
              </span>
              <span className={`layer-badge layer-${current.layer}`}>{current.layer.toUpperCase()}</span>
            </p>
            <p className="caption-text">{lesson?.captions[current.index]?.[lang] ?? ''}</p>
            {current.note ? (
              <p className="caption-note">
                <strong>{t(lang, 'scenarioNote')}: </strong>
                {current.note[lang]}
              </p>
            ) : null}
            {current.rfc ? <p className="caption-rfc">{current.rfc}</p> : null}
          </>
        ) : (
          <>
            <p className="caption-text">{lesson?.summary[lang] ?? ''}</p>
            <p className="caption-hint">{t(lang, 'startHint')}</p>
          </>
        )}
      </div>
    </section>
  )
}
