// The telnet-like sandbox: pick a server, type lines, and watch the same engine answer on the diagram.
import { useEffect, useRef, useState, type ChangeEvent, type ClipboardEvent, type KeyboardEvent } from 'react'
import { tm, type ModeKey } from '../../content/modes'
import type { Lang } from '../../content/types'
import { toBase64, type Protocol, type Step } from '../../model'
import { apopDigest } from '../../model/pop3/apop'
import { LIMITS, type ReadReason } from '../../sandbox/entries'
import { nextTag } from '../../sandbox/session'
import { PORTS_BY_PROTOCOL, PRESET_IDS, PRESETS, type PresetId, type SandboxSetup } from '../../sandbox/setup'
import { usePlayer, usePlayerStore } from '../../store/context'
import { startSandbox, type SandboxController } from '../../store/sandbox'
import { Controls } from '../controls/Controls'
import { Diagram } from '../diagram/Diagram'
import { CaptionPanel } from '../panels/CaptionPanel'
import { StatePanel } from '../panels/StatePanel'
import { WirePanel } from '../panels/WirePanel'
import { saveFile } from '../download'
import { ShareButton } from '../share/ShareButton'

/** What the page says when a link or a file is not read, by reason (sandbox/entries.ts). */
const BAD_LINK = { format: 'sandboxBadUrl', 'too-long': 'sandboxBadUrlLong', pipeline: 'sandboxBadUrlPipeline' } as const satisfies Record<ReadReason, ModeKey>
const BAD_FILE = { format: 'sandboxFileBad', 'too-long': 'sandboxFileLong', pipeline: 'sandboxFilePipeline' } as const satisfies Record<ReadReason, ModeKey>

/** The transcript shows the newest lines; the diagram and the saved file have them all. */
const TRANSCRIPT_LINES = 400

/** The last `max` lines of the transcript, walking back from the end (the cost does not grow with the session). */
function transcriptTail(steps: readonly Step[], max: number): { text: string; earlier: number } {
  const out: string[] = []
  let i = steps.length - 1
  for (; i >= 0 && out.length < max; i--) {
    const s = steps[i] as Step
    if (s.layer === 'tcp') continue
    if (s.layer === 'tls') out.push(`-- TLS: ${s.lines.join(', ')} --`)
    else for (let j = s.lines.length - 1; j >= 0 && out.length < max; j--) out.push(`${s.from === 'client' ? 'C' : 'S'}: ${s.lines[j] ?? ''}`)
  }
  let earlier = 0
  for (; i >= 0; i--) {
    const s = steps[i] as Step
    if (s.layer !== 'tcp') earlier += s.layer === 'tls' ? 1 : s.lines.length
  }
  return {
    text: out
      .reverse()
      .map((l) => `${l}\n`)
      .join(''),
    earlier,
  }
}

function Setup({ setup, onChange, lang }: { setup: SandboxSetup; onChange: (s: SandboxSetup) => void; lang: Lang }) {
  const smtp = setup.protocol === 'smtp'
  return (
    <fieldset className="sandbox-setup">
      <legend>{tm(lang, 'sandboxTitle')}</legend>
      <label>
        {tm(lang, 'sandboxProtocol')}{' '}
        <select
          data-testid="sandbox.protocol"
          value={setup.protocol}
          onChange={(e) => {
            const protocol = e.target.value as Protocol
            onChange({ ...setup, protocol, port: PORTS_BY_PROTOCOL[protocol][0] ?? 25 })
          }}
        >
          <option value="smtp">SMTP</option>
          <option value="pop3">POP3</option>
          <option value="imap">IMAP</option>
        </select>
      </label>
      <label>
        {tm(lang, 'sandboxPort')}{' '}
        <select data-testid="sandbox.port" value={setup.port} onChange={(e) => onChange({ ...setup, port: Number(e.target.value) })}>
          {PORTS_BY_PROTOCOL[setup.protocol].map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      {smtp ? (
        <label>
          <input type="checkbox" checked={setup.trusted} onChange={(e) => onChange({ ...setup, trusted: e.target.checked })} /> {tm(lang, 'sandboxTrusted')}
        </label>
      ) : null}
      <label>
        <input type="checkbox" checked={setup.starttls} onChange={(e) => onChange({ ...setup, starttls: e.target.checked })} /> {tm(lang, 'sandboxStarttls')}
      </label>
      <label>
        <input type="checkbox" checked={setup.requireTls} onChange={(e) => onChange({ ...setup, requireTls: e.target.checked })} />{' '}
        {tm(lang, 'sandboxRequireTls')}
      </label>
      {smtp ? (
        <label>
          <input type="checkbox" checked={setup.greylist} onChange={(e) => onChange({ ...setup, greylist: e.target.checked })} /> {tm(lang, 'sandboxGreylist')}
        </label>
      ) : null}
      <label>
        {tm(lang, 'sandboxPreset')}{' '}
        <select data-testid="sandbox.preset" value={setup.preset} onChange={(e) => onChange({ ...setup, preset: e.target.value as PresetId })}>
          {PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {PRESETS[id].hostname}
            </option>
          ))}
        </select>
      </label>
      <p className="muted" data-testid="sandbox.users">
        {tm(lang, 'sandboxUsers', {
          users: Object.entries(PRESETS[setup.preset].users)
            .map(([u, p]) => `${u} / ${String(p)}`)
            .join(', '),
          domains: PRESETS[setup.preset].domains.join(', '),
          aliases: Object.entries(PRESETS[setup.preset].aliases)
            .map(([a, t]) => `${a} → ${(t as readonly string[]).join(', ')}`)
            .join('; '),
        })}
      </p>
    </fieldset>
  )
}

function Helpers({
  lang,
  protocol,
  greeting,
  onInsert,
  tagOn,
  setTagOn,
  nextTag,
  account,
}: {
  lang: Lang
  protocol: Protocol
  account: readonly [string, string]
  greeting: string
  onInsert: (s: string) => void
  tagOn: boolean
  setTagOn: (b: boolean) => void
  nextTag: string
}) {
  const [text, setText] = useState('')
  const [user, setUser] = useState(account[0])
  const [pass, setPass] = useState(account[1])
  const stamp = /<[^<>]*>/.exec(greeting)?.[0]
  return (
    <details className="sandbox-helpers">
      <summary>{tm(lang, 'sandboxHelpers')}</summary>
      <div className="helper">
        <label>
          {tm(lang, 'sandboxB64')}: <input value={text} onChange={(e) => setText(e.target.value)} aria-label={tm(lang, 'sandboxText')} />
        </label>
        <output data-testid="helper.base64">{text ? toBase64(text) : ''}</output>
        {text ? (
          <button type="button" className="toggle" onClick={() => onInsert(toBase64(text))}>
            {tm(lang, 'sandboxInsert')}
          </button>
        ) : null}
      </div>
      <div className="helper">
        <label>
          {tm(lang, 'sandboxUser')} <input value={user} onChange={(e) => setUser(e.target.value)} />
        </label>
        <label>
          {tm(lang, 'sandboxPassword')} <input value={pass} onChange={(e) => setPass(e.target.value)} />
        </label>
        {protocol === 'smtp' ? (
          <button type="button" className="toggle" data-testid="helper.authplain" onClick={() => onInsert(`AUTH PLAIN ${toBase64(`\0${user}\0${pass}`)}`)}>
            {tm(lang, 'sandboxAuthPlain')}
          </button>
        ) : null}
        {protocol === 'pop3' ? (
          stamp ? (
            <button type="button" className="toggle" data-testid="helper.apop" onClick={() => onInsert(`APOP ${user} ${apopDigest(stamp, pass)}`)}>
              {tm(lang, 'sandboxApop')}
            </button>
          ) : (
            <p className="muted">{tm(lang, 'sandboxNoStamp')}</p>
          )
        ) : null}
        {protocol === 'imap' ? (
          <label>
            <input type="checkbox" data-testid="helper.tags" checked={tagOn} onChange={(e) => setTagOn(e.target.checked)} />{' '}
            {tm(lang, 'sandboxTag', { tag: nextTag })}
          </label>
        ) : null}
      </div>
    </details>
  )
}

export default function SandboxPage() {
  const store = usePlayerStore()
  const lang = usePlayer((s) => s.lang)
  const sandbox = usePlayer((s) => s.sandbox)
  const [ctl, setCtl] = useState<SandboxController | null>(null)
  const [input, setInput] = useState('')
  const [history, setHistory] = useState<{ items: string[]; at: number }>({ items: [], at: -1 })
  const [tagOn, setTagOn] = useState(true)
  const [copied, setCopied] = useState(false)
  const [fileError, setFileError] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  // A new session gets a new input box. Chrome's undo history (up to 1,000 steps a page) keeps the text node of
  // every line typed into a box for as long as the box is in the page: one box for all sessions grew the page's
  // nodes with every reset (444 → 1,447 after 40). Removing the box drops its history.
  const [box, setBox] = useState(0)
  const focusBox = useRef(false)
  useEffect(() => {
    if (!focusBox.current) return
    focusBox.current = false
    inputRef.current?.focus()
  }, [box])

  useEffect(() => {
    let alive = true
    void startSandbox(store, window.location.search).then((c) => {
      if (!alive) return
      setCtl(c)
      const typed = c.typed()
      setHistory({ items: typed, at: -1 })
    })
    return () => {
      alive = false
    }
  }, [store])

  if (!sandbox || !ctl) return <main className="player sandbox" data-testid="sandbox" aria-busy="true" />
  const { session, notes, link, badLink } = sandbox
  const { setup, status } = session

  const send = (raw: string) => {
    ctl.input(raw, { autoTag: tagOn })
    setCopied(false)
    const typed = raw.split(/\r\n|\r|\n/).filter((l) => l !== '')
    if (typed.length > 0) setHistory((h) => ({ items: [...h.items, ...typed].slice(-500), at: -1 }))
  }

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      send(input)
      setInput('')
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault()
      const { items, at } = history
      if (items.length === 0) return
      const pos = e.key === 'ArrowUp' ? (at < 0 ? items.length - 1 : Math.max(0, at - 1)) : at < 0 ? -1 : at + 1
      if (pos < 0 || pos >= items.length) {
        setHistory({ items, at: -1 })
        setInput('')
        return
      }
      setHistory({ items, at: pos })
      setInput(items[pos] ?? '')
    }
  }

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text')
    if (!/[\r\n]/.test(text)) return
    e.preventDefault()
    send(input + text)
    setInput('')
  }

  const share = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href)
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }

  const download = () => saveFile(new Blob([ctl.file()], { type: 'application/json' }), `mail-session-${setup.protocol}-${setup.port}.json`)

  const openFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (!file) return
    void file.text().then(
      (text) => {
        const bad = ctl.openFile(text)
        setFileError(bad === null ? null : tm(lang, BAD_FILE[bad]))
        if (bad === null) {
          setHistory({ items: ctl.typed(), at: -1 })
          setBox((n) => n + 1)
        }
      },
      () => setFileError(tm(lang, 'sandboxFileBad')),
    )
  }

  const changeSetup = (s: SandboxSetup) => {
    ctl.setup(s)
    setFileError(null)
    setBox((n) => n + 1)
  }
  const transcript = transcriptTail(session.timeline.steps, TRANSCRIPT_LINES)
  const message = [
    badLink !== null && session.entries.length === 0 ? tm(lang, BAD_LINK[badLink]) : null,
    notes.includes('closed') ? tm(lang, 'sandboxClosed') : null,
    notes.includes('stuffed') ? tm(lang, 'sandboxStuffed') : null,
    notes.includes('limit') ? tm(lang, 'sandboxLimit', { entries: LIMITS.entries.toLocaleString(lang), line: LIMITS.lineLength.toLocaleString(lang) }) : null,
    fileError,
  ].filter((m): m is string => m !== null)
  return (
    <main className="player sandbox" data-testid="sandbox">
      <Controls />
      <div className="stage">
        <Diagram />
        <aside className="side" tabIndex={0} aria-label={tm(lang, 'sandboxTitle')}>
          <Setup setup={setup} onChange={changeSetup} lang={lang} />
          <section className="panel console" aria-labelledby="console-title">
            <h2 id="console-title">{tm(lang, 'sandboxTranscript')}</h2>
            {transcript.earlier > 0 ? <p className="muted">{tm(lang, 'sandboxEarlier', { n: transcript.earlier })}</p> : null}
            <pre className="wire transcript" data-testid="sandbox.transcript" tabIndex={0}>
              {transcript.text}
            </pre>
            {status.continuation === 'message' && status.open ? <p className="muted">{tm(lang, 'sandboxData')}</p> : null}
            {message.length > 0 ? (
              <div className="note" role="status" data-testid="sandbox.message">
                {message.map((m) => (
                  <p key={m}>{m}</p>
                ))}
              </div>
            ) : null}
            <div className="sandbox-input">
              <input
                key={box}
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
              <button
                type="button"
                className="toggle"
                onClick={() => {
                  send(input)
                  setInput('')
                }}
                disabled={!status.open}
              >
                {tm(lang, 'sandboxSend')}
              </button>
            </div>
            <div className="sandbox-buttons">
              {status.open ? (
                <button type="button" className="toggle" data-testid="sandbox.disconnect" onClick={() => ctl.append([{ close: true }])}>
                  {tm(lang, 'sandboxDisconnect')}
                </button>
              ) : (
                <button type="button" className="toggle" data-testid="sandbox.connect" onClick={() => ctl.append([{ connect: true }])}>
                  {tm(lang, 'sandboxConnect')}
                </button>
              )}
              {setup.greylist ? (
                <button type="button" className="toggle" onClick={() => ctl.append([{ wait: 300 }])}>
                  {tm(lang, 'sandboxWait')}
                </button>
              ) : null}
              <button
                type="button"
                className="toggle"
                data-testid="sandbox.reset"
                onClick={() => {
                  ctl.reset()
                  setFileError(null)
                  focusBox.current = true
                  setBox((n) => n + 1)
                }}
              >
                {tm(lang, 'sandboxReset')}
              </button>
              {link.state === 'too-long' ? null : (
                <button type="button" className="toggle" data-testid="sandbox.share" disabled={link.state === 'pending'} onClick={() => void share()}>
                  {link.state === 'pending' ? tm(lang, 'sandboxLinkPending') : copied ? tm(lang, 'sandboxCopied') : tm(lang, 'sandboxShare')}
                </button>
              )}
              <ShareButton />
              <button type="button" className="toggle" data-testid="sandbox.download" onClick={download}>
                {tm(lang, 'sandboxDownload')}
              </button>
              <label className="toggle file-open">
                {tm(lang, 'sandboxOpenFile')}
                <input type="file" accept=".json,application/json" data-testid="sandbox.open" onChange={openFile} />
              </label>
            </div>
            {link.state === 'too-long' ? (
              <p className="note" role="status" data-testid="sandbox.too-long">
                {tm(lang, 'sandboxTooLong')}
              </p>
            ) : null}
            <Helpers
              key={setup.preset}
              account={Object.entries(PRESETS[setup.preset].users)[0] as [string, string]}
              lang={lang}
              protocol={setup.protocol}
              greeting={status.greeting}
              onInsert={(s) => {
                setInput(s)
                inputRef.current?.focus()
              }}
              tagOn={tagOn}
              setTagOn={setTagOn}
              nextTag={nextTag(session)}
            />
          </section>
          <CaptionPanel />
          <WirePanel />
          <StatePanel />
        </aside>
      </div>
    </main>
  )
}
