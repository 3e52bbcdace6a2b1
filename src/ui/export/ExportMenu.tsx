// Export, for slides and handouts (CONTRACT.md §5): four buttons, always on the playback page. Their code (the
// SVG drawing, the canvas, the Mermaid and transcript text) is fetched at the first click, so the page's own
// JavaScript stays within its budget; each export ends with a confirmation in the status line.
import { useState } from 'react'
import { t } from '../../content/ui'
import { usePlayer, usePlayerStore } from '../../store/context'
import type { ExportKind } from './actions'

const BUTTONS = [
  ['svg', 'exportSvg'],
  ['png', 'exportPng'],
  ['mermaid', 'exportMermaid'],
  ['text', 'exportText'],
] as const satisfies readonly (readonly [ExportKind, string])[]

export function ExportMenu() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const [status, setStatus] = useState('')
  const run = (kind: ExportKind) => {
    // What is on screen at the click: the lesson, how many steps are shown, the language and the view.
    const { lesson, step, lang: now, view } = store.getState()
    if (!lesson) return
    setStatus('')
    import('./actions')
      .then((m) => m.runExport(kind, { lesson, shown: step, lang: now, eavesdropper: view === 'eavesdropper' }))
      .then(setStatus, () => setStatus(t(now, 'exportFailed')))
  }
  return (
    <section className="panel export-menu" aria-labelledby="export-title">
      <h2 id="export-title">{t(lang, 'exportTitle')}</h2>
      <div className="export-buttons">
        {BUTTONS.map(([kind, label]) => (
          <button key={kind} type="button" className="ctl" data-testid={`export.${kind}`} onClick={() => run(kind)}>
            {t(lang, label)}
          </button>
        ))}
      </div>
      <p className="export-status" role="status" data-testid="export.status">
        {status}
      </p>
    </section>
  )
}
