import { Workbox } from 'workbox-window'
import type { Pinia } from 'pinia'
import { usePwaStore } from '../stores/pwa'

const HOUR = 60 * 60 * 1000

/**
 * Registers the service worker with a prompt, never an automatic reload: a resident may be in
 * the middle of a form. A waiting worker (a new release) raises the prompt; pressing 更新する
 * lets it take over, and only then does the page reload. Updates are checked hourly.
 *
 * Several tabs: the new worker takes control of every open tab at once (clientsClaim), so when
 * 更新する is pressed in one tab the others are left running the old release. Their prompt must
 * still work — there is no waiting worker left to activate, so pressing it just reloads onto the
 * new version — and a tab that never saw the waiting worker gets the prompt when the new one
 * takes over. (Their lazy pages, now missing from the server and the cache, reload once onto the
 * new release: see recoverFromStaleChunks in router.ts.)
 */
export function registerServiceWorker(pinia: Pinia): void {
  const pwa = usePwaStore(pinia)
  const base = import.meta.env.BASE_URL
  const wb = new Workbox(`${base}sw.js`, { scope: base })
  const container = navigator.serviceWorker
  // On a first visit the worker claims the page too: that is no new release.
  const hadController = !!container.controller
  let registration: ServiceWorkerRegistration | undefined
  let updating = false

  const apply = () => {
    updating = true
    if (!registration?.waiting) {
      // the new version is already active (another tab let it take over): only reload
      window.location.reload()
      return
    }
    container.addEventListener('controllerchange', () => window.location.reload(), { once: true })
    wb.messageSkipWaiting()
  }

  wb.addEventListener('waiting', () => pwa.offerUpdate(apply))
  container.addEventListener('controllerchange', () => {
    if (hadController && !updating) pwa.offerUpdate(apply)
  })

  // A browser that refuses service workers (a policy on a counter PC, a private window) still runs
  // the app online: registration failing is no error for the resident.
  void wb
    .register()
    .then((reg) => {
      registration = reg
      if (reg) setInterval(() => void reg.update().catch(() => undefined), HOUR)
    })
    .catch(() => undefined)
  // Load the prompt now, while this release's files are still on the server and in the cache:
  // once another tab has updated, this tab could no longer fetch it to say so.
  void import('./ThePwaPrompt.vue').catch(() => undefined)
}
