import { defineStore } from 'pinia'
import { ref } from 'vue'
import { clearAllData, db, storageProblem, toPlain, type DraftRow, type ProfileRow, type StorageProblem } from '../db'
import { allForms, findForm } from '../domain/forms'
import type { Answers, FormDefinition } from '../domain/forms/types'
import { isExpired, newAnswers, type Profile } from '../domain/forms/drafts'
import { municipality } from '../content/registry'

const newId = (): string => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`)

/**
 * Counter drafts and わたしの情報, kept only in this phone's IndexedDB. A storage failure never
 * throws typed text away: the page keeps its answers and `problem` says what went wrong.
 */
export const useCounterStore = defineStore('counter', () => {
  const drafts = ref<DraftRow[]>([])
  const profile = ref<ProfileRow | undefined>()
  const problem = ref<StorageProblem | undefined>()
  const forms = allForms()

  type Outcome<T> = { ok: true; value: T } | { ok: false; value?: undefined }
  async function guard<T>(work: () => Promise<T>): Promise<Outcome<T>> {
    try {
      const value = await work()
      problem.value = undefined
      return { ok: true, value }
    } catch (error) {
      problem.value = storageProblem(error)
      return { ok: false }
    }
  }

  /** Loads drafts and profile; deletes drafts past the town's retention (they were flagged days before). */
  async function load(now = Date.now()): Promise<void> {
    await guard(async () => {
      const all = await db().drafts.orderBy('updatedAt').reverse().toArray()
      const expired = all.filter((d) => isExpired(d.updatedAt, now, municipality.draftRetentionDays))
      if (expired.length) await db().drafts.bulkDelete(expired.map((d) => d.id))
      drafts.value = all.filter((d) => !expired.includes(d))
      profile.value = await db().profile.get('me')
    })
  }

  function formOf(draft: Pick<DraftRow, 'formId' | 'formVersion'>): FormDefinition | undefined {
    return findForm(forms, draft.formId, draft.formVersion)
  }

  /** A new draft; `prefilled` (e.g. from くらしの手続きナビ's answers) overrides the blank and profile values. */
  async function create(form: FormDefinition, language: string, prefilled?: Answers): Promise<string | undefined> {
    const now = Date.now()
    const answers = { ...newAnswers(form, profile.value), ...(prefilled ? toPlain(prefilled) : {}) }
    const row: DraftRow = { id: newId(), formId: form.id, formVersion: form.version, answers, language, createdAt: now, updatedAt: now, shownAt: 0 }
    // Ask the browser not to evict what residents keep here (it may say no; nothing changes then).
    void navigator.storage?.persist?.().catch(() => false)
    if (!(await guard(() => db().drafts.add(row))).ok) return undefined
    drafts.value = [row, ...drafts.value]
    return row.id
  }

  async function get(id: string): Promise<DraftRow | undefined> {
    return (await guard(() => db().drafts.get(id))).value
  }

  async function save(id: string, answers: Answers, language: string): Promise<boolean> {
    const updatedAt = Date.now()
    const saved = await guard(() => db().drafts.update(id, { answers: toPlain(answers), updatedAt, language }))
    if (!saved.ok) return false
    const row = drafts.value.find((d) => d.id === id)
    if (row) Object.assign(row, { answers: toPlain(answers), updatedAt })
    return true
  }

  /** The resident showed this draft's QR code (the list then says so). */
  async function markShown(id: string): Promise<void> {
    const shownAt = Date.now()
    if ((await guard(() => db().drafts.update(id, { shownAt }))).ok) {
      const row = drafts.value.find((d) => d.id === id)
      if (row) row.shownAt = shownAt
    }
  }

  async function duplicate(id: string): Promise<string | undefined> {
    const source = await get(id)
    if (!source) return undefined
    const now = Date.now()
    const copy: DraftRow = { ...source, id: newId(), createdAt: now, updatedAt: now, shownAt: 0 }
    if (!(await guard(() => db().drafts.add(copy))).ok) return undefined
    drafts.value = [copy, ...drafts.value]
    return copy.id
  }

  async function remove(id: string): Promise<void> {
    if ((await guard(() => db().drafts.delete(id))).ok) drafts.value = drafts.value.filter((d) => d.id !== id)
  }

  async function saveProfile(value: Profile): Promise<boolean> {
    const row: ProfileRow = { id: 'me', ...value, updatedAt: Date.now() }
    if (!(await guard(() => db().profile.put(row))).ok) return false
    profile.value = row
    return true
  }

  async function deleteProfile(): Promise<void> {
    if ((await guard(() => db().profile.delete('me'))).ok) profile.value = undefined
  }

  /** 「このスマホのデータをすべて消す」: every table and every stored setting. */
  async function eraseEverything(): Promise<boolean> {
    const { ok } = await guard(() => clearAllData())
    try {
      for (const key of Object.keys(localStorage)) if (key.startsWith('yorisoi.')) localStorage.removeItem(key)
    } catch {
      // storage blocked: nothing was stored there either
    }
    drafts.value = []
    profile.value = undefined
    return ok
  }

  return { drafts, profile, problem, forms, load, formOf, create, get, save, markShown, duplicate, remove, saveProfile, deleteProfile, eraseEverything }
})
