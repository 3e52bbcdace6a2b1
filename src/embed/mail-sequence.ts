// <mail-sequence>: a lesson in a course page without writing an iframe (CONTRACT.md §5). Framework-free and
// tiny: it wraps an iframe of the app (embed=1), turns its attributes into URL parameters, follows the app's
// height, and re-dispatches the app's events as DOM events (`mailseq-step`, `mailseq-ended`). Built on its own
// as /embed.js; it imports nothing of the app.

/** Attributes that become URL parameters of the embedded app. */
const PARAMS = ['scenario', 'lang', 'step', 'controls', 'theme', 'from', 'to', 'autoplay', 'mode', 'predict'] as const

interface AppEvent {
  readonly type: 'mailseq:event'
  readonly event: 'ready' | 'step' | 'ended' | 'resize'
  readonly scenario: string
  readonly step: number
  readonly total: number
  readonly height?: number
}

function isAppEvent(x: unknown): x is AppEvent {
  if (typeof x !== 'object' || x === null) return false
  const m = x as Record<string, unknown>
  return m.type === 'mailseq:event' && typeof m.event === 'string' && typeof m.scenario === 'string' && Number.isInteger(m.step) && Number.isInteger(m.total)
}

/** Where the app is: beside this script. */
const APP = new URL(/* @vite-ignore */ './', import.meta.url)

class MailSequence extends HTMLElement {
  static readonly observedAttributes = [...PARAMS, 'title']
  private frame: HTMLIFrameElement | null = null
  private ready = false
  private readonly onMessage = (e: MessageEvent) => {
    if (!this.frame || e.source !== this.frame.contentWindow || !isAppEvent(e.data)) return
    const m = e.data
    if (m.event === 'resize' && typeof m.height === 'number' && m.height > 0) this.frame.style.height = `${Math.ceil(m.height)}px`
    if (m.event === 'ready') this.ready = true
    if (m.event === 'step' || m.event === 'ended' || m.event === 'ready') {
      const detail = { scenario: m.scenario, step: m.step, total: m.total }
      this.dispatchEvent(new CustomEvent(`mailseq-${m.event}`, { detail, bubbles: true, composed: true }))
    }
  }

  /** The app's address for the attributes as they are now. */
  private src(): string {
    const url = new URL(APP)
    url.searchParams.set('embed', '1')
    for (const name of PARAMS) {
      const v = this.getAttribute(name)
      if (v !== null) url.searchParams.set(name, v)
    }
    return url.href
  }

  connectedCallback(): void {
    if (this.frame) return
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' })
    const style = document.createElement('style')
    style.textContent = ':host{display:block}iframe{display:block;width:100%;height:480px;border:0}'
    const frame = document.createElement('iframe')
    frame.title = this.getAttribute('title') ?? 'Mail protocol sequence diagram / メールプロトコル シーケンス図'
    frame.loading = 'lazy'
    frame.src = this.src()
    root.append(style, frame)
    this.frame = frame
    window.addEventListener('message', this.onMessage)
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.onMessage)
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!this.frame || old === value) return
    if (name === 'title') {
      this.frame.title = value ?? ''
      return
    }
    // A new step moves the app where it is; anything else reloads it with the new parameters.
    const step = Number(value)
    if (name === 'step' && this.ready && Number.isInteger(step) && step >= 0) {
      this.frame.contentWindow?.postMessage({ type: 'mailseq:command', command: 'goto', step }, APP.origin)
      return
    }
    this.ready = false
    this.frame.src = this.src()
  }
}

if (!customElements.get('mail-sequence')) customElements.define('mail-sequence', MailSequence)
