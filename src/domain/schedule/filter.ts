/** Finding classes: upcoming only, filters, grouped by day. Plain functions. */
import type { ClassEvent, TopicId } from './import'

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

/** The day a class is listed under: its first day, or today while a range is running. */
export const listedDay = (c: ClassEvent, today: string) => (c.startDate < today ? today : c.startDate)

/** Upcoming classes matching the filter, soonest first. `today` is YYYY-MM-DD in Japan time. */
export function filterClasses(classes: ClassEvent[], filter: ClassFilter, today: string): ClassEvent[] {
  const last = filter.period === 'week' ? addDays(today, 6) : filter.period === 'month' ? addDays(today, 30) : '9999-12-31'
  const words = (filter.text ?? '').trim().toLowerCase().split(/[\s\u3000]+/).filter(Boolean)
  return classes
    .filter((c) => c.endDate >= today && listedDay(c, today) <= last)
    .filter((c) => !filter.topic || c.topics.includes(filter.topic))
    .filter((c) => !filter.venue || c.venue === filter.venue)
    .filter((c) => !filter.beginner || c.level === 'beginner')
    .filter((c) => {
      if (!words.length) return true
      const hay = [c.name, c.summary, c.venue, c.address, c.organizer, c.target].join(' ').toLowerCase()
      return words.every((w) => hay.includes(w))
    })
    .sort((a, b) => listedDay(a, today).localeCompare(listedDay(b, today)) || (a.startTime ?? '').localeCompare(b.startTime ?? '') || a.name.localeCompare(b.name))
}

export function groupByDay(classes: ClassEvent[], today: string): { day: string; classes: ClassEvent[] }[] {
  const groups: { day: string; classes: ClassEvent[] }[] = []
  for (const c of classes) {
    const day = listedDay(c, today)
    const last = groups.at(-1)
    if (last?.day === day) last.classes.push(c)
    else groups.push({ day, classes: [c] })
  }
  return groups
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
