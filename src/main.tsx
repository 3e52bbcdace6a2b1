import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { startPlaybackClock } from './store/clock'
import { PlayerContext } from './store/context'
import { createPlayerStore } from './store/player'
import { loadScenario } from './store/timeline'
import { clampStep, parseUrl, toSearch } from './store/url'
import { App } from './ui/App'
import { ErrorBoundary } from './ui/ErrorBoundary'
import './styles.css'

const request = parseUrl(window.location.search, navigator.languages ?? [navigator.language])
const root = createRoot(document.getElementById('root') as HTMLElement)

async function start() {
  let loadError: string | null = null
  const lessonMode = request.mode === 'play' || request.mode === 'predict'
  const compiled = request.missingScenario === null && lessonMode ? await loadScenario(request.scenarioId).catch(() => { loadError = request.scenarioId; return null }) : null
  const step = clampStep(request.rawStep, compiled?.timeline.steps.length ?? 0)
  const store = createPlayerStore({
    scenarioId: request.scenarioId, missingScenario: lessonMode ? request.missingScenario : null, step, lang: request.lang, view: request.view,
    mode: request.mode === 'predict' ? 'predict' : request.mode === 'sandbox' ? 'sandbox' : 'play',
  })
  // Predict mode starts at the beginning: a deep link must not skip the questions.
  if (request.mode === 'predict') store.setState({ step: 0 })
  if (loadError !== null) store.setState({ loadError })

  // The address bar always deep-links what is on screen (CONTRACT.md §2).
  const syncUrl = () => {
    const next = toSearch(window.location.search, { ...store.getState(), pageMode: request.mode })
    if (next !== window.location.search) window.history.replaceState(null, '', next + window.location.hash)
  }
  syncUrl()
  store.subscribe((s, p) => { if (s.step !== p.step || s.lang !== p.lang || s.scenarioId !== p.scenarioId || s.view !== p.view) syncUrl() })
  startPlaybackClock(store, { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) })

  root.render(
    <StrictMode>
      <ErrorBoundary lang={request.lang}>
        <PlayerContext.Provider value={store}>
          <App mode={request.mode} />
        </PlayerContext.Provider>
      </ErrorBoundary>
    </StrictMode>,
  )
}

void start()
