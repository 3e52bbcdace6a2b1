// Inline SVG icons: media-control glyphs (⏮ ⏸) are missing from many fonts, CJK fonts included.
const PATHS = {
  restart: 'M5 4h2v16H5zM19 4v16L8 12z',
  prev: 'M16 4v16L5 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  next: 'M8 4v16l11-8zM19 4h2v16h-2z',
  last: 'M5 4v16l11-8zM17 4h2v16h-2z',
  eye: 'M12 5C6.5 5 2.7 9.3 1.5 12c1.2 2.7 5 7 10.5 7s9.3-4.3 10.5-7C21.3 9.3 17.5 5 12 5zm0 11.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9zm0-2.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  lock: 'M7 10V7a5 5 0 0 1 10 0v3h2v11H5V10h2zm2 0h6V7a3 3 0 0 0-6 0v3z',
} as const

export type IconName = keyof typeof PATHS

export function Icon({ name, size = 18, label }: { name: IconName; size?: number; label?: string }) {
  return (
    <svg
      className={`icon icon-${name}`}
      viewBox="0 0 24 24"
      width={size}
      height={size}
      focusable="false"
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  )
}
