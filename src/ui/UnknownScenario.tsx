import { t } from '../content/ui'
import { LESSONS as SCENARIOS } from '../store/lessons'
import { usePlayer } from '../store/context'
import { hrefFor } from './pages'

/** An unknown ?scenario= gets a clear message and the list, never a blank page. */
export default function UnknownScenario({ id }: { id: string }) {
  const lang = usePlayer((s) => s.lang)
  return (
    <main className="unknown" data-testid="unknown-scenario">
      <p role="alert">{t(lang, 'unknownScenario', { id })}</p>
      <h2>{t(lang, 'scenarioList')}</h2>
      <ul>
        {SCENARIOS.map((s) => (
          <li key={s.id}>
            <a href={hrefFor('play', { scenario: s.id, step: '0', lang })}>{s.title[lang]}</a> <code>{s.id}</code>
          </li>
        ))}
      </ul>
    </main>
  )
}
