// The server's state chart (CONTRACT.md §7): drawn from lessons/statechart.ts, which reads the engines' own
// tables. The current state is lit (aria-current), the last transition highlighted; a state opens its rules.
// A chunk of its own: the lesson page loads it after first paint (PlayerPage).
import { useMemo, useState, type KeyboardEvent } from 'react'
import { ts } from '../../content/states'
import type { Lang } from '../../content/types'
import { chartPosition, stateChart, type ChartEdge, type ChartPosition, type StateChartModel } from '../../lessons/statechart'
import { usePlayer } from '../../store/context'
import StateRules from './StateRules'

// Geometry in viewBox units, from the chart alone: a spine of nodes, side states beside the one they hang off
// (SMTP's auth), bows on the left for the ways back with their labels in a column of their own, forward labels
// to the right of the spine, and "from any state" arrows coming in from the right edge.
const NODE_MIN_W = 132
const NODE_H = 38
const ROW = 58
const TOP = 10
const BOW = 14
const BOW_STEP = 16
const LINE = 14

/** Rough width of a label in 12 px type: CJK characters are square, Latin monospace about 0.6 em. */
const textWidth = (text: string) => [...text].reduce((n, c) => n + ((c.codePointAt(0) ?? 0) > 0x2e80 ? 12 : 7.3), 0)

interface Box {
  readonly cx: number
  readonly cy: number
}

interface Drawn {
  readonly d: string
  readonly lx: number
  readonly ly: number
  readonly anchor: 'start' | 'end' | 'middle'
  /** Another arrow with the same words to the same state carries the label. */
  readonly quiet?: boolean
}

interface Layout {
  readonly nodeW: number
  readonly width: number
  readonly height: number
  readonly boxes: ReadonlyMap<string, Box>
  readonly routes: ReadonlyMap<string, Drawn>
}

function layoutChart(chart: StateChartModel, lang: Lang): Layout {
  // Wide enough for the longest state name (13.5 px bold monospace) and its label (11 px).
  const nodeW = Math.ceil(Math.max(NODE_MIN_W, ...chart.nodes.map((n) => Math.max(n.state.length * 8.4, textWidth(n.label[lang]) * 0.92) + 14)))
  const w = nodeW / 2
  const h = NODE_H / 2
  const rank = new Map(chart.nodes.map((n) => [n.state, n.rank]))
  const side = new Map(chart.nodes.map((n) => [n.state, n.side]))
  const linesOf = (e: ChartEdge) => (e.anyFrom ? [...e.lines, ts(lang, 'chartAny')] : e.lines)
  const widest = (es: readonly ChartEdge[]) => Math.max(0, ...es.flatMap((e) => linesOf(e).map(textWidth)))
  const spineOnly = (e: ChartEdge) => !e.anyFrom && !side.get(e.from) && !side.get(e.to)
  const span = (e: ChartEdge) => (rank.get(e.to) ?? 0) - (rank.get(e.from) ?? 0)
  const back = chart.edges.filter((e) => spineOnly(e) && span(e) < 0)
  const levels = Math.max(0, ...back.map((e) => -span(e) - 1))
  const labelEnd = back.length > 0 ? 6 + widest(back) : 0
  const spine = labelEnd + (back.length > 0 ? 8 + BOW + levels * BOW_STEP : 12) + w
  const sideEdges = chart.edges.filter((e) => side.get(e.from) || side.get(e.to))
  const sideX = spine + w + Math.max(80, widest(sideEdges) + 20) + w
  const hasSide = chart.nodes.some((n) => n.side)
  const forward = chart.edges.filter((e) => spineOnly(e) && span(e) > 0)
  const anyEdges = chart.edges.filter((e) => e.anyFrom)
  const width = Math.ceil(
    Math.max(
      hasSide ? sideX + w + 4 : 0,
      spine + 10 + widest(forward) + 6,
      spine + w + 46 + widest(forward),
      anyEdges.length > 0 ? spine + w + 24 + widest(anyEdges) : 0,
    ),
  )
  const boxes = new Map(chart.nodes.map((n) => [n.state, { cx: n.side ? sideX : spine, cy: TOP + h + n.rank * ROW }]))
  const height = TOP * 2 + NODE_H + Math.max(...chart.nodes.map((n) => n.rank)) * ROW

  const routes = new Map<string, Drawn>()
  // Ways back with the same words to the same state share one label, on the one that spans most.
  const backOrder = [...back].sort((a, b) => span(a) - span(b))
  for (const e of chart.edges) {
    const to = boxes.get(e.to)
    const from = boxes.get(e.from)
    if (!to) continue
    if (e.anyFrom) {
      routes.set(e.key, { d: `M${width - 2},${to.cy} H${to.cx + w + 2}`, lx: width - 4, ly: to.cy - 8 - (linesOf(e).length - 1) * LINE, anchor: 'end' })
      continue
    }
    if (!from) continue
    const sp = span(e)
    if (side.get(e.to) || side.get(e.from)) {
      // Beside its anchor, in the same row: out above the middle, back below it.
      const out = side.get(e.to) === true
      const y = to.cy + (out ? -8 : 8)
      const x1 = out ? from.cx + w : from.cx - w
      const x2 = out ? to.cx - w - 2 : to.cx + w + 2
      routes.set(e.key, { d: `M${x1},${y} H${x2}`, lx: (x1 + x2) / 2, ly: out ? y - 6 : y + 16, anchor: 'middle' })
      continue
    }
    if (sp === 1) {
      routes.set(e.key, { d: `M${from.cx},${from.cy + h} V${to.cy - h - 2}`, lx: from.cx + 10, ly: (from.cy + to.cy) / 2 + 4, anchor: 'start' })
      continue
    }
    if (sp > 1) {
      // Skipping rows: a bow on the right.
      const x = from.cx + w + 40
      routes.set(e.key, {
        d: `M${from.cx + w},${from.cy} C${x},${from.cy} ${x},${to.cy} ${to.cx + w + 2},${to.cy}`,
        lx: x - 8,
        ly: (from.cy + to.cy) / 2,
        anchor: 'start',
      })
      continue
    }
    // Back up the spine: a bow on the left, further out the more rows it spans.
    const level = Math.max(0, -sp - 1)
    const x = from.cx - w - BOW - level * BOW_STEP
    const twin = backOrder.filter((o) => o.to === e.to && o.label === e.label)
    const carrier = twin[twin.length - 1]
    const top = Math.min(...twin.map((o) => boxes.get(o.to)?.cy ?? 0))
    const bottom = Math.max(...twin.map((o) => boxes.get(o.from)?.cy ?? 0))
    const quiet = carrier !== undefined && carrier.key !== e.key
    routes.set(e.key, {
      d: `M${from.cx - w},${from.cy} C${x},${from.cy} ${x},${to.cy} ${to.cx - w - 2},${to.cy}`,
      lx: labelEnd,
      ly: (top + bottom) / 2 + 4,
      anchor: 'end',
      ...(quiet ? { quiet } : {}),
    })
  }
  return { nodeW, width, height, boxes, routes }
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
  const layout = useMemo(() => layoutChart(chart, lang), [chart, lang])
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
      <div className="state-chart-scroll">
        <svg viewBox={`0 0 ${layout.width} ${layout.height}`} className="state-chart-svg" role="group" aria-label={ts(lang, 'chartTitle')}>
          <defs>
            {(['sc-head', 'sc-head-now'] as const).map((head) => (
              <marker
                key={head}
                id={`${head}-${chart.protocol}`}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerUnits="userSpaceOnUse"
                markerWidth="11"
                markerHeight="11"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" className={head} />
              </marker>
            ))}
          </defs>
          {chart.edges.map((e) => {
            const r = layout.routes.get(e.key)
            if (!r) return null
            const now = last !== null && e.transitions.includes(last.id)
            const wasTaken = taken ? e.transitions.some((id) => taken.has(id)) : false
            const lines = e.anyFrom ? [...e.lines, ts(lang, 'chartAny')] : e.lines
            return (
              <g key={e.key} className={`sc-edge${now ? ' now' : ''}${wasTaken ? ' taken' : ''}`} data-from={e.from} data-to={e.to} data-edge={e.label}>
                <path d={r.d} markerEnd={`url(#sc-head${now ? '-now' : ''}-${chart.protocol})`} />
                {r.quiet ? null : (
                  <text x={r.lx} y={r.ly} textAnchor={r.anchor}>
                    {lines.map((l, i) => (
                      <tspan key={l} x={r.lx} dy={i === 0 ? (e.anyFrom || lines.length === 1 ? 0 : -((lines.length - 1) * LINE) / 2) : LINE}>
                        {l}
                      </tspan>
                    ))}
                  </text>
                )}
              </g>
            )
          })}
          {chart.nodes.map((n) => {
            const b = layout.boxes.get(n.state)
            if (!b) return null
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
                <rect x={b.cx - layout.nodeW / 2} y={b.cy - NODE_H / 2} width={layout.nodeW} height={NODE_H} rx={10} />
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
      </div>
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
          <StateRules
            protocol={chart.protocol}
            state={picked}
            lang={lang}
            testId="state-chart.rules"
            moves={chart.transitions.filter((t) => t.from === picked)}
          />
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
