// Offline (CONTRACT.md §5): registers the service worker that vite-plugin-pwa generates (offline.config.ts).
// main.tsx imports this chunk only once the page has loaded and settled: it is no part of the initial page's
// JavaScript. A new version never takes over by itself (registerType 'prompt'): `offer` shows the update prompt,
// and only its button activates the waiting worker and reloads the page.

/** The one Trusted Types policy name the CSP allows (scripts/csp.mjs, TRUSTED_TYPES_POLICY). */
const POLICY = 'mailseq-sw'

/** Shows the update prompt; `apply` is what its button does. */
export type Offer = (apply: () => void) => void

interface ScriptUrlPolicyFactory {
  createPolicy(name: string, rules: { createScriptURL: (input: string) => string }): { createScriptURL(input: string): unknown }
}

/** sw.js sits beside index.html, wherever the site is served from (the build's base is './'). */
export function workerUrl(base: string): string {
  return new URL('sw.js', base).href
}

/**
 * register() is a Trusted Types sink: under `require-trusted-types-for 'script'` it accepts a TrustedScriptURL
 * only. The policy makes one for the worker's own URL and refuses anything else. Without Trusted Types, the string.
 */
function trustedScriptUrl(url: string): string {
  const factory = Reflect.get(window, 'trustedTypes') as ScriptUrlPolicyFactory | undefined
  if (typeof factory?.createPolicy !== 'function') return url
  const policy = factory.createPolicy(POLICY, {
    createScriptURL: (input) => {
      if (input !== url) throw new TypeError(`${POLICY} makes a script URL for ${url} only, not ${input}`)
      return input
    },
  })
  // A TrustedScriptURL, which register() accepts where Trusted Types exist (lib.dom does not know the type).
  return policy.createScriptURL(url) as string
}

/** Registers the worker; resolves once registered (rejects where the browser refuses, e.g. no secure context). */
export async function registerWorker(offer: Offer): Promise<void> {
  const container = navigator.serviceWorker
  const reload = () => window.location.reload()
  let controlled = container.controller !== null
  let updating = false
  const reg = await container.register(trustedScriptUrl(workerUrl(document.baseURI)))

  /** Update: the waiting worker takes over, then the page reloads into the new version. */
  const apply = () => {
    const waiting = reg.waiting
    // Another window pressed Update first: the new version already runs, this page only needs the reload.
    if (!waiting) return reload()
    updating = true
    container.addEventListener('controllerchange', reload, { once: true })
    waiting.postMessage({ type: 'SKIP_WAITING' })
  }
  // A worker waits only when an older one controls the page: the very first install takes over at once.
  const offerIfWaiting = () => {
    if (reg.waiting && container.controller) offer(apply)
  }
  offerIfWaiting()
  reg.addEventListener('updatefound', () => {
    const installing = reg.installing
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offerIfWaiting()
    })
  })
  // The first worker claiming this page is no update. A new version activated from another window (the presenter
  // console, another tab) is: this page still runs the old code, so it offers the reload and never forces it.
  container.addEventListener('controllerchange', () => {
    if (controlled && !updating) offer(reload)
    controlled = true
  })
}
