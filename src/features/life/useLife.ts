import { intlLocales, isJapanese } from '../../domain/language'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { municipality } from '../../content/registry'
import type { Language } from '../../domain/language'
import { tokyoDate } from '../../domain/life/dates'
import type { LifeText, LifeWhere, OfficeKind } from '../../domain/life/types'

/** The readings of a day of the month that are not 〜にち (やさしい日本語 puts them over 「N日」). */
const DAY_READINGS: Record<number, string> = { 1: 'ついたち', 2: 'ふつか', 3: 'みっか', 4: 'よっか', 5: 'いつか', 6: 'むいか', 7: 'なのか', 8: 'ようか', 9: 'ここのか', 10: 'とおか', 14: 'じゅうよっか', 20: 'はつか', 24: 'にじゅうよっか' }

/** A calendar date (YYYY-MM-DD) as a resident reads it: the year only when it is not this year. */
export function formatLifeDate(iso: string, lang: Language, today: string = tokyoDate(new Date())): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const showYear = y !== Number(today.slice(0, 4))
  if (!isJapanese(lang)) {
    // no-break spaces: a date never wraps into 「28 / November」 on a narrow line
    return new Intl.DateTimeFormat(intlLocales(lang), { day: 'numeric', month: 'long', year: showYear ? 'numeric' : undefined, timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d)).replace(/ /g, '\u00a0')
  }
  if (lang === 'ja-easy') {
    const day = DAY_READINGS[d] ? `｛${d}日｜${DAY_READINGS[d]}｝` : `${d}｛日｜にち｝`
    return `${showYear ? `${y}｛年｜ねん｝` : ''}${m}｛月｜がつ｝${day}`
  }
  return `${showYear ? `${y}年` : ''}${m}月${d}日`
}

const OFFICE_KEYS: Record<OfficeKind, string> = {
  'pension-office': 'pensionOffice',
  'tax-office': 'taxOffice',
  'legal-affairs-bureau': 'legalAffairsBureau',
  'family-court': 'familyCourt',
  'immigration-bureau': 'immigrationBureau',
  employer: 'employer',
  school: 'school',
}

/** くらしの手続きナビ's data and messages in the page's language. */
export function useLifeText() {
  const { t, locale } = useI18n()
  const lang = computed(() => locale.value as Language)
  const text = (value: LifeText | undefined): string => (value ? value[lang.value] : '')
  const date = (iso: string): string => formatLifeDate(iso, lang.value)
  /** With the year always (when the data was checked). */
  const fullDate = (iso: string): string => formatLifeDate(iso, lang.value, '0000-01-01')
  const counterOf = (where: LifeWhere) => ('counter' in where ? municipality.counters.find((c) => c.id === where.counter) : undefined)
  /** Where to go, named: the town's counter, or the kind of office elsewhere. */
  const whereName = (where: LifeWhere): string => {
    if ('office' in where) return t(`life.offices.${OFFICE_KEYS[where.office]}`)
    const counter = counterOf(where)
    return counter ? counter.name[lang.value] : where.counter
  }
  return { t, lang, text, date, fullDate, counterOf, whereName }
}

/** The checklist's address, printed as a QR code: it opens in the language it was printed in. */
export function lifeChecklistUrl(origin: string, base: string, eventId: string, lang: Language): string {
  return `${origin}${base.replace(/\/$/, '')}/life/checklist?id=${encodeURIComponent(eventId)}&lang=${lang}`
}

/** Only plain https links leave the app (the data check requires them; this keeps it so). */
export function isSafeLink(url: string): boolean {
  return /^https:\/\/[^\s]+$/.test(url)
}
