// The Content Security Policy of the built app: one list for the <meta> in dist/index.html (offline.config.ts), the
// header of scripts/serve-csp.mjs and the e2e checks (e2e/csp.spec.ts, e2e/offline.spec.ts). README "Offline and
// security" prints the same string for hosts, who may add what a <meta> cannot carry (frame-ancestors, report-to).

/** The Trusted Types policy the app creates: the service worker's URL only (src/pwa/register.ts). */
export const TRUSTED_TYPES_POLICY = 'mailseq-sw'
/** The policy for the import's Web Worker: its own URL only (src/import/run.ts); `new Worker()` is a sink too. */
export const IMPORT_WORKER_POLICY = 'mailseq-import'

/**
 * Every directive works in a <meta>. No inline script, no eval, no inline <style>: React and framer-motion set
 * styles through the CSSOM (element.style), which style-src does not govern. img-src allows data: and blob: for
 * images the app draws itself (exports); everything else comes from the app's own origin.
 */
export const CSP_DIRECTIVES = Object.freeze([
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  `trusted-types ${TRUSTED_TYPES_POLICY} ${IMPORT_WORKER_POLICY}`,
])

/** The policy as one header or <meta> value. */
export const CSP = CSP_DIRECTIVES.join('; ')
