import type { Language } from '../../domain/language'
import { formatDay, formatMoment } from '../../domain/dates/format'
import { useI18n } from 'vue-i18n'
import type { ClassEvent } from '../../domain/schedule/model'

/** Dates and times of classes in the resident's language (always Japan time). */
export function useClassText() {
  const { t, locale } = useI18n()
  // (one formatter per language, not one per call: a long list titles hundreds of days)
  const day = (date: string) => formatDay(date, 'dayWeekday', locale.value as Language)
  const dateTime = (ms: number) => formatMoment(ms, 'dayTime', locale.value as Language)
  const time = (c: ClassEvent) => (c.startTime ? t('classes.item.time', { start: c.startTime, end: c.endTime ?? '' }) : '')
  const when = (c: ClassEvent) => {
    const days = c.startDate === c.endDate ? day(c.startDate) : t('classes.detail.range', { start: day(c.startDate), end: day(c.endDate) })
    return [days, time(c)].filter(Boolean).join(' ')
  }
  return { t, day, dateTime, time, when }
}
