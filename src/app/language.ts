import { ref, watch } from 'vue'
import type { Router } from 'vue-router'
import { i18n, loadFeatureMessages, loadLocale, loadedFeatures, prefetchMessages } from '../i18n'
import { whenIdle } from './idle'
import { htmlLang, isLanguage } from '../domain/settings/settings'
import { ADDED_LANGUAGES, LANGUAGE_INFO, type Language } from '../domain/language'
import { offeredLanguages } from '../content/registry'
import { prefetchContent, translateContent } from '../content/translations'
import type { useSettingsStore } from '../stores/settings'

/**
 * Keeps the language in step everywhere: `?lang=` on any URL shows the visit in that language
 * (and stores it only when the resident has not chosen one yet), the messages a page needs are
 * loaded before it renders, and `<html lang>` / `data-lang` follow the language the page is in
 * (staff pages are Japanese whatever the resident chose, so they never get the やさしい日本語 typography).
 */
/**
 * A chosen language whose files could not be loaded: the phone is offline and they are not kept
 * on it yet (chosen offline, or a new release replaced them before they were fetched again).
 * Japanese, which every release carries, is shown meanwhile, and TheOfflineNotice says why. A
 * browser does not fetch a module again after it failed to load, so once the phone is online the
 * notice offers a reload in that language.
 */
export const languageUnavailable = ref<Language | null>(null)

export async function setupLanguage(router: Router, settings: ReturnType<typeof useSettingsStore>): Promise<void> {
  const offered = (lang: unknown): lang is Language => isLanguage(lang) && offeredLanguages.includes(lang)
  const queryLang = new URLSearchParams(window.location.search).get('lang')
  if (offered(queryLang)) settings.followLink(queryLang)

  router.beforeEach((to) => {
    const lang = to.query.lang
    if (offered(lang)) settings.followLink(lang)
  })
  router.beforeResolve(async (to) => {
    // the page's own code has loaded by now: content it brought (the guides) gets its translation first
    const lang = i18n.global.locale.value as Language
    await Promise.all([to.meta.feature ? loadFeatureMessages(to.meta.feature, to.meta.staff ? 'ja' : lang) : undefined, to.meta.staff ? undefined : translateContent(shownLanguages())])
  })

  const root = document.documentElement
  let staffPage = false
  const mark = (): void => {
    const lang: Language = staffPage ? 'ja' : (i18n.global.locale.value as Language)
    root.lang = htmlLang(lang)
    root.dir = LANGUAGE_INFO[lang].dir
    root.dataset.lang = lang
  }
  router.afterEach((to) => {
    staffPage = !!to.meta.staff
    mark()
  })

  // While a link's language is shown, the resident's own language is loaded too: the header
  // offers the way back in words they read.
  const shownLanguages = (): Language[] => (languageUnavailable.value ? ['ja'] : [settings.language, settings.savedLanguage])
  const apply = async (lang: Language): Promise<void> => {
    const saved = settings.savedLanguage
    try {
      await Promise.all([loadLocale(lang), loadLocale(saved), ...loadedFeatures().map((feature) => loadFeatureMessages(feature, lang)), translateContent([lang, saved])])
      languageUnavailable.value = null
      i18n.global.locale.value = lang
    } catch {
      // never a blank page: the precached Japanese, and a line saying why (the setting is kept)
      languageUnavailable.value = lang
      await Promise.all([...loadedFeatures().map((feature) => loadFeatureMessages(feature, 'ja')), translateContent(['ja'])])
      i18n.global.locale.value = 'ja'
    }
    mark()
  }
  await apply(settings.language)
  watch(() => settings.language, apply)
  // The resident's own language, every page of it, is kept for offline use once the page is quiet.
  watch(
    () => settings.savedLanguage,
    (lang) => whenIdle(() => void prefetchLanguage(lang)),
    { immediate: true },
  )
}

/**
 * An added language is not in the offline precache (that would make every resident download all
 * eleven): once chosen, all of its files are fetched here and the service worker's runtime cache
 * keeps them, so after one visit every page works offline in it.
 */
function prefetchLanguage(lang: Language): Promise<unknown> {
  if (!(ADDED_LANGUAGES as readonly string[]).includes(lang)) return Promise.resolve()
  return Promise.allSettled([prefetchMessages(lang), prefetchContent(lang)])
}
