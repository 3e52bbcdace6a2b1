import { replyClassCaptions } from '../../content/classes'
import { t } from '../../content/ui'
import type { ReplyClass } from '../../model'
import { usePlayer } from '../../store/context'

const CLASSES: ReplyClass[] = ['positive', 'intermediate', 'transient', 'permanent']

export function Legend() {
  const lang = usePlayer((s) => s.lang)
  return (
    <section className="panel legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t(lang, 'legendTitle')}</h2>
      <ul>
        {CLASSES.map((cls) => (
          <li key={cls} data-cls={cls}>
            <span className="swatch" aria-hidden="true" />
            <span>{replyClassCaptions[cls][lang]}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
