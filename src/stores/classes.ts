import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { municipality } from '../content/registry'
import { decideSchedule, scheduleProblem, type ClassEvent, type FreshSchedule, type ImportOptions, type ScheduleNotice } from '../domain/schedule/model'
import type { ImportReply, ImportRequest } from '../domain/schedule/import.worker'
import type { ScheduleLoad, ScheduleSource } from '../domain/schedule/load'
import { databaseMayExist } from '../db/exists'

/** Reading on the main thread, only where the worker cannot: the CSV parser loads only then. */
const loadSchedule = async (source: ScheduleSource, options: ImportOptions): Promise<ScheduleLoad> => (await import('../domain/schedule/load')).loadSchedule(source, options)

let worker: Worker | undefined
let nextId = 0

/**
 * Reads the kept copy or the fresh file (see loadSchedule) in a module worker, so a 10 MB file
 * never freezes the page; on the main thread where there is no Worker, or it cannot start or failed.
 */
function loadOffThread(source: ScheduleSource, options: ImportOptions): Promise<ScheduleLoad> {
  if (typeof Worker === 'undefined') return loadSchedule(source, options)
  try {
    worker ??= new Worker(new URL('../domain/schedule/import.worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return loadSchedule(source, options)
  }
  const w = worker
  const id = ++nextId
  return new Promise((resolve) => {
    const fallback = () => {
      cleanup()
      worker = undefined
      resolve(loadSchedule(source, options))
    }
    const classes: ClassEvent[] = []
    const onMessage = (event: MessageEvent<ImportReply>) => {
      const reply = event.data
      if (reply.id !== id) return
      if (reply.kind === 'part') {
        for (const c of reply.classes) classes.push(c)
        return
      }
      cleanup()
      if (reply.kind === 'done') resolve({ ...reply.result, classes })
      else if (reply.kind === 'unloaded') resolve(reply.why)
      else resolve(loadSchedule(source, options))
    }
    const cleanup = () => {
      w.removeEventListener('message', onMessage)
      w.removeEventListener('error', fallback)
    }
    w.addEventListener('message', onMessage)
    w.addEventListener('error', fallback)
    w.postMessage({ id, source, options } satisfies ImportRequest)
  })
}

/**
 * The town's class schedule, read from its CSV at run time (a town updates the file, no rebuild)
 * and kept for offline use: the last good copy shows at once, a fresh one replaces it when it
 * arrives — only if it is good (see decideSchedule): a broken or empty file never replaces it.
 */
export const useClassesStore = defineStore('classes', () => {
  // shallow: thousands of read-only rows need no deep reactivity (it made filtering slow)
  const classes = shallowRef<ClassEvent[]>([])
  const fetchedAt = ref<number>()
  const state = ref<'idle' | 'loading' | 'ready' | 'offline' | 'stale' | 'error'>('idle')
  /** Why the list is not the fresh file, for the notice on /classes. */
  const notice = ref<ScheduleNotice>()
  const bookmarks = ref<Set<string>>(new Set())
  const url = new URL(municipality.schedule.csvUrl, new URL(import.meta.env.BASE_URL, location.href)).href
  const options: ImportOptions = { keywords: [...municipality.schedule.keywords], allRowsAreClasses: municipality.schedule.allRowsAreClasses }

  /**
   * The kept copy and the fresh file, asked of the worker together. /classes asks on its way to
   * the page (the route), so both are on their way while the page is still being taken over;
   * `load()` takes what was asked within the last minute, or asks itself.
   */
  type Asked = { at: number; kept: Promise<ScheduleLoad>; fresh: Promise<ScheduleLoad> }
  let asked: Asked | undefined
  function prefetch(): void {
    if (asked && Date.now() - asked.at < 60_000) return
    asked = {
      at: Date.now(),
      kept: loadOffThread({ kind: 'kept', url }, options).catch(() => 'none' as const),
      fresh: loadOffThread({ kind: 'fresh', url }, options).catch(() => 'offline' as const),
    }
  }

  let loading: Promise<void> | undefined
  function load(): Promise<void> {
    loading ??= (async () => {
      state.value = 'loading'
      // the bookmarks are read before any class shows, so the ☆ button never shows (and toggles) a wrong state
      const marks = loadBookmarks()
      prefetch()
      const { kept: keptAsked, fresh: freshAsked } = asked!
      asked = undefined
      const keptLoad = await keptAsked
      // in a task of its own: what was asked on the way has often arrived already, and showing it
      // in the task that took the page over made one long task of both on a slow phone
      await new Promise((resolve) => setTimeout(resolve, 0))
      const kept = typeof keptLoad === 'string' ? undefined : keptLoad
      // the kept copy shows at once while the fresh one loads (if it is a good one)
      if (kept && !scheduleProblem(kept)) {
        await marks
        classes.value = kept.classes
        fetchedAt.value = kept.fetchedAt
        state.value = 'ready'
      }
      // the worker fetches, parses and (if good) keeps the file; only the classes come back
      const freshLoad = await freshAsked
      const fresh: FreshSchedule = freshLoad === 'none' ? 'offline' : freshLoad
      const decision = decideSchedule(kept, fresh)
      if (decision.show === 'fresh' && typeof freshLoad !== 'string') {
        classes.value = freshLoad.classes
        fetchedAt.value = freshLoad.fetchedAt
      } else if (decision.show === 'kept' && kept) {
        classes.value = kept.classes
        fetchedAt.value = kept.fetchedAt
      } else {
        classes.value = []
        fetchedAt.value = undefined
      }
      await marks
      notice.value = decision.notice
      state.value = decision.show === 'fresh' ? 'ready' : decision.show === 'kept' ? (decision.notice === 'offline' ? 'offline' : 'stale') : 'error'
    })().finally(() => (loading = undefined))
    return loading
  }

  let marksRead: Promise<void> | undefined
  function loadBookmarks(): Promise<void> {
    marksRead = (async () => {
      try {
        // a first visit has no database: nothing to read, and no database code to load (its
        // start alone is one of the longest tasks a slow phone runs on this page)
        if (!(await databaseMayExist())) return
        const { db } = await import('../db')
        bookmarks.value = new Set((await db().bookmarks.toArray()).map((b) => b.classId))
      } catch {
        // no storage: bookmarks just are not kept
      }
    })()
    return marksRead
  }

  async function toggleBookmark(id: string): Promise<boolean> {
    // a tap before the stored bookmarks are read must not toggle from an empty set
    await (marksRead ?? loadBookmarks())
    const on = !bookmarks.value.has(id)
    try {
      const { db } = await import('../db')
      if (on) await db().bookmarks.put({ classId: id, createdAt: Date.now() })
      else await db().bookmarks.delete(id)
    } catch {
      return bookmarks.value.has(id)
    }
    const next = new Set(bookmarks.value)
    if (on) next.add(id)
    else next.delete(id)
    bookmarks.value = next
    return on
  }

  const byId = computed(() => new Map(classes.value.map((c) => [c.id, c])))
  return { classes, fetchedAt, state, notice, bookmarks, byId, prefetch, load, loadBookmarks, toggleBookmark }
})
