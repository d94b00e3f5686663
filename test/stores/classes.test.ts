import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useClassesStore } from '../../src/stores/classes'

/** A Cache Storage of one cache, enough for the store (match / put). */
function fakeCaches() {
  const entries = new Map<string, { body: ArrayBuffer; headers: [string, string][] }>()
  const cache = {
    match: async (url: string) => {
      const e = entries.get(url)
      return e ? new Response(e.body.slice(0), { headers: e.headers }) : undefined
    },
    put: async (url: string, response: Response) => {
      entries.set(url, { body: await response.arrayBuffer(), headers: [...response.headers] })
    },
  }
  return { entries, storage: { open: async () => cache } }
}

const GOOD = readFileSync('public/data/classes.csv')
const HEADER = GOOD.toString('utf8').split(/\r?\n/)[0]!
const BAD: Record<string, Uint8Array> = {
  'random bytes': new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256),
  'an empty file': new Uint8Array(0),
  'a header-only file': new TextEncoder().encode(`${HEADER}\r\n`),
}

describe('classes store: the last good schedule survives a broken file', () => {
  let served: Uint8Array | 'offline'
  let store: ReturnType<typeof fakeCaches>
  beforeEach(() => {
    setActivePinia(createPinia())
    store = fakeCaches()
    vi.stubGlobal('caches', store.storage)
    vi.stubGlobal('Worker', undefined) // the main-thread fallback
    vi.stubGlobal('fetch', async () => {
      if (served === 'offline') throw new TypeError('Failed to fetch')
      return new Response(served.slice(0))
    })
    return () => vi.unstubAllGlobals()
  })

  async function firstGoodLoad() {
    served = new Uint8Array(GOOD)
    const classes = useClassesStore()
    await classes.load()
    expect(classes.state).toBe('ready')
    expect(classes.notice).toBeUndefined()
    return classes.classes.length
  }

  for (const [what, bytes] of Object.entries(BAD)) {
    it(`${what} after a good load: the good copy stays listed and cached, with the 'stale' notice`, async () => {
      const count = await firstGoodLoad()
      expect(count).toBeGreaterThan(0)
      const cachedBefore = [...store.entries.values()][0]!.body.byteLength

      setActivePinia(createPinia()) // a new visit
      served = bytes
      const again = useClassesStore()
      await again.load()
      expect(again.classes).toHaveLength(count)
      expect(again.state).toBe('stale')
      expect(again.notice).toBe('stale')
      expect([...store.entries.values()][0]!.body.byteLength).toBe(cachedBefore)

      // and offline afterwards, the good copy is still there
      setActivePinia(createPinia())
      served = 'offline'
      const offline = useClassesStore()
      await offline.load()
      expect(offline.classes).toHaveLength(count)
      expect(offline.state).toBe('offline')
    })
  }

  it('a broken first load lists nothing and says why', async () => {
    served = BAD['random bytes']!
    const classes = useClassesStore()
    await classes.load()
    expect(classes.classes).toEqual([])
    expect(classes.state).toBe('error')
    expect(classes.notice).toBe('unreadable')
    expect(store.entries.size).toBe(0)

    setActivePinia(createPinia())
    served = BAD['a header-only file']!
    const again = useClassesStore()
    await again.load()
    expect(again.notice).toBe('no-classes')
  })
})

describe('classes store: bookmarks', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    vi.stubGlobal('caches', fakeCaches().storage)
    vi.stubGlobal('Worker', undefined)
    vi.stubGlobal('fetch', async () => new Response(new Uint8Array(GOOD)))
    const { db } = await import('../../src/db')
    await db().bookmarks.clear()
    await db().bookmarks.put({ classId: 'kept-1', createdAt: 1 })
    return () => vi.unstubAllGlobals()
  })

  it('the classes show only once the stored bookmarks are read', async () => {
    const classes = useClassesStore()
    const seen: boolean[] = []
    const load = classes.load()
    // sample what a screen would see whenever the state says 'ready'
    const timer = setInterval(() => classes.state === 'ready' && seen.push(classes.bookmarks.has('kept-1')), 0)
    await load
    clearInterval(timer)
    expect(classes.bookmarks.has('kept-1')).toBe(true)
    expect(seen.every(Boolean)).toBe(true)
  })

  it('a tap before the bookmarks are read removes a stored bookmark instead of adding it again', async () => {
    const classes = useClassesStore()
    expect(await classes.toggleBookmark('kept-1')).toBe(false)
    const { db } = await import('../../src/db')
    expect(await db().bookmarks.get('kept-1')).toBeUndefined()
    expect(await classes.toggleBookmark('new-1')).toBe(true)
    expect(classes.bookmarks.has('new-1')).toBe(true)
  })
})

describe('classes store: the schedule asked for on the way to /classes', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.stubGlobal('caches', fakeCaches().storage)
    vi.stubGlobal('Worker', undefined)
    return () => vi.unstubAllGlobals()
  })

  it('is fetched once: asked before the page is taken over, taken by its load, asked afresh on the next visit', async () => {
    let requests = 0
    vi.stubGlobal('fetch', async () => {
      requests++
      return new Response(new Uint8Array(GOOD))
    })
    const classes = useClassesStore()
    classes.prefetch()
    classes.prefetch() // a second navigation on the way: no second request
    await new Promise((r) => setTimeout(r, 0))
    expect(requests).toBe(1)
    expect(classes.state).toBe('idle') // nothing shown before the page takes it
    await classes.load()
    expect(requests).toBe(1)
    expect(classes.state).toBe('ready')
    expect(classes.classes.length).toBeGreaterThan(0)
    await classes.load()
    expect(requests).toBe(2)
  })
})
