// "Explain my capture" (CONTRACT.md §6): a capture or a transcript, read in the browser, played on the same
// diagram as the lessons and checked by the engine. Nothing is sent anywhere: files are read with the File API,
// captures in a Web Worker, and the session reaches the address only when it fits a share link.
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react'
import { ti } from '../../content/import'
import type { Lang } from '../../content/types'
import { looksLikeCapture } from '../../import/capture'
import { parseInWorker } from '../../import/run'
import { connectionLabel, importedLesson } from '../../import/lesson'
import { decodeImportLink, encodeImportLink, looksSaved, readSaved, savedFile } from '../../import/saved'
import { readTranscript } from '../../import/transcript'
import { ImportError, type ImportResult } from '../../import/types'
import { usePlayer, usePlayerStore } from '../../store/context'
import { Controls } from '../controls/Controls'
import { Diagram } from '../diagram/Diagram'
import { saveFile } from '../download'
import { ExportMenu } from '../export/ExportMenu'
import { CaptionPanel } from '../panels/CaptionPanel'
import { Legend } from '../panels/Legend'
import { WirePanel } from '../panels/WirePanel'

const EavesPanel = lazy(() => import('../panels/EavesPanel'))

const ACCEPT = '.pcap,.pcapng,.cap,.txt,.log,.yaml,.yml,.json'

type Problem = { readonly ja: string; readonly en: string } | 'unreadable' | 'cancelled'

const problemText = (p: Problem, lang: Lang) => (p === 'unreadable' ? ti(lang, 'importUnreadable') : p === 'cancelled' ? ti(lang, 'importCancelled') : p[lang])

/** Text → a result: a saved file, else a transcript. */
function readText(text: string): ImportResult {
  return looksSaved(text) ? readSaved(text) : readTranscript(text)
}

export default function ImportPage() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const eaves = usePlayer((s) => s.view === 'eavesdropper')
  const linked = usePlayer((s) => typeof s.importLink === 'string')
  const [result, setResult] = useState<ImportResult | null>(null)
  const [chosen, setChosen] = useState(-1)
  const [differs, setDiffers] = useState<{ n: number; total: number } | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [text, setText] = useState('')
  const cancelRef = useRef<(() => void) | null>(null)

  const play = useCallback(
    (r: ImportResult, index: number) => {
      const c = r.connections[index]
      if (!c || c.protocol === 'unknown') return
      setChosen(index)
      const made = importedLesson(c)
      setDiffers({ n: made.differs, total: made.lesson.timeline.steps.filter((s) => s.check !== undefined).length })
      store.getState().showLesson(made.lesson, 0)
      store.setState({ importLink: null })
      void encodeImportLink(savedFile(r, c)).then((link) => {
        if (store.getState().lesson === made.lesson) store.setState({ importLink: link })
      })
    },
    [store],
  )

  const accept = useCallback(
    (r: ImportResult) => {
      setProblem(null)
      setResult(r)
      const first = r.connections.findIndex((c) => c.protocol !== 'unknown')
      if (first < 0) {
        setChosen(-1)
        setProblem({ ja: ti('ja', 'importNoMail'), en: ti('en', 'importNoMail') })
        return
      }
      play(r, first)
    },
    [play],
  )

  const fail = useCallback((e: unknown) => setProblem(e instanceof ImportError ? { ja: e.ja, en: e.en } : 'unreadable'), [])

  const fromText = useCallback(
    (t: string) => {
      try {
        accept(readText(t))
      } catch (e) {
        fail(e)
      }
    },
    [accept, fail],
  )

  const fromFile = useCallback(
    async (file: File) => {
      cancelRef.current?.()
      setProblem(null)
      try {
        const head = new Uint8Array(await file.slice(0, 512).arrayBuffer())
        // A capture by its magic; a file named like one, or binary (a NUL byte: no transcript has one), goes to the
        // capture reader too, which says what it is instead (a PNG, a ZIP, a cut-off file).
        const binary = head.includes(0) || /\.(pcap|pcapng|cap)$/i.test(file.name)
        if (!looksLikeCapture(head) && !binary) {
          fromText(await file.text())
          return
        }
        setProgress(0)
        const job = parseInWorker(file, (fraction) => setProgress(Math.max(0, Math.min(1, fraction))))
        let cancelled = false
        cancelRef.current = () => {
          cancelled = true
          job.cancel()
        }
        try {
          const r = await job.promise
          if (!cancelled) accept(r)
        } catch (e) {
          if (cancelled) setProblem('cancelled')
          else fail(e)
        } finally {
          cancelRef.current = null
          setProgress(null)
        }
      } catch (e) {
        fail(e)
      }
    },
    [accept, fail, fromText],
  )

  // A session in the address (`i=`), made by this page.
  useEffect(() => {
    const value = new URLSearchParams(window.location.search).get('i')
    if (value) void decodeImportLink(value).then(accept, fail)
  }, [accept, fail])

  // Drag and drop onto the whole page.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault()
    }
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0]
      if (!file) return
      e.preventDefault()
      void fromFile(file)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
      cancelRef.current?.()
    }
  }, [fromFile])

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (file) void fromFile(file)
  }

  const save = () => {
    const c = result?.connections[chosen]
    if (!result || !c) return
    saveFile(new Blob([savedFile(result, c)], { type: 'application/json' }), `mail-session-${c.protocol}-${c.server.port}.json`)
  }

  const unknown = result?.connections.some((c) => c.protocol === 'unknown') ?? false
  const shown = result !== null && chosen >= 0
  return (
    <main className="player import-page" data-testid="import">
      <section className="panel import-form" aria-labelledby="import-title">
        <h2 id="import-title">{ti(lang, 'importTitle')}</h2>
        <p className="muted">{ti(lang, 'importIntro')}</p>
        <div className="import-row">
          <label className="toggle file-open">
            {ti(lang, 'importFile')}
            <input type="file" accept={ACCEPT} data-testid="import.file" onChange={onFile} />
          </label>
          <span className="muted">{ti(lang, 'importDrop')}</span>
        </div>
        <label className="import-paste">
          <span>{ti(lang, 'importPaste')}</span>
          <textarea data-testid="import.text" rows={5} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} autoCapitalize="off" />
        </label>
        <div className="import-row">
          <button type="button" className="ctl" data-testid="import.go" onClick={() => fromText(text)}>
            {ti(lang, 'importGo')}
          </button>
          {progress !== null ? (
            <>
              <span>{ti(lang, 'importParsing')}</span>
              <progress
                data-testid="import.progress"
                role="progressbar"
                max={100}
                value={Math.round(progress * 100)}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(progress * 100)}
                aria-label={ti(lang, 'importParsing')}
              />
              <button type="button" className="ctl" data-testid="import.cancel" onClick={() => cancelRef.current?.()}>
                {ti(lang, 'importCancel')}
              </button>
            </>
          ) : null}
        </div>
        {problem !== null ? (
          <p className="load-error" role="alert" data-testid="import.error">
            {problemText(problem, lang)}
          </p>
        ) : null}
        {result !== null && result.connections.length > 0 ? (
          <div className="import-row">
            <label>
              {ti(lang, 'importConnection')}{' '}
              <select data-testid="import.connection" value={chosen} onChange={(e) => play(result, Number(e.target.value))}>
                {result.connections.map((c, i) => (
                  <option key={i} value={i} disabled={c.protocol === 'unknown'}>
                    {c.protocol === 'unknown' ? connectionLabel(c).replace('(not mail)', `(${ti(lang, 'importNotMail')})`) : connectionLabel(c)}
                  </option>
                ))}
              </select>
            </label>
            {shown ? (
              <button type="button" className="ctl" data-testid="import.save" onClick={save}>
                {ti(lang, 'importSave')}
              </button>
            ) : null}
          </div>
        ) : null}
        {unknown ? <p className="muted">{ti(lang, 'importNotMailHint')}</p> : null}
        {shown && differs ? (
          <p className="muted" data-testid="import.summary" data-differs={differs.n}>
            {ti(lang, 'importChecked', { differs: differs.n, total: differs.total })} {linked ? ti(lang, 'importLinkYes') : ti(lang, 'importLinkNo')}
          </p>
        ) : null}
      </section>
      {shown ? (
        <>
          <Controls />
          <div className="stage">
            <Diagram />
            <aside className="side" tabIndex={0} aria-label={ti(lang, 'importTitle')}>
              <CaptionPanel />
              {eaves ? (
                <Suspense fallback={null}>
                  <EavesPanel />
                </Suspense>
              ) : null}
              <WirePanel />
              <Legend />
              <ExportMenu />
            </aside>
          </div>
        </>
      ) : null}
    </main>
  )
}
