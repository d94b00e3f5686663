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
 * app that hydrates the page's prerendered content instead of rendering it again.
 */
export async function createYorisoi(options: { pinia: Pinia; ssr: boolean; history?: RouterHistory; path?: string }): Promise<{ app: App; router: Router }> {
  const app = options.ssr ? createSSRApp(AppRoot) : createApp(AppRoot)
  app.use(options.pinia)
  const router = createAppRouter(options.history)
  await setupLanguage(router, useSettingsStore(options.pinia))
  app.use(i18n)
  app.use(router)
  if (options.path !== undefined) await router.push(options.path)
  await router.isReady()
  return { app, router }
}
