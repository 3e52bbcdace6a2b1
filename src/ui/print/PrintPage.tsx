// The handout (CONTRACT.md §4, §5): every step of the lesson with its arrow, its wire line and its caption, on
// A4 portrait pages, no step split across two pages. Each arrow is drawn as vector (SVG), never a screenshot.
import { useEffect, useMemo } from 'react'
import { tm } from '../../content/modes'
import { t } from '../../content/ui'
import type { Actor, Protocol, Step } from '../../model'
import { layoutLanes, arrowOf, type Lane } from '../../layout/sequence'
import { chartPosition, stateChart } from '../../lessons/statechart'
import { ts } from '../../content/states'
import { useLesson, usePlayer } from '../../store/context'
import { StateChartView } from '../panels/StateChart'
import { actorTitle, arrowLabel, classOf } from '../format'

/** One step's arrow between the lifelines, as a small vector drawing. */
function StepArrow({ step, lanes, actors, lang }: { step: Step; lanes: readonly Lane[]; actors: readonly Actor[]; lang: 'ja' | 'en' }) {
  const a = arrowOf(lanes, step)
  const W = 600
  const x1 = a.x1 * W
  const x2 = a.x2 * W
  const y = 34
  const dir = x2 >= x1 ? 1 : -1
  const clients = actors.filter((x) => x.role === 'client').length
  return (
    <svg
      className={`print-arrow layer-${step.layer}`}
      data-cls={classOf(step)}
      viewBox={`0 0 ${W} 48`}
      role="img"
      aria-label={`${actors.find((x) => x.id === step.from)?.host ?? step.from} → ${actors.find((x) => x.id === step.to)?.host ?? step.to}`}
    >
      {lanes.map((l, i) => (
        <g key={l.id}>
          <line x1={l.x * W} x2={l.x * W} y1={14} y2={48} className="lifeline" />
          <text x={l.x * W} y={10} textAnchor="middle" className="actor-name">
            {actors[i] ? actorTitle(actors[i] as Actor, lang, clients) : l.id}
          </text>
        </g>
      ))}
      <line x1={x1} x2={x2 - dir * 8} y1={y} y2={y} className={`arrow-line${step.layer === 'tcp' ? ' dashed' : ''}`} />
      <path d={`M${x2},${y} l${-dir * 10},-5 v10 z`} className="arrow-head" />
    </svg>
  )
}

/** Each mail server of the lesson with the transitions the lesson takes on it, for one chart per server. */
function useChartsTaken(lesson: ReturnType<typeof useLesson>) {
  return useMemo(() => {
    const out = new Map<string, { protocol: Protocol; host: string; taken: Set<number> }>()
    if (!lesson) return out
    for (let n = 1; n <= lesson.timeline.steps.length; n++) {
      const p = chartPosition(lesson.timeline, n)
      if (!p) continue
      const entry = out.get(p.server.id) ?? { protocol: p.protocol, host: p.server.host, taken: new Set<number>() }
      if (p.transition) entry.taken.add(p.transition.id)
      out.set(p.server.id, entry)
    }
    return out
  }, [lesson])
}

export default function PrintPage() {
  const lang = usePlayer((s) => s.lang)
  const lesson = useLesson()
  const charts = useChartsTaken(lesson)
  useEffect(() => {
    if (lesson) document.title = `${lesson.title[lang]} · ${t(lang, 'teachHandout')}`
  }, [lang, lesson])
  if (!lesson) return null
  const { actors, steps } = lesson.timeline
  const lanes = layoutLanes(actors)
  return (
    <main className="print" data-testid="print">
      <header className="print-head">
        <h1>{lesson.title[lang]}</h1>
        <p>{lesson.summary[lang]}</p>
        <p className="no-print">
          {tm(lang, 'printIntro')}{' '}
          <button type="button" className="toggle" onClick={() => window.print()}>
            {tm(lang, 'printButton')}
          </button>
        </p>
      </header>
      <div className="print-charts">
        {[...charts].map(([id, c]) => (
          <StateChartView
            key={id}
            chart={stateChart(c.protocol)}
            lang={lang}
            position={null}
            taken={c.taken}
            interactive={false}
            title={`${ts(lang, 'chartTitle')}: ${c.host}`}
          />
        ))}
      </div>
      <ol className="print-steps">
        {steps.map((s) => (
          <li key={s.index} className="print-step" data-testid="print.step" data-index={s.index + 1} data-layer={s.layer}>
            <h2>
              {tm(lang, 'printStep', { n: s.index + 1 })} <span className="print-layer">{s.layer.toUpperCase()}</span>
            </h2>
            <StepArrow step={s} lanes={lanes} actors={actors} lang={lang} />
            <pre className="print-wire">
              {s.layer === 'tcp' || s.layer === 'tls'
                ? arrowLabel(s, lang)
                : s.lines.slice(0, 12).join('\n') + (s.lines.length > 12 ? `\n… (${s.lines.length - 12})` : '')}
            </pre>
            <p className="print-caption">{lesson.captions[s.index]?.[lang] ?? ''}</p>
            {s.note ? <p className="print-note">{s.note[lang]}</p> : null}
            <p className="print-rfc">{s.rfc}</p>
          </li>
        ))}
      </ol>
    </main>
  )
}
