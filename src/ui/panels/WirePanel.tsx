import { lazy, Suspense } from 'react'
import { t } from '../../content/ui'
import { useCurrentStep, usePlayer, usePlayerStore } from '../../store/context'

// What is under the heading is fetched with the first step on screen, not with the page (the JavaScript budget).
const WireBody = lazy(() => import('./WireBody'))

/** The exact bytes of the step, CR and LF made visible, and the packet under it: headers, and hex on demand. */
export function WirePanel() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const hex = usePlayer((s) => s.hex)
  const current = useCurrentStep()
  return (
    <section className="panel wire-panel" aria-labelledby="wire-title">
      <div className="panel-head">
        <h2 id="wire-title">{t(lang, 'wireTitle')}</h2>
        <button
          type="button"
          className="toggle"
          aria-pressed={hex}
          onClick={() => store.getState().toggleHex()}
          disabled={!current || (!current.bytes && !current.tcp && !current.udp)}
        >
          {t(lang, 'showHex')}
        </button>
      </div>
      {current ? (
        <Suspense fallback={null}>
          <WireBody step={current} />
        </Suspense>
      ) : null}
    </section>
  )
}
