/**
 * Languages Yorisoi ships, and text in every one of them. Shared by the domain logic, the app and
 * the town's content (which imports these types; the domain never imports content).
 * `ja` is the source; every language is always complete (parity tests and the build check it).
 */
/** Written inline in every content file: the town writes these three itself. */
export const SOURCE_LANGUAGES = ['ja', 'ja-easy', 'en'] as const
export type SourceLanguage = (typeof SOURCE_LANGUAGES)[number]
/** Each in its own files (`src/content/locales/<lang>/`, `locales/<lang>.json`), downloaded only by those who choose it. */
export const ADDED_LANGUAGES = ['zh-Hans', 'vi', 'ko', 'tl', 'ne', 'id', 'pt-BR', 'my'] as const
export type AddedLanguage = (typeof ADDED_LANGUAGES)[number]
export const LANGUAGES = [...SOURCE_LANGUAGES, ...ADDED_LANGUAGES] as const
export type Language = (typeof LANGUAGES)[number]

/** Text in every shipped language. `ja-easy` may carry furigana markup. */
export type Localized = Record<Language, string>

export interface LanguageInfo {
  /** The language's name in itself, as the picker shows it. */
  name: string
  /** BCP 47 tag for `<html lang>`, `lang=""` and speech (やさしい日本語 is Japanese). */
  tag: string
  /** The locale Intl formats dates, numbers and plurals with. */
  intl: string
  dir: 'ltr' | 'rtl'
}

export const LANGUAGE_INFO: Record<Language, LanguageInfo> = {
  ja: { name: '日本語', tag: 'ja', intl: 'ja-JP', dir: 'ltr' },
  'ja-easy': { name: 'やさしい日本語', tag: 'ja', intl: 'ja-JP', dir: 'ltr' },
  en: { name: 'English', tag: 'en', intl: 'en-GB', dir: 'ltr' },
  'zh-Hans': { name: '简体中文', tag: 'zh-Hans', intl: 'zh-Hans-CN', dir: 'ltr' },
  vi: { name: 'Tiếng Việt', tag: 'vi', intl: 'vi-VN', dir: 'ltr' },
  ko: { name: '한국어', tag: 'ko', intl: 'ko-KR', dir: 'ltr' },
  tl: { name: 'Tagalog', tag: 'tl', intl: 'fil-PH', dir: 'ltr' },
  ne: { name: 'नेपाली', tag: 'ne', intl: 'ne-NP', dir: 'ltr' },
  id: { name: 'Bahasa Indonesia', tag: 'id', intl: 'id-ID', dir: 'ltr' },
  'pt-BR': { name: 'Português (Brasil)', tag: 'pt-BR', intl: 'pt-BR', dir: 'ltr' },
  my: { name: 'မြန်မာ', tag: 'my', intl: 'my-MM', dir: 'ltr' },
}

export function isJapanese(lang: Language): boolean {
  return lang === 'ja' || lang === 'ja-easy'
}

/** Browser language tags that mean a shipped language (primary subtag, or a whole tag for scripts and regions). */
export const BROWSER_TAGS: Readonly<Record<string, Language>> = {
  ja: 'ja',
  en: 'en',
  zh: 'zh-Hans',
  'zh-cn': 'zh-Hans',
  'zh-sg': 'zh-Hans',
  'zh-hans': 'zh-Hans',
  vi: 'vi',
  ko: 'ko',
  tl: 'tl',
  fil: 'tl',
  ne: 'ne',
  id: 'id',
  in: 'id',
  pt: 'pt-BR',
  my: 'my',
}
/** Traditional Chinese is not Simplified Chinese: such a browser falls through to its next language. */
export const NOT_OFFERED = /^zh-(hant|tw|hk|mo)/

/** The shipped language a browser language tag asks for, if any (`zh-CN` → zh-Hans, `fil` → tl, `pt-PT` → pt-BR). */
export function languageOfTag(tag: string): Language | undefined {
  const lower = tag.toLowerCase()
  if (NOT_OFFERED.test(lower)) return undefined
  const exact = LANGUAGES.find((l) => l.toLowerCase() === lower)
  return exact ?? BROWSER_TAGS[lower] ?? BROWSER_TAGS[lower.split('-')[0]!]
}

/** Text the three source languages give, with English standing in for each added language (a form built in code, tests). */
export function withAddedFromEnglish(text: Record<SourceLanguage, string>): Localized {
  return { ...(Object.fromEntries(ADDED_LANGUAGES.map((l) => [l, text.en])) as Record<AddedLanguage, string>), ...text }
}

/** The same words in every language (a label already in the page's language). */
export function sameInEveryLanguage(text: string): Localized {
  return Object.fromEntries(LANGUAGES.map((l) => [l, text])) as Localized
}

/**
 * How a picker names `lang` for someone reading `ui`: in its own name and script, and in the
 * reader's language when that says more (「日本語」 in English: "Japanese"). `easyJapanese` is the
 * reader's word for やさしい日本語, which Intl has no name for.
 */
export function languageName(lang: Language, ui: Language, easyJapanese: string): { own: string; gloss?: string } {
  const own = LANGUAGE_INFO[lang].name
  if (lang === ui || (isJapanese(lang) && isJapanese(ui))) return { own }
  let gloss: string | undefined
  if (lang === 'ja-easy') gloss = easyJapanese
  else
    try {
      gloss = new Intl.DisplayNames(intlLocales(ui), { type: 'language' }).of(LANGUAGE_INFO[lang].tag)
    } catch {
      gloss = undefined // no Intl.DisplayNames: the own name alone
    }
  return gloss && gloss !== own && gloss !== LANGUAGE_INFO[lang].tag ? { own, gloss } : { own }
}

/** The first of the phone's voices that speaks `lang` (by primary language: `vi-VN` for vi, `fil-PH` for Tagalog), if any. */
export function voiceFor<V extends { lang: string }>(voices: readonly V[], lang: Language): V | undefined {
  const wanted = new Set([LANGUAGE_INFO[lang].tag, LANGUAGE_INFO[lang].intl].map((t) => t.toLowerCase().split('-')[0]!))
  if (wanted.has('tl')) wanted.add('fil')
  const primary = (tag: string): string => tag.toLowerCase().replace('_', '-').split('-')[0]!
  return voices.find((v) => wanted.has(primary(v.lang)))
}

/**
 * Locales for Intl (dates, plurals, language names): the language's own, then English. Where the
 * browser has no data for the language (Debian's Chromium has none for ne and my), Intl then
 * writes English instead of falling back to the browser's own language, which may be Japanese.
 */
export function intlLocales(lang: Language): string[] {
  return [LANGUAGE_INFO[lang].intl, 'en-GB']
}

/** The languages a town offers (municipality.json `languages`, any order), in Yorisoi's order; every shipped one when it names none. */
export function offeredLanguagesOf(listed: readonly string[] | undefined): Language[] {
  return LANGUAGES.filter((l) => !listed || listed.includes(l))
}
