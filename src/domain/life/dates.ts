/**
 * Calendar-date arithmetic for deadlines, on `YYYY-MM-DD` strings: no clock, no time zone, so
 * a date is the same calendar day in Asia/Tokyo wherever the code runs.
 */
import type { LifeDeadline } from './types.ts'

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

export function isCalendarDate(text: string): boolean {
  const m = ISO.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

function parts(date: string): [number, number, number] {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`)
  const m = ISO.exec(date)!
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date)
  const t = new Date(Date.UTC(y, m - 1, d + days))
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

/** The same day `months` later; when that month is shorter, its last day (1/31 + 1 month = 2/28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date)
  const index = y * 12 + (m - 1) + months
  const ny = Math.floor(index / 12)
  const nm = (index % 12) + 1
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)))
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from)
  const [y2, m2, d2] = parts(to)
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000)
}

/** Today's calendar date in Japan for a given instant. */
export function tokyoDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/**
 * The last day of a deadline counted from the event date, or undefined for `asap`/`none`.
 * Counting starts the next day (民法140条: 14 days after a move on 4/1 ends on 4/15; 3 months
 * after 11/30 ends on 2/28 or 2/29, 民法143条) unless `firstDayCounts` (戸籍法43条: a death on
 * 4/1 must be reported by 4/7).
 */
export function dueDate(eventDate: string, deadline: LifeDeadline): string | undefined {
  const count = deadline.count ?? 0
  switch (deadline.kind) {
    case 'days':
      return addDays(eventDate, deadline.firstDayCounts ? count - 1 : count)
    case 'months':
      return shiftFirstDay(addMonths(eventDate, count), deadline)
    case 'years':
      return shiftFirstDay(addMonths(eventDate, count * 12), deadline)
    default:
      return undefined
  }
}

function shiftFirstDay(date: string, deadline: LifeDeadline): string {
  return deadline.firstDayCounts ? addDays(date, -1) : date
}
