// Pages as data: one row per page says how the address names it, which parameters it writes, which chrome it
// shows and which component draws it. Links are made by hrefFor; the address bar is written by searchFor,
// called from one subscription (main.tsx).
import { lazy, type ComponentType } from 'react'
import type { UiKey } from '../content/ui'
import { layersParam } from '../lessons/layers'
import type { Player } from '../store/player'
import { PlayerPage } from './PlayerPage'

/** A parameter's value from the state: a string sets it, null removes it, undefined leaves it as it is. */
type Params = Readonly<Record<string, string | null | undefined>>

interface PageRow {
  readonly id: string
  /** The `mode=` value that opens it; null for the default page. */
  readonly mode: string | null
  /** Its name in the mode links; absent for pages that are not listed there. */
  readonly label?: UiKey
  /** It plays a lesson: `scenario` and `step` are its parameters, and the lesson loads before it draws. */
  readonly lesson: boolean
  /** Predict-the-reply: the cursor stops before each server reply. */
  readonly predict: (p: URLSearchParams) => boolean
  /** The page header (title, mode links, languages), the lesson picker in it, the links for teaching below it. */
  readonly chrome: { readonly header: boolean; readonly picker: boolean; readonly teach: boolean }
  /** Moves with the other windows of the same lesson (presenter, projector, playback). */
  readonly sync: boolean
  readonly component: ComponentType
  /** The parameters it owns, from the state. */
  readonly params: (s: Player) => Params
  /** Where its link in the mode links goes, from the state of the page the learner is on. */
  readonly link: (s: Player) => Params
}

const lessonParams = (s: Player): Params => ({
  scenario: s.missingScenario === null ? s.scenarioId : undefined,
  // No lesson (its chunk failed to load): the step in the address is the learner's deep link, not ours to reset.
  step: s.missingScenario === null && s.lesson !== null ? String(s.step) : undefined,
  view: s.view === 'eavesdropper' ? 'eavesdropper' : null,
  layers: layersParam(s.layers),
})
/** The lesson on screen, or the default one when the sandbox's own is on screen. */
const lessonLink = (s: Player): Params => ({ scenario: s.scenarioId === 'sandbox' || s.missingScenario !== null ? null : s.scenarioId })
const none = (): Params => ({})
const no = () => false

const full = { header: true, picker: true, teach: false }
const plain = { header: true, picker: false, teach: false }
const bare = { header: false, picker: false, teach: false }

export const PAGES = [
  {
    id: 'play',
    mode: null,
    label: 'modePlay',
    lesson: true,
    predict: no,
    chrome: { ...full, teach: true },
    sync: true,
    component: PlayerPage,
    params: lessonParams,
    link: lessonLink,
  },
  {
    id: 'predict',
    mode: 'predict',
    label: 'modePredict',
    lesson: true,
    predict: () => true,
    chrome: full,
    sync: false,
    component: PlayerPage,
    params: lessonParams,
    link: lessonLink,
  },
  {
    id: 'sandbox',
    mode: 'sandbox',
    label: 'modeSandbox',
    lesson: false,
    predict: no,
    chrome: plain,
    sync: false,
    component: lazy(() => import('./sandbox/SandboxPage')),
    params: (s) => {
      const sb = s.sandbox
      if (!sb) return {}
      const link = sb.link.state === 'ok' ? sb.link.value || null : sb.link.state === 'too-long' ? null : undefined
      return { ...sb.setupParams, s: link, scenario: null, step: null, view: s.view === 'eavesdropper' ? 'eavesdropper' : null }
    },
    link: () => ({ protocol: 'smtp', port: '25' }),
  },
  {
    // Bring your own session (CONTRACT.md §6): a transcript or a capture, played and checked by the engine.
    id: 'import',
    mode: 'import',
    label: 'modeImport',
    lesson: false,
    predict: no,
    chrome: plain,
    sync: false,
    component: lazy(() => import('./import/ImportPage')),
    // `i=` stays until the page has read it (importLink is undefined until then; null: not in the address).
    params: (s) => ({ i: s.importLink }),
    link: none,
  },
  {
    id: 'drills',
    mode: 'drills',
    label: 'modeDrills',
    lesson: false,
    predict: no,
    chrome: plain,
    sync: false,
    component: lazy(() => import('./drills/DrillsPage')),
    params: none,
    link: none,
  },
  {
    id: 'map',
    mode: 'map',
    label: 'mapLink',
    lesson: false,
    predict: no,
    chrome: plain,
    sync: false,
    component: lazy(() => import('./map/MapPage')),
    params: none,
    link: none,
  },
  // In class (CONTRACT.md §4): the projector view, the presenter console, the handout.
  {
    id: 'present',
    mode: 'present',
    lesson: true,
    predict: (p) => p.get('predict') === '1',
    chrome: bare,
    sync: true,
    component: lazy(() => import('./present/PresentPage')),
    params: lessonParams,
    link: lessonLink,
  },
  {
    id: 'presenter',
    mode: 'presenter',
    lesson: true,
    predict: no,
    chrome: bare,
    sync: true,
    component: lazy(() => import('./present/PresenterPage')),
    params: lessonParams,
    link: lessonLink,
  },
  {
    id: 'print',
    mode: 'print',
    lesson: true,
    predict: no,
    chrome: bare,
    sync: false,
    component: lazy(() => import('./print/PrintPage')),
    params: (s) => ({ scenario: s.missingScenario === null ? s.scenarioId : undefined, step: null, view: null }),
    link: lessonLink,
  },
] as const satisfies readonly PageRow[]

export type PageId = (typeof PAGES)[number]['id']
export type Page = (typeof PAGES)[number]

export function pageById(id: string): Page {
  return PAGES.find((p) => p.id === id) ?? PAGES[0]
}

/** The page the address asks for; anything unknown plays a lesson. */
export function pageFor(params: URLSearchParams): Page {
  const mode = params.get('mode')
  return PAGES.find((p) => p.mode !== null && p.mode === mode) ?? PAGES[0]
}

/** A link to a page: `mode` first, then the given parameters (null and undefined left out). */
export function hrefFor(id: PageId, params: Params = {}): string {
  const page = pageById(id)
  const p = new URLSearchParams()
  if (page.mode !== null) p.set('mode', page.mode)
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined) p.set(k, v)
  return `?${p.toString()}`
}

/** The address for the state: the page's own parameters and `lang`; parameters no page owns (a course page's own) are kept. */
export function searchFor(current: string, s: Player): string {
  const page = pageById(s.page)
  const p = new URLSearchParams(current)
  if (page.mode === null) p.delete('mode')
  else p.set('mode', page.mode)
  const own: Params = page.params(s)
  for (const [k, v] of Object.entries(own)) {
    if (v === null) p.delete(k)
    else if (v !== undefined) p.set(k, v)
  }
  p.set('lang', s.lang)
  return `?${p.toString()}`
}
