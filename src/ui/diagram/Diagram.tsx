import { lazy, memo, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from 'react'
import type * as AnimatedTrackModule from './AnimatedTrack'
import { t } from '../../content/ui'
import type { Lang } from '../../content/types'
import { arrowOf, layoutLanes, pauseBefore, rowOffsets, type Lane, type RowHeights } from '../../layout/sequence'
import type { Actor, Step } from '../../model'
import { useLesson, usePlayer, usePlayerStore } from '../../store/context'
import type { exposureOf as ExposureOf } from '../../model/eavesdrop'
import { Icon } from '../controls/icons'
import { actorTitle, arrowDetail, arrowLabel, classOf, gapText } from '../format'

type Track = typeof AnimatedTrackModule.default
let LoadedTrack: Track | null = null
const loadAnimatedTrack = () =>
  import('./AnimatedTrack').then((mod) => {
    LoadedTrack = mod.default
    return mod
  })
const AnimatedTrack = lazy(loadAnimatedTrack)

const pct = (x: number) => `${(x * 100).toFixed(3)}%`

function Lifelines({ actors, lanes, lang }: { actors: readonly Actor[]; lanes: readonly Lane[]; lang: Lang }) {
  const clients = actors.filter((a) => a.role === 'client').length
  return (
    <div className="actors">
      {actors.map((a, i) => (
        <div
          key={a.id}
          className={`actor actor-${a.role}${i === 0 ? ' first' : i === actors.length - 1 ? ' last' : ''}`}
          style={{ left: pct(lanes[i]?.x ?? 0), maxWidth: `calc(${(100 / actors.length).toFixed(2)}% - 12px)` }}
          data-actor={a.id}
        >
          <strong>{actorTitle(a, lang, clients)}</strong>
          {a.host !== a.ip ? <span className="host">{a.host}</span> : null}
          <span className="addr">
            {a.ip}
            {a.port !== undefined ? `:${a.port}` : ''}
          </span>
        </div>
      ))}
    </div>
  )
}

interface RowProps {
  step: Step
  left: number
  width: number
  direction: 'left' | 'right'
  lang: Lang
  current: boolean
  animate: boolean
  /** The eavesdropper's reading of a step (loaded with the eavesdropper view), or null. */
  eaves: typeof ExposureOf | null
  gap: number
  /** Windowed rows sit at a fixed offset (long sessions); otherwise they flow. */
  top?: number
  /** An older arrow in the projector view, drawn quieter. */
  old?: boolean
  onPick: (n: number) => void
}

// Props are primitives or stored references, so that a step forward re-renders two rows, not all of them.
const Row = memo(function Row({ step, left, width, direction, lang, current, animate, eaves, gap, top, old, onPick }: RowProps) {
  const cls = classOf(step)
  const exposure = eaves ? eaves(step) : null
  // The eavesdropper sees a TLS record's length, never its lines.
  const label = exposure?.kind === 'encrypted' ? t(lang, 'tlsRecord', { octets: exposure.octets }) : arrowLabel(step, lang)
  const exposed = exposure !== null && ['password', 'base64', 'digest', 'message'].includes(exposure.kind)
  // Four elements an arrow: the row, the arrow, its label, its line; the number, the head and the TCP numbers
  // are drawn by CSS from data attributes.
  const line = <span className="line" aria-hidden="true" />
  return (
    <li
      className={`row layer-${step.layer}${step.dropped ? ' dropped' : ''}${current ? ' current' : ''}${step.tls ? ' encrypted' : ''}${exposed ? ' exposed' : ''}${gap > 0 ? ' has-gap' : ''}${old ? ' old' : ''}`}
      data-testid="message"
      data-index={step.index + 1}
      data-from={step.from}
      data-to={step.to}
      data-layer={step.layer}
      data-cls={cls}
      data-dropped={step.dropped ? 'true' : undefined}
      data-check={step.check}
      aria-current={current ? 'step' : undefined}
      style={top === undefined ? undefined : { top }}
      onClick={() => onPick(step.index + 1)}
    >
      {gap > 0 ? <span className="gap">{gapText(gap, lang)}</span> : null}
      <div
        className={`arrow dir-${direction}`}
        style={{ left: pct(left), width: pct(width) }}
        data-detail={step.layer === 'tcp' || step.layer === 'tls' ? arrowDetail(step) : undefined}
      >
        <span className="label">
          {step.tls ? <Icon name="lock" size={14} label="TLS" /> : null}
          {exposed ? <Icon name="eye" size={15} label={t(lang, 'eavesdropper')} /> : null}
          <span className="text">{label}</span>
          {step.dropped ? <span className="dropped-mark">✕ {t(lang, 'droppedHere')}</span> : null}
        </span>
        {animate && LoadedTrack ? (
          <LoadedTrack direction={direction} />
        ) : animate ? (
          <Suspense fallback={line}>
            <AnimatedTrack direction={direction} />
          </Suspense>
        ) : (
          line
        )}
      </div>
    </li>
  )
})

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
}

/** From this many rows on, only the rows in view are in the page (a 10,000-step session steps at 60 fps). */
export const WINDOW_FROM = 300
/** Rows drawn above and below the visible ones, so that scrolling never shows a blank. */
const OVERSCAN = 12

/** Fixed row heights of the windowed list, read from the stylesheet (--row-h, --gap-h). */
function rowHeights(el: Element | null): { row: number; gap: number } {
  const css = el ? getComputedStyle(el) : null
  const px = (name: string, dflt: number) => Number.parseFloat(css?.getPropertyValue(name) ?? '') || dflt
  return { row: px('--row-h', 48), gap: px('--gap-h', 26) }
}

/** How many of the newest arrows keep their colour in the projector view; older ones are drawn quieter. */
const PRESENT_RECENT = 4

/** `present`: the projector view, where every row is windowed and the older rows step back. */
export function Diagram({ variant }: { variant?: 'present' } = {}) {
  const store = usePlayerStore()
  const step = usePlayer((s) => s.step)
  const lang = usePlayer((s) => s.lang)
  const eavesOn = usePlayer((s) => s.view === 'eavesdropper')
  // The eavesdropper's code comes with the eavesdropper view, not with the page.
  const [exposure, setExposure] = useState<typeof ExposureOf | null>(null)
  useEffect(() => {
    if (eavesOn) void import('../../model/eavesdrop').then((m) => setExposure(() => m.exposureOf))
  }, [eavesOn])
  const eaves = eavesOn ? exposure : null
  const timeline = useLesson()?.timeline
  const actors = timeline?.actors
  const lanes = useMemo(() => (actors ? layoutLanes(actors) : null), [actors])
  const wrapRef = useRef<HTMLDivElement>(null)
  const listRef = useRef<HTMLOListElement>(null)
  const [lastStep, setLastStep] = useState(step)
  const [forward, setForward] = useState(false)
  const [view, setView] = useState({ top: 0, height: 800 })
  const [heights, setHeights] = useState<RowHeights>({ row: 48, gap: 26 })
  const present = variant === 'present'
  const windowed = present || step >= WINDOW_FROM
  const steps = timeline?.steps
  // Each row's offset from the top of the list, for the windowed list.
  const [offsetCache, setOffsetCache] = useState<{ steps: readonly Step[]; offsets: Float64Array; h: RowHeights } | null>(null)
  let offsets: Float64Array | null = null
  if (steps && windowed) {
    if (offsetCache?.steps === steps && offsetCache.h === heights) offsets = offsetCache.offsets
    else {
      // A session that grew by a line adds that line's offset, not all of them again.
      offsets = rowOffsets(steps, heights, offsetCache ?? undefined)
      setOffsetCache({ steps, offsets, h: heights })
    }
  }

  // Animate only a step taken forward, and never when the learner asked for reduced motion.
  if (step !== lastStep) {
    setLastStep(step)
    setForward(step > lastStep && !prefersReducedMotion())
  }
  const pick = useCallback((n: number) => store.getState().seek(n), [store])

  // Fetch the animation code at the learner's first touch or key, not with the page (the 90 KB budget).
  useEffect(() => {
    if (prefersReducedMotion()) return
    const preload = () => {
      void loadAnimatedTrack()
    }
    window.addEventListener('pointerdown', preload, { once: true })
    window.addEventListener('keydown', preload, { once: true })
    return () => {
      window.removeEventListener('pointerdown', preload)
      window.removeEventListener('keydown', preload)
    }
  }, [])

  useLayoutEffect(() => {
    if (!windowed) return
    const h = rowHeights(listRef.current)
    setHeights((old) => (old.row === h.row && old.gap === h.gap ? old : h))
  }, [windowed])

  // Keep the current arrow in view (not in a course page: the embed is as tall as its content, and scrolling
  // there would move the host's page).
  const embedded = usePlayer((s) => s.embed !== null)
  useEffect(() => {
    const wrap = wrapRef.current
    if (!wrap || embedded) return
    const reduce = prefersReducedMotion()
    if (offsets) {
      const y0 = offsets[step - 1] ?? 0
      const y1 = offsets[step] ?? 0
      if (y0 < wrap.scrollTop || y1 > wrap.scrollTop + wrap.clientHeight - 24)
        wrap.scrollTo({ top: Math.max(0, y1 - wrap.clientHeight + 40), behavior: 'auto' })
      return
    }
    const el = listRef.current?.querySelector<HTMLElement>('[aria-current="step"]')
    if (!el) return
    // Whether the arrow is in view is learned from the frame's own layout (an IntersectionObserver), not by forcing
    // a layout in the key press (≈5 ms a step, issue 12): the view follows one frame later when it must.
    const io = new IntersectionObserver(
      ([entry]) => {
        io.disconnect()
        if (entry && entry.intersectionRatio < 0.99) el.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' })
      },
      { root: wrap, threshold: [0, 0.99] },
    )
    io.observe(el)
    return () => io.disconnect()
  }, [step, offsets, embedded])

  // The windowed list follows the scroll position, once a frame at most.
  useEffect(() => {
    const wrap = wrapRef.current
    if (!wrap || !windowed) return
    let frame = 0
    const measure = () => {
      frame = 0
      setView({ top: wrap.scrollTop, height: wrap.clientHeight })
      // The row height follows the stylesheet, which changes with the window (a projector, a phone).
      const h = rowHeights(listRef.current)
      setHeights((old) => (old.row === h.row && old.gap === h.gap ? old : h))
    }
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(measure)
    }
    measure()
    wrap.addEventListener('scroll', onScroll, { passive: true })
    const ro = new ResizeObserver(onScroll)
    ro.observe(wrap)
    return () => {
      wrap.removeEventListener('scroll', onScroll)
      ro.disconnect()
      cancelAnimationFrame(frame)
    }
  }, [windowed])

  if (!timeline || !lanes || !steps) return null
  let first = 0
  let last = step
  if (offsets) {
    first = Math.max(0, firstAtOrBelow(offsets, view.top) - OVERSCAN)
    last = Math.min(step, firstAtOrBelow(offsets, view.top + view.height) + OVERSCAN + 1)
  }
  const rows: ReactElement[] = []
  for (let i = first; i < last; i++) {
    const s = steps[i] as Step
    const arrow = arrowOf(lanes, s)
    rows.push(
      <Row
        key={i}
        step={s}
        left={arrow.left}
        width={arrow.width}
        direction={arrow.direction}
        lang={lang}
        current={i === step - 1}
        animate={forward && i === step - 1}
        eaves={eaves}
        gap={pauseBefore(steps, i)}
        {...(offsets ? { top: offsets[i] ?? 0 } : {})}
        {...(present && i < step - PRESENT_RECENT ? { old: true } : {})}
        onPick={pick}
      />,
    )
  }
  return (
    <figure
      className={`diagram${present ? ' on-projector' : ''}`}
      aria-label={t(lang, 'diagramLabel')}
      style={{ ['--lanes' as string]: timeline.actors.length }}
    >
      <Lifelines actors={timeline.actors} lanes={lanes} lang={lang} />
      <div className="rows-wrap" ref={wrapRef} tabIndex={0} role="region" aria-label={t(lang, 'diagramLabel')}>
        <div className="rows-inner">
          <div className="lanes" aria-hidden="true">
            {lanes.map((l) => (
              <span key={l.id} className="lane" style={{ left: pct(l.x) }} />
            ))}
          </div>
          <ol className={`rows${offsets ? ' windowed' : ''}`} ref={listRef} style={offsets ? { height: offsets[step] ?? 0 } : undefined}>
            {rows}
          </ol>
          {step === 0 ? <p className="start-hint">{t(lang, 'startHint')}</p> : null}
        </div>
      </div>
    </figure>
  )
}

/** The index of the row at height y (binary search over the offsets). */
function firstAtOrBelow(offsets: Float64Array, y: number): number {
  let lo = 0
  let hi = offsets.length - 2
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((offsets[mid] ?? 0) <= y) lo = mid
    else hi = mid - 1
  }
  return Math.max(0, lo)
}
