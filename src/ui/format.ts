// How a step reads on the diagram and in the wire panel. The words of arrows and actors live in
// src/lessons/labels.ts, where the exports use them too.
export { actorTitle, arrowDetail, arrowLabel, classOf, gapText } from '../lessons/labels'
