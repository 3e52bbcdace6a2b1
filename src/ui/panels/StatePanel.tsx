import { t } from '../../content/ui'
import { useCurrentStep, usePlayer } from '../../store/context'

/** The engine's (or TCP's) state before → after the current step. */
export function StatePanel() {
  const lang = usePlayer((s) => s.lang)
  const current = useCurrentStep()
  if (!current) return null
  const label = current.layer === 'tcp' ? t(lang, 'tcpState') : t(lang, 'engineState')
  return (
    <section className="panel state-panel" aria-labelledby="state-title">
      <h2 id="state-title">{t(lang, 'stateTitle')}</h2>
      <p className="state-line" data-testid="state">
        <span className="state-kind">{label}</span>
        <code>{current.stateBefore}</code>
        <span aria-label={lang === 'ja' ? 'から' : 'to'}> → </span>
        <code>{current.stateAfter}</code>
      </p>
    </section>
  )
}
