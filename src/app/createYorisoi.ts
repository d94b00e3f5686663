import { createApp, createSSRApp, type App } from 'vue'
import type { Pinia } from 'pinia'
import type { Router, RouterHistory } from 'vue-router'
import AppRoot from '../App.vue'
import { createAppRouter } from '../router'
import { i18n } from '../i18n'
import { setupLanguage } from './language'
import { useSettingsStore } from '../stores/settings'

/**
 * The app, ready to mount: the same in the browser (main.ts) and in the build's prerender
 * (src/prerender.ts), so a prerendered page is exactly what the browser renders. `ssr` makes an
 * app that hydrates the page's prerendered content instead of rendering it again. `between` runs
 * between its steps (the router, the language, the first navigation).
 */
export async function createYorisoi(options: { pinia: Pinia; ssr: boolean; history?: RouterHistory; path?: string; between?: () => Promise<void> }): Promise<{ app: App; router: Router }> {
  // (the browser passes `between` to run each step in a task of its own: see app/boot.ts)
  const between = options.between ?? (() => Promise.resolve())
  const app = options.ssr ? createSSRApp(AppRoot) : createApp(AppRoot)
  app.use(options.pinia)
  const router = createAppRouter(options.history)
  await between()
  await setupLanguage(router, useSettingsStore(options.pinia))
  await between()
  app.use(i18n)
  app.use(router)
  if (options.path !== undefined) await router.push(options.path)
  await router.isReady()
  return { app, router }
}
