import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { Lesson } from './lessons/lesson'
import { startPlaybackClock } from './store/clock'
import { PlayerContext } from './store/context'
import { loadLesson } from './store/loader'
import { createPlayerStore, SYNC_CHANNEL } from './store/player'
import { clampStep, readEmbed, readRange, readRequest } from './store/url'
import { App } from './ui/App'
import { ErrorBoundary } from './ui/ErrorBoundary'
import { pageFor, searchFor } from './ui/pages'
import './styles.css'

const params = new URLSearchParams(window.location.search)
const page = pageFor(params)
const request = readRequest(params, navigator.languages ?? [navigator.language])
const embed = readEmbed(params)
/** How long a dropped address write waits before the next try (Chrome's window is 10 s). */
const URL_RETRY_MS = 1000
const root = createRoot(document.getElementById('root') as HTMLElement)

async function start() {
  let loadError: string | null = null
  let lesson: Lesson | null = null
  if (page.lesson && request.missingScenario === null) {
    lesson = await loadLesson(request.scenarioId, request.lang).catch(() => {
      loadError = request.scenarioId
      return null
    })
  }
  const store = createPlayerStore({
    page: page.id,
    predict: page.predict(params),
    scenarioId: request.scenarioId,
    lesson,
    missingScenario: page.lesson ? request.missingScenario : null,
    step: clampStep(request.rawStep ?? params.get('from'), lesson?.timeline.steps.length ?? 0),
    lang: request.lang,
    view: request.view,
    loadError,
    embed,
    range: page.lesson ? readRange(params, lesson?.timeline.steps.length ?? 0) : null,
    layers: page.lesson ? request.layers : null,
  })

  // The one place that writes the address bar: it always deep-links what is on screen (CONTRACT.md §2).
  // Chrome drops history writes past 200 in 10 s (its flooding protection, crbug.com/1038223), so a burst of key
  // presses can leave the address behind: a dropped write is tried again, with the state of then, until it holds.
  let retry: number | null = null
  const syncUrl = () => {
    const next = searchFor(window.location.search, store.getState())
    if (next === window.location.search) return
    window.history.replaceState(null, '', next + window.location.hash)
    if (window.location.search !== next && retry === null)
      retry = window.setTimeout(() => {
        retry = null
        syncUrl()
      }, URL_RETRY_MS)
  }
  syncUrl()
  store.subscribe(syncUrl)
  // The presenter, the projector and a playback window of the same lesson move together (store/sync.ts). A
  // window alone only asks whether others are there; the sync code loads when one answers or speaks.
  // An embed stays out of it: a course page's lesson must not follow the learner's other tabs.
  if (page.sync && !embed) {
    const start = (first?: unknown) =>
      void import('./store/sync').then(({ browserChannel, startSync }) => {
        const c = browserChannel()
        if (c) startSync(store, c, undefined, first)
      })
    if (page.id !== 'play' || typeof BroadcastChannel !== 'function') start()
    else {
      const probe = new BroadcastChannel(SYNC_CHANNEL)
      probe.onmessage = (e: MessageEvent) => {
        probe.close()
        start(e.data)
      }
      probe.postMessage({ v: 1, from: 'probe', scenario: store.getState().scenarioId, type: 'hello' })
    }
  }
  // Inside a course page: events to the parent window, commands from it (CONTRACT.md §5).
  if (embed) void import('./ui/embed/host').then(({ startEmbedHost }) => startEmbedHost(store))
  if (embed?.autoplay) store.getState().togglePlay()
  startPlaybackClock(store, { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) })

  root.render(
    <StrictMode>
      <ErrorBoundary lang={request.lang}>
        <PlayerContext.Provider value={store}>
          <App />
        </PlayerContext.Provider>
      </ErrorBoundary>
    </StrictMode>,
  )
}

void start()

// ── offline (src/pwa): the service worker is registered from a chunk of its own, fetched two seconds after the
// load event, when the first view's own requests are over: it is no part of the initial page's JavaScript. ──
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const later = () => window.setTimeout(() => void import('./pwa/start').then((m) => m.startOffline()), 2000)
  if (document.readyState === 'complete') later()
  else window.addEventListener('load', later, { once: true })
}
// ── offline: end ──
