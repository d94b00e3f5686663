/**
 * The town's content in an added language (簡体中文, Tiếng Việt …): each content module registers
 * its files here as it loads; the chosen language's translations (`locales/<lang>/<group>.json`,
 * one chunk per group and language) are written into them before a page shows them. A resident
 * downloads only their own language, and only the groups the pages they open use.
 */
import { ADDED_LANGUAGES, type Language } from '../domain/language'
import { applyOverlay, contentFileKey, contentGroup, type Overlay } from '../domain/text/overlay'
import { languageModule } from '../i18n'

type Loader = () => Promise<{ default: Overlay }>
/**
 * The loaders of `lang`'s translations, by path (`/src/content/locales/vi/guides.json`): the
 * town's own texts come with the language's module (every page shows them), the rest on demand.
 */
async function overlayLoaders(lang: Exclude<Language, 'ja'>): Promise<Record<string, Loader>> {
  const mod = await languageModule(lang)
  const town = mod.municipality as Overlay | undefined
  const own: Record<string, Loader> = town ? { [`/src/content/locales/${lang}/municipality.json`]: () => Promise.resolve({ default: town }) } : {}
  return { ...own, ...((await mod.files()).content as Record<string, Loader>) }
}
async function overlayLoader(lang: Exclude<Language, 'ja'>, group: string): Promise<Loader | undefined> {
  const mod = await languageModule(lang)
  if (group === 'municipality') return mod.municipality ? () => Promise.resolve({ default: mod.municipality as Overlay }) : undefined
  return ((await mod.files()).content as Record<string, Loader>)[`/src/content/locales/${lang}/${group}.json`]
}

/** Content files by key (`guides/basics-qr`), per group. */
const registered = new Map<string, Map<string, unknown>>()
/** `group:lang` pairs already written in (or being written). */
const done = new Map<string, Promise<void>>()
/** The languages pages are shown in now: the visit's and the resident's own (the header offers the way back in it). */
let wanted: Language[] = []
/** Languages a page asked for besides those (a volunteer's class handout in Tiếng Việt). */
const extra = new Set<Language>()

const isAdded = (lang: Language): lang is (typeof ADDED_LANGUAGES)[number] => (ADDED_LANGUAGES as readonly string[]).includes(lang)

function translateGroup(group: string, lang: Language): Promise<void> {
  const id = `${group}:${lang}`
  let pending = done.get(id)
  if (!pending) {
    pending = (async () => {
      if (!isAdded(lang)) return
      const loader = await overlayLoader(lang, group)
      if (!loader) return
      const { default: overlay } = await loader()
      for (const [key, data] of registered.get(group) ?? []) applyOverlay(data, overlay[key], lang)
    })()
    // a failed download (offline before the language was ever cached) may be tried again later
    pending = pending.catch((error: unknown) => {
      done.delete(id)
      throw error
    })
    done.set(id, pending)
  }
  return pending
}

/**
 * Registers content files (by their path under src/content, as import.meta.glob names them) and
 * resolves once the wanted languages' translations are written into them.
 */
export function registerContent(files: Record<string, unknown>, base = './'): Promise<void> {
  const groups = new Set<string>()
  for (const [path, data] of Object.entries(files)) {
    const key = contentFileKey(base + path.replace(/^\.\//, ''))
    const group = contentGroup(key)
    groups.add(group)
    if (!registered.has(group)) registered.set(group, new Map())
    registered.get(group)!.set(key, data)
  }
  return Promise.all([...groups].flatMap((g) => wanted.filter(isAdded).map((lang) => translateGroup(g, lang)))).then(() => undefined)
}

/** Makes `langs` the languages content is shown in, and resolves once every registered file has their text. */
export function translateContent(langs: Language[]): Promise<void> {
  wanted = [...new Set([...langs, ...extra])]
  return Promise.all([...registered.keys()].flatMap((g) => wanted.filter(isAdded).map((lang) => translateGroup(g, lang)))).then(() => undefined)
}

/** Content in one more language for this visit (a handout or projector view in the class's language). */
export function alsoTranslateContent(lang: Language): Promise<void> {
  extra.add(lang)
  return translateContent(wanted)
}

/**
 * Every translation file of `lang`, fetched once so the service worker keeps it: after one visit
 * in a language, every page works offline in it, not only the pages already opened.
 */
export async function prefetchContent(lang: Language): Promise<unknown> {
  if (!isAdded(lang)) return
  return Promise.allSettled(Object.values(await overlayLoaders(lang)).map((load) => load()))
}
