/**
 * Imports a schedule CSV off the main thread: a town's file can be 10 MB (~14,000 rows), and
 * parsing it on the main thread froze the page for seconds. Loaded by the classes store with
 * `new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' })`; the store
 * falls back to importing on the main thread where workers are missing.
 *
 * The classes come back in parts: the main thread reads each message in its own task, and one
 * message with thousands of classes would itself block it for a long time.
 */
import { importSchedule, type ClassEvent, type ImportOptions, type ImportResult } from './import'

export interface ImportRequest {
  id: number
  bytes: Uint8Array
  options: ImportOptions
}
export const CLASSES_PER_MESSAGE = 200
export type ImportReply =
  | { id: number; kind: 'part'; classes: ClassEvent[] }
  | { id: number; kind: 'done'; result: Omit<ImportResult, 'classes'> }
  | { id: number; kind: 'error'; error: string }

self.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const { id, bytes, options } = event.data
  try {
    const { classes, ...rest } = importSchedule(bytes, options)
    for (let i = 0; i < classes.length; i += CLASSES_PER_MESSAGE) self.postMessage({ id, kind: 'part', classes: classes.slice(i, i + CLASSES_PER_MESSAGE) } satisfies ImportReply)
    self.postMessage({ id, kind: 'done', result: rest } satisfies ImportReply)
  } catch (error) {
    self.postMessage({ id, kind: 'error', error: String(error) } satisfies ImportReply)
  }
})
