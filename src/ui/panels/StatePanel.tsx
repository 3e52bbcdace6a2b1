import { lazy, Suspense, useState } from 'react'
import { t } from '../../content/ui'
import { useCurrentStep, usePlayer } from '../../store/context'

// The SMTP rules table comes when the learner opens it.
const StateRules = lazy(() => import('./StateRules'))

/** The engine's (or TCP's) state before → after the current step, and for SMTP the rules of the state it is in. */
export function StatePanel() {
  const lang = usePlayer((s) => s.lang)
  const current = useCurrentStep()
  const [open, setOpen] = useState(false)
  if (!current) return null
  const label = current.layer === 'tcp' ? t(lang, 'tcpState') : t(lang, 'engineState')
  return (
    <section className="panel state-panel" aria-labelledby="state-title">
      <h2 id="state-title">{t(lang, 'stateTitle')}</h2>
      <p className="state-line" data-testid="state">
        <span className="state-kind">{label}</span>
        <code>{current.stateBefore}</code>
        {/* The arrow is drawn; a screen reader hears words instead (aria-label is not allowed on a plain span). */}
        <span aria-hidden="true"> → </span>
        <span className="sr-only">{lang === 'ja' ? 'から' : 'to'}</span>
        <code>{current.stateAfter}</code>
      </p>
      {current.layer === 'smtp' ? (
        <details className="rules" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary data-testid="state.rules-open">{t(lang, 'rulesOpen')}</summary>
          {open ? (
            <Suspense fallback={null}>
              <StateRules state={current.stateAfter} lang={lang} />
            </Suspense>
          ) : null}
        </details>
      ) : null}
    </section>
  )
}
