import { watch } from 'vue'
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
    await Promise.all([to.meta.feature ? loadFeatureMessages(to.meta.feature, to.meta.staff ? 'ja' : settings.language) : undefined, to.meta.staff ? undefined : translateContent(shownLanguages())])
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
  const shownLanguages = (): Language[] => [settings.language, settings.savedLanguage]
  const apply = async (lang: Language): Promise<void> => {
    const saved = settings.savedLanguage
    await Promise.all([loadLocale(lang), loadLocale(saved), ...loadedFeatures().map((feature) => loadFeatureMessages(feature, lang)), translateContent(shownLanguages())])
    i18n.global.locale.value = lang
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
