import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { clearAllData, db } from '../../src/db'
import { preparedDrafts, useLifeStore } from '../../src/stores/life'
import { useCounterStore } from '../../src/stores/counter'
import { formatLifeDate, isSafeLink, lifeChecklistUrl } from '../../src/features/life/useLife'
import { loadForms } from '../../src/content/registry'

const shipped = await loadForms()

/** A fresh app session: a new Pinia over the same IndexedDB. */
const session = () => {
  setActivePinia(createPinia())
  return useLifeStore()
}

describe('the life store keeps each checklist in IndexedDB', () => {
  beforeEach(async () => {
    await clearAllData()
  })

  it('loads every shipped event, procedure and item in one go', async () => {
    const store = session()
    await store.load()
    expect(store.content?.events.map((e) => e.id)).toEqual(['moving-in', 'moving-out', 'moving-within', 'birth', 'death', 'marriage'])
    expect(store.content?.procedures.length).toBeGreaterThan(30)
    expect(store.event('death')?.questions[0]?.id).toBe('deathReportFiled')
  })

  it('keeps the date, the answers, the place in the questions and the ticks across sessions', async () => {
    const first = session()
    await first.load()
    await first.setDate('birth', '2026-11-20')
    await first.visit('birth', 'insurance')
    expect(first.checklists.get('birth')?.finished).toBe(false)
    await first.answer('birth', 'insurance', 'kokuho')
    await first.setDone('birth', 'shussei-todoke', true)
    await first.setDone('birth', 'jido-teate', true)
    await first.setDone('birth', 'jido-teate', false)

    const second = session()
    await second.load()
    const row = second.checklists.get('birth')!
    expect(row).toMatchObject({ eventDate: '2026-11-20', answers: { insurance: 'kokuho' }, step: 'insurance', finished: true, done: ['shussei-todoke'] })
    expect(await db().lifeChecklists.count()).toBe(1)
  })

  it('is finished only when every question the answers lead to is answered, and a multiple choice is stored as a list', async () => {
    const store = session()
    await store.load()
    await store.answer('moving-in', 'children', 'no')
    expect(store.checklists.get('moving-in')?.finished).toBe(false)
    for (const [q, v] of [['foreign', 'no'], ['mynumberCard', 'no'], ['insurance', 'employer'], ['ages', ['age20to59']], ['seal', 'no']] as const) await store.answer('moving-in', q, v as string | string[])
    expect(store.checklists.get('moving-in')?.finished).toBe(false)
    await store.answer('moving-in', 'dog', 'no')
    // childStages is not asked when there are no children
    expect(store.checklists.get('moving-in')?.finished).toBe(true)
    expect((await db().lifeChecklists.get('moving-in'))?.answers.ages).toEqual(['age20to59'])
  })

  it('remembers the counter draft prepared for each procedure across sessions; a row from an older version or a malformed one names none', async () => {
    const first = session()
    await first.load()
    await first.setDraft('moving-in', 'tennyu-todoke', 'draft-1')
    await first.setDraft('moving-in', 'inkan', 'draft-2')
    const store = session()
    await store.load()
    expect(preparedDrafts(store.current('moving-in'))).toEqual({ 'tennyu-todoke': 'draft-1', inkan: 'draft-2' })
    expect(preparedDrafts({})).toEqual({})
    for (const drafts of [null, 'x', ['a'], { a: 1, b: '', c: 'ok' }]) expect(preparedDrafts({ drafts } as never)).toEqual(typeof drafts === 'object' && drafts && !Array.isArray(drafts) ? { c: 'ok' } : {})
  })

  it('forget removes one event’s checklist and nothing else', async () => {
    const store = session()
    await store.load()
    await store.setDate('birth', '2026-11-20')
    await store.setDate('death', '2026-11-21')
    await store.forget('birth')
    expect([...store.checklists.keys()]).toEqual(['death'])
    expect(await db().lifeChecklists.toCollection().primaryKeys()).toEqual(['death'])
  })
})

describe('a counter draft prefilled from the answers', () => {
  beforeEach(async () => {
    await clearAllData()
    setActivePinia(createPinia())
  })

  it('starts from わたしの情報 and takes the prefilled answers over the blanks', async () => {
    const counter = useCounterStore()
    await counter.saveProfile({ name: '山田 花子', kana: 'ヤマダ ハナコ', birthDate: '1990-01-02', postalCode: '', address: '', phone: '090-0000-0000' })
    const form = shipped.find((f) => f.id === 'jumin-ido')!
    const id = await counter.create(form, 'ja', { kind: 'tennyu', moveDate: '2026-11-28' })
    const draft = await db().drafts.get(id!)
    expect(draft?.answers).toMatchObject({ kind: 'tennyu', moveDate: '2026-11-28', phone: '090-0000-0000' })
  })
})

describe('dates and links on the checklist', () => {
  it('writes a deadline as a resident reads it, the year only when it is not this year', () => {
    expect(formatLifeDate('2026-12-04', 'ja', '2026-11-28')).toBe('12月4日')
    expect(formatLifeDate('2027-02-27', 'ja', '2026-11-28')).toBe('2027年2月27日')
    expect(formatLifeDate('2026-12-04', 'en', '2026-11-28')).toBe('4\u00a0December')
    expect(formatLifeDate('2027-02-27', 'en', '2026-11-28')).toBe('27\u00a0February\u00a02027')
    expect(formatLifeDate('2026-12-04', 'ja-easy', '2026-11-28')).toBe('12｛月｜がつ｝｛4日｜よっか｝')
    expect(formatLifeDate('2026-12-12', 'ja-easy', '2026-11-28')).toBe('12｛月｜がつ｝12｛日｜にち｝')
  })

  it('prints the checklist address in the language it was printed in, and lets only https links out', () => {
    expect(lifeChecklistUrl('https://town.example', '/yorisoi/', 'moving-in', 'en')).toBe('https://town.example/yorisoi/life/checklist?id=moving-in&lang=en')
    expect(isSafeLink('https://www.soumu.go.jp/')).toBe(true)
    expect(isSafeLink('http://example.jp/')).toBe(false)
    expect(isSafeLink('javascript:alert(1)')).toBe(false)
  })
})
