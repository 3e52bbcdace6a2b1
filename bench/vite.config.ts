// The two reference pages of `npm run bench` (scripts/bench.mjs), built like the app (Vite, production) into
// bench/dist/<page>: `vite build -c bench/vite.config.ts --mode mermaid` or `--mode naive`.
// Both draw the session bench/session.ts makes from the app's own code when they are built.
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, runnerImport, type Plugin } from 'vite'
import type * as SessionModule from './session'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PAGES = ['mermaid', 'naive'] as const
/** The lesson and the language the benchmark loads the app with: scripts/bench.mjs passes them. */
const BENCH_SCENARIO = process.env.BENCH_SCENARIO ?? 'smtp-basic'
const BENCH_LANG = process.env.BENCH_LANG === 'en' ? 'en' : 'ja'

function benchSession(): Plugin {
  const id = 'virtual:bench-session'
  return {
    name: 'bench-session',
    resolveId: (x) => (x === id ? `\0${id}` : null),
    async load(x) {
      if (x !== `\0${id}`) return null
      const { module } = await runnerImport<typeof SessionModule>('/bench/session.ts', { root: ROOT, configFile: false, logLevel: 'error' })
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(module.benchSession(BENCH_SCENARIO, BENCH_LANG)))})\n`
    },
  }
}

export default defineConfig(({ mode }) => {
  const page = PAGES.find((p) => p === mode)
  if (!page) throw new Error(`bench/vite.config.ts: --mode ${PAGES.join(' or ')}, not ${mode}`)
  return {
    root: fileURLToPath(new URL(`./${page}`, import.meta.url)),
    base: './',
    logLevel: 'warn',
    plugins: [...(page === 'naive' ? [react()] : []), benchSession()],
    build: { outDir: fileURLToPath(new URL(`./dist/${page}`, import.meta.url)), emptyOutDir: true },
  }
})
