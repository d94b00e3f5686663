/**
 * Reads and imports the town's schedule off the main thread: a town's file can be 10 MB (~14,000
 * rows), and parsing it on the main thread froze the page for seconds. Loaded by the classes store with
 * `new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' })`; the store
 * falls back to the main thread where workers are missing.
 *
 * The worker fetches the file and keeps it in the cache itself (see loadSchedule), so the 10 MB
 * body never passes through the main thread. The classes come back in parts: the main thread
 * reads each message in its own task, and one message with thousands of classes would itself
 * block it for a long time.
 */
import type { ClassEvent, ImportOptions } from './import'
import { loadSchedule, type LoadedSchedule, type ScheduleSource } from './load'

export type ImportRequest = { id: number; source: ScheduleSource; options: ImportOptions }
export const CLASSES_PER_MESSAGE = 200
export type ImportReply =
  | { id: number; kind: 'part'; classes: ClassEvent[] }
  | { id: number; kind: 'done'; result: Omit<LoadedSchedule, 'classes'> }
  | { id: number; kind: 'unloaded'; why: 'none' | 'offline' | 'http' }
  | { id: number; kind: 'error'; error: string }

self.addEventListener('message', async (event: MessageEvent<ImportRequest>) => {
  const { id, source, options } = event.data
  try {
    const loaded = await loadSchedule(source, options)
    if (typeof loaded === 'string') {
      self.postMessage({ id, kind: 'unloaded', why: loaded } satisfies ImportReply)
      return
    }
    const { classes, ...rest } = loaded
    for (let i = 0; i < classes.length; i += CLASSES_PER_MESSAGE) self.postMessage({ id, kind: 'part', classes: classes.slice(i, i + CLASSES_PER_MESSAGE) } satisfies ImportReply)
    self.postMessage({ id, kind: 'done', result: rest } satisfies ImportReply)
  } catch (error) {
    self.postMessage({ id, kind: 'error', error: String(error) } satisfies ImportReply)
  }
})
