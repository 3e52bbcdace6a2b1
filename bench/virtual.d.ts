// What `virtual:bench-session` holds: bench/session.ts makes it, bench/vite.config.ts serves it to the pages.
declare module 'virtual:bench-session' {
  export interface BenchSession {
    readonly id: string
    readonly lang: 'ja' | 'en'
    readonly title: string
    /** The app's Mermaid export of the whole session (src/lessons/export.ts). */
    readonly mermaid: string
    /** Lifelines: `x` is the lane's position, 0–1 of the width. */
    readonly actors: readonly { readonly id: string; readonly title: string; readonly host: string; readonly x: number }[]
    /** One per step: `left` and `width` are fractions of the width, as on the app's diagram. */
    readonly arrows: readonly {
      readonly from: string
      readonly to: string
      readonly label: string
      readonly direction: 'left' | 'right'
      readonly left: number
      readonly width: number
      readonly dashed: boolean
    }[]
  }

  const session: BenchSession
  export default session
}
