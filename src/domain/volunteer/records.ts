import { toCsv } from '../text/csv'

export { toCsv }

/**
 * A volunteer's record of one class, and the report the town receives. Plain TypeScript.
 */
export const AGE_BANDS = ['under65', '65to74', '75plus', 'unknown'] as const
export type AgeBand = (typeof AGE_BANDS)[number]

/** One-tap chips for the troubles that come up in most classes. */
export const TROUBLES = ['forgotPassword', 'textTooSmall', 'pinLocked', 'storageFull', 'scamMessage', 'wifi', 'appUpdate', 'typing'] as const
export type Trouble = (typeof TROUBLES)[number]

export interface ClassRecord {
  id?: number
  classId: string
  className: string
  date: string
  startTime: string
  endTime: string
  attendees: number
  ages: Record<AgeBand, number>
  topics: string[]
  troubles: Trouble[]
  notes: string
  createdAt: number
  updatedAt: number
}

export function newRecord(classId: string, className: string, date: string, now: number): ClassRecord {
  return { classId, className, date, startTime: '', endTime: '', attendees: 0, ages: { under65: 0, '65to74': 0, '75plus': 0, unknown: 0 }, topics: [], troubles: [], notes: '', createdAt: now, updatedAt: now }
}

/** A row stored by an earlier version may lack later fields: fill them. */
export function normalizeRecord(row: Partial<ClassRecord> & { classId: string }): ClassRecord {
  const base = newRecord(row.classId, row.className ?? '', row.date ?? '', row.createdAt ?? 0)
  return { ...base, ...row, ages: { ...base.ages, ...(row.ages ?? {}) }, updatedAt: row.updatedAt ?? row.createdAt ?? 0 }
}

/** How many attendees the age counts cover. */
export function ageTotal(r: ClassRecord): number {
  return AGE_BANDS.reduce((n, b) => n + r.ages[b], 0)
}

/** Age counts may cover fewer people than came (年代は任意), never more: 12 for 7 is a mistake. */
export function agesAgree(r: ClassRecord): boolean {
  return ageTotal(r) <= r.attendees
}

/** Records the town must not receive as they are (their ages add up to more than the attendees). */
export function unreportable(records: ClassRecord[]): ClassRecord[] {
  return records.filter((r) => !agesAgree(r))
}

/**
 * A record that was only opened is not a class held: it is kept from its first real change.
 * True when `r` differs from what the form started with.
 */
export function changedFrom(r: ClassRecord, start: ClassRecord): boolean {
  const comparable = (x: ClassRecord) => JSON.stringify({ ...x, id: undefined, createdAt: 0, updatedAt: 0 })
  return comparable(r) !== comparable(start)
}

/** The town's report: one line per class held. Labels are Japanese, as the town files it. */
export function recordsCsv(records: ClassRecord[], labels: { topics: Record<string, string>; troubles: Record<Trouble, string> }): string {
  if (unreportable(records).length) throw new RangeError('age counts add up to more than the attendees')
  const header = ['教室ID', '教室名', '実施日', '開始時刻', '終了時刻', '参加者数', '64歳以下', '65〜74歳', '75歳以上', '年代不明', '扱った内容', 'よくあった困りごと', 'メモ']
  const rows = records.map((r) => [
    r.classId,
    r.className,
    r.date,
    r.startTime,
    r.endTime,
    r.attendees,
    r.ages.under65,
    r.ages['65to74'],
    r.ages['75plus'],
    r.ages.unknown,
    r.topics.map((t) => labels.topics[t] ?? t).join('・'),
    r.troubles.map((t) => labels.troubles[t] ?? t).join('・'),
    r.notes,
  ])
  return toCsv([header, ...rows])
}
