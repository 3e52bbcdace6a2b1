import type { Bilingual, Protocol, SessionSpec } from '../model'

/** A lesson: client actions and server configuration only; every reply comes from the engine. */
export interface Scenario extends Omit<SessionSpec, 'seed'> {
  readonly id: string
  readonly protocol: Protocol
  /** Position in the scenario list. */
  readonly order: number
  readonly title: Bilingual
  /** One or two sentences shown before the first step. */
  readonly summary: Bilingual
}
