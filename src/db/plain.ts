/** What the stores need of storage without loading Dexie: plain copies, and why a write failed. */

/** A deep, proxy-free copy safe to hand to IndexedDB. */
export function toPlain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** Why storage failed, in words the UI can translate. */
export type StorageProblem = 'unavailable' | 'full' | 'unknown'

export function storageProblem(error: unknown): StorageProblem {
  const name = (error as { name?: string; inner?: { name?: string } } | null)?.name ?? ''
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? ''
  if ([name, inner].includes('QuotaExceededError')) return 'full'
  if ([name, inner].some((n) => ['MissingAPIError', 'InvalidStateError', 'SecurityError', 'OpenFailedError', 'DatabaseClosedError'].includes(n))) return 'unavailable'
  return 'unknown'
}
