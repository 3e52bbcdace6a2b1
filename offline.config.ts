// Offline and installable (CONTRACT.md §5), and the strict CSP of the built page: the Vite plugins for both.
// vite.config.ts adds them with `...offline()`. The service worker is registered by src/pwa/register.ts.
import type { Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { CSP } from './scripts/csp.mjs'

const NAVY = '#0f1c3f'
const BACKGROUND = '#f4f5f7'

/**
 * Writes the CSP into the built index.html as its first <meta> after the charset, before any script. Only the
 * build: the dev server runs inline scripts (React Refresh) and injects <style> elements, which the policy forbids.
 */
function cspMeta(): Plugin {
  return {
    name: 'csp-meta',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html
        const charset = /<meta charset="UTF-8" \/>\n/i
        if (!charset.test(html)) throw new Error('csp-meta: index.html has no <meta charset="UTF-8" /> to put the CSP after')
        return html.replace(charset, (m) => `${m}    <meta http-equiv="Content-Security-Policy" content="${CSP}" />\n`)
      },
    },
  }
}

export function offline(): Plugin[] {
  return [
    cspMeta(),
    ...VitePWA({
      // A new version waits until the learner or the teacher presses Update (src/ui/UpdatePrompt.tsx): never a
      // reload in the middle of a class. src/pwa/register.ts registers the worker, after the page has loaded.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: './',
        name: 'メールプロトコル シーケンス図 / Mail protocol sequence diagram',
        short_name: 'メールシーケンス図',
        description:
          'SMTP・POP3・IMAPの通信をシーケンス図で1ステップずつ学べる教材 / Step through SMTP, POP3 and IMAP sessions as an animated sequence diagram',
        lang: 'ja',
        dir: 'ltr',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: NAVY,
        background_color: BACKGROUND,
        categories: ['education'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // The icons are precached by globPatterns below, with the rest of dist/.
      includeManifestIcons: false,
      workbox: {
        // The whole site: every lesson chunk, every mode's chunk and stylesheet, index.html, lesson-preload.js,
        // the icons and the manifest. After one visit every lesson and every mode opens with the network off.
        globPatterns: ['**/*.{js,css,html,png,svg}'],
        // One file: a worker that imports its runtime (importScripts) breaks under require-trusted-types-for.
        inlineWorkboxRuntime: true,
        cleanupOutdatedCaches: true,
        // The first worker controls the page it was registered from; later ones wait for Update.
        clientsClaim: true,
        skipWaiting: false,
        // Any address of the app's page (…/ or …/index.html, with any parameters) opens index.html from the cache;
        // other pages a host keeps beside the app are left to the network.
        navigateFallback: 'index.html',
        navigateFallbackAllowlist: [/^[^?]*\/(index\.html)?(\?.*)?$/],
      },
    }),
  ]
}
