// The article's section 1 as an interactive overview: each protocol, its port, its problem, what fixed it.
import { POP3_TO_IMAP, RECEIVE_CHAIN, SEND_CHAIN, type MapEntry } from '../../content/map'
import type { Lang } from '../../content/types'
import { tm } from '../../content/modes'
import { usePlayer } from '../../store/context'
import { hrefFor } from '../pages'

function Chain({ entries, lang, title }: { entries: readonly MapEntry[]; lang: Lang; title: string }) {
  return (
    <section className="map-chain" aria-label={title}>
      <h3>{title}</h3>
      <ol>
        {entries.map((e) => (
          <li key={e.id} className="map-card" data-testid={`map.${e.id}`}>
            <div className="map-head">
              <strong>{e.name}</strong>
              <span className="port">{tm(lang, 'mapPort', { port: e.port })}</span>
            </div>
            <p>{e.what[lang]}</p>
            <a href={hrefFor('play', { scenario: e.scenario, step: '0', lang })}>
              {tm(lang, 'mapOpen')}: {e.name}
            </a>
            {e.problem ? (
              <p className="map-problem">
                <strong>{tm(lang, 'mapProblem')}: </strong>
                {e.problem[lang]}
              </p>
            ) : null}
            {e.id === 'pop3' ? (
              <p className="map-problem">
                <strong>{tm(lang, 'mapProblem')}: </strong>
                {POP3_TO_IMAP[lang]}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

export default function MapPage() {
  const lang = usePlayer((s) => s.lang)
  return (
    <main className="map" data-testid="protocol-map">
      <h2 className="map-title">{tm(lang, 'mapTitle')}</h2>
      <p>
        <a href={hrefFor('play', { lang })}>{tm(lang, 'mapBack')}</a>
      </p>
      <div className="map-grid">
        <Chain entries={SEND_CHAIN} lang={lang} title={tm(lang, 'mapSend')} />
        <Chain entries={RECEIVE_CHAIN} lang={lang} title={tm(lang, 'mapReceive')} />
      </div>
    </main>
  )
}
