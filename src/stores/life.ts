import { defineStore } from 'pinia'
import { databaseMayExist } from '../db/exists'
import { ref, shallowRef } from 'vue'
import type { LifeChecklistRow, StorageProblem } from '../db'
import type { LifeContentData } from '../content/registry'
import { nextQuestion } from '../domain/life/engine'
import type { LifeAnswers, LifeEvent } from '../domain/life/types'

/**
 * くらしの手続きナビ: the town's life-event data (loaded on demand) and the resident's checklists,
 * one per life event, kept in IndexedDB so the answers, the place in the questions and the ticks
 * survive a reload, a closed tab and going offline. A storage failure keeps everything in memory
 * for this visit and `problem` says so.
 */
/** The drafts a stored row names, read defensively (a row written by an older version has none). */
export function preparedDrafts(row: Pick<LifeChecklistRow, 'drafts'>): Record<string, string> {
  const drafts = row.drafts
  if (!drafts || typeof drafts !== 'object' || Array.isArray(drafts)) return {}
  return Object.fromEntries(Object.entries(drafts).filter(([, id]) => typeof id === 'string' && id !== ''))
}

export const useLifeStore = defineStore('life', () => {
  const content = shallowRef<LifeContentData>()
  const checklists = ref(new Map<string, LifeChecklistRow>())
  const loaded = ref(false)
  const problem = ref<StorageProblem>()

  async function loadContent(): Promise<LifeContentData> {
    content.value ??= await (await import('../content/registry')).loadLifeContent()
    return content.value
  }

  /** The data and every saved checklist. */
  async function load(): Promise<void> {
    await loadContent()
    // a first visit has no checklist: no database code, and no database created for nothing
    if (!(await databaseMayExist())) return void (loaded.value = true)
    const { db, storageProblem } = await import('../db')
    try {
      const rows = await db().lifeChecklists.toArray()
      checklists.value = new Map(rows.map((r) => [r.eventId, r]))
    } catch (error) {
      problem.value = storageProblem(error)
    }
    loaded.value = true
  }

  function event(id: string): LifeEvent | undefined {
    return content.value?.events.find((e) => e.id === id)
  }

  async function write(row: LifeChecklistRow): Promise<void> {
    checklists.value = new Map(checklists.value).set(row.eventId, row)
    const { db, storageProblem, toPlain } = await import('../db')
    try {
      await db().lifeChecklists.put(toPlain(row))
      problem.value = undefined
    } catch (error) {
      problem.value = storageProblem(error)
    }
  }

  function current(eventId: string): LifeChecklistRow {
    const now = Date.now()
    return checklists.value.get(eventId) ?? { eventId, eventDate: '', answers: {}, step: 'date', finished: false, done: [], createdAt: now, updatedAt: now }
  }

  /** Whether every question the answers lead to is answered. */
  function isFinished(eventId: string, answers: LifeAnswers): boolean {
    const e = event(eventId)
    return !!e && nextQuestion(e, answers) === undefined
  }

  async function setDate(eventId: string, eventDate: string): Promise<void> {
    const row = current(eventId)
    await write({ ...row, eventDate, updatedAt: Date.now() })
  }

  async function answer(eventId: string, questionId: string, value: string | string[]): Promise<void> {
    const row = current(eventId)
    const answers = { ...row.answers, [questionId]: Array.isArray(value) ? [...value] : value }
    await write({ ...row, answers, finished: isFinished(eventId, answers), updatedAt: Date.now() })
  }

  /** Remembers the screen last opened, for 「つづきから」. */
  async function visit(eventId: string, step: string): Promise<void> {
    const row = current(eventId)
    if (row.step === step && checklists.value.has(eventId)) return
    await write({ ...row, step, updatedAt: Date.now() })
  }

  async function setDone(eventId: string, procedureId: string, done: boolean): Promise<void> {
    const row = current(eventId)
    const set = new Set(row.done)
    if (done) set.add(procedureId)
    else set.delete(procedureId)
    await write({ ...row, done: [...set], updatedAt: Date.now() })
  }

  /** Remembers the counter draft prepared for a procedure, so the checklist can show them all at the counter. */
  async function setDraft(eventId: string, procedureId: string, draftId: string): Promise<void> {
    const row = current(eventId)
    await write({ ...row, drafts: { ...preparedDrafts(row), [procedureId]: draftId }, updatedAt: Date.now() })
  }

  /** 「はじめからやりなおす」: forgets the date, the answers and the ticks of one event. */
  async function forget(eventId: string): Promise<void> {
    const next = new Map(checklists.value)
    next.delete(eventId)
    checklists.value = next
    const { db } = await import('../db')
    await db().lifeChecklists.delete(eventId).catch(() => undefined)
  }

  return { content, checklists, loaded, problem, loadContent, load, event, current, setDate, answer, visit, setDone, setDraft, forget }
})
