/// <reference types="vite/client" />

declare module 'virtual:timelines' {
  import type { LessonInfo } from './lessons/lesson'
  /** Per lesson: its timeline (the lesson without its words), and its words in each language (src/store/loader.ts reads both). */
  export const loaders: Record<string, { timeline: () => Promise<unknown>; ja: () => Promise<unknown>; en: () => Promise<unknown> }>
  /** Every lesson's id, protocol, order and title, in list order (the rest loads with the lesson). */
  export const SCENARIO_LIST: readonly LessonInfo[]
}
