// The session every page of the speed benchmark draws, made by the app's own code at build time: the lesson
// compiled by the engine, its Mermaid text from the app's exporter, and each arrow's label and direction as the
// app's diagram shows them. The reference pages get it through `virtual:bench-session` (bench/vite.config.ts).
import { compileById } from '../src/lessons/compile'
import { mermaidText } from '../src/lessons/export'
import { actorTitle, arrowLabel } from '../src/lessons/labels'
import { arrowOf, layoutLanes } from '../src/layout/sequence'
import type { BenchSession } from 'virtual:bench-session'

export function benchSession(id: string, lang: 'ja' | 'en'): BenchSession {
  const lesson = compileById(id)
  if (!lesson) throw new Error(`bench: no lesson ${id}`)
  const { actors, steps } = lesson.timeline
  const lanes = layoutLanes(actors)
  const clients = actors.filter((a) => a.role === 'client').length
  return {
    id,
    lang,
    title: lesson.title[lang],
    mermaid: mermaidText(lesson, steps.length, lang),
    actors: actors.map((a, i) => ({ id: a.id, title: actorTitle(a, lang, clients), host: a.host, x: lanes[i]?.x ?? 0 })),
    arrows: steps.map((s) => {
      const a = arrowOf(lanes, s)
      return { from: s.from, to: s.to, label: arrowLabel(s, lang), direction: a.direction, left: a.left, width: a.width, dashed: s.layer === 'tcp' }
    }),
  }
}
