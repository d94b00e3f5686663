import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { DraftRow, ProfileRow } from '../db'
import { storageProblem, toPlain, type StorageProblem } from '../db/plain'
import { databaseMayExist, storageUsable } from '../db/exists'
import { findForm } from '../domain/forms'
import type { Answers, FormDefinition } from '../domain/forms/types'
import { fillFromProfileWithPaths, inspectDraft, isExpired, type DraftDamage, type Profile } from '../domain/forms/drafts'
import { emptyAnswers } from '../domain/forms/validate'
import { loadForms, municipality } from '../content/registry'

/**
 * The database code, loaded once something is read or kept (a first visit has neither). The pages
 * that write (a form, わたしの情報) ask for it as they open (`readyStorage`), so a save, and the one
 * made as the page is left (pagehide), starts at once instead of after a download.
 */
let storage: typeof import('../db') | undefined
const readyStorage = async (): Promise<typeof import('../db')> => (storage ??= await import('../db'))
const database = async () => (storage ?? (await readyStorage())).db()

const newId = (): string => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`)

/** A stored draft that cannot be opened: listed in plain words so the resident can delete it. */
export interface DamagedDraft {
  id: string
  formId?: string
  updatedAt?: number
  damage: DraftDamage
}

/**
 * Counter drafts and わたしの情報. The store's memory is the truth every screen reads (the form
 * edits it, the check page shows it, the QR encodes it); IndexedDB is where that truth is kept
 * between visits. A write that fails never rolls memory back: the screens go on with exactly
 * what the resident typed, `problem` says why it was not kept, and `unkept` says that leaving
 * would lose something. Without IndexedDB at all (private mode, blocked) everything works in
 * memory only.
 */
export const useCounterStore = defineStore('counter', () => {
  const drafts = ref<DraftRow[]>([])
  const damaged = ref<DamagedDraft[]>([])
  const profile = ref<ProfileRow | undefined>()
  const problem = ref<StorageProblem | undefined>()
  /** Drafts whose answers in memory are newer than what storage holds (or storage has none). */
  const unsaved = ref<string[]>([])
  /** Drafts whose last write storage refused: they live only in memory until a write succeeds. */
  const refused = ref<string[]>([])
  const profileUnsaved = ref(false)
  const loaded = ref(false)
  /** Every shipped form in every supported version; filled by the first `load()` (one chunk, not in the first paint). */
  const forms = shallowRef<FormDefinition[]>([])

  /**
   * Something typed lives only in this page's memory because storage refused it: closing the
   * page would lose it. (A change merely waiting for its autosave is written on pagehide.)
   */
  const unkept = computed(() => refused.value.some((id) => unsaved.value.includes(id)) || profileUnsaved.value)

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

  const markUnsaved = (id: string) => {
    if (!unsaved.value.includes(id)) unsaved.value = [...unsaved.value, id]
  }
  const markSaved = (id: string) => {
    unsaved.value = unsaved.value.filter((x) => x !== id)
  }
  const markRefused = (id: string, yes: boolean) => {
    refused.value = yes ? [...new Set([...refused.value, id])] : refused.value.filter((x) => x !== id)
  }
  const byNewest = (a: { updatedAt?: number }, b: { updatedAt?: number }) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0)

  /**
   * Reads drafts and profile from storage; deletes drafts past the town's retention (they were
   * flagged days before). Drafts not yet kept in storage stay as they are in memory.
   */
  /** Loads the forms (once); `load()` does it first, a page that only lists forms may call it alone. */
  async function readyForms(): Promise<FormDefinition[]> {
    if (!forms.value.length) forms.value = await loadForms()
    return forms.value
  }

  /** A load() under way: a form started meanwhile waits for it (see create). */
  let loading: Promise<void> | undefined
  function load(now = Date.now()): Promise<void> {
    const run = readStored(now).finally(() => {
      if (loading === run) loading = undefined
    })
    loading = run
    return run
  }

  async function readStored(now: number): Promise<void> {
    await readyForms()
    // nothing stored on this phone yet: nothing to read or purge, and no database to create (nor
    // Dexie to load); but say at once if nothing could be kept here (private mode, blocked)
    if (!(await databaseMayExist())) {
      if (!(await storageUsable())) problem.value = 'unavailable'
      return void (loaded.value = true)
    }
    await guard(async () => {
      const db = await database()
      const rows: unknown[] = await db.drafts.toArray()
      const readable: DraftRow[] = []
      const broken: DamagedDraft[] = []
      for (const row of rows) {
        const seen = inspectDraft(row, forms.value)
        if (seen.ok) readable.push(seen.draft)
        else if (seen.id !== undefined) broken.push({ id: seen.id, formId: seen.formId, updatedAt: seen.updatedAt, damage: seen.damage })
      }
      const expired = readable.filter((d) => isExpired(d.updatedAt, now, municipality.draftRetentionDays) && !unsaved.value.includes(d.id))
      if (expired.length) await db.drafts.bulkDelete(expired.map((d) => d.id))
      const inMemory = drafts.value.filter((d) => unsaved.value.includes(d.id))
      const fromStorage = readable.filter((d) => !expired.includes(d) && !unsaved.value.includes(d.id))
      drafts.value = [...inMemory, ...fromStorage].sort(byNewest)
      damaged.value = broken.sort(byNewest)
      if (!profileUnsaved.value) profile.value = await db.profile.get('me')
    })
    loaded.value = true
  }

  function formOf(draft: Pick<DraftRow, 'formId' | 'formVersion'>): FormDefinition | undefined {
    return findForm(forms.value, draft.formId, draft.formVersion)
  }

  /** The draft as the screens must show it: from memory (reading storage once, on the first visit). */
  async function open(id: string): Promise<DraftRow | undefined> {
    if (!loaded.value) await load()
    return drafts.value.find((d) => d.id === id)
  }
  const damageOf = (id: string): DamagedDraft | undefined => damaged.value.find((d) => d.id === id)

  /** Writes the draft as it is in memory. False (and `problem` set) when storage refused. */
  async function persist(id: string): Promise<boolean> {
    const row = drafts.value.find((d) => d.id === id)
    if (!row) return false
    const plain = toPlain(row)
    const { ok } = await guard(async () => (await database()).drafts.put(plain))
    markRefused(id, !ok)
    if (!ok) return false
    if (JSON.stringify(toPlain(row)) === JSON.stringify(plain)) markSaved(id)
    return true
  }

  /**
   * A new draft, prefilled from わたしの情報; `prefilled` (e.g. from くらしの手続きナビ's answers)
   * goes over the blank and profile values. It exists (in memory) even when storage refuses it.
   */
  async function create(form: FormDefinition, language: string, prefilled?: Answers): Promise<string> {
    // わたしの情報 must be known before the draft is made from it: a tap on a form can come before
    // the list page has read storage, or even started to (it reads once it is taken over)
    await (loading ?? (loaded.value ? undefined : load()))?.catch(() => undefined)
    const now = Date.now()
    const fromProfile = profile.value ? fillFromProfileWithPaths(form, emptyAnswers(form), profile.value) : { answers: emptyAnswers(form), filled: [] }
    const answers = { ...fromProfile.answers, ...(prefilled ? toPlain(prefilled) : {}) }
    const filled = fromProfile.filled.filter((path) => !(prefilled && path.split('.')[0]! in prefilled))
    const row: DraftRow = { id: newId(), formId: form.id, formVersion: form.version, answers, language, createdAt: now, updatedAt: now, shownAt: 0, fromProfile: filled }
    // Ask the browser not to evict what residents keep here (it may say no; nothing changes then).
    void navigator.storage?.persist?.().catch(() => false)
    drafts.value = [row, ...drafts.value]
    markUnsaved(row.id)
    await persist(row.id)
    return row.id
  }

  /** The resident changed answers: memory takes them at once (what check and QR read). */
  function edit(id: string, answers: Answers, language: string, fromProfile?: string[]): void {
    const row = drafts.value.find((d) => d.id === id)
    if (!row) return
    Object.assign(row, { answers: toPlain(answers), language, updatedAt: Date.now() })
    if (fromProfile) row.fromProfile = [...fromProfile]
    markUnsaved(id)
  }

  /** Takes the answers into memory and keeps them in storage. False when storage refused (memory has them). */
  async function save(id: string, answers: Answers, language: string, fromProfile?: string[]): Promise<boolean> {
    edit(id, answers, language, fromProfile)
    return persist(id)
  }

  /** The resident showed this draft's QR code (the list then says so). */
  async function markShown(id: string): Promise<void> {
    const row = drafts.value.find((d) => d.id === id)
    if (!row) return
    row.shownAt = Date.now()
    // a draft only in memory stays there: writing it now would be a save the resident did not see
    if (!unsaved.value.includes(id)) await persist(id)
  }

  async function duplicate(id: string): Promise<string | undefined> {
    const source = await open(id)
    if (!source) return undefined
    const now = Date.now()
    const copy: DraftRow = { ...toPlain(source), id: newId(), createdAt: now, updatedAt: now, shownAt: 0 }
    drafts.value = [copy, ...drafts.value]
    markUnsaved(copy.id)
    await persist(copy.id)
    return copy.id
  }

  /** Deletes a draft (readable or damaged). A draft that storage never held goes from memory at once. */
  async function remove(id: string): Promise<void> {
    const { ok } = await guard(async () => (await database()).drafts.delete(id))
    if (ok || problem.value === 'unavailable') {
      drafts.value = drafts.value.filter((d) => d.id !== id)
      damaged.value = damaged.value.filter((d) => d.id !== id)
      markSaved(id)
      markRefused(id, false)
    }
  }

  /** Keeps わたしの情報; in memory for this visit when storage refuses (then false). */
  async function saveProfile(value: Profile): Promise<boolean> {
    const row: ProfileRow = { id: 'me', ...value, updatedAt: Date.now() }
    profile.value = row
    const { ok } = await guard(async () => (await database()).profile.put(toPlain(row)))
    profileUnsaved.value = !ok
    return ok
  }

  async function deleteProfile(): Promise<void> {
    const { ok } = await guard(async () => (await database()).profile.delete('me'))
    if (ok || problem.value === 'unavailable') {
      profile.value = undefined
      profileUnsaved.value = false
    }
  }

  /** 「このスマホのデータをすべて消す」: every table and every stored setting. */
  async function eraseEverything(): Promise<boolean> {
    const { ok } = await guard(async () => (await readyStorage()).clearAllData())
    try {
      for (const key of Object.keys(localStorage)) if (key.startsWith('yorisoi.')) localStorage.removeItem(key)
    } catch {
      // storage blocked: nothing was stored there either
    }
    drafts.value = []
    damaged.value = []
    unsaved.value = []
    refused.value = []
    profile.value = undefined
    profileUnsaved.value = false
    return ok
  }

  // Closing or reloading the page while something lives only in memory asks first.
  if (typeof window !== 'undefined') {
    window.addEventListener('beforeunload', (event) => {
      if (!unkept.value) return
      event.preventDefault()
      event.returnValue = ''
    })
  }

  return { drafts, damaged, profile, problem, unsaved, unkept, loaded, forms, readyForms, readyStorage, load, open, damageOf, formOf, create, edit, persist, save, markShown, duplicate, remove, saveProfile, deleteProfile, eraseEverything }
})
