import { t, UI_TEXT } from '../content/ui'
import { LESSONS as SCENARIOS } from '../store/lessons'
import { usePlayer } from '../store/context'
import { hrefFor } from './pages'

/** The longest part of an unknown id the message repeats, in characters (code points). */
const ID_SHOWN_MAX = 64

/**
 * The id as the message shows it: invisible and direction-changing characters (U+202E and the like, \p{Cf},
 * and controls) written out as `⟨U+202E⟩`, then cut to ID_SHOWN_MAX characters and an ellipsis, never in the
 * middle of a character or of one written-out code.
 */
function shownId(id: string): string {
  let out = ''
  let n = 0
  for (const ch of id) {
    const piece = /[\p{Cc}\p{Cf}]/u.test(ch) ? `⟨U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩` : ch
    const len = Array.from(piece).length
    if (n + len > ID_SHOWN_MAX) return `${out}…`
    out += piece
    n += len
  }
  return out
}

/** An unknown ?scenario= gets a clear message and the list, never a blank page. */
export default function UnknownScenario({ id }: { id: string }) {
  const lang = usePlayer((s) => s.lang)
  // The id sits in <bdi>: whatever direction its characters have, the sentence around it keeps its own.
  const [before = '', after = ''] = UI_TEXT.unknownScenario[lang].split('{id}')
  return (
    <main className="unknown" data-testid="unknown-scenario">
      <p role="alert">
        {before}
        <bdi>{shownId(id)}</bdi>
        {after}
      </p>
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
