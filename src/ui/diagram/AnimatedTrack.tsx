// The one animated piece of the diagram, loaded on the first forward step (never with reduced motion),
// so that motion stays off the initial page load.
import { LazyMotion, MotionConfig, domAnimation, m } from 'framer-motion'
import type { ReactNode } from 'react'

export default function AnimatedTrack({ direction, children }: { direction: 'left' | 'right'; children: ReactNode }) {
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={domAnimation} strict>
        <m.span
          className="track"
          initial={{ scaleX: 0 }}
          animate={{ scaleX: 1 }}
          transition={{ duration: 0.45, ease: 'easeOut' }}
          style={{ originX: direction === 'right' ? 0 : 1 }}
        >
          {children}
        </m.span>
      </LazyMotion>
    </MotionConfig>
  )
}
