import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { municipality } from '../content/registry'
import { importSchedule, type ClassEvent } from '../domain/schedule/import'
import { db } from '../db'

/** Where the last good copy of the town's schedule is kept (stale-while-revalidate, in the app). */
const DATA_CACHE = 'yorisoi-data'
const FETCHED_AT = 'x-yorisoi-fetched-at'

/**
 * The town's class schedule, read from its CSV at run time (a town updates the file, no rebuild)
 * and kept for offline use: the last copy shows at once, a fresh one replaces it when it arrives.
 */
export const useClassesStore = defineStore('classes', () => {
  const classes = ref<ClassEvent[]>([])
  const fetchedAt = ref<number>()
  const state = ref<'idle' | 'loading' | 'ready' | 'offline' | 'error'>('idle')
  const bookmarks = ref<Set<string>>(new Set())
  const url = new URL(municipality.schedule.csvUrl, new URL(import.meta.env.BASE_URL, location.href)).href

  const apply = async (response: Response) => {
    const bytes = new Uint8Array(await response.arrayBuffer())
    classes.value = importSchedule(bytes, { keywords: municipality.schedule.keywords, allRowsAreClasses: municipality.schedule.allRowsAreClasses }).classes
    fetchedAt.value = Number(response.headers.get(FETCHED_AT)) || Date.now()
  }

  let loading: Promise<void> | undefined
  function load(): Promise<void> {
    loading ??= (async () => {
      state.value = 'loading'
      const cache = 'caches' in window ? await caches.open(DATA_CACHE).catch(() => undefined) : undefined
      const cached = await cache?.match(url)
      if (cached) {
        await apply(cached)
        state.value = 'ready'
      }
      try {
        const fresh = await fetch(url, { cache: 'no-cache' })
        if (!fresh.ok) throw new Error(String(fresh.status))
        const body = await fresh.arrayBuffer()
        const headers = new Headers(fresh.headers)
        headers.set(FETCHED_AT, String(Date.now()))
        await cache?.put(url, new Response(body, { headers }))
        await apply(new Response(body, { headers }))
        state.value = 'ready'
      } catch {
        state.value = cached ? 'offline' : 'error'
      }
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
  return { classes, fetchedAt, state, bookmarks, byId, load, loadBookmarks, toggleBookmark }
})
