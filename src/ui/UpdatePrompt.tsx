// The update prompt (offline, CONTRACT.md §5): a new version of the app is installed and waits. It never
// reloads by itself, in the middle of a class; the button does. Japanese first, then English, whatever the
// page's language. It lives outside the app's root (src/pwa/start.ts shows it), in a landmark of its own.
import { StrictMode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import './UpdatePrompt.css'

interface Props {
  readonly onUpdate: () => void
  readonly onLater: () => void
}

export function UpdatePrompt({ onUpdate, onLater }: Props) {
  return (
    <>
      <p className="update-prompt-text">
        <span lang="ja">新しいバージョンがあります</span> <span lang="en">A new version is ready</span>
      </p>
      <div className="update-prompt-actions">
        <button type="button" className="update-prompt-apply" data-testid="update.apply" onClick={onUpdate}>
          <span lang="ja">更新する</span> / <span lang="en">Update</span>
        </button>
        <button type="button" className="update-prompt-later" data-testid="update.later" onClick={onLater}>
          <span lang="ja">後で</span> / <span lang="en">Later</span>
        </button>
      </div>
    </>
  )
}

let shown: { root: Root; host: HTMLElement } | null = null

/** Shows the prompt (once: a second call only changes what Update does). Later hides it; it is back on the next visit. */
export function showUpdatePrompt(apply: () => void): void {
  if (!shown) {
    const host = document.createElement('aside')
    host.className = 'update-prompt'
    host.dataset.testid = 'update.prompt'
    host.setAttribute('aria-label', 'アプリの更新 / App update')
    // The live region is in the page before its text: screen readers announce what is added to one.
    const live = document.createElement('div')
    live.setAttribute('role', 'status')
    host.append(live)
    document.body.append(host)
    shown = { root: createRoot(live), host }
  }
  const { root, host } = shown
  const later = () => {
    root.unmount()
    host.remove()
    shown = null
  }
  root.render(
    <StrictMode>
      <UpdatePrompt onUpdate={apply} onLater={later} />
    </StrictMode>,
  )
}
