import react from '@vitejs/plugin-react'
import { runnerImport, type Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
// Offline and CSP (service worker, manifest, <meta> CSP): offline.config.ts
import { offline } from './offline.config.ts'
import type * as CompileModule from './src/lessons/compile'

type Compile = typeof CompileModule

/** The classic script that preloads the lesson chunk the address names. */
const PRELOAD_SCRIPT = 'lesson-preload.js'
/** DEFAULT_SCENARIO_ID of src/store/lessons.ts (that module imports a virtual module, so it is not imported here). */
const DEFAULT_LESSON = 'smtp-basic'

/**
 * virtual:timelines exports one lazy loader per scenario; each loads virtual:timeline/<id>, the
 * scenario compiled by the engine at build time (src/store/compile.ts). The page thus fetches one lesson's
 * steps and captions, not every engine and caption table (the 90 KB budget of the foundation issue).
 */
function timelines(): Plugin {
  const compiler = async () => (await runnerImport<Compile>('/src/lessons/compile.ts', { configFile: false, logLevel: 'error' })).module
  return {
    name: 'timelines',
    resolveId(id) {
      if (id === 'virtual:timelines' || id.startsWith('virtual:timeline/')) return `\0${id}`
      return null
    },
    async load(id) {
      if (id === '\0virtual:timelines') {
        const list = (await compiler()).scenarioList()
        const entries = list.map(({ id: s }) => `  ${JSON.stringify(s)}: () => import(${JSON.stringify(`virtual:timeline/${s}`)}).then((m) => m.default),`)
        return `export const loaders = {\n${entries.join('\n')}\n}\nexport const SCENARIO_LIST = ${JSON.stringify(list)}\n`
      }
      if (id.startsWith('\0virtual:timeline/')) {
        const compiled = (await compiler()).compileById(id.slice('\0virtual:timeline/'.length))
        if (!compiled) throw new Error(`unknown scenario in ${id}`)
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled))})\n`
      }
      return null
    },
    // Start fetching the lesson the address asks for while the main script is still being evaluated. A small
    // external script does it (a strict CSP, script-src 'self', allows no inline script).
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html
        return html.replace('</head>', `    <script src="./${PRELOAD_SCRIPT}"></script>\n  </head>`)
      },
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        // Lesson id → the hash in its chunk's name, assets/<id>-<hash>.js: the script stays a few hundred bytes.
        const map: Record<string, string> = {}
        for (const chunk of Object.values(bundle)) {
          const facade = chunk.type === 'chunk' ? chunk.facadeModuleId : null
          if (!facade?.startsWith('\0virtual:timeline/')) continue
          const id = facade.slice('\0virtual:timeline/'.length)
          const hash = new RegExp(`^assets/${id}-([\\w-]+)\\.js$`).exec(chunk.fileName)?.[1]
          if (!hash) throw new Error(`lesson chunk ${chunk.fileName} is not named assets/${id}-<hash>.js`)
          map[id] = hash
        }
        const source =
          `(function(){try{var m=${JSON.stringify(map)},p=new URLSearchParams(location.search),o=p.get('mode'),` +
          `s=p.get('scenario')||${JSON.stringify(DEFAULT_LESSON)};if(o&&o!=='predict'&&o!=='present'&&o!=='presenter'&&o!=='print'||!Object.prototype.hasOwnProperty.call(m,s))return;` +
          `var l=document.createElement('link');l.rel='modulepreload';l.href='assets/'+s+'-'+m[s]+'.js';document.head.appendChild(l)}catch(e){}})()\n`
        this.emitFile({ type: 'asset', fileName: PRELOAD_SCRIPT, source })
      },
    },
    handleHotUpdate({ file, server }) {
      // Engines, scenarios and captions feed the compiled lessons: recompile them on change.
      if (/\/src\/(model|scenarios|content)\//.test(file)) {
        for (const m of server.moduleGraph.idToModuleMap.values()) if (m.id?.startsWith('\0virtual:timeline')) server.moduleGraph.invalidateModule(m)
        server.ws.send({ type: 'full-reload' })
      }
    },
  }
}

export default defineConfig({
  plugins: [react(), timelines(), ...offline()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // What the page shell needs goes in one chunk (one request, one gzip window), however the lazy pages
        // share it; the lazy pages and the lessons stay chunks of their own.
        codeSplitting: {
          groups: [
            {
              name: 'shell',
              test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]|src[\\/](store[\\/](player|context|clock|url|lessons|loader|questions)|layout|content[\\/](ui|types)|model[\\/]label|ui[\\/](controls|panels[\\/](CaptionPanel|WirePanel|StatePanel|Legend)|diagram[\\/]Diagram|format|pages|App|PlayerPage))/,
            },
          ],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
})
