// The offline feature's composition: register the service worker (register.ts) and, when a new version waits,
// load and show the update prompt (ui/UpdatePrompt.tsx, a chunk of its own, fetched only then).
import { registerWorker } from './register'

export function startOffline(): void {
  registerWorker((apply) => void import('../ui/UpdatePrompt').then((m) => m.showUpdatePrompt(apply))).catch((e: unknown) => {
    // No service worker (refused by the browser, its settings or the host's policy): the app works as before,
    // online only. Said once in the console, for whoever sets up the host.
    console.warn('Offline use is not available:', e)
  })
}
