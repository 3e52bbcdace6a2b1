import react from '@vitejs/plugin-react'
import { runnerImport, type Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
// Offline and CSP (service worker, manifest, <meta> CSP): offline.config.ts
import { offline } from './offline.config.ts'
import type * as CompileModule from './src/lessons/compile'
import type * as PrerenderModule from './src/prerender'

type Compile = typeof CompileModule

/** The classic script that preloads the lesson chunk the address names. */
const PRELOAD_SCRIPT = 'lesson-preload.js'
/** DEFAULT_SCENARIO_ID of src/store/lessons.ts (that module imports a virtual module, so it is not imported here). */
const DEFAULT_LESSON = 'smtp-basic'

/** The languages captions come in; a page fetches the captions of its language only. */
const LANGS = ['ja', 'en'] as const

/**
 * virtual:timelines exports, per lesson, a loader of its timeline (virtual:timeline/<id>) and one of its
 * captions in each language (virtual:captions/<id>/<lang>), each compiled by the engine at build time
 * (src/lessons/compile.ts). A page thus fetches one lesson's steps and the captions of one language, not
 * every engine and caption table (the 90 KB budget).
 */
function timelines(): Plugin {
  const compiler = async () => (await runnerImport<Compile>('/src/lessons/compile.ts', { configFile: false, logLevel: 'error' })).module
  const compiled = new Map<string, ReturnType<Compile['compileById']>>()
  const lesson = async (id: string) => {
    if (!compiled.has(id)) compiled.set(id, (await compiler()).compileById(id))
    const c = compiled.get(id)
    if (!c) throw new Error(`unknown scenario ${id}`)
    return c
  }
  const json = (x: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(x))})\n`
  return {
    name: 'timelines',
    buildStart() {
      compiled.clear()
    },
    resolveId(id) {
      if (id === 'virtual:timelines' || id.startsWith('virtual:timeline/') || id.startsWith('virtual:captions/')) return `\0${id}`
      return null
    },
    async load(id) {
      if (id === '\0virtual:timelines') {
        const list = (await compiler()).scenarioList()
        const entries = list.map(({ id: s }) => {
          // Kept as short as it can be (23 lessons in the page shell): src/store/loader.ts takes each module's default.
          const langs = LANGS.map((l) => `${l}: () => import(${JSON.stringify(`virtual:captions/${s}/${l}`)})`)
          return `  ${JSON.stringify(s)}: { timeline: () => import(${JSON.stringify(`virtual:timeline/${s}`)}), ${langs.join(', ')} },`
        })
        return `export const loaders = {\n${entries.join('\n')}\n}\nexport const SCENARIO_LIST = ${JSON.stringify(list)}\n`
      }
      if (id.startsWith('\0virtual:timeline/')) {
        // The lesson without its captions: they come per language.
        // Each step without what the loader derives again (src/store/loader.ts): its index, and its bytes when they
        // are its lines with CRLF; the summary comes with the captions, in one language.
        const { captions: _captions, summary: _summary, ...rest } = await lesson(id.slice('\0virtual:timeline/'.length))
        const steps = rest.timeline.steps.map(({ index: _index, bytes, ...step }) =>
          bytes === step.lines.map((l) => `${l}\r\n`).join('') ? step : { ...step, bytes },
        )
        return json({ ...rest, timeline: { ...rest.timeline, steps } })
      }
      if (id.startsWith('\0virtual:captions/')) {
        const [name = '', lang = 'ja'] = id.slice('\0virtual:captions/'.length).split('/')
        if (!(LANGS as readonly string[]).includes(lang)) throw new Error(`unknown language in ${id}`)
        const l = await lesson(name)
        const pick = lang as (typeof LANGS)[number]
        return json({ summary: l.summary[pick], captions: l.captions.map((c) => (c ? c[pick] : null)) })
      }
      return null
    },
    // Start fetching the lesson the address asks for (its steps and the captions of the page's language) while
    // the main script is still being evaluated. A small external script does it (a strict CSP allows no inline one).
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
        // Lesson id → the hashes of its chunks (assets/<id>-<hash>.js, assets/<id>.<lang>-<hash>.js): the script stays small.
        const map: Record<string, Record<string, string>> = {}
        for (const chunk of Object.values(bundle)) {
          const facade = chunk.type === 'chunk' ? chunk.facadeModuleId : null
          const m = facade ? /^\0virtual:(timeline|captions)\/([^/]+)(?:\/(\w+))?$/.exec(facade) : null
          if (!m || chunk.type !== 'chunk') continue
          const [, kind, id = '', lang] = m
          const stem = kind === 'timeline' ? id : `${id}.${lang ?? ''}`
          const hash = new RegExp(`^assets/${stem.replace('.', '\\.')}-([\\w-]+)\\.js$`).exec(chunk.fileName)?.[1]
          if (!hash) throw new Error(`lesson chunk ${chunk.fileName} is not named assets/${stem}-<hash>.js`)
          ;(map[id] ??= {})[kind === 'timeline' ? 't' : (lang ?? '')] = hash
        }
        const source =
          `(function(){try{var m=${JSON.stringify(map)},p=new URLSearchParams(location.search),o=p.get('mode'),` +
          `s=p.get('scenario')||${JSON.stringify(DEFAULT_LESSON)},g=p.get('lang'),d=document.documentElement.classList;` +
          `if(g!=='ja'&&g!=='en')g=/^ja/i.test((navigator.languages||[])[0]||navigator.language||'ja')?'ja':'en';` +
          // The static first screen (plugin "prerender") in the page's language, and only for what it shows.
          `if(g==='en')d.add('pr-en');` +
          `if(o||s!==${JSON.stringify(DEFAULT_LESSON)}||(p.get('step')||'0')!=='0'||p.has('embed')||p.has('layers')||p.has('view')||p.has('from'))d.add('pr-off');` +
          `if(o&&o!=='predict'&&o!=='present'&&o!=='presenter'&&o!=='print'||!Object.prototype.hasOwnProperty.call(m,s))return;` +
          `[s+'-'+m[s].t,s+'.'+g+'-'+m[s][g]].forEach(function(f){var l=document.createElement('link');l.rel='modulepreload';l.href='assets/'+f+'.js';document.head.appendChild(l)})}catch(e){}})()\n`
        this.emitFile({ type: 'asset', fileName: PRELOAD_SCRIPT, source })
      },
    },
    handleHotUpdate({ file, server }) {
      // Engines, scenarios and captions feed the compiled lessons: recompile them on change.
      if (/\/src\/(model|scenarios|content)\//.test(file)) {
        compiled.clear()
        for (const m of server.moduleGraph.idToModuleMap.values())
          if (m.id?.startsWith('\0virtual:timeline') || m.id?.startsWith('\0virtual:captions')) server.moduleGraph.invalidateModule(m)
        server.ws.send({ type: 'full-reload' })
      }
    },
  }
}

/**
 * `embed.js` at the site root: the <mail-sequence> web component (src/embed), a chunk of its own with a fixed
 * name, so that course pages can load it by a stable address.
 */
/** The lesson the bare address opens, painted from static HTML (src/prerender.tsx). */
const PRERENDERED = { scenario: DEFAULT_LESSON, langs: LANGS }

/**
 * The default lesson's first screen, in each language, written into index.html at build time: the page paints
 * before any JavaScript runs, and main.tsx renders the same screen with React in its place. Under the strict CSP a
 * style attribute in HTML would be ignored, so each one becomes a class whose rule joins the page's stylesheet.
 * lesson-preload.js hides the copy the address does not ask for (another lesson, step, mode or language).
 */
function prerender(): Plugin {
  return {
    name: 'prerender',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const html = Object.values(bundle).find((b) => b.type === 'asset' && b.fileName === 'index.html')
        const css = Object.values(bundle).find((b) => b.type === 'asset' && b.fileName.endsWith('.css') && /assets\/index-/.test(b.fileName))
        if (!html || html.type !== 'asset' || !css || css.type !== 'asset') return
        const { module: compile } = await runnerImport<Compile>('/src/lessons/compile.ts', { configFile: false, logLevel: 'error' })
        const { module: pre } = await runnerImport<typeof PrerenderModule>('/src/prerender.tsx', {
          configFile: false,
          logLevel: 'error',
          plugins: [timelines()],
        })
        const lesson = compile.compileById(PRERENDERED.scenario)
        if (!lesson) throw new Error(`no lesson ${PRERENDERED.scenario} to prerender`)
        const rules = new Map<string, string>()
        const classed = (markup: string) =>
          markup.replace(/<([a-z][a-z0-9]*)([^>]*?) style="([^"]*)"([^>]*)>/g, (_m, tag: string, before: string, style: string, after: string) => {
            let name = rules.get(style)
            if (!name) {
              name = `pr${rules.size}`
              rules.set(style, name)
            }
            const attrs = `${before}${after}`
            const withClass = / class="/.test(attrs) ? attrs.replace(/ class="([^"]*)"/, ` class="$1 ${name}"`) : `${attrs} class="${name}"`
            return `<${tag}${withClass}>`
          })
        // Test ids and element ids belong to the page React draws, not to the two static copies it replaces.
        const inert = (markup: string) => markup.replace(/ (data-testid|id|aria-labelledby)="[^"]*"/g, '')
        const copies = PRERENDERED.langs.map((l) => `<div data-prerendered="${l}">${inert(classed(pre.prerenderLesson(lesson, l)))}</div>`).join('')
        const unescape = (v: string) =>
          v
            .replace(/&quot;/g, '"')
            .replace(/&#x27;/g, "'")
            .replace(/&amp;/g, '&')
        const sheet = [...rules]
          .map(
            ([style, name]) =>
              `.${name}{${unescape(style)
                .replace(/;?$/, '')
                .split(';')
                .map((d) => `${d} !important`)
                .join(';')}}`,
          )
          .join('')
        css.source = `${String(css.source)}\n${sheet}\n`
        // With build.modulePreload off, the entry's own imports (the shell) are named here, so that they load with it.
        const entry = Object.values(bundle).find((b) => b.type === 'chunk' && b.isEntry && b.fileName.startsWith('assets/index-'))
        const preloads = entry && entry.type === 'chunk' ? entry.imports.map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`).join('') : ''
        html.source = String(html.source).replace('</head>', `${preloads}</head>`).replace('<div id="root"></div>', `<div id="root">${copies}</div>`)
      },
    },
  }
}

function embedScript(): Plugin {
  return {
    name: 'embed-script',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: '/src/embed/mail-sequence.ts', fileName: 'embed.js' })
    },
  }
}

export default defineConfig({
  plugins: [react(), timelines(), embedScript(), prerender(), ...offline()],
  base: './',
  build: {
    // Lesson chunks and lazy pages have no shared dependencies worth preloading: no preload wrapper around each
    // of the shell's dynamic imports (the lesson table is 3 per lesson).
    modulePreload: false,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // A lesson's captions are named after it and their language (the preload script builds these names).
        chunkFileNames: (chunk) => {
          const m = /^\0virtual:captions\/([^/]+)\/(\w+)$/.exec(chunk.facadeModuleId ?? '')
          return m ? `assets/${m[1]}.${m[2]}-[hash].js` : 'assets/[name]-[hash].js'
        },
        // What the page shell needs goes in one chunk (one request, one gzip window), however the lazy pages
        // share it; the lazy pages and the lessons stay chunks of their own.
        codeSplitting: {
          groups: [
            {
              name: 'shell',
              test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]|src[\\/](store[\\/](player|context|clock|url|lessons|loader|questions)|layout|content[\\/](ui|types)|model[\\/]label|ui[\\/](controls[\\/](?!LayersControl)|panels[\\/]CaptionPanel|diagram[\\/]Diagram|format|pages|App|PlayerPage))/,
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
