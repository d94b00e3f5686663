import { createApp, watch } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { i18n } from './i18n'
import { setupLanguage } from './app/language'
import { useSettingsStore } from './stores/settings'
import './app/styles.css'

async function start(): Promise<void> {
  const app = createApp(App)
  const pinia = createPinia()
  app.use(pinia)
  const router = createAppRouter()
  const settings = useSettingsStore(pinia)

  await setupLanguage(router, settings)
  const root = document.documentElement
  watch(
    () => [settings.textSize, settings.highContrast] as const,
    ([size, contrast]) => {
      root.dataset.textSize = size
      root.dataset.contrast = contrast ? 'high' : 'normal'
    },
    { immediate: true },
  )

  app.use(i18n)
  app.use(router)
  await router.isReady()
  app.mount('#app')

  // Drafts past the town's retention are deleted at start (residents saw 「あと3日で消えます」
  // before). After the first paint, so the database code never delays it.
  void import('./stores/counter').then(({ useCounterStore }) => useCounterStore(pinia).load())

  // The service worker is registered after the first paint, so it never delays it.
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    const { registerServiceWorker } = await import('./app/pwa')
    registerServiceWorker(pinia)
  }
}

void start()
