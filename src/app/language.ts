import { watch } from 'vue'
import type { Router } from 'vue-router'
import { i18n, loadFeatureMessages, loadLocale, loadedFeatures } from '../i18n'
import { htmlLang, isLanguage } from '../domain/settings/settings'
import type { Language } from '../content/types'
import type { useSettingsStore } from '../stores/settings'

/**
 * Keeps the language in step everywhere: `?lang=` on any URL selects and stores it, the
 * messages a page needs are loaded before it renders, and `<html lang>` follows the choice.
 */
export async function setupLanguage(router: Router, settings: ReturnType<typeof useSettingsStore>): Promise<void> {
  const queryLang = new URLSearchParams(window.location.search).get('lang')
  if (isLanguage(queryLang)) settings.setLanguage(queryLang)

  router.beforeEach((to) => {
    const lang = to.query.lang
    if (isLanguage(lang) && lang !== settings.language) settings.setLanguage(lang)
  })
  router.beforeResolve(async (to) => {
    if (to.meta.feature) await loadFeatureMessages(to.meta.feature, to.meta.staff ? 'ja' : settings.language)
  })

  const root = document.documentElement
  const apply = async (lang: Language): Promise<void> => {
    await Promise.all([loadLocale(lang), ...loadedFeatures().map((feature) => loadFeatureMessages(feature, lang))])
    i18n.global.locale.value = lang
    root.lang = htmlLang(lang)
    root.dataset.lang = lang
  }
  await apply(settings.language)
  watch(() => settings.language, apply)
}
