/**
 * Whether Yorisoi's database is on this device, asked without opening it (opening creates it)
 * and without Dexie: a first visit then loads no database code at all and leaves nothing
 * behind. Kept apart from `./index` so the first paint can import it.
 */

/** The database's name (Dexie's `YorisoiDb` opens it under this name). */
export const DB_NAME = 'yorisoi'

/**
 * False only when the browser says for sure that the database does not exist (it lists the
 * databases of this origin and ours is not among them) or has no IndexedDB at all. Where
 * `indexedDB.databases()` is missing (Firefox before 126) or fails, true: the caller then opens
 * the database as it always did, so nothing is ever missed, only loaded for nothing.
 */
export async function databaseMayExist(factory: IDBFactory | null = globalThis.indexedDB ?? null, name = DB_NAME): Promise<boolean> {
  if (!factory) return false
  try {
    return (await factory.databases()).some((d) => d.name === name)
  } catch {
    return true // no databases() (a TypeError here), or it failed
  }
}

/**
 * Whether this browser lets the app keep anything in IndexedDB, asked without Dexie and leaving
 * nothing behind (a throwaway database, deleted at once): so a page can say 「何も保存されません」
 * as it opens (private mode, storage blocked) without creating Yorisoi's database.
 */
export async function storageUsable(factory: IDBFactory | null = globalThis.indexedDB ?? null): Promise<boolean> {
  if (!factory) return false
  const probe = `${DB_NAME}-probe`
  try {
    return await new Promise<boolean>((resolve) => {
      const request = factory.open(probe)
      request.onsuccess = () => {
        request.result.close()
        factory.deleteDatabase(probe)
        resolve(true)
      }
      request.onerror = () => resolve(false)
    })
  } catch {
    return false // open() itself threw (SecurityError, InvalidStateError)
  }
}
