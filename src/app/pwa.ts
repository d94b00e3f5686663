import { Workbox } from 'workbox-window'
import type { Pinia } from 'pinia'
import { usePwaStore } from '../stores/pwa'

const HOUR = 60 * 60 * 1000

/**
 * Registers the service worker with a prompt, never an automatic reload: a resident may be in
 * the middle of a form. A waiting worker (a new release) raises the prompt; pressing 更新する
 * lets it take over, and only then does the page reload. Updates are checked hourly.
 */
export function registerServiceWorker(pinia: Pinia): void {
  const pwa = usePwaStore(pinia)
  const base = import.meta.env.BASE_URL
  const wb = new Workbox(`${base}sw.js`, { scope: base })

  wb.addEventListener('waiting', () => {
    pwa.offerUpdate(() => {
      wb.addEventListener('controlling', () => window.location.reload())
      wb.messageSkipWaiting()
    })
  })

  void wb.register().then((registration) => {
    if (registration) setInterval(() => void registration.update().catch(() => undefined), HOUR)
  })
}
