import { afterEach, describe, expect, it, vi } from 'vitest'
import { registerWorker, workerUrl } from './register'

// A browser's service worker container, as far as register.ts uses it: the test decides when a worker waits,
// installs or takes control.
class FakeWorker extends EventTarget {
  state = 'installing'
  readonly posted: unknown[] = []
  postMessage(m: unknown) {
    this.posted.push(m)
  }
  become(state: string) {
    this.state = state
    this.dispatchEvent(new Event('statechange'))
  }
}
class FakeRegistration extends EventTarget {
  waiting: FakeWorker | null = null
  installing: FakeWorker | null = null
}
class FakeContainer extends EventTarget {
  controller: FakeWorker | null = null
  readonly registration = new FakeRegistration()
  readonly registered: unknown[] = []
  async register(url: unknown) {
    this.registered.push(url)
    return this.registration
  }
  /** A new worker takes control of the page. */
  claim(w: FakeWorker) {
    this.controller = w
    this.dispatchEvent(new Event('controllerchange'))
  }
}

function browser({ controlled, trustedTypes }: { controlled: boolean; trustedTypes?: unknown }) {
  const container = new FakeContainer()
  if (controlled) container.controller = new FakeWorker()
  const reload = vi.fn()
  vi.stubGlobal('navigator', { serviceWorker: container })
  vi.stubGlobal('document', { baseURI: 'https://school.example/course/mail/?scenario=smtp-basic' })
  vi.stubGlobal('window', { location: { reload }, ...(trustedTypes ? { trustedTypes } : {}) })
  const offers: (() => void)[] = []
  return { container, reload, offers, offer: (apply: () => void) => offers.push(apply) }
}

afterEach(() => vi.unstubAllGlobals())

describe('registering the service worker', () => {
  it('registers sw.js beside the page, wherever the site is', () => {
    expect(workerUrl('https://school.example/course/mail/?scenario=smtp-basic')).toBe('https://school.example/course/mail/sw.js')
    expect(workerUrl('http://127.0.0.1:4173/index.html')).toBe('http://127.0.0.1:4173/sw.js')
  })

  it('the first worker takes over quietly: no prompt, no reload', async () => {
    const b = browser({ controlled: false })
    await registerWorker(b.offer)
    expect(b.container.registered).toEqual(['https://school.example/course/mail/sw.js'])
    b.container.claim(new FakeWorker())
    expect(b.offers).toHaveLength(0)
    expect(b.reload).not.toHaveBeenCalled()
  })

  it('a new version found during the lesson waits for Update; only then does the page reload', async () => {
    const b = browser({ controlled: true })
    await registerWorker(b.offer)
    const next = new FakeWorker()
    b.container.registration.installing = next
    b.container.registration.dispatchEvent(new Event('updatefound'))
    expect(b.offers).toHaveLength(0)
    b.container.registration.installing = null
    b.container.registration.waiting = next
    next.become('installed')
    expect(b.offers).toHaveLength(1)
    expect(b.reload).not.toHaveBeenCalled()

    b.offers[0]?.()
    expect(next.posted).toEqual([{ type: 'SKIP_WAITING' }])
    expect(b.reload).not.toHaveBeenCalled()
    b.container.registration.waiting = null
    b.container.claim(next)
    expect(b.reload).toHaveBeenCalledTimes(1)
    expect(b.offers).toHaveLength(1)
  })

  it('a version already waiting when the page opens is offered at once', async () => {
    const b = browser({ controlled: true })
    b.container.registration.waiting = new FakeWorker()
    await registerWorker(b.offer)
    expect(b.offers).toHaveLength(1)
  })

  it('a version another window activated is offered as a reload, never forced', async () => {
    const b = browser({ controlled: true })
    b.container.registration.waiting = new FakeWorker()
    await registerWorker(b.offer)
    // The presenter console pressed Update: the waiting worker is gone and controls this page too.
    b.container.registration.waiting = null
    b.container.claim(new FakeWorker())
    expect(b.reload).not.toHaveBeenCalled()
    expect(b.offers).toHaveLength(2)
    // This window's own prompt, pressed late, only reloads.
    b.offers[0]?.()
    expect(b.reload).toHaveBeenCalledTimes(1)
  })

  it('under Trusted Types, registers a TrustedScriptURL from a policy that allows sw.js only', async () => {
    const policies: { name: string; createScriptURL: (s: string) => string }[] = []
    const trustedTypes = {
      createPolicy: (name: string, rules: { createScriptURL: (s: string) => string }) => {
        policies.push({ name, ...rules })
        return { createScriptURL: (s: string) => ({ trusted: rules.createScriptURL(s) }) }
      },
    }
    const b = browser({ controlled: false, trustedTypes })
    await registerWorker(b.offer)
    expect(policies.map((p) => p.name)).toEqual(['mailseq-sw'])
    expect(b.container.registered).toEqual([{ trusted: 'https://school.example/course/mail/sw.js' }])
    expect(() => policies[0]?.createScriptURL('https://evil.example/x.js')).toThrow(TypeError)
  })
})
