import { describe, expect, it } from 'vitest'
import { formatDay, formatMoment } from '../../src/domain/dates/format'
import { intlLocales, LANGUAGES } from '../../src/domain/language'

// Intl's own Japanese output, which the hand-written forms must match exactly
const intl = (options: Intl.DateTimeFormatOptions, ms: number) => new Intl.DateTimeFormat(intlLocales('ja'), options).format(ms)
const DAY = 86_400_000

describe('dates in the resident’s language', () => {
  it('writes Japanese days exactly as Intl does, for every day of two years and both Japanese languages', () => {
    const start = Date.UTC(2026, 0, 1)
    for (let ms = start; ms < start + 730 * DAY; ms += DAY) {
      const iso = new Date(ms).toISOString().slice(0, 10)
      for (const lang of ['ja', 'ja-easy'] as const) {
        expect(formatDay(iso, 'date', lang)).toBe(intl({ year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }, ms))
        expect(formatDay(iso, 'dayWeekday', lang)).toBe(intl({ month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' }, ms))
      }
    }
    expect(formatDay('2026-12-07', 'dayWeekday', 'ja')).toBe('12月7日(月)')
  })

  it('writes a moment in Japan time as Intl does, across midnight in Japan and in UTC', () => {
    const options: Intl.DateTimeFormatOptions = { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' }
    for (let ms = Date.UTC(2026, 11, 31, 0, 7); ms < Date.UTC(2027, 0, 2); ms += 37 * 60_000) expect(formatMoment(ms, 'dayTime', 'ja')).toBe(intl(options, ms))
    expect(formatMoment(Date.UTC(2026, 11, 7, 15, 5), 'dayTime', 'ja')).toBe('12月8日 00:05')
  })

  it('uses Intl in every other language, reading a day as written whatever the time zone', () => {
    for (const lang of LANGUAGES.filter((l) => !l.startsWith('ja')))
      expect(formatDay('2026-12-07', 'date', lang)).toBe(new Intl.DateTimeFormat(intlLocales(lang), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 11, 7)))
    expect(formatDay('2026-12-07', 'dayWeekday', 'en')).toBe('Mon 7 December')
  })

  it('shows what is not a day as it is, and nothing for a moment that is not one', () => {
    expect(formatDay('2026-13-45', 'date', 'ja')).toBe('2026-13-45')
    expect(formatDay('someday', 'dayWeekday', 'en')).toBe('someday')
    expect(formatMoment(Number.NaN, 'dayTime', 'en')).toBe('')
  })
})
