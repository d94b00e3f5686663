import { watch } from 'vue'
import type { Router } from 'vue-router'
import { i18n, loadFeatureMessages, loadLocale, loadedFeatures } from '../i18n'
import { htmlLang, isLanguage } from '../domain/settings/settings'
import type { Language } from '../domain/language'
import type { useSettingsStore } from '../stores/settings'

/**
 * Keeps the language in step everywhere: `?lang=` on any URL shows the visit in that language
 * (and stores it only when the resident has not chosen one yet), the messages a page needs are
 * loaded before it renders, and `<html lang>` / `data-lang` follow the language the page is in
 * (staff pages are Japanese whatever the resident chose, so they never get the やさしい日本語 typography).
 */
export async function setupLanguage(router: Router, settings: ReturnType<typeof useSettingsStore>): Promise<void> {
  const queryLang = new URLSearchParams(window.location.search).get('lang')
  if (isLanguage(queryLang)) settings.followLink(queryLang)

  router.beforeEach((to) => {
    const lang = to.query.lang
    if (isLanguage(lang)) settings.followLink(lang)
  })
  router.beforeResolve(async (to) => {
    if (to.meta.feature) await loadFeatureMessages(to.meta.feature, to.meta.staff ? 'ja' : settings.language)
  })

  const root = document.documentElement
  let staffPage = false
  const mark = (): void => {
    const lang: Language = staffPage ? 'ja' : (i18n.global.locale.value as Language)
    root.lang = htmlLang(lang)
    root.dataset.lang = lang
  }
  router.afterEach((to) => {
    staffPage = !!to.meta.staff
    mark()
  })

  const apply = async (lang: Language): Promise<void> => {
    // While a link's language is shown, the resident's own language is loaded too: the header
    // offers the way back in words they read.
    const saved = settings.savedLanguage
    await Promise.all([loadLocale(lang), loadLocale(saved), ...loadedFeatures().map((feature) => loadFeatureMessages(feature, lang))])
    i18n.global.locale.value = lang
    mark()
  }
  await apply(settings.language)
  watch(() => settings.language, apply)
}
