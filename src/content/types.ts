// Shapes of the text learners read. Every caption exists in both languages (Japanese first).
export type Lang = 'ja' | 'en'
export const LANGS: readonly Lang[] = ['ja', 'en']

/** One explanation: two or three sentences in each language. */
export interface Caption {
  readonly ja: string
  readonly en: string
}
