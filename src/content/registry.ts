/**
 * The one way the app reaches a town's data. Files here were checked against their schemas at
 * build time (see vite.config.ts), so the app can trust their shape.
 */
import data from './municipality.json'
import type { Language, Localized, Municipality } from './types'

export const municipality = data as unknown as Municipality

export function localize(text: Localized, lang: Language): string {
  return text[lang]
}
