import { afterEach, describe, expect, it } from 'vitest'
import { YorisoiDb } from '../../src/db'
import { DB_NAME, databaseMayExist, storageUsable } from '../../src/db/exists'

const opened: YorisoiDb[] = []
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete()
})

describe('databaseMayExist', () => {
  it('is false before the database was ever opened, and asking does not create it', async () => {
    expect(await databaseMayExist(indexedDB, 'never-opened')).toBe(false)
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('never-opened')
  })

  it('is true once the database has been opened', async () => {
    const d = new YorisoiDb('exists-test')
    opened.push(d)
    await d.open()
    expect(await databaseMayExist(indexedDB, 'exists-test')).toBe(true)
  })

  it('asks about the database the app opens', () => {
    expect(new YorisoiDb().name).toBe(DB_NAME)
  })

  it('is true where the browser cannot list databases or the listing fails (the old behaviour, nothing missed)', async () => {
    expect(await databaseMayExist({} as IDBFactory)).toBe(true)
    expect(await databaseMayExist({ databases: () => Promise.reject(new Error('blocked')) } as unknown as IDBFactory)).toBe(true)
  })

  it('is false without IndexedDB at all', async () => {
    expect(await databaseMayExist(null)).toBe(false)
  })
})

describe('storageUsable', () => {
  it('is true where IndexedDB opens, and leaves no database behind', async () => {
    expect(await storageUsable(indexedDB)).toBe(true)
    await new Promise((r) => setTimeout(r, 20))
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual([])
  })

  it('is false without IndexedDB, when opening throws, and when opening fails', async () => {
    expect(await storageUsable(null)).toBe(false)
    const throwing = { open: () => { throw new DOMException('blocked', 'SecurityError') } } as unknown as IDBFactory
    expect(await storageUsable(throwing)).toBe(false)
    const failing = {
      open: () => {
        const request = {} as IDBOpenDBRequest
        setTimeout(() => request.onerror?.(new Event('error')), 0)
        return request
      },
    } as unknown as IDBFactory
    expect(await storageUsable(failing)).toBe(false)
  })
})
