// A lesson on the diagram with its panels: the default page, and predict-the-reply with its question panel.
import { lazy, Suspense } from 'react'
import { t } from '../content/ui'
import { usePlayer } from '../store/context'
import { Controls } from './controls/Controls'
import { Diagram } from './diagram/Diagram'
import { ExportMenu } from './export/ExportMenu'
import { CaptionPanel } from './panels/CaptionPanel'
import { Legend } from './panels/Legend'
import { StateChartSlot } from './panels/StateChartSlot'
import { StatePanel } from './panels/StatePanel'
import { WirePanel } from './panels/WirePanel'

const EavesPanel = lazy(() => import('./panels/EavesPanel'))
const DeliveryPanel = lazy(() => import('./panels/DeliveryPanel'))
const PredictPanel = lazy(() => import('./predict/PredictPanel'))

export function PlayerPage() {
  const lang = usePlayer((s) => s.lang)
  const loadError = usePlayer((s) => s.loadError)
  const predict = usePlayer((s) => s.predict)
  const eaves = usePlayer((s) => s.view === 'eavesdropper')
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
      <Controls />
      <div className="stage">
        <Diagram />
        <aside className="side" tabIndex={0} aria-label={t(lang, 'captionTitle')}>
          {predict ? (
            <Suspense fallback={null}>
              <PredictPanel />
            </Suspense>
          ) : null}
          <CaptionPanel />
          {chart ? <StateChartSlot /> : null}
          {eaves ? (
            <Suspense fallback={null}>
              <EavesPanel />
            </Suspense>
          ) : null}
          <WirePanel />
          {delivered ? (
            <Suspense fallback={null}>
              <DeliveryPanel />
            </Suspense>
          ) : null}
          <StatePanel />
          <Legend />
          <ExportMenu />
        </aside>
      </div>
    </main>
  )
}
