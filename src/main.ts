import { createApp, watch } from 'vue'
import { createPinia, type Pinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { i18n } from './i18n'
import { setupLanguage } from './app/language'
import { useSettingsStore } from './stores/settings'
import { whenIdle } from './app/idle'
import { databaseMayExist } from './db/exists'
import './app/styles.css'

async function purgeExpiredDrafts(pinia: Pinia): Promise<void> {
  if (!(await databaseMayExist())) return
  const { useCounterStore } = await import('./stores/counter')
  await useCounterStore(pinia).load()
}

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

  // Drafts past the town's retention are deleted on every visit (residents saw 「あと3日で消えます」
  // before), once the page is idle, so the database code never delays the first paint; and only
  // when the database exists: a first visit holds no draft and loads no database code. (The
  // counter pages also load, and so purge, the drafts when they open.)
  whenIdle(() => void purgeExpiredDrafts(pinia))

  // The service worker is registered after the first paint, so it never delays it.
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    const { registerServiceWorker } = await import('./app/pwa')
    registerServiceWorker(pinia)
  }
}

void start()
