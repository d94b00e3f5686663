import { intlLocales, type Language } from '../../domain/language'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ClassEvent } from '../../domain/schedule/import'

/** Dates and times of classes in the resident's language (always Japan time). */
export function useClassText() {
  const { t, locale } = useI18n()
  const intl = computed(() => intlLocales(locale.value as Language))
  // one formatter per language, not one per call: a long list titles hundreds of days, and
  // building an Intl.DateTimeFormat each time cost most of its render
  const dayFormat = computed(() => new Intl.DateTimeFormat(intl.value, { month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' }))
  const day = (date: string) => dayFormat.value.format(new Date(`${date}T00:00:00Z`))
  const dateTime = (ms: number) => new Intl.DateTimeFormat(intl.value, { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' }).format(ms)
  const time = (c: ClassEvent) => (c.startTime ? t('classes.item.time', { start: c.startTime, end: c.endTime ?? '' }) : '')
  const when = (c: ClassEvent) => {
    const days = c.startDate === c.endDate ? day(c.startDate) : t('classes.detail.range', { start: day(c.startDate), end: day(c.endDate) })
    return [days, time(c)].filter(Boolean).join(' ')
  }
  return { t, day, dateTime, time, when }
}
