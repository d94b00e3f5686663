import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { YorisoiDb, clearAllData, storageProblem, toPlain } from '../../src/db'
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
    expect(d.verno).toBe(1)
    expect(d.tables.map((t) => t.name).sort()).toEqual(['bookmarks', 'classPlans', 'classRecords', 'drafts', 'guideProgress', 'profile'])
  })

  it('stores and finds drafts by form, newest first', async () => {
    const d = fresh()
    opened.push(d)
    await d.drafts.bulkAdd([
      { id: 'a', formId: 'jumin-ido', formVersion: 1, answers: { x: '1' }, language: 'ja', createdAt: 1, updatedAt: 10 },
      { id: 'b', formId: 'jumin-ido', formVersion: 1, answers: {}, language: 'en', createdAt: 2, updatedAt: 20 },
      { id: 'c', formId: 'inkan', formVersion: 1, answers: {}, language: 'ja', createdAt: 3, updatedAt: 15 },
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
    await d.classRecords.add({ classId: 'c', date: '2026-12-01', attendees: 5, topics: [], notes: '', createdAt: 1 })
    await clearAllData(d)
    for (const t of d.tables) expect(await t.count(), t.name).toBe(0)
    await d.bookmarks.put({ classId: 'x', createdAt: 1 })
    expect(await d.bookmarks.count()).toBe(1)
  })

  it('toPlain unwraps Vue proxies so IndexedDB can clone them', async () => {
    const d = fresh()
    opened.push(d)
    const answers = reactive({ persons: [{ name: '山田' }] })
    await d.drafts.put({ id: 'p', formId: 'f', formVersion: 1, answers: toPlain(answers), language: 'ja', createdAt: 1, updatedAt: 1 })
    expect((await d.drafts.get('p'))?.answers).toEqual({ persons: [{ name: '山田' }] })
  })

  it('names storage problems the UI can explain', () => {
    expect(storageProblem(new Dexie.QuotaExceededError('full'))).toBe('full')
    expect(storageProblem({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe('full')
    expect(storageProblem(new Dexie.MissingAPIError('no indexedDB'))).toBe('unavailable')
    expect(storageProblem(new Error('?'))).toBe('unknown')
  })
})
