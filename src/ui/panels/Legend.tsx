import { replyClassCaptions, statusLegend } from '../../content/classes'
import { t } from '../../content/ui'
import type { ReplyClass } from '../../model'
import { useLesson, usePlayer } from '../../store/context'

const CLASSES: ReplyClass[] = ['positive', 'intermediate', 'transient', 'permanent']

/** The reply classes of the protocols on screen: SMTP's four classes, POP3's +OK/-ERR, IMAP's OK/NO/BAD/+. */
export function Legend() {
  const lang = usePlayer((s) => s.lang)
  const protocols = new Set((useLesson()?.timeline.actors ?? []).flatMap((a) => (a.protocol ? [a.protocol] : [])))
  return (
    <section className="panel legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t(lang, 'legendTitle')}</h2>
      <ul>
        {protocols.has('smtp')
          ? CLASSES.map((cls) => (
              <li key={cls} data-cls={cls}>
                <span className="swatch" aria-hidden="true" />
                <span>{replyClassCaptions[cls][lang]}</span>
              </li>
            ))
          : null}
        {(['pop3', 'imap'] as const)
          .filter((p) => protocols.has(p))
          .flatMap((p) =>
            statusLegend[p].map((e) => (
              <li key={`${p}${e.status}`} data-cls={e.cls}>
                <span className="swatch" aria-hidden="true" />
                <span>{e.text[lang]}</span>
              </li>
            )),
          )}
      </ul>
    </section>
  )
}
