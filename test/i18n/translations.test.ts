import { describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ADDED_LANGUAGES, LANGUAGES, offeredLanguagesOf } from '../../src/domain/language'
import { municipalityProblems } from '../../src/content/validate'
import { checkTranslations } from '../../build/content-check'
import { checkOverlay, contentGroup, localizedNodes, type Overlay } from '../../src/domain/text/overlay'
import { contentFiles, uiLocaleDirs, uiProblems } from '../../scripts/l10n-lib'
import review from '../../src/i18n/review.json'
import municipalitySchema from '../../src/content/municipality.schema.json'

/**
 * Complete means complete: every added language has every text of every content file (guides,
 * forms with their options and hints, life events, procedures, things to bring, the town) and
 * every resident-facing UI message, in the same shape as the English.
 */
const files = contentFiles()
const overlay = (lang: string, group: string): Overlay => {
  try {
    return JSON.parse(readFileSync(`src/content/locales/${lang}/${group}.json`, 'utf8')) as Overlay
  } catch {
    return {}
  }
}

describe.each(ADDED_LANGUAGES)('%s', (lang) => {
  it('translates every text of every content file, keeping ids, steps and {values}', () => {
    const errors = files.flatMap(({ key, data }) => checkOverlay(data, overlay(lang, contentGroup(key))[key], `${key} `).errors)
    expect(errors).toEqual([])
  })

  it('translates no file that does not exist', () => {
    const groups = [...new Set(files.map((f) => contentGroup(f.key)))]
    const known = new Set(files.map((f) => f.key))
    expect(groups.flatMap((g) => Object.keys(overlay(lang, g)).filter((key) => !known.has(key)))).toEqual([])
  })

  it('has every resident-facing UI message, with the same placeholders and plural forms as the English', () => {
    expect(uiLocaleDirs().flatMap((dir) => uiProblems(dir, lang).errors)).toEqual([])
  })
})

describe('languages as data', () => {
  it('the content has text to translate (the walk finds it)', () => {
    expect(files.length).toBeGreaterThan(60)
    expect(files.reduce((n, f) => n + localizedNodes(f.data).length, 0)).toBeGreaterThan(1000)
  })

  it('every language records who wrote it and whether a native speaker checked it', () => {
    expect(Object.keys(review.languages).sort()).toEqual([...LANGUAGES].sort())
  })

  it("municipality.json's language list is the shipped languages", () => {
    expect(municipalitySchema.$defs.language.enum).toEqual([...LANGUAGES])
  })
})

describe('the languages a town offers', () => {
  it('are the listed ones in Yorisoi’s order, or every shipped one', () => {
    expect(offeredLanguagesOf(['vi', 'ja', 'en'])).toEqual(['ja', 'en', 'vi'])
    expect(offeredLanguagesOf(undefined)).toEqual([...LANGUAGES])
  })

  it('must name shipped languages and include the default', () => {
    const town = JSON.parse(readFileSync('src/content/municipality.json', 'utf8')) as Record<string, unknown>
    expect(municipalityProblems({ ...town, languages: ['ja', 'en', 'vi'] })).toEqual([])
    expect(municipalityProblems({ ...town, languages: ['en', 'vi'] })).toEqual(['field /languages: must include the defaultLanguage "ja"'])
    expect(municipalityProblems({ ...town, languages: ['ja', 'fr'] }).join()).toMatch(/\/languages\/1/)
  })

  it('stop the build when an offered added language is not complete', () => {
    const root = mkdtempSync(join(tmpdir(), 'yorisoi-l10n-'))
    writeFileSync(join(root, 'items.json'), JSON.stringify({ items: [{ id: 'x', label: { ja: 'ア', 'ja-easy': 'ア', en: 'A' } }] }))
    expect(() => checkTranslations(root, ['ja', 'vi'])).toThrow(/offers vi .*\n.*items \/items\/0\/label: missing/)
    expect(() => checkTranslations(root, ['ja', 'en'])).not.toThrow()
    mkdirSync(join(root, 'locales/vi'), { recursive: true })
    writeFileSync(join(root, 'locales/vi/items.json'), JSON.stringify({ items: { '/items/0/label': 'A (vi)' } }))
    expect(() => checkTranslations(root, ['ja', 'vi'])).not.toThrow()
  })
})
