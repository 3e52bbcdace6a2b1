// Inline SVG icons: media-control glyphs (⏮ ⏸) are missing from many fonts, CJK fonts included.
const PATHS = {
  restart: 'M5 4h2v16H5zM19 4v16L8 12z',
  prev: 'M16 4v16L5 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  next: 'M8 4v16l11-8zM19 4h2v16h-2z',
  last: 'M5 4v16l11-8zM17 4h2v16h-2z',
} as const

export type IconName = keyof typeof PATHS

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  )
}
