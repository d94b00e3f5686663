/**
 * Resident settings: plain data, parsed defensively (whatever is in storage may come from an
 * older release or be hand-edited), and the first-visit language choice.
 */
import { LANGUAGE_INFO, LANGUAGES, languageOfTag, type Language } from '../language.ts' // (with its extension: vite.config.ts loads this file too)

export const TEXT_SIZES = ['standard', 'large', 'xlarge'] as const
export type TextSize = (typeof TEXT_SIZES)[number]

export interface Settings {
  /** The language the resident chose (or the first-visit guess until they do). */
  language: Language
  /**
   * Whether `language` was chosen (on the settings page, or by the first `?lang=` link of a
   * first visit). Until then a `?lang=` link may store its language; after, a link only shows
   * that one visit in its language and never overwrites the resident's choice.
   */
  languageChosen: boolean
  textSize: TextSize
  highContrast: boolean
  readAloud: boolean
  /** Furigana over kanji in やさしい日本語 (some readers, some dyslexic readers among them, need them off). */
  furigana: boolean
}

export const SETTINGS_STORAGE_KEY = 'yorisoi.settings.v1'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

export function isTextSize(value: unknown): value is TextSize {
  return typeof value === 'string' && (TEXT_SIZES as readonly string[]).includes(value)
}

/**
 * The language of a first visit: the first browser language the town offers, else the town's
 * default. `ja-JP` counts as `ja`, `zh-CN` as 简体中文, `fil` as Tagalog, `pt-PT` as Brazilian
 * Portuguese. やさしい日本語 is no browser's language: only its exact tag, a resident's choice or a
 * `?lang=ja-easy` link chooses it.
 */
export function negotiateLanguage(browserLanguages: readonly string[], fallback: Language, offered: readonly Language[] = LANGUAGES): Language {
  for (const tag of browserLanguages) {
    const lang = languageOfTag(tag)
    if (lang && offered.includes(lang)) return lang
  }
  return fallback
}

export function defaultSettings(language: Language): Settings {
  return { language, languageChosen: false, textSize: 'standard', highContrast: false, readAloud: false, furigana: true }
}

/** Reads stored settings; any missing or unknown value falls back to the default, never throws. */
export function parseSettings(raw: string | null, defaults: Settings): Settings {
  if (!raw) return { ...defaults }
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return { ...defaults }
  }
  if (typeof data !== 'object' || data === null) return { ...defaults }
  const d = data as Record<string, unknown>
  const language = isLanguage(d.language) ? d.language : defaults.language
  return {
    language,
    // Releases before this flag stored a language only once something was set: treat a stored
    // language as the resident's choice, so no link can overwrite it.
    languageChosen: typeof d.languageChosen === 'boolean' ? d.languageChosen && isLanguage(d.language) : isLanguage(d.language),
    textSize: isTextSize(d.textSize) ? d.textSize : defaults.textSize,
    highContrast: typeof d.highContrast === 'boolean' ? d.highContrast : defaults.highContrast,
    readAloud: typeof d.readAloud === 'boolean' ? d.readAloud : defaults.readAloud,
    furigana: typeof d.furigana === 'boolean' ? d.furigana : defaults.furigana,
  }
}

export function serializeSettings(settings: Settings): string {
  return JSON.stringify(settings)
}

/** BCP 47 tag for `<html lang>` and speech: やさしい日本語 is Japanese. */
export function htmlLang(language: Language): string {
  return LANGUAGE_INFO[language].tag
}
