import path from 'node:path'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const uiPackages = ['react', 'react-dom', 'zustand', 'framer-motion', 'motion']

/**
 * The layers of src/ and what each may import (DESIGN.md "Layers, one direction"). A file's layer is the first
 * folder under src/; src/main.tsx, the composition root, may import every layer. Packages are checked below.
 */
const LAYERS = {
  model: [],
  // The <mail-sequence> web component: its own small script, nothing of the app.
  embed: [],
  scenarios: ['model'],
  content: ['model'],
  layout: ['model'],
  sandbox: ['model'],
  // Capture and transcript readers, the engine check (src/import/README.md): pure, run in a Web Worker.
  import: ['model'],
  // layout: the exports (src/lessons/export.ts) draw the diagram's lanes and arrows as an SVG document.
  lessons: ['model', 'scenarios', 'content', 'layout'],
  store: ['model', 'content', 'lessons', 'sandbox', 'scenarios', 'layout'],
  ui: ['model', 'content', 'lessons', 'sandbox', 'scenarios', 'layout', 'store'],
  // Offline: registers the service worker and shows the update prompt (a ui component); nothing imports it but main.tsx.
  pwa: ['ui'],
}
const SRC = path.resolve('src')
const layerOf = (file) => {
  const rel = path.relative(SRC, file)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null
  const [first, second] = rel.split(path.sep)
  // src/main.tsx and its like are the root; `../model` names the folder, its index.
  return second === undefined && /\.\w+$/.test(first) ? '(root)' : first
}

/** Resolves every relative import and refuses the ones that go against the layers. */
const layersRule = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      up: 'src/{{from}} may not import src/{{to}}: imports flow one way (DESIGN.md layers).',
      outside: 'src/ may not import from outside src/ ({{spec}}).',
    },
  },
  create(context) {
    const file = context.filename
    const from = layerOf(file)
    if (from === null) return {}
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return
      const to = layerOf(path.resolve(path.dirname(file), spec))
      if (to === null) return context.report({ node, messageId: 'outside', data: { spec } })
      if (from === '(root)' || to === from) return
      if (to === '(root)' || !(LAYERS[from] ?? []).includes(to)) context.report({ node, messageId: 'up', data: { from, to } })
    }
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    }
  },
}

/** e2e tests drive the app through the browser only. */
const noSrcRule = {
  meta: { type: 'problem', schema: [], messages: { src: 'e2e tests use the app through the browser, not src/ ({{spec}}).' } },
  create(context) {
    const check = (node, spec) => {
      if (typeof spec === 'string' && spec.startsWith('.') && layerOf(path.resolve(path.dirname(context.filename), spec)) !== null)
        context.report({ node, messageId: 'src', data: { spec } })
    }
    return { ImportDeclaration: (n) => check(n, n.source.value), ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value) }
  },
}

const restrictPackages = (message) => ({
  'no-restricted-imports': ['error', { paths: uiPackages.map((name) => ({ name, message })), patterns: [{ regex: `^(${uiPackages.join('|')})/`, message }] }],
})

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'fixtures', '.sz', 'coverage', 'reports'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}', 'public/**/*.js'],
    // Scripts run in Node, and hand small functions to the page (page.evaluate), where browser globals exist.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { local: { rules: { layers: layersRule, 'no-src': noSrcRule } } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'local/layers': 'error',
    },
  },
  { files: ['e2e/**/*.ts'], rules: { 'local/no-src': 'error' } },
  // React's rules of hooks and the compiler's checks (refs in render, setState in effects, purity ...).
  { files: ['src/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
  {
    // The engine runs under plain Node: no UI libraries, no DOM.
    files: ['src/model/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      ...restrictPackages('src/model must stay free of UI libraries.'),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'location'],
    },
  },
  {
    // Pure layers: data, geometry and the sandbox's session logic; no UI library, no page globals.
    files: ['src/layout/**/*.ts', 'src/content/**/*.ts', 'src/scenarios/**/*.ts', 'src/lessons/**/*.ts', 'src/sandbox/**/*.ts', 'src/import/**/*.ts'],
    rules: {
      ...restrictPackages('This layer is pure data, geometry or logic.'),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'location'],
    },
  },
)
