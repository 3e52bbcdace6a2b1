// Where the state chart goes on the lesson page. Its code (the chart, the engines' tables) is a chunk of its
// own, fetched after first paint: 2 s after the load event, or at the learner's first key or tap, whichever
// comes first, so that the page's initial JavaScript stays within its budget (e2e/budget.spec.ts).
import { lazy, Suspense, useEffect, useState } from 'react'

const StateChartPanel = lazy(() => import('./StateChart'))

const LATER_MS = 2000

function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    if (ready) return
    let timer: number | undefined
    const go = () => setReady(true)
    const arm = () => {
      timer = window.setTimeout(go, LATER_MS)
    }
    if (document.readyState === 'complete') arm()
    else window.addEventListener('load', arm, { once: true })
    window.addEventListener('keydown', go, { once: true })
    window.addEventListener('pointerdown', go, { once: true })
    return () => {
      window.clearTimeout(timer)
      window.removeEventListener('load', arm)
      window.removeEventListener('keydown', go)
      window.removeEventListener('pointerdown', go)
    }
  }, [ready])
  return ready
}

export function StateChartSlot() {
  const ready = useAfterFirstPaint()
  return (
    <section className="panel state-chart-panel" aria-busy={!ready}>
      {ready ? (
        <Suspense fallback={null}>
          <StateChartPanel />
        </Suspense>
      ) : null}
    </section>
  )
}
