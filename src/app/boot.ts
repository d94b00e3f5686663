import { watch } from 'vue'
import { createPinia, type Pinia } from 'pinia'
import { createYorisoi } from './createYorisoi'
import { useSettingsStore } from '../stores/settings'
import { whenIdle } from './idle'
import { databaseMayExist } from '../db/exists'
import { defaultSettings } from '../domain/settings/settings'
import { takeOverOnFirstInput, whenHydrated } from './hydrateInTurn'

/**
 * Starts the app (main.ts imports this once the page may run it): renders the page, or takes
 * over the prerendered one, then purges old drafts and registers the service worker when idle.
 */

async function purgeExpiredDrafts(pinia: Pinia): Promise<void> {
  if (!(await databaseMayExist())) return
  const { useCounterStore } = await import('../stores/counter')
  await useCounterStore(pinia).load()
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export async function start(): Promise<void> {
  const pinia = createPinia()
  const settings = useSettingsStore(pinia)
  const root = document.documentElement
  watch(
    () => [settings.textSize, settings.highContrast] as const,
    ([size, contrast]) => {
      root.dataset.textSize = size
      root.dataset.contrast = contrast ? 'high' : 'normal'
    },
    { immediate: true },
  )

  // A page built with its content (the town's default language, see src/prerender.ts) that the
  // head script found right for this resident is on screen already: the app takes it over
  // (hydrates). Any other page is rendered afresh, replacing the prerendered content the head
  // script kept hidden (or, where a host's policy blocked that script, the content as built).
  // (read here, not through ./prerendered, which stays in the entry's file) — and checked again:
  // the settings may have changed since the head script ran (another tab, a moment ago)
  const built = document.querySelector('meta[name="yorisoi-prerender"]')?.getAttribute('content')?.split(' ')[1]
  const defaults = defaultSettings(settings.language)
  const hydrate = root.dataset.prerender === 'show' && settings.language === built && settings.furigana === defaults.furigana && settings.readAloud === defaults.readAloud
  // Each step in a task of its own, the page answering taps and scrolls in between: on a slow
  // phone this file, the router, the language, the first navigation and the page would be one
  // long task together.
  await nextTask()
  const { app, router } = await createYorisoi({ pinia, ssr: hydrate, between: nextTask })
  await nextTask()
  // the page's parts made with hydrateInTurn are taken over in turn when the browser is idle, or
  // all at once on the first touch, key or navigation; the page takes taps meanwhile
  if (hydrate) takeOverOnFirstInput(router)
  app.mount('#app')
  root.dataset.prerender = hydrate ? 'hydrating' : 'done'
  if (hydrate) void whenHydrated().then(() => (root.dataset.prerender = 'done'))

  // Drafts past the town's retention are deleted on every visit (residents saw 「あと3日で消えます」
  // before), once the page is idle, so the database code never delays the first paint; and only
  // when the database exists: a first visit holds no draft and loads no database code. (The
  // counter pages also load, and so purge, the drafts when they open.)
  whenIdle(() => void purgeExpiredDrafts(pinia))

  // The service worker is registered after the first paint, so it never delays it.
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    const { registerServiceWorker } = await import('./pwa')
    registerServiceWorker(pinia)
  }
}

