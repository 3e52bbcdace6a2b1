import { lazy, memo, Suspense, useEffect, useMemo, useRef } from 'react'
import type * as AnimatedTrackModule from './AnimatedTrack'
import { t } from '../../content/ui'
import type { Lang } from '../../content/types'
import { layoutSequence, type Arrow, type Lane } from '../../layout/sequence'
import type { Actor, Step } from '../../model'
import { useLesson, usePlayer, usePlayerStore } from '../../store/context'
import { exposureOf } from '../../model/eavesdrop'
import { Icon } from '../controls/icons'
import { actorTitle, arrowDetail, arrowLabel, classOf, gapText } from '../format'

type Track = typeof AnimatedTrackModule.default
let LoadedTrack: Track | null = null
const loadAnimatedTrack = () => import('./AnimatedTrack').then((mod) => { LoadedTrack = mod.default; return mod })
const AnimatedTrack = lazy(loadAnimatedTrack)

const pct = (x: number) => `${(x * 100).toFixed(3)}%`

function Lifelines({ actors, lanes, lang }: { actors: readonly Actor[]; lanes: readonly Lane[]; lang: Lang }) {
  const clients = actors.filter((a) => a.role === 'client').length
  return (
    <div className="actors">
      {actors.map((a, i) => (
        <div key={a.id} className={`actor actor-${a.role}${i === 0 ? ' first' : i === actors.length - 1 ? ' last' : ''}`} style={{ left: pct(lanes[i]?.x ?? 0), maxWidth: `calc(${(100 / actors.length).toFixed(2)}% - 12px)` }} data-actor={a.id}>
          <strong>{actorTitle(a, lang, clients)}</strong>
          <span className="host">{a.host}</span>
          <span className="addr">{a.ip}{a.port !== undefined ? `:${a.port}` : ''}</span>
        </div>
      ))}
    </div>
  )
}

interface RowProps { step: Step; arrow: Arrow; lang: Lang; current: boolean; animate: boolean; eaves: boolean; gap: number; onPick: (n: number) => void }

const Row = memo(function Row({ step, arrow, lang, current, animate, eaves, gap, onPick }: RowProps) {
  const cls = classOf(step)
  const exposure = eaves ? exposureOf(step) : null
  // The eavesdropper sees a TLS record's length, never its lines.
  const label = exposure?.kind === 'encrypted' ? t(lang, 'tlsRecord', { octets: exposure.octets }) : arrowLabel(step, lang)
  const exposed = exposure !== null && ['password', 'base64', 'digest', 'message'].includes(exposure.kind)
  const line = (
    <span className="line" aria-hidden="true">
      <svg className="head" viewBox="0 0 10 10" preserveAspectRatio="none"><path d="M0,0 L10,5 L0,10 z" /></svg>
    </span>
  )
  return (
    <li
      className={`row layer-${step.layer}${current ? ' current' : ''}${step.tls ? ' encrypted' : ''}${exposed ? ' exposed' : ''}`}
      data-testid="message"
      data-index={step.index + 1}
      data-from={step.from}
      data-to={step.to}
      data-layer={step.layer}
      data-cls={cls}
      aria-current={current ? 'step' : undefined}
      onClick={() => onPick(step.index + 1)}
    >
      {gap > 0 ? <span className="gap">{gapText(gap, lang)}</span> : null}
      <span className="no" aria-hidden="true">{step.index + 1}</span>
      <div className={`arrow dir-${arrow.direction}`} style={{ left: pct(arrow.left), width: pct(arrow.width) }}>
        <span className="label">
          {step.tls ? <Icon name="lock" size={14} label="TLS" /> : null}
          {exposed ? <Icon name="eye" size={15} label={t(lang, 'eavesdropper')} /> : null}
          <span className="text">{label}</span>
        </span>
        {animate && LoadedTrack ? (
          <LoadedTrack direction={arrow.direction}>{line}</LoadedTrack>
        ) : animate ? (
          <Suspense fallback={<span className="track">{line}</span>}>
            <AnimatedTrack direction={arrow.direction}>{line}</AnimatedTrack>
          </Suspense>
        ) : (
          <span className="track">{line}</span>
        )}
        <span className="detail" aria-hidden="true">{step.layer === 'tcp' || step.layer === 'tls' ? arrowDetail(step) : ''}</span>
      </div>
    </li>
  )
})

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
}

export function Diagram() {
  const store = usePlayerStore()
  const step = usePlayer((s) => s.step)
  const lang = usePlayer((s) => s.lang)
  const eaves = usePlayer((s) => s.view === 'eavesdropper')
  const lesson = useLesson()
  const timeline = lesson?.timeline
  const layout = useMemo(() => (timeline ? layoutSequence(timeline.actors, timeline.steps) : null), [timeline])
  const listRef = useRef<HTMLOListElement>(null)
  const lastStep = useRef(step)

  // Fetch the animation code at the learner's first touch or key, not with the page (the 90 KB budget).
  useEffect(() => {
    if (prefersReducedMotion()) return
    const preload = () => { void loadAnimatedTrack() }
    window.addEventListener('pointerdown', preload, { once: true })
    window.addEventListener('keydown', preload, { once: true })
    return () => { window.removeEventListener('pointerdown', preload); window.removeEventListener('keydown', preload) }
  }, [])

  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>('[aria-current="step"]')
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches
    el?.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' })
  }, [step])
  // Animate only a step taken forward, and never when the learner asked for reduced motion.
  const forward = step > lastStep.current && !prefersReducedMotion()
  useEffect(() => { lastStep.current = step }, [step])

  if (!timeline || !layout) return null
  const pick = (n: number) => { store.getState().pause(); store.getState().goTo(n) }
  return (
    <figure className="diagram" aria-label={t(lang, 'diagramLabel')}>
      <Lifelines actors={timeline.actors} lanes={layout.lanes} lang={lang} />
      <div className="rows-wrap" tabIndex={0} role="region" aria-label={t(lang, 'diagramLabel')}>
        <div className="rows-inner">
        <div className="lanes" aria-hidden="true">
          {layout.lanes.map((l) => <span key={l.id} className="lane" style={{ left: pct(l.x) }} />)}
        </div>
        <ol className="rows" ref={listRef}>
          {timeline.steps.slice(0, step).map((s) => (
            <Row
              key={s.index}
              step={s}
              arrow={layout.arrows[s.index] as Arrow}
              lang={lang}
              current={s.index === step - 1}
              animate={forward && s.index === step - 1}
              eaves={eaves}
              gap={s.index > 0 ? s.time - (timeline.steps[s.index - 1]?.time ?? s.time) : 0}
              onPick={pick}
            />
          ))}
        </ol>
        {step === 0 ? <p className="start-hint">{t(lang, 'startHint')}</p> : null}
        </div>
      </div>
    </figure>
  )
}
