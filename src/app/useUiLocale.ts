import { computed } from 'vue'
import { useRoute } from 'vue-router'
import { useI18n } from 'vue-i18n'
import type { Language } from '../content/types'
import { useSettingsStore } from '../stores/settings'

/**
 * The language the shell speaks on this page: the resident's choice, except on staff pages,
 * which are Japanese whatever the phone or PC was set to.
 */
export function useUiLocale() {
  const route = useRoute()
  const settings = useSettingsStore()
  const { t } = useI18n()
  const locale = computed<Language>(() => (route.meta.staff ? 'ja' : settings.language))
  const tt = (key: string, named: Record<string, unknown> = {}): string => t(key, named, { locale: locale.value })
  return { locale, tt }
}
