import { lazy, Suspense, useEffect } from 'react'
import { LANGS, type Lang } from '../content/types'
import { t } from '../content/ui'
import { LESSONS as SCENARIOS } from '../store/lessons'
import { usePlayer, usePlayerStore } from '../store/context'
import { Controls } from './controls/Controls'
import { useKeyboard } from './controls/useKeyboard'
import { Diagram } from './diagram/Diagram'
import { CaptionPanel } from './panels/CaptionPanel'
import { Legend } from './panels/Legend'
import { StatePanel } from './panels/StatePanel'
import { WirePanel } from './panels/WirePanel'
import { DeliveryPanel } from './panels/DeliveryPanel'
import { EavesPanel } from './panels/EavesPanel'
import { UnknownScenario } from './UnknownScenario'

const MapPage = lazy(() => import('./map/MapPage'))

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

export function App({ mode = 'play' }: { mode?: 'play' | 'map' }) {
  const lang = usePlayer((s) => s.lang)
  const missing = usePlayer((s) => s.missingScenario)
  const loadError = usePlayer((s) => s.loadError)
  const eaves = usePlayer((s) => s.view === 'eavesdropper')
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
        {missing === null && mode === 'play' ? <ScenarioPicker /> : null}
        {mode === 'play' ? <a className="map-link" href={`?mode=map&lang=${lang}`}>{t(lang, 'mapLink')}</a> : null}
        <LanguageSwitch />
      </header>
      {mode === 'map' ? (
        <Suspense fallback={null}><MapPage lang={lang} /></Suspense>
      ) : missing !== null ? (
        <UnknownScenario id={missing} />
      ) : (
        <main className="player">
          {loadError !== null ? <p className="load-error" role="alert">{t(lang, 'loadError', { id: loadError })}</p> : null}
          <Controls />
          <div className="stage">
            <Diagram />
            <aside className="side" tabIndex={0} aria-label={t(lang, 'captionTitle')}>
              <CaptionPanel />
              {eaves ? <EavesPanel /> : null}
              <WirePanel />
              <DeliveryPanel />
              <StatePanel />
              <Legend />
            </aside>
          </div>
        </main>
      )}
    </div>
  )
}
