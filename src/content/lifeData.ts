/**
 * くらしの手続きナビ's data as one module: every `life-events/<id>.json`, `procedures/<id>.json`
 * and `items.json` that ships. Imported only through `loadLifeContent()` in registry.ts, so it
 * is a single chunk loaded on demand (one request, not one per file: on a slow phone line 45
 * small requests made the first question wait for seconds).
 */
import type { LifeEvent, LifeItem, Procedure } from '../domain/life/types'
import items from './items.json'
import { registerContent } from './translations'

const eventFiles = import.meta.glob<LifeEvent>(['./life-events/*.json', '!./life-events/*.schema.json'], { import: 'default', eager: true })
const procedureFiles = import.meta.glob<Procedure>(['./procedures/*.json', '!./procedures/*.schema.json'], { import: 'default', eager: true })

export const lifeEvents: LifeEvent[] = Object.values(eventFiles).sort((a, b) => a.order - b.order)
export const procedures: Procedure[] = Object.values(procedureFiles)
export const lifeItems: LifeItem[] = (items as unknown as { items: LifeItem[] }).items

/** Resolves once events, procedures and items are in the languages shown. */
export const lifeTranslated = Promise.all([registerContent(eventFiles), registerContent(procedureFiles), registerContent({ './items.json': items })])
