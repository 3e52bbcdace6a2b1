// The one animated piece of the diagram, loaded on the first forward step (never with reduced motion),
// so that motion stays off the initial page load.
import { LazyMotion, MotionConfig, domAnimation, m } from 'framer-motion'

/** The arrow's line, drawn from its tail to its head. */
export default function AnimatedTrack({ direction }: { direction: 'left' | 'right' }) {
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={domAnimation} strict>
        <m.span
          className="line"
          aria-hidden="true"
          initial={{ scaleX: 0 }}
          animate={{ scaleX: 1 }}
          transition={{ duration: 0.45, ease: 'easeOut' }}
          style={{ originX: direction === 'right' ? 0 : 1 }}
        />
      </LazyMotion>
    </MotionConfig>
  )
}
