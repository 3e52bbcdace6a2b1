// Reference page: the same session drawn the way a developer would write it first, with React 19, zustand and
// framer-motion, and no optimisation (every arrow a motion component, the whole list re-rendered on each step).
import { motion, MotionConfig } from 'framer-motion'
import { StrictMode, useEffect } from 'react'
import { createRoot } from 'react-dom/client'
import { create } from 'zustand'
import session from 'virtual:bench-session'
import './style.css'

const total = session.arrows.length
const asked = Number(new URLSearchParams(window.location.search).get('step') ?? total)

interface Player {
  step: number
  next: () => void
  prev: () => void
  first: () => void
  last: () => void
}

const usePlayer = create<Player>((set) => ({
  step: Number.isFinite(asked) ? Math.min(total, Math.max(0, Math.trunc(asked))) : total,
  next: () => set((s) => ({ step: Math.min(total, s.step + 1) })),
  prev: () => set((s) => ({ step: Math.max(0, s.step - 1) })),
  first: () => set({ step: 0 }),
  last: () => set({ step: total }),
}))

function Arrow({ index, current }: { index: number; current: boolean }) {
  const arrow = session.arrows[index]
  if (!arrow) return null
  const right = arrow.direction === 'right'
  return (
    <motion.li
      className={current ? 'message current' : 'message'}
      data-testid="message"
      data-dir={arrow.direction}
      initial={{ opacity: 0, x: right ? -24 : 24 }}
      animate={{ opacity: 1, x: 0 }}
      transition={{ duration: 0.4 }}
    >
      <span className="no">{index + 1}</span>
      <div className="arrow" style={{ left: `${arrow.left * 100}%`, width: `${arrow.width * 100}%` }}>
        <span className="label">{arrow.label}</span>
        <svg className="line" viewBox="0 0 100 12" preserveAspectRatio="none">
          <line x1="0" y1="6" x2="100" y2="6" stroke="#334155" strokeWidth="2" strokeDasharray={arrow.dashed ? '4 3' : undefined} />
          {right ? <polygon points="92,0 100,6 92,12" fill="#334155" /> : <polygon points="8,0 0,6 8,12" fill="#334155" />}
        </svg>
      </div>
    </motion.li>
  )
}

function App() {
  const { step, next, prev, first, last } = usePlayer()

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight') next()
      else if (e.key === 'ArrowLeft') prev()
      else if (e.key === 'Home') first()
      else if (e.key === 'End') last()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [next, prev, first, last])

  return (
    <MotionConfig reducedMotion="user">
      <main>
        <h1>{session.title}</h1>
        <div className="toolbar">
          <button onClick={prev}>←</button>
          <span data-testid="step-counter">
            {step} / {total}
          </span>
          <button onClick={next}>→</button>
        </div>
        <div className="actors">
          {session.actors.map((a) => (
            <div key={a.id} className="actor" style={{ left: `${a.x * 100}%` }}>
              {a.title}
              <small>{a.host}</small>
            </div>
          ))}
        </div>
        <div className="diagram">
          {session.actors.map((a) => (
            <div key={a.id} className="lane" style={{ left: `${a.x * 100}%` }} />
          ))}
          <ol className="messages">
            {session.arrows.slice(0, step).map((_, i) => (
              <Arrow key={i} index={i} current={i === step - 1} />
            ))}
          </ol>
        </div>
      </main>
    </MotionConfig>
  )
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
