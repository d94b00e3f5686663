/** Finding classes: upcoming only, filters, grouped by day. Plain functions. */
import type { ClassEvent, TopicId } from './model'
import { foldForSearch } from '../text/normalize'

export type Period = 'all' | 'week' | 'month'

export interface ClassFilter {
  topic?: TopicId | ''
  venue?: string
  period?: Period
  text?: string
  beginner?: boolean
}

const DAY = 86_400_000
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10)

/**
 * A class running over many days is listed on each of them, up to this many: a year-long 相談窓口
 * would otherwise fill the list with one line per day.
 */
export const MAX_LISTED_DAYS = 31

/** The last day a period reaches (inclusive). */
export function periodEnd(period: Period | undefined, today: string): string {
  return period === 'week' ? addDays(today, 6) : period === 'month' ? addDays(today, 30) : '9999-12-31'
}

/** The first day a class is listed under: its first day, or today while a range is running. */
export const listedDay = (c: ClassEvent, today: string) => (c.startDate < today ? today : c.startDate)

/** Every day a class is listed under: each day it runs from today on, up to `last`. */
export function listedDays(c: ClassEvent, today: string, last = '9999-12-31'): string[] {
  const days: string[] = []
  const end = c.endDate < last ? c.endDate : last
  for (let d = listedDay(c, today); d <= end && days.length < MAX_LISTED_DAYS; d = addDays(d, 1)) days.push(d)
  return days
}

/** Folds the words a resident typed, and a class's words, so kana type and width do not matter. */
const words = (text: string) => foldForSearch(text).split(' ').filter(Boolean)
/**
 * A class's words, folded once per class (classes are read-only): folding every class's text on
 * every keystroke took most of a keystroke's time with a 10 MB schedule.
 */
const folded = new WeakMap<ClassEvent, string>()
function haystack(c: ClassEvent): string {
  let hay = folded.get(c)
  if (hay === undefined) folded.set(c, (hay = foldForSearch([c.name, c.summary, c.venue, c.address, c.organizer, c.target].join(' '))))
  return hay
}

/** Plain code-unit order for the ASCII dates and times (YYYY-MM-DD, HH:MM); far cheaper than localeCompare. */
const ascii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
// made on the first tie only: a Japanese collator's start alone is a long task on a slow phone
let names: Intl.Collator | undefined
const byTimeThenName = (a: ClassEvent, b: ClassEvent) => ascii(a.startTime ?? '', b.startTime ?? '') || (names ??= new Intl.Collator('ja')).compare(a.name, b.name)

/** Upcoming classes (not yet over), soonest first. `today` is YYYY-MM-DD in Japan time. */
export function upcomingClasses(classes: readonly ClassEvent[], today: string): ClassEvent[] {
  return classes.filter((c) => c.endDate >= today).sort((a, b) => ascii(listedDay(a, today), listedDay(b, today)) || byTimeThenName(a, b))
}

/**
 * The classes of an already ordered list (see upcomingClasses) that match the filter, in the same
 * order: filtering keeps the order, so a keystroke in the word search never sorts again.
 */
export function matchClasses(upcoming: readonly ClassEvent[], filter: ClassFilter, today: string): ClassEvent[] {
  const last = periodEnd(filter.period, today)
  const wanted = words(filter.text ?? '')
  return upcoming.filter(
    (c) =>
      listedDay(c, today) <= last &&
      (!filter.topic || c.topics.includes(filter.topic)) &&
      (!filter.venue || c.venue === filter.venue) &&
      (!filter.beginner || c.level === 'beginner') &&
      (!wanted.length || wanted.every((w) => haystack(c).includes(w))),
  )
}

/** Upcoming classes matching the filter, soonest first. `today` is YYYY-MM-DD in Japan time. */
export function filterClasses(classes: readonly ClassEvent[], filter: ClassFilter, today: string): ClassEvent[] {
  return matchClasses(upcomingClasses(classes, today), filter, today)
}

/**
 * The list by day: a class is under every day it runs from today on (within the period), so
 * 12/14〜12/18 is found on 12/16 too, not only on its first day.
 */
export function groupByDay(classes: ClassEvent[], today: string, period?: Period): { day: string; classes: ClassEvent[] }[] {
  const last = periodEnd(period, today)
  const byDay = new Map<string, ClassEvent[]>()
  for (const c of classes)
    for (const day of listedDays(c, today, last)) {
      const list = byDay.get(day)
      if (list) list.push(c)
      else byDay.set(day, [c])
    }
  return [...byDay.entries()].sort(([a], [b]) => ascii(a, b)).map(([day, list]) => ({ day, classes: list.sort(byTimeThenName) }))
}

/** Today's date in Japan, whatever the device's time zone. */
export function todayInJapan(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10)
}

/** 持ち物: always the phone; the card and its PIN for card topics. */
export function whatToBring(c: ClassEvent): ('phone' | 'card' | 'pin')[] {
  const out: ('phone' | 'card' | 'pin')[] = ['phone']
  if (c.topics.includes('mynumber') || c.topics.includes('myportal')) out.push('card')
  if (c.topics.includes('myportal') || /暗証番号/.test(c.notes + c.summary)) out.push('pin')
  return out
}
