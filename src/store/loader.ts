// Lessons arrive compiled, one chunk each (vite.config.ts, plugin "timelines"); the browser keeps each
// chunk once fetched, so loading the same lesson again costs nothing.
import { loaders } from 'virtual:timelines'
import type { Lesson } from '../lessons/lesson'

export function loadLesson(id: string): Promise<Lesson> {
  const load = Object.prototype.hasOwnProperty.call(loaders, id) ? loaders[id] : undefined
  return load ? load() : Promise.reject(new Error(`unknown scenario ${id}`))
}
