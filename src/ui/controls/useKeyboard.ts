import { useEffect } from 'react'
import { usePlayerStore } from '../../store/context'
import { commandForKey } from './commands'

/** Global keys of CONTRACT.md §2, except where a focused control already owns the key. */
export function useKeyboard(): void {
  const store = usePlayerStore()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return
      const el = e.target instanceof HTMLElement ? e.target : null
      const tag = el?.tagName
      const range = el instanceof HTMLInputElement && el.type === 'range'
      if ((tag === 'INPUT' && !range) || tag === 'SELECT' || tag === 'TEXTAREA' || el?.isContentEditable) return
      // Space on a focused button presses that button; don't also toggle playback.
      if (e.key === ' ' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY')) return
      const cmd = commandForKey(e.key, e.shiftKey)
      if (!cmd) return
      e.preventDefault()
      cmd.run(store.getState())
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store])
}
