/**
 * The one IndexedDB database of Yorisoi (Dexie). Every table, every schema version and every
 * migration lives here. Only pages that keep data import this module, so Dexie (~30 kB gzip)
 * never weighs on the first paint.
 *
 * Rules for changing the schema: never edit a released `version(n)`; add `version(n + 1)` with
 * the new `stores()` and an `upgrade()` that rewrites old rows. Vue proxies are unwrapped with
 * `toPlain()` before writing (IndexedDB cannot clone a Proxy).
 */
import Dexie, { type EntityTable } from 'dexie'
import type { DraftRecord } from '../domain/forms/drafts'
import type { ClassRecord } from '../domain/volunteer/records'
import type { LifeAnswers } from '../domain/life/types'
import { DB_NAME } from './exists'

export { DB_NAME }
// (apart, so a page can use them before, or without, loading Dexie)
export { storageProblem, toPlain, type StorageProblem } from './plain'

/** A counter application being prepared at home (shape and rules in domain/forms/drafts). `shownAt` since schema v2. */
export type DraftRow = DraftRecord

/** わたしの情報: entered once, offered to every form. A single row with id "me". */
export interface ProfileRow {
  id: 'me'
  name: string
  kana: string
  birthDate: string
  postalCode: string
  address: string
  phone: string
  updatedAt: number
}

/** How far a resident got in a guide. */
export interface GuideProgressRow {
  guideId: string
  /** 0-based position of the step last opened. */
  step: number
  /** Its id (added without a schema change; rows written before may lack it). */
  stepId?: string
  finished: boolean
  updatedAt: number
}

/** A class the resident or volunteer keeps an eye on. */
export interface BookmarkRow {
  classId: string
  createdAt: number
}

/** A volunteer's plan for one class: which guides and topics. */
export interface ClassPlanRow {
  classId: string
  guideIds: string[]
  topics: string[]
  /** Language the guides are shown and printed in (added without a schema change; default ja). */
  language?: string
  updatedAt: number
}

/** A volunteer's record of one class held (fields beyond the indexes were added without a schema change; see normalizeRecord). */
export type ClassRecordRow = ClassRecord

/**
 * くらしの手続きナビ: one checklist per life event (since schema v3) — the event date, the
 * answers, where the resident is in the questions, and the procedures ticked as done.
 */
export interface LifeChecklistRow {
  eventId: string
  /** YYYY-MM-DD, or '' when the resident does not know it yet. */
  eventDate: string
  answers: LifeAnswers
  /** The screen last opened: 'date', a question id, or 'checklist'. */
  step: string
  /** Every question answered: the checklist is ready. */
  finished: boolean
  /** Procedure ids ticked as done. */
  done: string[]
  /** Counter drafts prepared from this checklist (「書類をじゅんびする」), by procedure id; added without a schema change (not indexed). */
  drafts?: Record<string, string>
  createdAt: number
  updatedAt: number
}

/** The released version-1 schema, kept as written: tests open a v1 database and upgrade it. */
export const SCHEMA_V1 = {
  drafts: 'id, formId, updatedAt',
  profile: 'id',
  guideProgress: 'guideId, updatedAt',
  bookmarks: 'classId',
  classPlans: 'classId',
  classRecords: '++id, classId, date',
} as const

export class YorisoiDb extends Dexie {
  drafts!: EntityTable<DraftRow, 'id'>
  profile!: EntityTable<ProfileRow, 'id'>
  guideProgress!: EntityTable<GuideProgressRow, 'guideId'>
  bookmarks!: EntityTable<BookmarkRow, 'classId'>
  classPlans!: EntityTable<ClassPlanRow, 'classId'>
  classRecords!: EntityTable<ClassRecordRow, 'id'>
  lifeChecklists!: EntityTable<LifeChecklistRow, 'eventId'>

  constructor(name = DB_NAME) {
    super(name)
    // Version 1: first release. Only indexed properties are listed; rows may carry more.
    this.version(1).stores(SCHEMA_V1)
    // Version 2: drafts remember when their QR code was shown, so the list can say so.
    this.version(2)
      .stores({ drafts: 'id, formId, updatedAt, shownAt' })
      .upgrade((tx) =>
        tx
          .table('drafts')
          .toCollection()
          .modify((row: Partial<DraftRow>) => {
            row.shownAt ??= 0
          }),
      )
    // Version 3: くらしの手続きナビ keeps each life event's checklist. A new table only: no
    // existing row changes, so there is nothing for an upgrade() to rewrite.
    this.version(3).stores({ lifeChecklists: 'eventId, updatedAt' })
  }
}

let instance: YorisoiDb | undefined

/** The app's database, opened on first use. */
export function db(): YorisoiDb {
  instance ??= new YorisoiDb()
  return instance
}

/** Deletes every table's rows (「このスマホのデータをすべて消す」). The schema stays. */
export async function clearAllData(database: YorisoiDb = db()): Promise<void> {
  await database.transaction('rw', database.tables, async () => {
    await Promise.all(database.tables.map((t) => t.clear()))
  })
}
