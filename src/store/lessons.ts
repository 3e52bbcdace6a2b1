// The lesson list the page shell shows: ids and titles only, built with the lessons (vite.config.ts).
import { SCENARIO_LIST } from 'virtual:timelines'
import type { LessonInfo } from '../lessons/lesson'

export const DEFAULT_SCENARIO_ID = 'smtp-basic'
export const LESSONS: readonly LessonInfo[] = [...SCENARIO_LIST].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))

export function findLesson(id: string): LessonInfo | undefined {
  return LESSONS.find((s) => s.id === id)
}
