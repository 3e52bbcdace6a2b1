// The presenter console (CONTRACT.md §4): the step on the projector and its caption, the next step's wire line
// (so the teacher can ask "what comes now?"), the lesson notes and teaching tips, an elapsed timer, and the
// button that opens the projector window. It moves with the projector, both ways (store/sync.ts).
import { useEffect, useState } from 'react'
import { tm } from '../../content/modes'
import { tipsFor, type TeacherTip } from '../../content/tips'
import { t } from '../../content/ui'
import type { Lang } from '../../content/types'
import { useCurrentStep, useLesson, usePlayer, usePlayerStore } from '../../store/context'
import { Controls } from '../controls/Controls'
import { actorTitle, arrowLabel } from '../format'
import { hrefFor } from '../pages'
import StateChartPanel from '../panels/StateChart'

function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  const mm = String(Math.floor(s / 60)).padStart(2, '0')
  const ss = String(s % 60).padStart(2, '0')
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm.slice(-2)}:${ss}` : `${mm}:${ss}`
}

/** Minutes and seconds since the console opened; a reset for the start of the lesson. */
function Timer({ lang }: { lang: Lang }) {
  const [start, setStart] = useState(() => Date.now())
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const h = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(h)
  }, [])
  return (
    <p className="presenter-timer">
      <span>{tm(lang, 'presenterTimer')}: </span>
      <time data-testid="presenter.timer" aria-live="off">
        {elapsed(now - start)}
      </time>{' '}
      <button
        type="button"
        className="toggle"
        onClick={() => {
          const n = Date.now()
          setStart(n)
          setNow(n)
        }}
      >
        {tm(lang, 'presenterTimerReset')}
      </button>
    </p>
  )
}

function Tip({ tip, lang, now }: { tip: TeacherTip; lang: Lang; now: boolean }) {
  return (
    <li className={`tip${now ? ' now' : ''}`}>
      {now ? <strong className="tip-now">{tm(lang, 'tipNow')}</strong> : null}
      <dl>
        <dt>{tm(lang, 'tipAsk')}</dt>
        <dd>{tip.ask[lang]}</dd>
        <dt>{tm(lang, 'tipMisconception')}</dt>
        <dd>{tip.misconception[lang]}</dd>
        <dt>{tm(lang, 'tipExam')}</dt>
        <dd>{tip.exam[lang]}</dd>
      </dl>
    </li>
  )
}

export default function PresenterPage() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const step = usePlayer((s) => s.step)
  const blank = usePlayer((s) => s.blank)
  const lesson = useLesson()
  const current = useCurrentStep()
  const id = lesson?.id ?? ''
  const next = lesson?.timeline.steps[step]
  const tips = tipsFor(id)
  const label = current ? arrowLabel(current, lang) : ''
  // Actors by the names the diagram gives them (クライアント, SMTPサーバ …), not their ids.
  const actors = lesson?.timeline.actors ?? []
  const clients = actors.filter((a) => a.role === 'client').length
  const who = (id: string) => {
    const a = actors.find((x) => x.id === id)
    return a ? actorTitle(a, lang, clients) : id
  }
  const openProjector = () => {
    window.open(hrefFor('present', { scenario: id, step: String(step), lang }), 'mailseq-projector', 'popup')
  }
  useEffect(() => {
    document.title = `${tm(lang, 'presenterTitle')} · ${lesson?.title[lang] ?? ''}`
  }, [lang, lesson])
  return (
    <main className="presenter" data-testid="presenter">
      <header className="presenter-head">
        <h1>
          {tm(lang, 'presenterTitle')}: {lesson?.title[lang] ?? ''}
        </h1>
        <Timer lang={lang} />
        <div className="presenter-actions">
          <button type="button" className="toggle" data-testid="presenter.open" onClick={openProjector}>
            {tm(lang, 'presenterOpen')}
          </button>
          <button type="button" className="toggle" data-testid="presenter.blank" aria-pressed={blank} onClick={() => store.getState().setBlank(!blank)}>
            {tm(lang, 'presenterBlank')}
          </button>
          <a href={hrefFor('print', { scenario: id, lang })} target="_blank" rel="noopener" data-testid="presenter.handout">
            {t(lang, 'teachHandout')}
          </a>
        </div>
      </header>
      <Controls />
      <div className="presenter-grid">
        <section className="panel" aria-labelledby="now-title">
          <h2 id="now-title">{tm(lang, 'presenterNow')}</h2>
          <div data-testid="presenter.current">
            <p className="presenter-line">
              <code>{current ? label : tm(lang, 'presenterStart')}</code>
            </p>
            <p className="caption-text" data-testid="caption" role="status" aria-live="polite">
              {current ? (lesson?.captions[current.index]?.[lang] ?? '') : (lesson?.summary[lang] ?? '')}
            </p>
          </div>
        </section>
        <section className="panel" aria-labelledby="next-title">
          <h2 id="next-title">{tm(lang, 'presenterNext')}</h2>
          <p className="presenter-line" data-testid="presenter.next" data-index={next ? next.index + 1 : undefined}>
            <code>{next ? arrowLabel(next, lang) : tm(lang, 'presenterEnd')}</code>
          </p>
          {next ? (
            <p className="muted">
              {who(next.from)} → {who(next.to)} · {next.layer.toUpperCase()}
            </p>
          ) : null}
        </section>
        <section className="panel presenter-chart">
          <StateChartPanel />
        </section>
        <section className="panel presenter-notes" aria-labelledby="notes-title" data-testid="presenter.notes">
          <h2 id="notes-title">{tm(lang, 'presenterNotes')}</h2>
          <p>
            <strong>{tm(lang, 'presenterSummary')}: </strong>
            {lesson?.summary[lang] ?? ''}
          </p>
          {current?.note ? (
            <p>
              <strong>{tm(lang, 'presenterStepNote')}: </strong>
              {current.note[lang]}
            </p>
          ) : null}
          <ol className="tips">
            {tips.map((tip, i) => (
              <Tip key={i} tip={tip} lang={lang} now={tip.at !== undefined && current !== undefined && new RegExp(tip.at).test(label)} />
            ))}
          </ol>
        </section>
      </div>
    </main>
  )
}
