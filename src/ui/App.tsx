import { useEffect } from 'react'
import { LANGS, type Lang } from '../content/types'
import { t } from '../content/ui'
import { SCENARIOS } from '../scenarios'
import { usePlayer, usePlayerStore } from '../store/context'
import { Controls } from './controls/Controls'
import { useKeyboard } from './controls/useKeyboard'
import { Diagram } from './diagram/Diagram'
import { CaptionPanel } from './panels/CaptionPanel'
import { Legend } from './panels/Legend'
import { StatePanel } from './panels/StatePanel'
import { WirePanel } from './panels/WirePanel'
import { UnknownScenario } from './UnknownScenario'

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
        {SCENARIOS.map((s) => <option key={s.id} value={s.id}>{s.title[lang]}</option>)}
      </select>
    </label>
  )
}

export function App() {
  const lang = usePlayer((s) => s.lang)
  const missing = usePlayer((s) => s.missingScenario)
  const loadError = usePlayer((s) => s.loadError)
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
        {missing === null ? <ScenarioPicker /> : null}
        <LanguageSwitch />
      </header>
      {missing !== null ? (
        <UnknownScenario id={missing} />
      ) : (
        <main className="player">
          {loadError !== null ? <p className="load-error" role="alert">{t(lang, 'loadError', { id: loadError })}</p> : null}
          <Controls />
          <div className="stage">
            <Diagram />
            <aside className="side" tabIndex={0} aria-label={t(lang, 'captionTitle')}>
              <CaptionPanel />
              <WirePanel />
              <StatePanel />
              <Legend />
            </aside>
          </div>
        </main>
      )}
    </div>
  )
}
