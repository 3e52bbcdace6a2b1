import { lazy, Suspense, useEffect } from 'react'
import { LANGS, type Lang } from '../content/types'
import { t } from '../content/ui'
import { usePlayer, usePlayerStore } from '../store/context'
import { LESSONS } from '../store/lessons'
import { useKeyboard } from './controls/useKeyboard'
import { hrefFor, pageById, PAGES } from './pages'
import { ShareButton } from './share/ShareButton'

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
            {LESSONS.filter((s) => s.protocol === g.protocol).map((s) => (
              <option key={s.id} value={s.id}>
                {s.title[lang]}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  )
}

/** Links between the pages listed in the table; the current one is marked, not linked. */
function ModeLinks() {
  const state = usePlayerStore().getState
  const lang = usePlayer((s) => s.lang)
  const current = usePlayer((s) => s.page)
  // Links follow the lesson on screen: re-render when it changes.
  usePlayer((s) => s.scenarioId)
  return (
    <nav className="modes" aria-label={t(lang, 'modesLabel')}>
      {PAGES.map((p) =>
        'label' in p ? (
          p.id === current ? (
            <span key={p.id} aria-current="page">
              {t(lang, p.label)}
            </span>
          ) : (
            <a key={p.id} href={hrefFor(p.id, { ...p.link(state()), lang })} data-testid={`mode.${p.id}`}>
              {t(lang, p.label)}
            </a>
          )
        ) : null,
      )}
    </nav>
  )
}

// Only for a ?scenario= that does not exist.
const UnknownScenario = lazy(() => import('./UnknownScenario'))

/** The classroom pages of the lesson on screen: presenter console, projector view, handout. */
function TeachLinks() {
  const lang = usePlayer((s) => s.lang)
  const scenario = usePlayer((s) => s.scenarioId)
  return (
    <nav className="teach" data-testid="teach" aria-label={t(lang, 'teachTitle')}>
      <strong>{t(lang, 'teachTitle')}:</strong>
      <a href={hrefFor('presenter', { scenario, lang })} data-testid="teach.presenter">
        {t(lang, 'teachPresenter')}
      </a>
      <a href={hrefFor('present', { scenario, step: '0', lang })} data-testid="teach.projector">
        {t(lang, 'teachProjector')}
      </a>
      <a href={hrefFor('print', { scenario, lang })} data-testid="teach.handout">
        {t(lang, 'teachHandout')}
      </a>
      <ShareButton />
    </nav>
  )
}

export function App() {
  const lang = usePlayer((s) => s.lang)
  const missing = usePlayer((s) => s.missingScenario)
  const page = pageById(usePlayer((s) => s.page))
  const embed = usePlayer((s) => s.embed)
  useKeyboard()
  useEffect(() => {
    document.documentElement.lang = lang
    document.title = t(lang, 'appTitle')
  }, [lang])
  const Body = page.component
  return (
    <div className={`app page-${page.id}${embed ? ' embed' : ''}`} data-theme={embed?.theme ?? 'light'}>
      {page.chrome.header && !embed ? (
        <header className="top">
          <div className="brand">
            <h1>{t(lang, 'appTitle')}</h1>
            <p>{t(lang, 'appTagline')}</p>
          </div>
          {missing === null && page.chrome.picker ? <ScenarioPicker /> : null}
          <ModeLinks />
          <LanguageSwitch />
        </header>
      ) : null}
      {page.chrome.teach && !embed && missing === null ? <TeachLinks /> : null}
      <Suspense fallback={null}>{page.lesson && missing !== null ? <UnknownScenario id={missing} /> : <Body />}</Suspense>
    </div>
  )
}
