import { createI18n } from 'vue-i18n'
import ja from './locales/ja.json'
import { ADDED_LANGUAGES, LANGUAGE_INFO, type Language } from '../domain/language'
import { interpolationValues } from '../domain/text/ruby'

export type MessageSchema = typeof ja
type Messages = Record<string, unknown>
type Loader = () => Promise<{ default: Messages }>

/**
 * Messages come in two layers, both precompiled at build time:
 * - the shell (`src/i18n/locales/<lang>.json`): header, home, prompts. Japanese is bundled
 *   with the first paint; the other languages load on demand;
 * - one set per feature (`src/features/<feature>/locales/<lang>.json`), loaded with the
 *   feature's route and namespaced by the feature's folder name (`classes.title`).
 * So a resident's first paint carries only the shell's Japanese.
 */
const shellLoaders: Record<string, Loader> = import.meta.glob<{ default: Messages }>(['./locales/*.json', '!./locales/ja.json'])
const featureLoaders: Record<string, Loader> = import.meta.glob<{ default: Messages }>('../features/*/locales/*.json')

/**
 * Plural forms of the added languages, by the language's own rules (Intl.PluralRules): each
 * message has the English's two forms ("{count} guide | {count} guides"); a language without a
 * plural repeats one text, a language whose "one" covers 0 and 1 (pt) picks the first for both.
 */
const pluralRules = Object.fromEntries(
  ADDED_LANGUAGES.map((lang) => {
    const rules = new Intl.PluralRules(LANGUAGE_INFO[lang].intl)
    return [lang, (choice: number, choices: number) => (choices < 2 ? 0 : rules.select(choice) === 'one' ? 0 : 1)]
  }),
)

export const i18n = createI18n<[MessageSchema], Language, false>({
  pluralRules,
  legacy: false,
  locale: 'ja',
  fallbackLocale: 'ja',
  messages: { ja } as Record<Language, MessageSchema>,
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

const loaded = new Set<string>(['shell:ja'])

async function once(id: string, load: () => Promise<void>): Promise<void> {
  if (loaded.has(id)) return
  await load()
  loaded.add(id)
}

/** The shell's messages for `lang`. */
export function loadLocale(lang: Language): Promise<void> {
  return once(`shell:${lang}`, async () => {
    const loader = shellLoaders[`./locales/${lang}.json`]
    if (!loader) throw new Error(`no shell messages for ${lang}`)
    i18n.global.mergeLocaleMessage(lang, (await loader()).default)
  })
}

/** A feature's messages for `lang` (features without messages are fine). */
export function loadFeatureMessages(feature: string, lang: Language): Promise<void> {
  return once(`${feature}:${lang}`, async () => {
    const loader = featureLoaders[`../features/${feature}/locales/${lang}.json`]
    if (!loader) return
    i18n.global.mergeLocaleMessage(lang, { [feature]: (await loader()).default })
  })
}

/** Which features' messages have been loaded in any language (to follow a language change). */
export function loadedFeatures(): string[] {
  return [...new Set([...loaded].map((id) => id.split(':')[0]!).filter((f) => f !== 'shell'))]
}

/** Every feature's messages in `lang`, fetched once so the service worker keeps them for offline use. */
export function prefetchMessages(lang: Language): Promise<unknown> {
  const features = Object.keys(featureLoaders)
    .filter((path) => path.endsWith(`/locales/${lang}.json`))
    .map((path) => path.split('/')[2]!)
  return Promise.allSettled(features.map((feature) => loadFeatureMessages(feature, lang)))
}
