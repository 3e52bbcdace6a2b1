// Build time only (vite.config.ts, plugin "prerender"): the default lesson's first screen as static HTML, so
// the page paints before any JavaScript runs; main.tsx then renders the same screen with React in its place.
import { renderToString } from 'react-dom/server'
import type { Lang } from './content/types'
import type { FullLesson, Lesson } from './lessons/lesson'
import { PlayerContext } from './store/context'
import { createPlayerStore } from './store/player'
import { App } from './ui/App'

/** The playback page of `lesson` at step 0 in `lang`, as the client's first render draws it. */
export function prerenderLesson(full: FullLesson, lang: Lang): string {
  const lesson: Lesson = {
    ...full,
    captions: full.captions.map((c) => (c ? { [lang]: c[lang] } : null)),
  }
  const store = createPlayerStore({ page: 'play', scenarioId: lesson.id, lesson, step: 0, lang })
  return renderToString(
    <PlayerContext.Provider value={store}>
      <App />
    </PlayerContext.Provider>,
  )
}
