/**
 * The one way the app reaches a town's data. Files here were checked against their schemas at
 * build time (see vite.config.ts), so the app can trust their shape.
 */
import data from './municipality.json'
import { offeredLanguagesOf, type Language, type Localized } from '../domain/language'
import type { Municipality } from './types'
import type { LifeEvent, LifeItem, Procedure } from '../domain/life/types'
import type { FormDefinition } from '../domain/forms/types'
import type { FormPurpose } from '../domain/forms/search'
import { registerContent } from './translations'

export const municipality = data as unknown as Municipality
void registerContent({ './municipality.json': municipality })

/** The languages the town offers its residents (municipality.json `languages`; every shipped language when it names none), in Yorisoi's order. */
export const offeredLanguages: Language[] = offeredLanguagesOf(municipality.languages)

export function localize(text: Localized, lang: Language): string {
  return text[lang]
}

/**
 * Every counter form that ships, in every version still supported (`forms/<id>.v<version>.json`,
 * sorted by id then version). Old versions stay so old drafts and QR codes still open and scan.
 * One chunk loaded on demand (./forms/index.ts): the first paint does not carry the forms.
 * Domain code never reaches these files itself: callers pass the list in.
 */
let forms: Promise<FormDefinition[]> | undefined
export function loadForms(): Promise<FormDefinition[]> {
  forms ??= import('./forms/index').then(async (m) => {
    await registerContent(m.files, 'forms/')
    return m.shippedForms
  })
  return forms
}

/**
 * What residents want to do (`form-purposes.json`, checked at build): the headings of the counter
 * form list, in order. Every form names at least one in its `purposes`. Loaded with the list.
 */
let loadedPurposes: FormPurpose[] | undefined
export function loadFormPurposes(): Promise<FormPurpose[]> {
  return import('./form-purposes.json').then(async (m) => {
    await registerContent({ './form-purposes.json': m.default })
    return (loadedPurposes = (m.default as unknown as { purposes: FormPurpose[] }).purposes)
  })
}
/** The purposes, once loadFormPurposes has loaded them (the counter route loads them before its page renders). */
export const formPurposes = (): FormPurpose[] | undefined => loadedPurposes

/**
 * くらしの手続きナビ's data: every `life-events/<id>.json`, `procedures/<id>.json` and
 * `items.json` that ships, checked at build (build/content-check.ts). Loaded on demand as one
 * chunk (./lifeData.ts), so the first paint of every other page does not carry it.
 */
export interface LifeContentData {
  events: LifeEvent[]
  procedures: Procedure[]
  items: LifeItem[]
}

/** The shared list of things to bring (forms and procedures name them by id), loaded on demand. */
export function loadItems(): Promise<LifeItem[]> {
  return import('./items.json').then(async (m) => {
    await registerContent({ './items.json': m.default })
    return (m.default as unknown as { items: LifeItem[] }).items
  })
}

export async function loadLifeContent(): Promise<LifeContentData> {
  const data = await import('./lifeData')
  await data.lifeTranslated
  return { events: [...data.lifeEvents], procedures: [...data.procedures], items: [...data.lifeItems] }
}
