import { intlLocales } from '../../domain/language'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Language, Localized } from '../../domain/language'
import type { Problem } from '../../domain/forms/validate'
import { rubyToPlain } from '../../domain/text/ruby'
import { useSettingsStore } from '../../stores/settings'

/** Form content in the resident's language, and problems as sentences. */
export function useCounterText() {
  const { t, locale } = useI18n()
  const settings = useSettingsStore()
  const lang = computed<Language>(() => (locale.value as Language) ?? settings.language)
  const text = (value: Localized | undefined): string => (value ? value[lang.value] : '')
  const CHOICES = ['select', 'radio']
  const code = (p: Problem): string =>
    p.code === 'required' && (CHOICES.includes(p.field.type) || (p.field.type === 'checkbox' && !!p.field.options)) ? 'choice' : p.code
  const problemText = (p: Problem): string => t(`counter.errors.${code(p)}`, { label: rubyToPlain(text(p.field.label)), limit: p.limit ?? '' })
  const fieldId = (path: string): string => `f-${path.replace(/\./g, '-')}`
  const formatDateTime = (ms: number): string =>
    new Intl.DateTimeFormat(intlLocales(lang.value), { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(ms)
  return { t, lang, text, problemText, fieldId, formatDateTime }
}
