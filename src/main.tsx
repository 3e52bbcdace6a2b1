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
  const compiled = request.missingScenario === null && request.mode === 'play' ? await loadScenario(request.scenarioId).catch(() => { loadError = request.scenarioId; return null }) : null
  const step = clampStep(request.rawStep, compiled?.timeline.steps.length ?? 0)
  const store = createPlayerStore({ scenarioId: request.scenarioId, missingScenario: request.missingScenario, step, lang: request.lang, view: request.view })
  if (loadError !== null) store.setState({ loadError })

  // The address bar always deep-links what is on screen (CONTRACT.md §2).
  const syncUrl = () => {
    const next = toSearch(window.location.search, store.getState())
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
