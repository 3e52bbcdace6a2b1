// The projector view (CONTRACT.md §4): the diagram and the caption in large type, no page chrome, keys for a
// clicker (PageDown/PageUp), a blank screen (b or .), full screen (f), phase jumps (] [, Shift+PageDown/Up),
// and predict-the-reply for a class voting by a show of hands.
import { useEffect } from 'react'
import { tm } from '../../content/modes'
import { t } from '../../content/ui'
import { useCurrentStep, useLesson, usePlayer, usePlayerStore, useTotal } from '../../store/context'
import { phaseOnScreen, waitingForAnswer } from '../../store/player'
import { choicesFor } from '../../store/predict'
import { Scrubber, PHASE_LABEL } from '../controls/Scrubber'
import { Diagram } from '../diagram/Diagram'
import { arrowLabel } from '../format'

/** Keys that step forward; at a hidden reply in predict mode they reveal it. */
const FORWARD = new Set(['ArrowRight', 'PageDown', ' '])

export default function PresentPage() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const step = usePlayer((s) => s.step)
  const blank = usePlayer((s) => s.blank)
  const waiting = usePlayer(waitingForAnswer)
  const total = useTotal()
  const lesson = useLesson()
  const current = useCurrentStep()
  const phase = usePlayer(phaseOnScreen)

  // Before the global keys (capture phase): a blanked screen takes any key to come back, and nothing else moves.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return
      const s = store.getState()
      if (e.key === 'b' || e.key === 'B' || e.key === '.') {
        e.preventDefault()
        e.stopImmediatePropagation()
        s.setBlank(!s.blank)
        return
      }
      if (s.blank) {
        if (e.key === 'Shift' || e.key === 'Control' || e.key === 'Alt' || e.key === 'Meta') return
        e.preventDefault()
        e.stopImmediatePropagation()
        s.setBlank(false)
        return
      }
      if (e.key === 'f' || e.key === 'F') {
        e.preventDefault()
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => {})
        else void document.documentElement.requestFullscreen?.().catch(() => {})
        return
      }
      // In predict mode the presenter's next step reveals the hidden reply.
      if (FORWARD.has(e.key) && !e.shiftKey && waitingForAnswer(s)) {
        e.preventDefault()
        e.stopImmediatePropagation()
        s.syncTo(s.step + 1)
      }
    }
    window.addEventListener('keydown', onKey, { capture: true })
    return () => window.removeEventListener('keydown', onKey, { capture: true })
  }, [store])

  const steps = lesson?.timeline.steps ?? []
  const asked = waiting && step > 0 ? steps[step - 1] : undefined
  return (
    <main className="present" data-testid="present" aria-label={lesson?.title[lang] ?? ''}>
      <h1 className="present-title">{lesson?.title[lang] ?? ''}</h1>
      <div className="present-stage">
        <Diagram variant="present" />
      </div>
      <section className="present-caption" aria-label={t(lang, 'captionTitle')}>
        <div data-testid="caption" role="status" aria-live="polite" aria-atomic="true" className="caption" data-step={step}>
          {waiting ? (
            <div className="present-question">
              <p className="present-ask">{tm(lang, 'presentAsk')}</p>
              {asked && asked.layer !== 'tcp' && asked.layer !== 'tls' ? (
                <p className="present-asked">
                  {tm(lang, 'presentAfter')}: <code>{arrowLabel(asked, lang)}</code>
                </p>
              ) : null}
              <ol className="present-choices">
                {choicesFor(steps, step).map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ol>
            </div>
          ) : current ? (
            <>
              <p className="caption-text">{lesson?.captions[current.index]?.[lang] ?? ''}</p>
              {current.note ? <p className="caption-note">{current.note[lang]}</p> : null}
            </>
          ) : (
            <p className="caption-text">{lesson?.summary[lang] ?? ''}</p>
          )}
        </div>
      </section>
      <footer className="present-bar">
        <output className="counter" data-testid="step-counter" data-step={step} data-total={total}>
          {t(lang, 'stepOf', { n: step, total })}
          {phase ? ` · ${t(lang, PHASE_LABEL[phase])}` : ''}
        </output>
        <Scrubber />
        <p className="present-keys">{tm(lang, 'presentKeys')}</p>
      </footer>
      {blank ? <div className="blackout" data-testid="present.blackout" role="status" aria-label={tm(lang, 'presentBlanked')} /> : null}
    </main>
  )
}
