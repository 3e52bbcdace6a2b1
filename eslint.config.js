import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const uiPackages = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'framer-motion', 'motion', 'motion/*']

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'fixtures', '.sz', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}'],
    // Scripts run in Node, and hand small functions to the page (page.evaluate), where browser globals exist.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The engine runs under plain Node: no UI libraries, no DOM, nothing from the layers above it.
    files: ['src/model/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: uiPackages.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'src/model must stay free of UI libraries.' })),
        patterns: [
          { group: uiPackages.filter((p) => p.includes('*')), message: 'src/model must stay free of UI libraries.' },
          { group: ['**/ui/**', '**/store/**', '**/layout/**', '**/content/**', '**/scenarios/**'], message: 'src/model imports nothing from the layers above it.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'location'],
    },
  },
  {
    files: ['src/layout/**/*.ts', 'src/content/**/*.ts', 'src/scenarios/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: uiPackages.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'This layer is pure data/geometry.' })),
        patterns: [{ group: ['**/ui/**', '**/store/**'], message: 'Imports flow one way: model → scenarios/content/layout → store → ui.' }],
      }],
    },
  },
)
