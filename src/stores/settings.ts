import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { municipality, offeredLanguages } from '../content/registry'
import type { Language } from '../domain/language'
import {
  SETTINGS_STORAGE_KEY,
  defaultSettings,
  negotiateLanguage,
  parseSettings,
  serializeSettings,
  type Settings,
  type TextSize,
} from '../domain/settings/settings'

/**
 * Settings live in localStorage, not IndexedDB: they are small, hold no personal data, and
 * must be read synchronously before the first paint so the page never flashes in the wrong
 * language or size.
 */
function readStored(): Settings {
  const browser = typeof navigator !== 'undefined' ? navigator.languages ?? [navigator.language] : []
  const defaults = defaultSettings(negotiateLanguage(browser, municipality.defaultLanguage, offeredLanguages))
  try {
    const stored = parseSettings(localStorage.getItem(SETTINGS_STORAGE_KEY), defaults)
    // A language the town no longer offers (it changed municipality.json) is not chosen any more.
    return offeredLanguages.includes(stored.language) ? stored : { ...stored, language: defaults.language, languageChosen: false }
  } catch {
    return defaults // storage blocked (private mode): work for this visit anyway
  }
}

export const useSettingsStore = defineStore('settings', () => {
  const initial = readStored()
  /** The resident's own language (stored). */
  const savedLanguage = ref<Language>(initial.language)
  const languageChosen = ref(initial.languageChosen)
  /**
   * The language of a `?lang=` link followed in this visit when it differs from the resident's
   * choice (a presenter's QR in Japanese opened on an English phone). Never stored.
   */
  const linkLanguage = ref<Language | null>(null)
  /** The language every page is shown in. */
  const language = computed<Language>(() => linkLanguage.value ?? savedLanguage.value)
  const textSize = ref<TextSize>(initial.textSize)
  const highContrast = ref(initial.highContrast)
  const readAloud = ref(initial.readAloud)
  const furigana = ref(initial.furigana)

  function snapshot(): Settings {
    return {
      language: savedLanguage.value,
      languageChosen: languageChosen.value,
      textSize: textSize.value,
      highContrast: highContrast.value,
      readAloud: readAloud.value,
      furigana: furigana.value,
    }
  }

  function persist(): void {
    try {
      localStorage.setItem(SETTINGS_STORAGE_KEY, serializeSettings(snapshot()))
    } catch {
      // Storage full or blocked: the choice still applies for this visit.
    }
  }

  watch([savedLanguage, languageChosen, textSize, highContrast, readAloud, furigana], persist, { flush: 'sync' })

  /** The resident's explicit choice (settings page): stored even when it equals the default, and it ends a link's language. */
  function setLanguage(lang: Language): void {
    savedLanguage.value = lang
    languageChosen.value = true
    linkLanguage.value = null
    persist()
  }

  /**
   * A `?lang=` link: on a first visit (no language chosen yet) it is the choice and is stored;
   * otherwise it shows this visit in its language and the resident's choice stays as it was.
   */
  function followLink(lang: Language): void {
    if (!languageChosen.value) setLanguage(lang)
    else linkLanguage.value = lang === savedLanguage.value ? null : lang
  }

  /** Back to the resident's own language (the header's one-tap way back from a link's language). */
  function returnToSaved(): void {
    linkLanguage.value = null
  }

  function reset(): void {
    const fresh = readStored()
    savedLanguage.value = fresh.language
    languageChosen.value = fresh.languageChosen
    linkLanguage.value = null
    textSize.value = fresh.textSize
    highContrast.value = fresh.highContrast
    readAloud.value = fresh.readAloud
    furigana.value = fresh.furigana
  }

  return {
    language,
    savedLanguage,
    languageChosen,
    linkLanguage,
    textSize,
    highContrast,
    readAloud,
    furigana,
    snapshot,
    setLanguage,
    followLink,
    returnToSaved,
    reset,
  }
})
