import { computed } from 'vue'
import { useRoute } from 'vue-router'
import { useI18n } from 'vue-i18n'
import type { Language } from '../domain/language'

/**
 * The language the shell speaks on this page: the resident's choice, except on staff pages,
 * which are Japanese whatever the phone or PC was set to.
 */
export function useUiLocale() {
  const route = useRoute()
  // i18n's locale, not the settings store's choice: it changes only once the chosen
  // language's messages have loaded, so nothing renders with a missing key meanwhile.
  const { t, locale: loaded } = useI18n()
  const locale = computed<Language>(() => (route.meta.staff ? 'ja' : (loaded.value as Language)))
  const tt = (key: string, named: Record<string, unknown> = {}): string => t(key, named, { locale: locale.value })
  return { locale, tt }
}
