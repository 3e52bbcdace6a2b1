// "Share / Embed": a deep link, an iframe snippet and a web-component snippet for a course page, with a live
// preview of the chosen options (lesson, range of steps, language, theme, controls). Every snippet carries a
// title, loads lazily, and holds a plain link as fallback content.
import { useEffect, useId, useRef, useState } from 'react'
import { tm } from '../../content/modes'
import type { Lang } from '../../content/types'
import { LESSONS } from '../../store/lessons'
import { usePlayer } from '../../store/context'
import { totalOf } from '../../store/player'
import { hrefFor } from '../pages'

type Theme = 'light' | 'dark' | 'projector'
type Controls = 'full' | 'min' | 'none'

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function Copy({ text, label, testId, lang }: { text: string; label: string; testId: string; lang: Lang }) {
  const [done, setDone] = useState<'ok' | 'fail' | null>(null)
  return (
    <div className="share-copy">
      <label>
        <span>{label}</span>
        <textarea readOnly value={text} rows={text.length > 120 ? 4 : 1} data-testid={`${testId}.text`} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button
        type="button"
        className="toggle"
        data-testid={testId}
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setDone('ok'),
            () => setDone('fail'),
          )
        }}
      >
        {tm(lang, 'shareCopy')}
      </button>
      <span role="status" className="share-done">
        {done === 'ok' ? tm(lang, 'shareCopied') : done === 'fail' ? tm(lang, 'shareCopyFailed') : ''}
      </span>
    </div>
  )
}

export default function ShareDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null)
  const lang = usePlayer((s) => s.lang)
  const current = usePlayer((s) => s.scenarioId)
  const total = usePlayer(totalOf)
  const sandbox = usePlayer((s) => s.page === 'sandbox')
  const id = useId()
  const [scenario, setScenario] = useState(sandbox ? (LESSONS[0]?.id ?? '') : current)
  const [from, setFrom] = useState(0)
  const [to, setTo] = useState(0)
  const [viewLang, setViewLang] = useState<Lang>(lang)
  const [theme, setTheme] = useState<Theme>('light')
  const [controls, setControls] = useState<Controls>('full')

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])

  const base = new URL('./', window.location.href)
  base.search = ''
  base.hash = ''
  // The sandbox shares its own session (its address holds it); a lesson shares the lesson with the options.
  const title = sandbox ? tm(lang, 'shareSandboxTitle') : (LESSONS.find((l) => l.id === scenario)?.title[viewLang] ?? scenario)
  const lessonParams: Record<string, string | null> = { scenario, lang: viewLang, from: from > 0 ? String(from) : null, to: to > 0 ? String(to) : null }
  const deep = sandbox ? window.location.href : new URL(hrefFor('play', { scenario, step: from > 0 ? String(from) : null, lang: viewLang }), base).href
  const embedUrl = (() => {
    const u = sandbox ? new URL(window.location.href) : new URL(hrefFor('play', lessonParams), base)
    u.searchParams.set('embed', '1')
    u.searchParams.set('lang', viewLang)
    if (theme !== 'light') u.searchParams.set('theme', theme)
    if (controls !== 'full') u.searchParams.set('controls', controls)
    return u.href
  })()
  const iframe = `<iframe src="${escapeAttr(embedUrl)}" title="${escapeAttr(title)}" loading="lazy" style="width:100%;height:560px;border:0" allow="fullscreen"><a href="${escapeAttr(deep)}">${escapeAttr(title)}</a></iframe>`
  const attrs = [
    `scenario="${escapeAttr(scenario)}"`,
    `lang="${viewLang}"`,
    ...(from > 0 ? [`from="${from}"`] : []),
    ...(to > 0 ? [`to="${to}"`] : []),
    ...(theme !== 'light' ? [`theme="${theme}"`] : []),
    ...(controls !== 'full' ? [`controls="${controls}"`] : []),
    `title="${escapeAttr(title)}"`,
  ]
  const component = `<script type="module" src="${escapeAttr(new URL('embed.js', base).href)}"></script>\n<mail-sequence ${attrs.join(' ')}><a href="${escapeAttr(deep)}">${escapeAttr(title)}</a></mail-sequence>`

  return (
    <dialog ref={ref} className="share-dialog" aria-labelledby={`${id}-title`} onClose={onClose} data-testid="share.dialog">
      <div className="share-head">
        <h2 id={`${id}-title`}>{tm(lang, 'shareTitle')}</h2>
        <button type="button" className="toggle" onClick={() => ref.current?.close()} data-testid="share.close">
          {tm(lang, 'shareClose')}
        </button>
      </div>
      <div className="share-grid">
        <form className="share-options" onSubmit={(e) => e.preventDefault()}>
          {sandbox ? null : (
            <label>
              {tm(lang, 'shareLesson')}
              <select value={scenario} onChange={(e) => setScenario(e.target.value)} data-testid="share.scenario">
                {LESSONS.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.title[lang]}
                  </option>
                ))}
              </select>
            </label>
          )}
          {sandbox ? null : (
            <>
              <label>
                {tm(lang, 'shareFrom')}
                <input
                  type="number"
                  min={0}
                  max={scenario === current ? total : undefined}
                  value={from}
                  onChange={(e) => setFrom(Math.max(0, Math.trunc(Number(e.target.value) || 0)))}
                  data-testid="share.from"
                />
              </label>
              <label>
                {tm(lang, 'shareTo')}
                <input
                  type="number"
                  min={0}
                  max={scenario === current ? total : undefined}
                  value={to}
                  onChange={(e) => setTo(Math.max(0, Math.trunc(Number(e.target.value) || 0)))}
                  data-testid="share.to"
                />
              </label>
            </>
          )}
          <label>
            {tm(lang, 'shareLang')}
            <select value={viewLang} onChange={(e) => setViewLang(e.target.value === 'en' ? 'en' : 'ja')} data-testid="share.lang">
              <option value="ja">日本語</option>
              <option value="en">English</option>
            </select>
          </label>
          <label>
            {tm(lang, 'shareTheme')}
            <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)} data-testid="share.theme">
              <option value="light">{tm(lang, 'themeLight')}</option>
              <option value="dark">{tm(lang, 'themeDark')}</option>
              <option value="projector">{tm(lang, 'themeProjector')}</option>
            </select>
          </label>
          <label>
            {tm(lang, 'shareControls')}
            <select value={controls} onChange={(e) => setControls(e.target.value as Controls)} data-testid="share.controls">
              <option value="full">{tm(lang, 'controlsFull')}</option>
              <option value="min">{tm(lang, 'controlsMin')}</option>
              <option value="none">{tm(lang, 'controlsNone')}</option>
            </select>
          </label>
        </form>
        <div className="share-preview">
          <p className="muted">{tm(lang, 'sharePreview')}</p>
          <iframe src={embedUrl} title={title} loading="lazy" data-testid="share.preview" />
        </div>
      </div>
      <Copy text={deep} label={tm(lang, 'shareLink')} testId="share.copy-link" lang={lang} />
      <Copy text={iframe} label={tm(lang, 'shareIframe')} testId="share.copy-iframe" lang={lang} />
      <Copy text={component} label={tm(lang, 'shareComponent')} testId="share.copy-component" lang={lang} />
    </dialog>
  )
}
