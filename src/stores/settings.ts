import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { municipality } from '../content/registry'
import type { Language } from '../content/types'
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
  const defaults = defaultSettings(negotiateLanguage(browser, municipality.defaultLanguage))
  try {
    return parseSettings(localStorage.getItem(SETTINGS_STORAGE_KEY), defaults)
  } catch {
    return defaults // storage blocked (private mode): work for this visit anyway
  }
}

export const useSettingsStore = defineStore('settings', () => {
  const initial = readStored()
  const language = ref<Language>(initial.language)
  const textSize = ref<TextSize>(initial.textSize)
  const highContrast = ref(initial.highContrast)
  const readAloud = ref(initial.readAloud)

  function snapshot(): Settings {
    return { language: language.value, textSize: textSize.value, highContrast: highContrast.value, readAloud: readAloud.value }
  }

  function persist(): void {
    try {
      localStorage.setItem(SETTINGS_STORAGE_KEY, serializeSettings(snapshot()))
    } catch {
      // Storage full or blocked: the choice still applies for this visit.
    }
  }

  watch([language, textSize, highContrast, readAloud], persist, { flush: 'sync' })

  /** An explicit choice (settings page, `?lang=`) is stored even when it equals the default. */
  function setLanguage(lang: Language): void {
    language.value = lang
    persist()
  }

  function reset(): void {
    const fresh = readStored()
    language.value = fresh.language
    textSize.value = fresh.textSize
    highContrast.value = fresh.highContrast
    readAloud.value = fresh.readAloud
  }

  return { language, textSize, highContrast, readAloud, snapshot, setLanguage, reset }
})
