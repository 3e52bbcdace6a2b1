/// <reference types="vite/client" />

declare module 'virtual:timelines' {
  import type { Lesson, LessonInfo } from './lessons/lesson'
  /** Per lesson: its timeline (the lesson without captions), and its captions in each language. */
  export const loaders: Record<
    string,
    { timeline: () => Promise<Omit<Lesson, 'captions'>>; ja: () => Promise<(string | null)[]>; en: () => Promise<(string | null)[]> }
  >
  /** Every lesson's id, protocol, order and title, in list order (the rest loads with the lesson). */
  export const SCENARIO_LIST: readonly LessonInfo[]
}
