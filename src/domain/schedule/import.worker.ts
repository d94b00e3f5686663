/**
 * Imports a schedule CSV off the main thread: a town's file can be 10 MB (~14,000 rows), and
 * parsing it on the main thread froze the page for seconds. Loaded by the classes store with
 * `new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' })`; the store
 * falls back to importing on the main thread where workers are missing.
 */
import { importSchedule, type ImportOptions, type ImportResult } from './import'

export interface ImportRequest {
  id: number
  bytes: Uint8Array
  options: ImportOptions
}
export type ImportReply = { id: number; result: ImportResult } | { id: number; error: string }

self.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const { id, bytes, options } = event.data
  let reply: ImportReply
  try {
    reply = { id, result: importSchedule(bytes, options) }
  } catch (error) {
    reply = { id, error: String(error) }
  }
  self.postMessage(reply)
})
