import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { municipality } from '../content/registry'
import { decideSchedule, importSchedule, scheduleProblem, type ClassEvent, type FreshSchedule, type ImportOptions, type ImportResult, type ScheduleNotice } from '../domain/schedule/import'
import type { ImportReply, ImportRequest } from '../domain/schedule/import.worker'
import { db } from '../db'

/** Where the last good copy of the town's schedule is kept (stale-while-revalidate, in the app). */
const DATA_CACHE = 'yorisoi-data'
const FETCHED_AT = 'x-yorisoi-fetched-at'

let worker: Worker | undefined
let nextId = 0
/**
 * Imports a schedule in a module worker, so a 10 MB file never freezes the page; on the main
 * thread where there is no Worker (or it cannot start, e.g. a browser without module workers).
 */
function importOffThread(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  if (typeof Worker === 'undefined') return Promise.resolve(importSchedule(bytes, options))
  try {
    worker ??= new Worker(new URL('../domain/schedule/import.worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return Promise.resolve(importSchedule(bytes, options))
  }
  const w = worker
  const id = ++nextId
  return new Promise<ImportResult>((resolve) => {
    const fallback = () => {
      cleanup()
      worker = undefined
      resolve(importSchedule(bytes, options))
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
      else resolve(importSchedule(bytes, options))
    }
    const cleanup = () => {
      w.removeEventListener('message', onMessage)
      w.removeEventListener('error', fallback)
    }
    w.addEventListener('message', onMessage)
    w.addEventListener('error', fallback)
    w.postMessage({ id, bytes, options } satisfies ImportRequest)
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

  const read = async (response: Response) => importOffThread(new Uint8Array(await response.arrayBuffer()), options)

  let loading: Promise<void> | undefined
  function load(): Promise<void> {
    loading ??= (async () => {
      state.value = 'loading'
      const cache = 'caches' in window ? await caches.open(DATA_CACHE).catch(() => undefined) : undefined
      const cachedResponse = await cache?.match(url).catch(() => undefined)
      const cachedAt = Number(cachedResponse?.headers.get(FETCHED_AT)) || undefined
      const kept = cachedResponse ? await read(cachedResponse).catch(() => undefined) : undefined
      // the kept copy shows at once while the fresh one loads (if it is a good one)
      if (kept && !scheduleProblem(kept)) {
        classes.value = kept.classes
        fetchedAt.value = cachedAt
        state.value = 'ready'
      }
      let fresh: FreshSchedule
      let body: ArrayBuffer | undefined
      try {
        const response = await fetch(url, { cache: 'no-cache' })
        if (response.ok) {
          body = await response.arrayBuffer()
          fresh = await importOffThread(new Uint8Array(body), options)
        } else fresh = 'http'
      } catch {
        fresh = 'offline'
      }
      const decision = decideSchedule(kept, fresh)
      if (decision.show === 'fresh' && typeof fresh !== 'string') {
        const now = Date.now()
        if (decision.store && body) await cache?.put(url, new Response(body, { headers: { 'Content-Type': 'text/csv', [FETCHED_AT]: String(now) } })).catch(() => undefined)
        classes.value = fresh.classes
        fetchedAt.value = now
      } else if (decision.show === 'kept' && kept) {
        classes.value = kept.classes
        fetchedAt.value = cachedAt
      } else {
        classes.value = []
        fetchedAt.value = undefined
      }
      notice.value = decision.notice
      state.value = decision.show === 'fresh' ? 'ready' : decision.show === 'kept' ? (decision.notice === 'offline' ? 'offline' : 'stale') : 'error'
      await loadBookmarks()
    })().finally(() => (loading = undefined))
    return loading
  }

  async function loadBookmarks(): Promise<void> {
    try {
      bookmarks.value = new Set((await db().bookmarks.toArray()).map((b) => b.classId))
    } catch {
      // no storage: bookmarks just are not kept
    }
  }

  async function toggleBookmark(id: string): Promise<boolean> {
    const on = !bookmarks.value.has(id)
    try {
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
  return { classes, fetchedAt, state, notice, bookmarks, byId, load, loadBookmarks, toggleBookmark }
})
