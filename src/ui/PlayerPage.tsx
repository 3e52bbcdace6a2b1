// A lesson on the diagram with its panels: the default page, and predict-the-reply with its question panel.
import { lazy, Suspense } from 'react'
import { t } from '../content/ui'
import { usePlayer } from '../store/context'
import { Controls } from './controls/Controls'
import { Diagram } from './diagram/Diagram'
import { CaptionPanel } from './panels/CaptionPanel'

// The wire, the state, the reply classes and the exports have something to say once a step is on screen: their
// code comes then (the lesson page's first load stays within its 90 KB budget).
const LayersControl = lazy(() => import('./controls/LayersControl').then((m) => ({ default: m.LayersControl })))
const WirePanel = lazy(() => import('./panels/WirePanel').then((m) => ({ default: m.WirePanel })))
const StatePanel = lazy(() => import('./panels/StatePanel').then((m) => ({ default: m.StatePanel })))
const Legend = lazy(() => import('./panels/Legend').then((m) => ({ default: m.Legend })))
const ExportMenu = lazy(() => import('./export/ExportMenu').then((m) => ({ default: m.ExportMenu })))
const EavesPanel = lazy(() => import('./panels/EavesPanel'))
const DeliveryPanel = lazy(() => import('./panels/DeliveryPanel'))
const PredictPanel = lazy(() => import('./predict/PredictPanel'))
// The state chart's code (the chart, the engines' tables) comes after first paint, 2 s after the load event, so
// that the page's initial JavaScript stays within its budget (e2e/budget.spec.ts); its panel keeps its place.
const later = () =>
  new Promise<void>((done) => {
    const go = () => setTimeout(done, 2000)
    if (document.readyState === 'complete') go()
    else addEventListener('load', go, { once: true })
  })
const StateChartPanel = lazy(() => later().then(() => import('./panels/StateChart')))

export function PlayerPage() {
  const lang = usePlayer((s) => s.lang)
  const loadError = usePlayer((s) => s.loadError)
  const predict = usePlayer((s) => s.predict)
  const eaves = usePlayer((s) => s.view === 'eavesdropper')
  const fullControls = usePlayer((s) => (s.embed?.controls ?? 'full') === 'full')
  const started = usePlayer((s) => s.step > 0)
  // The layer checkboxes from the first step on (or at once when the address chose layers).
  const layered = usePlayer((s) => s.layers !== null)
  // The state chart beside the diagram (under it on phones); not in predict mode (it would give the answer
  // away) nor in an embed (a course page asked for the diagram).
  const chart = usePlayer((s) => !s.predict && s.embed === null)
  // The delivered-message panel (and its code) only once a message has been delivered on screen.
  const delivered = usePlayer((s) => {
    const first = s.lesson?.timeline.delivered[0]?.at
    return first !== undefined && s.step > first
  })
  return (
    <main className="player">
      {loadError !== null ? (
        <p className="load-error" role="alert">
          {t(lang, 'loadError', { id: loadError })}
        </p>
      ) : null}
      <Controls
        extra={
          fullControls && (started || layered) ? (
            <Suspense fallback={null}>
              <LayersControl />
            </Suspense>
          ) : null
        }
      />
      <div className="stage">
        <Diagram />
        <aside className="side" tabIndex={0} aria-label={t(lang, 'captionTitle')}>
          {predict ? (
            <Suspense fallback={null}>
              <PredictPanel />
            </Suspense>
          ) : null}
          <CaptionPanel />
          {chart ? (
            <section className="panel state-chart-panel">
              <Suspense fallback={null}>
                <StateChartPanel />
              </Suspense>
            </section>
          ) : null}
          {eaves ? (
            <Suspense fallback={null}>
              <EavesPanel />
            </Suspense>
          ) : null}
          {started ? (
            <Suspense fallback={null}>
              <WirePanel />
            </Suspense>
          ) : null}
          {delivered ? (
            <Suspense fallback={null}>
              <DeliveryPanel />
            </Suspense>
          ) : null}
          {started ? (
            <Suspense fallback={null}>
              <StatePanel />
              <Legend />
              <ExportMenu />
            </Suspense>
          ) : null}
        </aside>
      </div>
    </main>
  )
}
