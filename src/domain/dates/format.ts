/**
 * Days and times as residents read them, in their language (always the calendar day as written,
 * and Japan time for moments).
 *
 * Japanese (ja and やさしい日本語, the town's default) is written here, not by Intl: its forms are
 * fixed (「2026年12月7日」「12月7日(月)」「12月7日 09:05」), and a page's first Intl formatter makes
 * the browser start its ICU locale data, about 35 ms on a desktop and four times that on a slow
 * phone, in the middle of taking over the page. Every other language uses Intl.DateTimeFormat,
 * made once per language and form. A unit test checks the Japanese forms against Intl's output.
 */
import { intlLocales, LANGUAGE_INFO, type Language } from '../language'

/** `date`: 2026年12月7日; `dayWeekday`: 12月7日(月); `dayTime`: 12月7日 09:05 (Japan time). */
export type DateForm = 'date' | 'dayWeekday' | 'dayTime'

const OPTIONS: Record<DateForm, Intl.DateTimeFormatOptions> = {
  date: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
  dayWeekday: { month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' },
  dayTime: { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' },
}

const WEEKDAYS_JA = '日月火水木金土'
/** Japan keeps no daylight saving time: Japan time is always UTC+9. */
const JAPAN_OFFSET = 9 * 3_600_000
const pad = (n: number) => String(n).padStart(2, '0')

const isJapanese = (lang: Language) => LANGUAGE_INFO[lang].intl.startsWith('ja')

function japanese(form: DateForm, ms: number): string {
  const d = new Date(form === 'dayTime' ? ms + JAPAN_OFFSET : ms)
  const day = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
  if (form === 'date') return `${d.getUTCFullYear()}年${day}`
  if (form === 'dayWeekday') return `${day}(${WEEKDAYS_JA[d.getUTCDay()]})`
  return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

const formats = new Map<string, Intl.DateTimeFormat>()
function intlFormat(form: DateForm, lang: Language): Intl.DateTimeFormat {
  const key = `${form} ${lang}`
  let f = formats.get(key)
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(intlLocales(lang), OPTIONS[form])))
  return f
}

/** A moment (ms since the epoch) in `form`; `date` and `dayWeekday` read it in UTC (see formatDay). */
export function formatMoment(ms: number, form: DateForm, lang: Language): string {
  if (!Number.isFinite(ms)) return ''
  return isJapanese(lang) ? japanese(form, ms) : intlFormat(form, lang).format(ms)
}

/** A calendar day (YYYY-MM-DD) as written, whatever the phone's time zone; anything else as it is. */
export function formatDay(iso: string, form: Exclude<DateForm, 'dayTime'>, lang: Language): string {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(`${iso}T00:00:00Z`) : NaN
  return Number.isNaN(ms) ? iso : formatMoment(ms, form, lang)
}
