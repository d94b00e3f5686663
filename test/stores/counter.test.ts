import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { clearAllData, db } from '../../src/db'
import { findForm } from '../../src/domain/forms'
import { useCounterStore } from '../../src/stores/counter'

const quota = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
const missing = () => Promise.reject(Object.assign(new Error('IndexedDB API missing'), { name: 'MissingAPIError' }))

describe('counter store', () => {
  beforeEach(async () => {
    await clearAllData()
    setActivePinia(createPinia())
  })

  it('a failed save never leaves an older copy for the check page and the QR: memory holds what is on screen', async () => {
    const store = useCounterStore()
    await store.load()
    const form = findForm(store.forms, 'jumin-hyo')!
    const id = await store.create(form, 'ja')
    const first = await store.open(id)
    expect(await store.save(id, { ...first!.answers, requesterName: '旧姓 花子' }, 'ja')).toBe(true)
    // a change merely waiting for its autosave is not 'unkept' (pagehide writes it)
    store.edit(id, { ...first!.answers, requesterName: '旧姓 花子 ' }, 'ja')
    expect(store.unkept).toBe(false)
    vi.spyOn(db().drafts, 'put').mockImplementation(quota as never)
    expect(await store.save(id, { ...first!.answers, requesterName: '新姓 花子' }, 'ja')).toBe(false)
    expect(store.problem).toBe('full')
    expect((await store.open(id))!.answers.requesterName).toBe('新姓 花子')
    expect(store.unkept).toBe(true)
    // a later visit to the list re-reads storage, yet keeps the newer answers in memory
    await store.load()
    expect((await store.open(id))!.answers.requesterName).toBe('新姓 花子')
    // once storage takes it again, nothing is left only in memory
    vi.mocked(db().drafts.put).mockRestore()
    expect(await store.persist(id)).toBe(true)
    expect(store.unkept).toBe(false)
    expect(((await db().drafts.get(id)) as { answers: Record<string, unknown> }).answers.requesterName).toBe('新姓 花子')
  })

  it('without IndexedDB a form still starts and opens, in memory, and leaving is flagged', async () => {
    vi.spyOn(db().drafts, 'toArray').mockImplementation(missing as never)
    vi.spyOn(db().drafts, 'put').mockImplementation(missing as never)
    const store = useCounterStore()
    await store.load()
    expect(store.problem).toBe('unavailable')
    const id = await store.create(findForm(store.forms, 'inkan-toroku')!, 'ja')
    expect(id).toBeTruthy()
    const draft = await store.open(id)
    expect(draft?.formId).toBe('inkan-toroku')
    store.edit(id, { ...draft!.answers, name: '山田 花子' }, 'ja')
    expect((await store.open(id))!.answers.name).toBe('山田 花子')
    expect(store.unkept).toBe(true)
    // and it can be deleted from memory
    vi.spyOn(db().drafts, 'delete').mockImplementation(missing as never)
    await store.remove(id)
    expect(await store.open(id)).toBeUndefined()
    expect(store.unkept).toBe(false)
  })

  it('a damaged stored row is listed as damaged and can be deleted; every other draft still loads', async () => {
    const store = useCounterStore()
    const good = { id: 'good', formId: 'jumin-ido', formVersion: 1, answers: {}, language: 'ja', createdAt: Date.now(), updatedAt: Date.now(), shownAt: 0 }
    await db().drafts.bulkPut([
      good,
      { ...good, id: 'no-answers', answers: undefined as never },
      { ...good, id: 'persons-null', answers: { persons: null } },
      { ...good, id: 'old-version', formVersion: 0 },
    ])
    await store.load()
    expect(store.problem).toBeUndefined()
    expect(store.drafts.map((d) => d.id)).toEqual(['good'])
    expect(Object.fromEntries(store.damaged.map((d) => [d.id, d.damage]))).toEqual({ 'no-answers': 'noAnswers', 'persons-null': 'badAnswer', 'old-version': 'unknownForm' })
    expect(Array.isArray((await store.open('good'))!.answers.persons)).toBe(true)
    await store.remove('persons-null')
    expect(store.damaged.map((d) => d.id)).not.toContain('persons-null')
    expect(await db().drafts.get('persons-null')).toBeUndefined()
  })

  it('a form started while the stored わたしの情報 is still being read is filled from it', async () => {
    await db().profile.put({ id: 'me', name: '髙橋 太郎', kana: 'タカハシ タロウ', birthDate: '', postalCode: '', address: '見本県サンプル市本町1-2-3', phone: '' } as never)
    const store = useCounterStore()
    await store.readyForms()
    const form = findForm(store.forms, 'jumin-hyo')!
    const loading = store.load() // the list page opening: not awaited, as a quick tap would not
    const id = await store.create(form, 'ja')
    await loading
    expect((await store.open(id))!.answers.requesterName).toBe('髙橋 太郎')
    // and a tap before the page has even started to read storage
    setActivePinia(createPinia())
    const fresh = useCounterStore()
    await fresh.readyForms()
    const early = await fresh.create(form, 'ja')
    expect((await fresh.open(early))!.answers.requesterName).toBe('髙橋 太郎')
  })
})
