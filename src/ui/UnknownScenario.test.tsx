// The unknown-lesson message echoes what the address asked for: isolated from the sentence around it, its
// direction controls shown rather than obeyed, and cut to a sane length (issue 12).
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { PlayerContext } from '../store/context'
import { createPlayerStore } from '../store/player'
import UnknownScenario from './UnknownScenario'

function render(id: string, lang: 'ja' | 'en' = 'en'): string {
  const store = createPlayerStore({ page: 'play', scenarioId: 'smtp-basic', missingScenario: id, lang })
  return renderToStaticMarkup(
    <PlayerContext.Provider value={store}>
      <UnknownScenario id={id} />
    </PlayerContext.Provider>,
  )
}

/** The text of the first <bdi> in the markup (entities decoded), or null. */
function bdiText(html: string): string | null {
  const m = /<bdi[^>]*>([\s\S]*?)<\/bdi>/.exec(html)
  return m
    ? (m[1] ?? '')
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
    : null
}

describe('the unknown-lesson message', () => {
  it('isolates the id in <bdi>, and a right-to-left override in it is shown, not obeyed', () => {
    const id = 'https://evil.example/\u202Etxt.exe'
    for (const lang of ['ja', 'en'] as const) {
      const html = render(id, lang)
      const inside = bdiText(html)
      expect(inside, lang).not.toBeNull()
      expect(html).not.toContain('\u202E')
      expect(inside).toContain('U+202E')
      expect(inside).toContain('txt.exe')
    }
  })

  it('cuts a long id to 64 characters and an ellipsis, without splitting a character', () => {
    const inside = bdiText(render('😀'.repeat(40) + 'x'.repeat(500))) ?? ''
    expect(Array.from(inside)).toHaveLength(65)
    expect(inside.endsWith('…')).toBe(true)
    expect(inside.startsWith('😀'.repeat(40))).toBe(true)
    expect(bdiText(render('smtp-basci'))).toBe('smtp-basci')
  })

  it('keeps the sentence around the id', () => {
    expect(render('nope', 'en')).toContain('There is no scenario &quot;<bdi>nope</bdi>&quot;. Choose one from this list.')
    expect(render('nope', 'ja')).toContain('シナリオ「<bdi>nope</bdi>」は見つかりませんでした。')
  })
})
