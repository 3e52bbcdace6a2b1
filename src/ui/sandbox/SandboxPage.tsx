// The telnet-like sandbox: pick a server, type lines, and watch the same engine answer on the diagram.
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react'
import { captionOf } from '../../content'
import { tm } from '../../content/modes'
import type { Lang } from '../../content/types'
import { buildTimeline, toBase64, type Protocol } from '../../model'
import { IMAP_COMMANDS } from '../../model/imap/commands'
import { apopDigest } from '../../model/pop3/apop'
import { usePlayer, usePlayerStore } from '../../store/context'
import { Controls } from '../controls/Controls'
import { Diagram } from '../diagram/Diagram'
import { CaptionPanel } from '../panels/CaptionPanel'
import { StatePanel } from '../panels/StatePanel'
import { WirePanel } from '../panels/WirePanel'
import { decodeEntries, encodeEntries, parseSetup, PORTS_BY_PROTOCOL, PRESETS, specOf, statusOf, writeSetup, type Entry, type PresetId, type SandboxSetup } from './session'

const TITLE = { ja: 'サンドボックス', en: 'Sandbox' }
/** A line that starts with a command word has no tag yet (a tag is any other atom, RFC 9051 §2.2.1). */
const IMAP_VERBS = new Set(IMAP_COMMANDS.map((c) => c.split(' ')[0]))
const SUMMARY = { ja: '自分で入力したセッションです。', en: 'A session you typed yourself.' }

function initial(): { setup: SandboxSetup; entries: Entry[]; badLink: boolean } {
  const p = new URLSearchParams(window.location.search)
  const entries = decodeEntries(p.get('s'))
  return { setup: parseSetup(p), entries: entries ?? [], badLink: entries === null }
}

function Setup({ setup, onChange, lang }: { setup: SandboxSetup; onChange: (s: SandboxSetup) => void; lang: Lang }) {
  const smtp = setup.protocol === 'smtp'
  return (
    <fieldset className="sandbox-setup">
      <legend>{tm(lang, 'sandboxTitle')}</legend>
      <label>{tm(lang, 'sandboxProtocol')}{' '}
        <select data-testid="sandbox.protocol" value={setup.protocol} onChange={(e) => {
          const protocol = e.target.value as Protocol
          onChange({ ...setup, protocol, port: PORTS_BY_PROTOCOL[protocol][0] ?? 25 })
        }}>
          <option value="smtp">SMTP</option><option value="pop3">POP3</option><option value="imap">IMAP</option>
        </select>
      </label>
      <label>{tm(lang, 'sandboxPort')}{' '}
        <select data-testid="sandbox.port" value={setup.port} onChange={(e) => onChange({ ...setup, port: Number(e.target.value) })}>
          {PORTS_BY_PROTOCOL[setup.protocol].map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </label>
      {smtp ? <label><input type="checkbox" checked={setup.trusted} onChange={(e) => onChange({ ...setup, trusted: e.target.checked })} /> {tm(lang, 'sandboxTrusted')}</label> : null}
      <label><input type="checkbox" checked={setup.starttls} onChange={(e) => onChange({ ...setup, starttls: e.target.checked })} /> {tm(lang, 'sandboxStarttls')}</label>
      <label><input type="checkbox" checked={setup.requireTls} onChange={(e) => onChange({ ...setup, requireTls: e.target.checked })} /> {tm(lang, 'sandboxRequireTls')}</label>
      {smtp ? <label><input type="checkbox" checked={setup.greylist} onChange={(e) => onChange({ ...setup, greylist: e.target.checked })} /> {tm(lang, 'sandboxGreylist')}</label> : null}
      <label>{tm(lang, 'sandboxPreset')}{' '}
        <select data-testid="sandbox.preset" value={setup.preset} onChange={(e) => onChange({ ...setup, preset: e.target.value as PresetId })}>
          {(Object.keys(PRESETS) as PresetId[]).map((id) => <option key={id} value={id}>{PRESETS[id].hostname}</option>)}
        </select>
      </label>
      <p className="muted" data-testid="sandbox.users">
        {tm(lang, 'sandboxUsers', {
          users: Object.entries(PRESETS[setup.preset].users).map(([u, p]) => `${u} / ${p}`).join(', '),
          domains: PRESETS[setup.preset].domains.join(', '),
          aliases: Object.entries(PRESETS[setup.preset].aliases).map(([a, t]) => `${a} → ${t.join(', ')}`).join('; '),
        })}
      </p>
    </fieldset>
  )
}

function Helpers({ lang, protocol, greeting, onInsert, tagOn, setTagOn, nextTag, account }: {
  lang: Lang; protocol: Protocol; account: readonly [string, string]; greeting: string; onInsert: (s: string) => void; tagOn: boolean; setTagOn: (b: boolean) => void; nextTag: string
}) {
  const [text, setText] = useState('')
  const [user, setUser] = useState(account[0])
  const [pass, setPass] = useState(account[1])
  const stamp = /<[^<>]*>/.exec(greeting)?.[0]
  return (
    <details className="sandbox-helpers">
      <summary>{tm(lang, 'sandboxHelpers')}</summary>
      <div className="helper">
        <label>{tm(lang, 'sandboxB64')}: <input value={text} onChange={(e) => setText(e.target.value)} aria-label={tm(lang, 'sandboxText')} /></label>
        <output data-testid="helper.base64">{text ? toBase64(text) : ''}</output>
        {text ? <button type="button" className="toggle" onClick={() => onInsert(toBase64(text))}>{tm(lang, 'sandboxInsert')}</button> : null}
      </div>
      <div className="helper">
        <label>{tm(lang, 'sandboxUser')} <input value={user} onChange={(e) => setUser(e.target.value)} /></label>
        <label>{tm(lang, 'sandboxPassword')} <input value={pass} onChange={(e) => setPass(e.target.value)} /></label>
        {protocol === 'smtp' ? (
          <button type="button" className="toggle" data-testid="helper.authplain" onClick={() => onInsert(`AUTH PLAIN ${toBase64(`\0${user}\0${pass}`)}`)}>{tm(lang, 'sandboxAuthPlain')}</button>
        ) : null}
        {protocol === 'pop3' ? (
          stamp
            ? <button type="button" className="toggle" data-testid="helper.apop" onClick={() => onInsert(`APOP ${user} ${apopDigest(stamp, pass)}`)}>{tm(lang, 'sandboxApop')}</button>
            : <p className="muted">{tm(lang, 'sandboxNoStamp')}</p>
        ) : null}
        {protocol === 'imap' ? (
          <label><input type="checkbox" data-testid="helper.tags" checked={tagOn} onChange={(e) => setTagOn(e.target.checked)} /> {tm(lang, 'sandboxTag', { tag: nextTag })}</label>
        ) : null}
      </div>
    </details>
  )
}

export default function SandboxPage() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const first = useMemo(initial, [])
  const [setup, setSetup] = useState(first.setup)
  const [entries, setEntries] = useState<Entry[]>(first.entries)
  const [input, setInput] = useState('')
  const [history, setHistory] = useState<{ items: string[]; at: number }>({ items: first.entries.filter((e): e is string => typeof e === 'string'), at: -1 })
  const [message, setMessage] = useState<string | null>(first.badLink ? tm(lang, 'sandboxBadUrl') : null)
  const [tagOn, setTagOn] = useState(true)
  const [copied, setCopied] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)

  const timeline = useMemo(() => buildTimeline(specOf(setup, entries)), [setup, entries])
  const status = statusOf(timeline)
  const tagsUsed = entries.filter((e) => typeof e === 'string' && /^a\d+ /.test(e)).length
  const nextTag = `a${tagsUsed + 1}`

  // Show it on the diagram (the cursor at the newest step) and keep the session in the address bar.
  useEffect(() => {
    store.getState().showCompiled({ id: 'sandbox', title: TITLE, summary: SUMMARY, timeline, captions: timeline.steps.map((s) => captionOf(s) ?? null) })
    const p = new URLSearchParams(window.location.search)
    writeSetup(p, setup)
    if (entries.length > 0) p.set('s', encodeEntries(entries))
    else p.delete('s')
    p.delete('scenario')
    p.delete('step')
    window.history.replaceState(null, '', `?${p.toString()}`)
  }, [store, timeline, setup, entries])

  const changeSetup = (s: SandboxSetup) => { setSetup(s); setEntries([]); setMessage(null) }

  const send = (raw: string) => {
    const lines = raw.split(/\r?\n/)
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
    let next = [...entries]
    let note: string | null = null
    // Pasted commands travel in one segment where the server advertised PIPELINING (RFC 2920 §3),
    // up to and including DATA; what follows DATA is the message, sent line by line.
    const before = statusOf(buildTimeline(specOf(setup, next)))
    if (lines.length > 1 && setup.protocol === 'smtp' && before.open && before.pipelining && before.state !== 'data' && before.state !== 'auth') {
      const cut = lines.findIndex((l) => /^DATA\s*$/i.test(l))
      const group = cut < 0 ? lines : lines.slice(0, cut + 1)
      next = [...next, { p: group }]
      lines.splice(0, group.length)
    }
    for (let line of lines) {
      const st = statusOf(buildTimeline(specOf(setup, next)))
      if (!st.open) { note = tm(lang, 'sandboxClosed'); break }
      if (setup.protocol === 'smtp' && st.state === 'data' && line.startsWith('.') && line !== '.') {
        // A mail client doubles a leading dot so the line cannot end the message (RFC 5321 §4.5.2).
        line = `.${line}`
        note = tm(lang, 'sandboxStuffed')
      }
      if (setup.protocol === 'imap' && tagOn && !st.awaitingContinuation && IMAP_VERBS.has((line.trim().split(' ')[0] ?? '').toUpperCase())) {
        const n = next.filter((e) => typeof e === 'string' && /^a\d+ /.test(e)).length + 1
        line = `a${n} ${line}`
      }
      next = [...next, line]
    }
    setEntries(next)
    setMessage(note)
    const typed = lines.filter((l) => l !== '')
    if (typed.length > 0) setHistory((h) => ({ items: [...h.items, ...typed], at: -1 }))
  }

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') { e.preventDefault(); send(input); setInput('') }
    else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault()
      const { items, at } = history
      if (items.length === 0) return
      const pos = e.key === 'ArrowUp' ? (at < 0 ? items.length - 1 : Math.max(0, at - 1)) : (at < 0 ? -1 : at + 1)
      if (pos < 0 || pos >= items.length) { setHistory({ items, at: -1 }); setInput(''); return }
      setHistory({ items, at: pos })
      setInput(items[pos] ?? '')
    }
  }

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text')
    if (!/\r?\n/.test(text)) return
    e.preventDefault()
    send(input + text)
    setInput('')
  }

  const share = async () => {
    try { await navigator.clipboard.writeText(window.location.href); setCopied(true) } catch { setCopied(false) }
  }

  const transcript = timeline.steps.filter((s) => s.layer !== 'tcp')
  return (
    <main className="player sandbox" data-testid="sandbox">
      <Controls />
      <div className="stage">
        <Diagram />
        <aside className="side" tabIndex={0} aria-label={tm(lang, 'sandboxTitle')}>
          <Setup setup={setup} onChange={changeSetup} lang={lang} />
          <section className="panel console" aria-labelledby="console-title">
            <h2 id="console-title">{tm(lang, 'sandboxTranscript')}</h2>
            <pre className="wire transcript" data-testid="sandbox.transcript" tabIndex={0}>
              {transcript.map((s) => (s.layer === 'tls'
                ? `-- TLS: ${s.lines.join(', ')} --\n`
                : s.lines.map((l) => `${s.from === 'client' ? 'C' : 'S'}: ${l}\n`).join('')))}
            </pre>
            {status.state === 'data' && status.open ? <p className="muted">{tm(lang, 'sandboxData')}</p> : null}
            {message ? <p className="note" role="status">{message}</p> : null}
            <div className="sandbox-input">
              <input
                ref={inputRef}
                data-testid="sandbox.input"
                aria-label={tm(lang, 'sandboxInput')}
                placeholder={tm(lang, 'sandboxInput')}
                value={input}
                onChange={(e) => setInput(e.target.value)}
                onKeyDown={onKey}
                onPaste={onPaste}
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                disabled={!status.open}
              />
              <button type="button" className="toggle" onClick={() => { send(input); setInput('') }} disabled={!status.open}>{tm(lang, 'sandboxSend')}</button>
            </div>
            <div className="sandbox-buttons">
              {status.open
                ? <button type="button" className="toggle" data-testid="sandbox.disconnect" onClick={() => setEntries([...entries, { x: 1 }])}>{tm(lang, 'sandboxDisconnect')}</button>
                : <button type="button" className="toggle" data-testid="sandbox.connect" onClick={() => { setEntries([...entries, { c: 1 }]); setMessage(null) }}>{tm(lang, 'sandboxConnect')}</button>}
              {setup.greylist ? <button type="button" className="toggle" onClick={() => setEntries([...entries, { w: 300 }])}>{tm(lang, 'sandboxWait')}</button> : null}
              <button type="button" className="toggle" data-testid="sandbox.reset" onClick={() => { setEntries([]); setMessage(null); inputRef.current?.focus() }}>{tm(lang, 'sandboxReset')}</button>
              <button type="button" className="toggle" onClick={() => void share()}>{copied ? tm(lang, 'sandboxCopied') : tm(lang, 'sandboxShare')}</button>
            </div>
            <Helpers key={setup.preset} account={Object.entries(PRESETS[setup.preset].users)[0] ?? ['', '']} lang={lang} protocol={setup.protocol} greeting={status.greeting} onInsert={(s) => { setInput(s); inputRef.current?.focus() }} tagOn={tagOn} setTagOn={setTagOn} nextTag={nextTag} />
          </section>
          <CaptionPanel />
          <WirePanel />
          <StatePanel />
        </aside>
      </div>
    </main>
  )
}
