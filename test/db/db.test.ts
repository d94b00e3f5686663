import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { newRecord } from '../../src/domain/volunteer/records'
import { SCHEMA_V1, YorisoiDb, clearAllData, storageProblem, toPlain } from '../../src/db'
import v1Rows from '../fixtures/db-v1.json' with { type: 'json' }
import { reactive } from 'vue'

let n = 0
const fresh = () => new YorisoiDb(`test-${++n}`)
const opened: YorisoiDb[] = []
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete()
})

describe('the Yorisoi database', () => {
  it('opens at the current schema version with every table', async () => {
    const d = fresh()
    opened.push(d)
    await d.open()
    expect(d.verno).toBe(3)
    expect(d.tables.map((t) => t.name).sort()).toEqual(['bookmarks', 'classPlans', 'classRecords', 'drafts', 'guideProgress', 'lifeChecklists', 'profile'])
  })

  it('stores and finds drafts by form, newest first', async () => {
    const d = fresh()
    opened.push(d)
    await d.drafts.bulkAdd([
      { id: 'a', formId: 'jumin-ido', formVersion: 1, answers: { x: '1' }, language: 'ja', createdAt: 1, updatedAt: 10, shownAt: 0 },
      { id: 'b', formId: 'jumin-ido', formVersion: 1, answers: {}, language: 'en', createdAt: 2, updatedAt: 20, shownAt: 0 },
      { id: 'c', formId: 'inkan', formVersion: 1, answers: {}, language: 'ja', createdAt: 3, updatedAt: 15, shownAt: 0 },
    ])
    const newest = await d.drafts.orderBy('updatedAt').reverse().toArray()
    expect(newest.map((r) => r.id)).toEqual(['b', 'c', 'a'])
    expect(await d.drafts.where('formId').equals('jumin-ido').count()).toBe(2)
  })

  it('clearAllData empties every table and keeps the database usable', async () => {
    const d = fresh()
    opened.push(d)
    await d.profile.put({ id: 'me', name: '山田 花子', kana: 'ヤマダ ハナコ', birthDate: '1950-01-02', postalCode: '', address: '', phone: '', updatedAt: 1 })
    await d.guideProgress.put({ guideId: 'g', step: 3, finished: false, updatedAt: 1 })
    await d.classRecords.add({ ...newRecord('c', '教室', '2026-12-01', 1), attendees: 5 })
    await clearAllData(d)
    for (const t of d.tables) expect(await t.count(), t.name).toBe(0)
    await d.bookmarks.put({ classId: 'x', createdAt: 1 })
    expect(await d.bookmarks.count()).toBe(1)
  })

  it('toPlain unwraps Vue proxies so IndexedDB can clone them', async () => {
    const d = fresh()
    opened.push(d)
    const answers = reactive({ persons: [{ name: '山田' }] })
    await d.drafts.put({ id: 'p', formId: 'f', formVersion: 1, answers: toPlain(answers), language: 'ja', createdAt: 1, updatedAt: 1, shownAt: 0 })
    expect((await d.drafts.get('p'))?.answers).toEqual({ persons: [{ name: '山田' }] })
  })

  it('names storage problems the UI can explain', () => {
    expect(storageProblem(new Dexie.QuotaExceededError('full'))).toBe('full')
    expect(storageProblem({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe('full')
    expect(storageProblem(new Dexie.MissingAPIError('no indexedDB'))).toBe('unavailable')
    expect(storageProblem(new Error('?'))).toBe('unknown')
  })
})

describe('schema migrations', () => {
  it('opens a database written by schema v1 and loses nothing', async () => {
    const name = `migrate-${++n}`
    // write the fixture exactly as a version-1 app did
    const old = new Dexie(name)
    old.version(1).stores(SCHEMA_V1)
    await old.open()
    for (const [table, rows] of Object.entries(v1Rows)) await old.table(table).bulkAdd(rows as object[])
    old.close()

    const d = new YorisoiDb(name)
    opened.push(d)
    await d.open()
    expect(d.verno).toBe(3)
    for (const [table, rows] of Object.entries(v1Rows)) expect(await d.table(table).count(), table).toBe((rows as object[]).length)
    const drafts = await d.drafts.orderBy('id').toArray()
    const expected = [...v1Rows.drafts].sort((a, b) => a.id.localeCompare(b.id))
    expect(drafts).toEqual(expected.map((r) => ({ ...r, shownAt: 0 })))
    expect(await d.profile.get('me')).toEqual(v1Rows.profile[0])
    expect(await d.drafts.where('shownAt').equals(0).count()).toBe(v1Rows.drafts.length)
  })

  it('opens a database written by schema v2 (drafts with shownAt), keeps every row and adds the life checklists', async () => {
    const name = `migrate-${++n}`
    const old = new Dexie(name)
    old.version(1).stores(SCHEMA_V1)
    old.version(2).stores({ drafts: 'id, formId, updatedAt, shownAt' })
    await old.open()
    for (const [table, rows] of Object.entries(v1Rows)) await old.table(table).bulkAdd((rows as object[]).map((r) => (table === 'drafts' ? { ...r, shownAt: 5 } : r)))
    old.close()

    const d = new YorisoiDb(name)
    opened.push(d)
    await d.open()
    expect(d.verno).toBe(3)
    for (const [table, rows] of Object.entries(v1Rows)) expect(await d.table(table).count(), table).toBe((rows as object[]).length)
    // The v2 value is kept, not reset by the v2 upgrade running again.
    expect(await d.drafts.where('shownAt').equals(5).count()).toBe(v1Rows.drafts.length)
    expect(await d.lifeChecklists.count()).toBe(0)
    const row = { eventId: 'moving-in', eventDate: '2026-11-28', answers: { foreign: 'yes', ages: ['age20to59'] }, step: 'checklist', finished: true, done: ['tennyu-todoke'], createdAt: 1, updatedAt: 2 }
    await d.lifeChecklists.put(row)
    expect(await d.lifeChecklists.get('moving-in')).toEqual(row)
    expect((await d.lifeChecklists.orderBy('updatedAt').reverse().first())?.eventId).toBe('moving-in')
  })
})
