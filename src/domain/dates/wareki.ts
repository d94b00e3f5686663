/**
 * 和暦 ⇄ 西暦. Dates are stored as ISO `YYYY-MM-DD`; residents may type either calendar.
 * An era starts on the day of the new emperor's accession (平成 on 1989-01-08, so 1989-01-07 is
 * 昭和64年), and its first year is written 元年.
 */
import { intlLocales, isJapanese, type Language } from '../language'
export const ERAS = [
  { id: 'reiwa', ja: '令和', en: 'Reiwa', letter: 'R', start: '2019-05-01' },
  { id: 'heisei', ja: '平成', en: 'Heisei', letter: 'H', start: '1989-01-08' },
  { id: 'showa', ja: '昭和', en: 'Showa', letter: 'S', start: '1926-12-25' },
  { id: 'taisho', ja: '大正', en: 'Taisho', letter: 'T', start: '1912-07-30' },
] as const
export type EraId = (typeof ERAS)[number]['id']
export type Era = (typeof ERAS)[number]

export interface Wareki {
  era: EraId
  year: number
  month: number
  day: number
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** `YYYY-MM-DD` when it names a real day of the Gregorian calendar, else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (![year, month, day].every(Number.isInteger) || year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  return isoDate(y, m, d) === value
}

export function eraOf(id: EraId): Era {
  return ERAS.find((e) => e.id === id)!
}

/** The 和暦 of an ISO date, or undefined before 大正. */
export function toWareki(iso: string): Wareki | undefined {
  if (!isIsoDate(iso)) return undefined
  const era = ERAS.find((e) => iso >= e.start)
  if (!era) return undefined
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return { era: era.id, year: y - Number(era.start.slice(0, 4)) + 1, month: m, day: d }
}

export type WarekiProblem = 'invalid-date' | 'before-era' | 'after-era'

/** ISO date of a 和暦 date, or the reason it does not exist (平成32年, 昭和64年2月1日 …). */
export function fromWareki(w: Wareki): { iso: string } | { problem: WarekiProblem } {
  const era = eraOf(w.era)
  const iso = isoDate(Number(era.start.slice(0, 4)) + w.year - 1, w.month, w.day)
  if (!iso || w.year < 1) return { problem: 'invalid-date' }
  if (iso < era.start) return { problem: 'before-era' }
  const next = ERAS[ERAS.indexOf(era) - 1]
  if (next && iso >= next.start) return { problem: 'after-era' }
  return { iso }
}

/** 「令和元年5月1日」「昭和25年3月4日」. */
export function formatWareki(iso: string): string {
  const w = toWareki(iso)
  if (!w) return formatSeireki(iso)
  return `${eraOf(w.era).ja}${w.year === 1 ? '元' : w.year}年${w.month}月${w.day}日`
}

/** 「2019年5月1日」. */
export function formatSeireki(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** 「令和元年（2019年）5月1日」: both calendars, as counter forms print them. */
export function formatBoth(iso: string): string {
  const w = toWareki(iso)
  const [y] = iso.split('-').map(Number)
  if (!w) return formatSeireki(iso)
  return `${eraOf(w.era).ja}${w.year === 1 ? '元' : w.year}年（${y}年）${w.month}月${w.day}日`
}

/** A year typed in an era's year box: 「元」, 「1」, 「１」 → 1. */
export function parseEraYear(text: string): number | undefined {
  const t = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/年$/, '')
  if (t === '元' || t === '元年') return 1
  return /^\d{1,3}$/.test(t) ? Number(t) : undefined
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()
const longDate = (lang: Language): Intl.DateTimeFormat => {
  let f = dateFormats.get(lang)
  if (!f) dateFormats.set(lang, (f = new Intl.DateTimeFormat(intlLocales(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })))
  return f
}

/**
 * A date as a resident reads it in their language. Japanese (ja, ja-easy): 「平成2年（1990年）7月20日」
 * as counter forms print it. Other languages: 「20 July 1990 (Heisei 2)」, the Gregorian date from Intl in
 * the language's own words and the era year after it (the era's first year is 1 there, not 元).
 */
export function formatDateFor(iso: string, lang: Language): string {
  if (isJapanese(lang)) return formatBoth(iso)
  if (!isIsoDate(iso)) return iso
  const gregorian = longDate(lang).format(Date.parse(`${iso}T00:00:00Z`))
  const w = toWareki(iso)
  return w ? `${gregorian} (${eraOf(w.era).en} ${w.year})` : gregorian
}
