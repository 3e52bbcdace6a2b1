/// <reference types="vite/client" />

declare module 'virtual:timelines' {
  import type { Lesson, LessonInfo } from './lessons/lesson'
  export const loaders: Record<string, () => Promise<Lesson>>
  /** Every lesson's id, protocol, order and title, in list order (the rest loads with the lesson). */
  export const SCENARIO_LIST: readonly LessonInfo[]
}
