import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { db, toPlain, type ClassPlanRow } from '../db'
import { normalizeRecord, type ClassRecord } from '../domain/volunteer/records'

const ORGANIZER_KEY = 'yorisoi.volunteer.v1'

/** The volunteer's organisation (a choice, not personal data) and their class records (Dexie). */
export const useVolunteerStore = defineStore('volunteer', () => {
  const organizer = ref<string>(readOrganizer())
  const records = ref<ClassRecord[]>([])
  const problem = ref(false)

  function readOrganizer(): string {
    try {
      return (JSON.parse(localStorage.getItem(ORGANIZER_KEY) ?? '{}') as { organizer?: string }).organizer ?? ''
    } catch {
      return ''
    }
  }
  watch(organizer, (value) => {
    try {
      localStorage.setItem(ORGANIZER_KEY, JSON.stringify({ organizer: value }))
    } catch {
      // storage blocked: the choice holds for this visit
    }
  })

  async function loadRecords(): Promise<void> {
    try {
      records.value = (await db().classRecords.orderBy('date').reverse().toArray()).map(normalizeRecord)
      problem.value = false
    } catch {
      problem.value = true
    }
  }

  async function get(id: number): Promise<ClassRecord | undefined> {
    const row = await db().classRecords.get(id).catch(() => undefined)
    return row ? normalizeRecord(row) : undefined
  }

  /** Saves (adds when new) and returns the record's id. */
  async function save(record: ClassRecord): Promise<number | undefined> {
    try {
      const row = toPlain({ ...record, updatedAt: Date.now() })
      const id = await db().classRecords.put(row)
      problem.value = false
      return id as number
    } catch {
      problem.value = true
      return undefined
    }
  }

  /** Deletes a record (the page asks first); false when storage failed. */
  async function remove(id: number): Promise<boolean> {
    try {
      await db().classRecords.delete(id)
      records.value = records.value.filter((r) => r.id !== id)
      problem.value = false
      return true
    } catch {
      problem.value = true
      return false
    }
  }

  /** A class's plan (guides to show, topics to cover), or undefined when none was made. */
  async function getPlan(classId: string): Promise<ClassPlanRow | undefined> {
    return db().classPlans.get(classId).catch(() => undefined)
  }

  async function savePlan(plan: Omit<ClassPlanRow, 'updatedAt'>): Promise<boolean> {
    try {
      await db().classPlans.put(toPlain({ ...plan, updatedAt: Date.now() }))
      problem.value = false
      return true
    } catch {
      problem.value = true
      return false
    }
  }

  return { organizer, records, problem, loadRecords, get, save, remove, getPlan, savePlan }
})
