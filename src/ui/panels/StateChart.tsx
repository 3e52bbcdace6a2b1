// The server's state chart (CONTRACT.md §7): drawn from lessons/statechart.ts, which reads the engines' own
// tables. The current state is lit (aria-current), the last transition highlighted; a state opens its rules.
// A chunk of its own: the lesson page loads it after first paint (StateChartSlot).
import { useMemo, useState, type KeyboardEvent } from 'react'
import { ts } from '../../content/states'
import type { Lang } from '../../content/types'
import { chartPosition, stateChart, type ChartEdge, type ChartNode, type ChartPosition, type StateChartModel } from '../../lessons/statechart'
import { usePlayer } from '../../store/context'
import StateRules from './StateRules'

// Geometry in viewBox units: a spine of nodes, a second column for side states (SMTP's auth), bows on the left
// for the ways back, labels beside each arrow.
const W = 500
const NODE_W = 128
const NODE_H = 36
const ROW = 60
const TOP = 12
const SPINE = 300
const SIDE = 440
const BOW = 20
const BOW_STEP = 26

interface Box {
  readonly cx: number
  readonly cy: number
}

const boxOf = (n: ChartNode): Box => ({ cx: n.col === 0 ? SPINE : SIDE, cy: TOP + NODE_H / 2 + n.rank * ROW })

interface Drawn {
  readonly d: string
  readonly lx: number
  readonly ly: number
  readonly anchor: 'start' | 'end'
}

/** One arrow's path and where its label goes, from the two boxes alone. */
function route(e: ChartEdge, boxes: ReadonlyMap<string, Box>, ranks: ReadonlyMap<string, number>): Drawn | null {
  const to = boxes.get(e.to)
  if (!to) return null
  const h = NODE_H / 2
  const w = NODE_W / 2
  if (e.anyFrom) {
    // From any state: an arrow that comes in from the right edge.
    const x0 = W - 4
    return { d: `M${x0},${to.cy} H${to.cx + w + 2}`, lx: x0, ly: to.cy - 10, anchor: 'end' }
  }
  const from = boxes.get(e.from)
  if (!from) return null
  const span = (ranks.get(e.to) ?? 0) - (ranks.get(e.from) ?? 0)
  if (span > 0 && from.cx === to.cx && span === 1) {
    return { d: `M${from.cx},${from.cy + h} V${to.cy - h - 2}`, lx: from.cx + 8, ly: (from.cy + to.cy) / 2 + 4, anchor: 'start' }
  }
  if (span > 0 && from.cx === to.cx) {
    // Skipping rows in one column: a bow on the right.
    const x = from.cx + w + 40
    return { d: `M${from.cx + w},${from.cy} C${x},${from.cy} ${x},${to.cy} ${to.cx + w + 2},${to.cy}`, lx: x - 4, ly: (from.cy + to.cy) / 2, anchor: 'start' }
  }
  if (span > 0) {
    const y1 = from.cy + h
    const y2 = to.cy - h - 2
    return { d: `M${from.cx},${y1} C${from.cx},${(y1 + y2) / 2} ${to.cx},${(y1 + y2) / 2} ${to.cx},${y2}`, lx: (from.cx + to.cx) / 2 + 10, ly: (y1 + y2) / 2, anchor: 'start' }
  }
  if (from.cx !== to.cx) {
    // Back from the side column: into the spine node's right side.
    const y1 = from.cy + h
    const x2 = to.cx + w + 2
    return { d: `M${from.cx + 20},${y1} C${from.cx + 20},${y1 + 24} ${x2 + 30},${to.cy} ${x2},${to.cy}`, lx: from.cx - 40, ly: y1 + 22, anchor: 'start' }
  }
  // Back up the spine: a bow on the left, further out the more rows it spans.
  const level = Math.max(0, -span - 1)
  const x = from.cx - w - BOW - level * BOW_STEP
  return {
    d: `M${from.cx - w},${from.cy} C${x},${from.cy} ${x},${to.cy} ${to.cx - w - 2},${to.cy}`,
    lx: from.cx - w - BOW - 2 * BOW_STEP - 10,
    ly: (from.cy + to.cy) / 2 + (level === 0 ? 0 : 6),
    anchor: 'end',
  }
}

export interface StateChartViewProps {
  readonly chart: StateChartModel
  readonly lang: Lang
  /** Where the lesson stands; null draws the chart alone (the handout). */
  readonly position: ChartPosition | null
  /** Transitions to mark as taken by the lesson (the handout). */
  readonly taken?: ReadonlySet<number>
  /** Nodes open their rules when picked (not on paper). */
  readonly interactive?: boolean
  readonly title?: string
}

/** The chart itself, from props only (the player, the presenter console and the handout share it). */
export function StateChartView({ chart, lang, position, taken, interactive = true, title }: StateChartViewProps) {
  const [picked, setPicked] = useState<string | null>(null)
  const boxes = useMemo(() => new Map(chart.nodes.map((n) => [n.state, boxOf(n)])), [chart])
  const ranks = useMemo(() => new Map(chart.nodes.map((n) => [n.state, n.rank])), [chart])
  const height = TOP * 2 + NODE_H + Math.max(...chart.nodes.map((n) => n.rank)) * ROW
  const current = position?.state ?? null
  const last = position?.transition ?? null
  const label = (state: string) => chart.nodes.find((n) => n.state === state)?.label[lang] ?? state
  const pick = (state: string) => setPicked((p) => (p === state ? null : state))
  const onKey = (state: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      e.stopPropagation() // Space would otherwise play the lesson
      pick(state)
    }
  }
  const lastText = last
    ? ts(lang, 'chartLast', { from: last.from, to: last.to, label: `${last.command === 'sasl-response' ? 'base64' : last.command} ${last.reply}` })
    : position
      ? ts(lang, 'chartNoMove')
      : ''
  return (
    <figure className={`state-chart proto-${chart.protocol}`} data-testid="state-chart" data-protocol={chart.protocol} data-current={current ?? undefined}>
      <figcaption className="state-chart-title">
        {title ?? ts(lang, 'chartTitle')} <span className="muted">({chart.rfc})</span>
      </figcaption>
      {position ? (
        <p className="state-chart-flags" aria-label={ts(lang, 'chartFlags')}>
          <span className={`flag${position.tls ? ' on' : ''}`} data-flag="tls" data-on={position.tls}>
            {ts(lang, 'chartTls')}
          </span>
          {chart.protocol === 'smtp' ? (
            <span className={`flag${position.authenticated ? ' on' : ''}`} data-flag="authenticated" data-on={position.authenticated}>
              {ts(lang, 'chartAuthed')}
            </span>
          ) : null}
        </p>
      ) : null}
      <svg viewBox={`0 0 ${W} ${height}`} className="state-chart-svg" role="group" aria-label={ts(lang, 'chartTitle')}>
        <defs>
          <marker id={`sc-head-${chart.protocol}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="sc-head" />
          </marker>
          <marker id={`sc-head-now-${chart.protocol}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="sc-head-now" />
          </marker>
        </defs>
        {chart.edges.map((e) => {
          const r = route(e, boxes, ranks)
          if (!r) return null
          const now = last !== null && e.transitions.includes(last.id)
          const wasTaken = taken ? e.transitions.some((id) => taken.has(id)) : false
          const lines = e.anyFrom ? [...e.lines, ts(lang, 'chartAny')] : e.lines
          return (
            <g key={e.key} className={`sc-edge${now ? ' now' : ''}${wasTaken ? ' taken' : ''}`} data-from={e.from} data-to={e.to} data-edge={e.label}>
              <path d={r.d} markerEnd={`url(#sc-head${now ? '-now' : ''}-${chart.protocol})`} />
              <text x={r.lx} y={r.ly} textAnchor={r.anchor}>
                {lines.map((l, i) => (
                  <tspan key={l} x={r.lx} dy={i === 0 ? (lines.length > 1 ? -((lines.length - 1) * 14) / 2 : 0) : 14}>
                    {l}
                  </tspan>
                ))}
              </text>
            </g>
          )
        })}
        {chart.nodes.map((n) => {
          const b = boxOf(n)
          const isNow = n.state === current
          const open = picked === n.state
          return (
            <g
              key={n.state}
              className={`sc-node${isNow ? ' now' : ''}${open ? ' open' : ''}${n.state === chart.initial ? ' initial' : ''}`}
              data-state={n.state}
              aria-current={isNow ? 'true' : undefined}
              {...(interactive
                ? {
                    role: 'button',
                    tabIndex: 0,
                    'aria-expanded': open,
                    'aria-label': `${n.state}: ${n.label[lang]}${isNow ? ` (${ts(lang, 'chartCurrent')})` : ''}`,
                    onClick: () => pick(n.state),
                    onKeyDown: onKey(n.state),
                  }
                : {})}
            >
              <rect x={b.cx - NODE_W / 2} y={b.cy - NODE_H / 2} width={NODE_W} height={NODE_H} rx={10} />
              <text x={b.cx} y={b.cy - 3} textAnchor="middle" className="sc-name">
                {n.state}
              </text>
              <text x={b.cx} y={b.cy + 12} textAnchor="middle" className="sc-label">
                {n.label[lang]}
              </text>
            </g>
          )
        })}
      </svg>
      {position ? (
        <p className="state-chart-now" data-testid="state-chart.last">
          <span className="visually-hidden">{ts(lang, 'chartNow', { state: `${position.state} (${label(position.state)})` })} </span>
          {lastText}
        </p>
      ) : null}
      {interactive ? <p className="state-chart-hint muted">{ts(lang, 'chartHint')}</p> : null}
      {taken ? <p className="state-chart-hint muted">{ts(lang, 'chartTaken')}</p> : null}
      {interactive && picked !== null ? (
        <div className="state-chart-details" data-testid="state-chart.details" data-state={picked}>
          <StateRules protocol={chart.protocol} state={picked} lang={lang} testId="state-chart.rules" moves={chart.transitions.filter((t) => t.from === picked)} />
          <button type="button" className="toggle" onClick={() => setPicked(null)}>
            {ts(lang, 'chartClose')}
          </button>
        </div>
      ) : null}
    </figure>
  )
}

/** The live chart of the player and the presenter console: the server of the current step, in its state. */
export default function StateChartPanel() {
  const lang = usePlayer((s) => s.lang)
  const lesson = usePlayer((s) => s.lesson)
  const step = usePlayer((s) => s.step)
  const position = useMemo(() => (lesson ? chartPosition(lesson.timeline, step) : null), [lesson, step])
  if (!position) return null
  return (
    <StateChartView
      key={position.protocol}
      chart={stateChart(position.protocol)}
      lang={lang}
      position={position}
      title={`${ts(lang, 'chartTitle')}: ${position.server.host}`}
    />
  )
}
