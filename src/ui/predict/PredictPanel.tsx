// Predict-the-reply: before each server reply the learner picks what comes back; then the reply shows.
import { useEffect, useMemo, useState } from 'react'
import { tm } from '../../content/modes'
import { useLesson, usePlayer, usePlayerStore, useTotal } from '../../store/context'
import { answerOf, choicesFor, isQuestion, scoreOf } from '../../store/predict'
import { totalOf } from '../../store/player'
import { bestFor, loadScores, saveBest, type LoadedScores } from '../../store/scores'

function storage() {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

/**
 * The saved scores, read once per page. Reading resets a broken entry (a side effect), and React may call a state
 * initializer again when it restarts a render on a busy machine: the second read would no longer see the reset.
 */
let firstRead: LoadedScores | null = null
const savedOnce = (): LoadedScores => (firstRead ??= loadScores(storage()))

export default function PredictPanel() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const step = usePlayer((s) => s.step)
  const total = useTotal()
  const answers = usePlayer((s) => s.answers)
  const lesson = useLesson()
  const steps = useMemo(() => lesson?.timeline.steps ?? [], [lesson])
  const [saved, setSaved] = useState<LoadedScores>(savedOnce)
  const question = step < total && isQuestion(steps[step]) && answers[step] === undefined ? step : -1
  const lastAnswered = step > 0 && answers[step - 1] !== undefined ? step - 1 : -1
  const done = step >= total && total > 0
  const score = scoreOf(steps, answers)
  const id = lesson?.id ?? ''

  // Save the score once, when the lesson is finished (the moment the cursor reaches its end).
  useEffect(
    () =>
      store.subscribe((now, before) => {
        const end = (x: typeof now) => x.lesson !== null && x.step >= totalOf(x) && totalOf(x) > 0
        if (!end(now) || end(before) || !now.lesson) return
        setSaved(saveBest(storage(), now.lesson.id, scoreOf(now.lesson.timeline.steps, now.answers)))
      }),
    [store],
  )

  // Keys 1–4 pick a choice, for a class answering together with a clicker or keyboard.
  useEffect(() => {
    if (question < 0) return
    const choices = choicesFor(steps, question)
    const onKey = (e: KeyboardEvent) => {
      const el = e.target instanceof HTMLElement ? e.target : null
      if (el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA')) return
      const n = Number(e.key)
      const pick = Number.isInteger(n) && n >= 1 ? choices[n - 1] : undefined
      if (pick !== undefined) {
        e.preventDefault()
        store.getState().answer(pick)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [question, steps, store])

  const best = bestFor(saved.best, id, score.total)
  const prev = question > 0 ? steps[question - 1] : undefined
  return (
    <section className="panel predict-panel" aria-labelledby="predict-title" data-testid="predict">
      <h2 id="predict-title">{tm(lang, 'predictTitle')}</h2>
      {saved.reset ? (
        <p className="note" role="alert">
          {tm(lang, 'predictReset')}
        </p>
      ) : null}
      {step === 0 && question < 0 ? <p>{tm(lang, 'predictIntro')}</p> : null}
      <div role="status" aria-live="polite">
        {lastAnswered >= 0 && steps[lastAnswered] ? (
          answers[lastAnswered] === answerOf(steps[lastAnswered]) ? (
            <p className="verdict right" data-testid="predict.verdict" data-correct="true">
              ✓ {tm(lang, 'predictRight', { answer: answerOf(steps[lastAnswered]) })}
            </p>
          ) : (
            <p className="verdict wrong" data-testid="predict.verdict" data-correct="false">
              ✗ {tm(lang, 'predictWrong', { mine: answers[lastAnswered] ?? '', answer: answerOf(steps[lastAnswered]) })}
            </p>
          )
        ) : null}
        {done ? (
          <p className="score" data-testid="predict.score" data-correct={score.correct} data-total={score.total}>
            <strong>{tm(lang, 'predictScore', { ...score })}</strong>
            {best ? <span> · {tm(lang, 'predictBest', { ...best })}</span> : null}
          </p>
        ) : null}
      </div>
      {question >= 0 ? (
        <div className="question">
          <p>
            <strong>{tm(lang, 'predictAsk')}</strong>
          </p>
          {prev && prev.lines[0] !== undefined && prev.layer !== 'tcp' && prev.layer !== 'tls' ? (
            <p className="asked">
              {tm(lang, 'predictAfter')}: <code>{prev.lines[0]}</code>
            </p>
          ) : null}
          <div className="choices" role="group" aria-label={tm(lang, 'predictAsk')}>
            {choicesFor(steps, question).map((c, i) => (
              <button
                key={c}
                type="button"
                className="choice"
                data-testid="predict.choice"
                data-value={c}
                aria-keyshortcuts={String(i + 1)}
                onClick={() => store.getState().answer(c)}
              >
                <span className="key" aria-hidden="true">
                  {i + 1}
                </span>
                {c}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      {done ? (
        <button type="button" className="toggle" onClick={() => store.getState().first()}>
          {tm(lang, 'predictAgain')}
        </button>
      ) : null}
    </section>
  )
}
