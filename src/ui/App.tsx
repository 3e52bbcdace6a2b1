import { lazy, Suspense, useEffect } from 'react'
import { LANGS, type Lang } from '../content/types'
import { t, type UiKey } from '../content/ui'
import { DEFAULT_SCENARIO_ID, findLesson, LESSONS as SCENARIOS } from '../store/lessons'
import type { PageMode } from '../store/url'
import { useLesson, usePlayer, usePlayerStore } from '../store/context'
import { Controls } from './controls/Controls'
import { useKeyboard } from './controls/useKeyboard'
import { Diagram } from './diagram/Diagram'
import { CaptionPanel } from './panels/CaptionPanel'
import { Legend } from './panels/Legend'
import { StatePanel } from './panels/StatePanel'
import { WirePanel } from './panels/WirePanel'
import { UnknownScenario } from './UnknownScenario'

const MapPage = lazy(() => import('./map/MapPage'))
const EavesPanel = lazy(() => import('./panels/EavesPanel'))
const DeliveryPanel = lazy(() => import('./panels/DeliveryPanel'))
const DrillsPage = lazy(() => import('./drills/DrillsPage'))
const SandboxPage = lazy(() => import('./sandbox/SandboxPage'))
const PredictPanel = lazy(() => import('./predict/PredictPanel'))

const GROUPS = [
  { protocol: 'smtp', label: 'groupSmtp' },
  { protocol: 'pop3', label: 'groupPop3' },
  { protocol: 'imap', label: 'groupImap' },
] as const

const LANG_NAMES: Record<Lang, string> = { ja: '日本語', en: 'English' }

function LanguageSwitch() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  return (
    <div className="lang-switch" role="group" aria-label={t(lang, 'language')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} data-testid={`lang.${l}`} onClick={() => store.getState().setLang(l)}>
          {LANG_NAMES[l]}
        </button>
      ))}
    </div>
  )
}

function ScenarioPicker() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const id = usePlayer((s) => s.scenarioId)
  return (
    <label className="scenario-picker">
      <span>{t(lang, 'scenario')}</span>
      <select value={id} data-testid="scenario-select" onChange={(e) => store.getState().setScenario(e.target.value)}>
        {GROUPS.map((g) => (
          <optgroup key={g.protocol} label={t(lang, g.label)}>
            {SCENARIOS.filter((s) => s.protocol === g.protocol).map((s) => <option key={s.id} value={s.id}>{s.title[lang]}</option>)}
          </optgroup>
        ))}
      </select>
    </label>
  )
}

/** Links between the modes; the current one is marked, not linked. */
function ModeLinks({ mode }: { mode: PageMode }) {
  const lang = usePlayer((s) => s.lang)
  const scenario = usePlayer((s) => s.scenarioId)
  // The sandbox's own timeline is not a lesson: the other modes then open the first lesson.
  const lesson = findLesson(scenario) ? scenario : DEFAULT_SCENARIO_ID
  const links: { mode: PageMode; href: string; label: UiKey }[] = [
    { mode: 'play', href: `?scenario=${lesson}&lang=${lang}`, label: 'modePlay' },
    { mode: 'predict', href: `?mode=predict&scenario=${lesson}&lang=${lang}`, label: 'modePredict' },
    { mode: 'sandbox', href: `?mode=sandbox&protocol=smtp&port=25&lang=${lang}`, label: 'modeSandbox' },
    { mode: 'drills', href: `?mode=drills&lang=${lang}`, label: 'modeDrills' },
    { mode: 'map', href: `?mode=map&lang=${lang}`, label: 'mapLink' },
  ]
  return (
    <nav className="modes" aria-label={t(lang, 'modesLabel')}>
      {links.map((l) => (l.mode === mode
        ? <span key={l.mode} aria-current="page">{t(lang, l.label)}</span>
        : <a key={l.mode} href={l.href} data-testid={`mode.${l.mode}`}>{t(lang, l.label)}</a>))}
    </nav>
  )
}

export function App({ mode = 'play' }: { mode?: PageMode }) {
  const lang = usePlayer((s) => s.lang)
  const missing = usePlayer((s) => s.missingScenario)
  const loadError = usePlayer((s) => s.loadError)
  const eaves = usePlayer((s) => s.view === 'eavesdropper')
  // The delivered-message panel (and its code) only once a message has been delivered on screen.
  const firstDelivery = useLesson()?.timeline.delivered[0]?.at
  const delivered = usePlayer((s) => firstDelivery !== undefined && s.step > firstDelivery)
  useKeyboard()
  useEffect(() => {
    document.documentElement.lang = lang
    document.title = t(lang, 'appTitle')
  }, [lang])
  return (
    <div className="app">
      <header className="top">
        <div className="brand">
          <h1>{t(lang, 'appTitle')}</h1>
          <p>{t(lang, 'appTagline')}</p>
        </div>
        {missing === null && (mode === 'play' || mode === 'predict') ? <ScenarioPicker /> : null}
        <ModeLinks mode={mode} />
        <LanguageSwitch />
      </header>
      {mode === 'map' ? (
        <Suspense fallback={null}><MapPage lang={lang} /></Suspense>
      ) : mode === 'drills' ? (
        <Suspense fallback={null}><DrillsPage lang={lang} /></Suspense>
      ) : mode === 'sandbox' ? (
        <Suspense fallback={null}><SandboxPage /></Suspense>
      ) : missing !== null ? (
        <UnknownScenario id={missing} />
      ) : (
        <main className="player">
          {loadError !== null ? <p className="load-error" role="alert">{t(lang, 'loadError', { id: loadError })}</p> : null}
          <Controls />
          <div className="stage">
            <Diagram />
            <aside className="side" tabIndex={0} aria-label={t(lang, 'captionTitle')}>
              {mode === 'predict' ? <Suspense fallback={null}><PredictPanel /></Suspense> : null}
              <CaptionPanel />
              {eaves ? <Suspense fallback={null}><EavesPanel /></Suspense> : null}
              <WirePanel />
              {delivered ? <Suspense fallback={null}><DeliveryPanel /></Suspense> : null}
              <StatePanel />
              <Legend />
            </aside>
          </div>
        </main>
      )}
    </div>
  )
}
