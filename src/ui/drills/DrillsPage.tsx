// Exam drills: the article's past exam questions in our own words, each linked to the step that answers it.
import { useEffect, useState } from 'react'
import { checkDrill, DRILLS, drillStepNumber, type Drill } from '../../content/drills'
import { tm } from '../../content/modes'
import type { Lang } from '../../content/types'
import { usePlayer } from '../../store/context'
import { loadLesson } from '../../store/loader'
import { hrefFor } from '../pages'

function useStepOf(d: Drill): number | null {
  const [n, setN] = useState<number | null>(null)
  useEffect(() => {
    let alive = true
    loadLesson(d.link.scenario, 'ja').then(
      (c) => {
        if (alive) setN(drillStepNumber(d.link, c.timeline.steps))
      },
      () => {
        if (alive) setN(null)
      },
    )
    return () => {
      alive = false
    }
  }, [d])
  return n
}

function DrillCard({ d, lang }: { d: Drill; lang: Lang }) {
  const [picked, setPicked] = useState<string | null>(null)
  const [checked, setChecked] = useState(false)
  const step = useStepOf(d)
  const verdict = checkDrill(d, picked)
  return (
    <li className="drill" data-testid="drill" data-id={d.id}>
      <p className="drill-source">
        {tm(lang, 'drillsSource')}: {d.source}
      </p>
      <fieldset>
        <legend>{d.question[lang]}</legend>
        {d.choices.map((c) => (
          <label key={c.id} className="drill-choice">
            <input
              type="radio"
              name={d.id}
              value={c.id}
              checked={picked === c.id}
              onChange={() => {
                setPicked(c.id)
                setChecked(false)
              }}
            />
            <span>{c.text[lang]}</span>
          </label>
        ))}
      </fieldset>
      <button type="button" className="toggle" data-testid="drill.check" onClick={() => setChecked(true)}>
        {tm(lang, 'drillsCheck')}
      </button>
      <div role="status" aria-live="polite">
        {checked && verdict.kind === 'unanswered' ? <p>{tm(lang, 'drillsPick')}</p> : null}
        {checked && verdict.kind !== 'unanswered' ? (
          <div className={`verdict ${verdict.kind}`} data-testid="drill.verdict" data-correct={verdict.kind === 'right'}>
            <p>{verdict.kind === 'right' ? tm(lang, 'drillsRight') : tm(lang, 'drillsWrong', { answer: verdict.answer?.text[lang] ?? '' })}</p>
            <p className="drill-explain">{d.explanation[lang]}</p>
            {step !== null ? (
              <a href={hrefFor('play', { scenario: d.link.scenario, step: String(step), lang })} data-testid="drill.link">
                {tm(lang, 'drillsOpen')}
              </a>
            ) : null}
          </div>
        ) : null}
      </div>
    </li>
  )
}

export default function DrillsPage() {
  const lang = usePlayer((s) => s.lang)
  return (
    <main className="drills" data-testid="drills">
      <h2>{tm(lang, 'drillsTitle')}</h2>
      <p>{tm(lang, 'drillsIntro')}</p>
      <ol>
        {DRILLS.map((d) => (
          <DrillCard key={d.id} d={d} lang={lang} />
        ))}
      </ol>
    </main>
  )
}
