/**
 * Reading the town's schedule file and keeping its last good copy (Cache Storage): run in the
 * import worker, so a 10 MB body is fetched, copied into the cache and parsed off the main thread
 * (on the main thread, `new Response(body)` and `cache.put` of 10 MB alone blocked it ~290 ms), and on
 * the main thread only where there is no worker.
 */
import { decideSchedule, importSchedule, type ImportOptions, type ImportResult } from './import'

/** Where the last good copy of the town's schedule is kept (stale-while-revalidate, in the app). */
export const DATA_CACHE = 'yorisoi-data'
const FETCHED_AT = 'x-yorisoi-fetched-at'

/** `kept`: the last good copy from the cache; `fresh`: the file from the town's server, kept if good. */
export type ScheduleSource = { kind: 'kept'; url: string } | { kind: 'fresh'; url: string }

/** An imported file and when it was fetched. */
export type LoadedSchedule = ImportResult & { fetchedAt?: number }

/** `none`: no kept copy; `offline`: the request failed; `http`: the server answered with an error. */
export type ScheduleLoad = LoadedSchedule | 'none' | 'offline' | 'http'

const openCache = () => ('caches' in globalThis ? caches.open(DATA_CACHE).catch(() => undefined) : Promise.resolve(undefined))

export async function loadSchedule(source: ScheduleSource, options: ImportOptions): Promise<ScheduleLoad> {
  const cache = await openCache()
  if (source.kind === 'kept') {
    const response = await cache?.match(source.url).catch(() => undefined)
    const body = await response?.arrayBuffer().catch(() => undefined)
    if (!response || !body) return 'none'
    return { ...importSchedule(new Uint8Array(body), options), fetchedAt: Number(response.headers.get(FETCHED_AT)) || undefined }
  }
  let response: Response
  let body: ArrayBuffer
  try {
    // past the HTTP cache: the town may have just replaced the file
    response = await fetch(source.url, { cache: 'no-cache' })
    if (!response.ok) return 'http'
    body = await response.arrayBuffer()
  } catch {
    return 'offline'
  }
  const result = importSchedule(new Uint8Array(body), options)
  const fetchedAt = Date.now()
  // only a good file replaces the kept copy (the same rule as the list's, see decideSchedule)
  if (decideSchedule(undefined, result).store)
    await cache?.put(source.url, new Response(body, { headers: { 'Content-Type': 'text/csv', [FETCHED_AT]: String(fetchedAt) } })).catch(() => undefined)
  return { ...result, fetchedAt }
}
