import { describe, expect, it } from 'vitest'
import { CHUNK_RELOAD_KEY, isChunkLoadError, reloadOnce } from '../../src/router'

function memoryStorage(): Storage {
  const m = new Map<string, string>()
  return {
    get length() {
      return m.size
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  }
}

describe('a tab left on an old release reloads once onto the new one, never in a loop', () => {
  it('knows a missing lazy file from other errors, in each browser’s words', () => {
    expect(isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: https://x/assets/SettingsView-a1.js'))).toBe(true)
    expect(isChunkLoadError(new TypeError('error loading dynamically imported module: https://x/a.js'))).toBe(true)
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true)
    expect(isChunkLoadError(new Error('Cannot read properties of undefined'))).toBe(false)
  })

  it('reloads onto the page the resident was going to, once; a second failure there does not reload again', () => {
    const storage = memoryStorage()
    const went: string[] = []
    expect(reloadOnce('/settings', storage, (u) => went.push(u))).toBe(true)
    expect(storage.getItem(CHUNK_RELOAD_KEY)).toBe('/settings')
    expect(reloadOnce('/settings', storage, (u) => went.push(u))).toBe(false)
    expect(went).toEqual(['/settings'])
    // once a page has opened the key is removed (router.afterEach): a later release may reload again
    storage.removeItem(CHUNK_RELOAD_KEY)
    expect(reloadOnce('/settings', storage, (u) => went.push(u))).toBe(true)
  })

  it('without sessionStorage it never reloads (no guard, no risk of a loop)', () => {
    const went: string[] = []
    expect(reloadOnce('/classes', null, (u) => went.push(u))).toBe(false)
    expect(went).toEqual([])
  })
})
