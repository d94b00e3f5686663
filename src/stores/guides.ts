import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { GuideProgressRow, StorageProblem } from '../db'
import { databaseMayExist } from '../db/exists'

/**
 * How far the resident got in each guide, kept in IndexedDB so 「つづきから」 survives a reload,
 * a closed tab and going offline. Dexie loads with the first guide page where the database
 * exists, or with the first step saved, never with the first paint.
 */
export const useGuidesStore = defineStore('guides', () => {
  const progress = ref(new Map<string, GuideProgressRow>())
  const loaded = ref(false)
  const problem = ref<StorageProblem>()

  async function load(): Promise<void> {
    // a first visit has no progress: no database code, and no database created for nothing
    if (!(await databaseMayExist())) return void (loaded.value = true)
    const { db, storageProblem } = await import('../db')
    try {
      const rows = await db().guideProgress.toArray()
      progress.value = new Map(rows.map((r) => [r.guideId, r]))
    } catch (error) {
      problem.value = storageProblem(error)
    }
    loaded.value = true
  }

  async function save(guideId: string, step: number, stepId: string, finished = false): Promise<void> {
    const row: GuideProgressRow = { guideId, step, stepId, finished, updatedAt: Date.now() }
    progress.value = new Map(progress.value).set(guideId, row)
    const { db, storageProblem } = await import('../db')
    try {
      await db().guideProgress.put(row)
      problem.value = undefined
    } catch (error) {
      // The guide still works; only 「つづきから」 is lost. Say so once, in the page.
      problem.value = storageProblem(error)
    }
  }

  async function forget(guideId: string): Promise<void> {
    const next = new Map(progress.value)
    next.delete(guideId)
    progress.value = next
    const { db } = await import('../db')
    await db().guideProgress.delete(guideId).catch(() => undefined)
  }

  return { progress, loaded, problem, load, save, forget }
})
