import { createI18n } from 'vue-i18n'
import { markRaw } from 'vue'
import ja from './locales/ja.json'
import { ADDED_LANGUAGES, intlLocales, type Language } from '../domain/language'
import { interpolationValues } from '../domain/text/ruby'
import languageModules from 'virtual:yorisoi/languages'

export type MessageSchema = typeof ja
type Messages = Record<string, unknown>
type Loader = () => Promise<{ default: Messages }>

/**
 * Messages come in two layers, both precompiled at build time:
 * - the shell (`src/i18n/locales/<lang>.json`): header, home, prompts. Japanese is bundled
 *   with the first paint; the other languages load on demand;
 * - one set per feature (`src/features/<feature>/locales/<lang>.json`), loaded with the
 *   feature's route and namespaced by the feature's folder name (`classes.title`).
 * So a resident's first paint carries only the shell's Japanese. Every other language is one
 * module (build/language-modules.ts) with its shell messages and the loaders of the rest,
 * fetched when the language is chosen; Japanese features load from here.
 */
const japaneseFeatures: Record<string, Loader> = import.meta.glob<{ default: Messages }>('../features/*/locales/ja.json')

/** A language's module: its shell messages, and loaders by path of its feature messages and content translations. */
export function languageModule(lang: Exclude<Language, 'ja'>) {
  const load = languageModules[lang]
  if (!load) throw new Error(`no messages for ${lang}`)
  return load()
}

async function featureLoader(feature: string, lang: Language): Promise<Loader | undefined> {
  if (lang === 'ja') return japaneseFeatures[`../features/${feature}/locales/ja.json`]
  return (await (await languageModule(lang)).files()).features[`/src/features/${feature}/locales/${lang}.json`] as Loader | undefined
}

/**
 * Plural forms of the added languages, by the language's own rules (Intl.PluralRules): each
 * message has the English's two forms ("{count} guide | {count} guides"); a language without a
 * plural repeats one text, a language whose "one" covers 0 and 1 (pt) picks the first for both.
 */
const pluralRules = Object.fromEntries(
  ADDED_LANGUAGES.map((lang) => {
    const rules = new Intl.PluralRules(intlLocales(lang))
    return [lang, (choice: number, choices: number) => (choices < 2 ? 0 : rules.select(choice) === 'one' ? 0 : 1)]
  }),
)

export const i18n = createI18n<[MessageSchema], Language, false>({
  pluralRules,
  legacy: false,
  locale: 'ja',
  fallbackLocale: 'ja',
  messages: { ja: markRaw(ja) } as Record<Language, MessageSchema>,
  // Every locale ships complete (a unit test checks it); a key missing at run time is a bug,
  // so say so in the console even in production, where e2e tests listen for it.
  missing: (locale, key) => {
    console.error(`[i18n] missing key "${key}" in locale "${locale}"`)
  },
  missingWarn: false,
  fallbackWarn: false,
})

/**
 * Data put into a message never becomes furigana: every `t()` (useI18n returns this global
 * composer) makes its named and list values literal for the ruby parser, so a fee of
 * `{無料|1万円}` from the open-data CSV shows as written. The town's own content that carries
 * furigana is passed as `withFurigana(text)`.
 */
const translate = i18n.global.t
i18n.global.t = ((key: string, values?: unknown, ...rest: unknown[]) => (translate as (...a: unknown[]) => string)(key, interpolationValues(values), ...rest)) as typeof translate

/**
 * Adds messages to a language without making them reactive. vue-i18n keeps its messages in a deep
 * `ref`, so every `t()` walked reactive proxies and every page's render tracked each message object
 * it read; its merge also copied each message through them. Marked raw, a language's messages are
 * plain objects, replaced as a whole when more arrive: what renders a language still follows
 * that language (the top-level object stays reactive), at a fraction of the cost.
 */
function addMessages(lang: Language, extra: Messages): void {
  const all = i18n.global.messages.value as Record<string, Messages>
  all[lang] = markRaw(merged(all[lang] ?? {}, extra))
}

const isTree = (value: unknown): value is Messages => typeof value === 'object' && value !== null && !Array.isArray(value)

/** `base` with `extra` on top, objects merged key by key; neither is changed (module objects are shared). */
export function merged(base: Messages, extra: Messages): Messages {
  const out: Messages = { ...base }
  for (const [key, value] of Object.entries(extra)) {
    if (key === '__proto__') continue
    const old = out[key]
    out[key] = isTree(old) && isTree(value) ? merged(old, value) : value
  }
  return out
}

const loaded = new Set<string>(['shell:ja'])

async function once(id: string, load: () => Promise<void>): Promise<void> {
  if (loaded.has(id)) return
  await load()
  loaded.add(id)
}

/** The shell's messages for `lang`. */
export function loadLocale(lang: Language): Promise<void> {
  return once(`shell:${lang}`, async () => {
    if (lang !== 'ja') addMessages(lang, (await languageModule(lang)).shell as Messages)
  })
}

/** A feature's messages for `lang` (features without messages are fine). */
export function loadFeatureMessages(feature: string, lang: Language): Promise<void> {
  return once(`${feature}:${lang}`, async () => {
    const loader = await featureLoader(feature, lang)
    if (!loader) return
    addMessages(lang, { [feature]: (await loader()).default })
  })
}

/** Which features' messages have been loaded in any language (to follow a language change). */
export function loadedFeatures(): string[] {
  return [...new Set([...loaded].map((id) => id.split(':')[0]!).filter((f) => f !== 'shell'))]
}

/** Every feature's messages in `lang`, fetched once so the service worker keeps them for offline use. */
export async function prefetchMessages(lang: Language): Promise<unknown> {
  if (lang === 'ja') return
  const features = Object.keys((await (await languageModule(lang)).files()).features).map((path) => path.split('/')[3]!)
  return Promise.allSettled(features.map((feature) => loadFeatureMessages(feature, lang)))
}
