import type { Plugin } from 'vite'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { assertForm, assertFormReferences, assertGuide, assertItems, assertLifeEvent, assertLifeReferences, assertMunicipality, assertProcedure, assertPurposes, type LifeContent } from '../src/content/validate.ts'
import type { LifeEvent, Procedure } from '../src/domain/life/types.ts'
import { ADDED_LANGUAGES, LANGUAGES } from '../src/domain/language.ts'
import { checkOverlay, contentGroup, type Overlay } from '../src/domain/text/overlay.ts'
import { contentFiles, uiLocaleDirs, uiProblems } from '../scripts/l10n-lib.ts'

/**
 * A town's data is checked before anything is built: a bad file stops the build with a message
 * naming the file and the field (`src/content/municipality.json is not valid: field /mainPhone …`).
 */
export function contentCheck(files: { municipality: string; label?: string; formsDir?: string; guidesDir?: string; life?: LifeFiles; contentRoot?: string }): Plugin {
  return {
    name: 'yorisoi:content-check',
    buildStart() {
      this.addWatchFile(files.municipality)
      let data: unknown
      try {
        data = JSON.parse(readFileSync(files.municipality, 'utf8'))
      } catch (error) {
        throw new Error(`${files.label ?? files.municipality} is not valid JSON: ${(error as Error).message}`)
      }
      assertMunicipality(data, files.label ?? files.municipality)
      if (files.formsDir) {
        for (const name of readdirSync(files.formsDir).filter((n) => /\.v\d+\.json$/.test(n))) {
          const path = join(files.formsDir, name)
          this.addWatchFile(path)
          assertForm(readJson(path, `src/content/forms/${name}`), `src/content/forms/${name}`)
        }
      }
      if (files.guidesDir) {
        for (const name of guideFileNames(files.guidesDir)) {
          const path = join(files.guidesDir, name)
          this.addWatchFile(path)
          assertGuide(readJson(path, `src/content/guides/${name}`), `src/content/guides/${name}`)
        }
      }
      if (files.life) {
        for (const path of lifeFilePaths(files.life)) this.addWatchFile(path)
        checkLife(files.life, data as { counters: { id: string }[] })
      }
      if (files.contentRoot) checkTranslations(files.contentRoot, (data as { languages?: string[] }).languages ?? [...LANGUAGES])
    },
  }
}

function readJson(path: string, label: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`${label} is not valid JSON: ${(error as Error).message}`)
  }
}

/** Guide files in a folder (every .json but the schema). */
export function guideFileNames(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'guide.schema.json')
}

/** Every fixed address of every guide: its overview, each step and its finish screen. */
export function guidePaths(dir: string): string[] {
  return guideFileNames(dir).flatMap((name) => {
    const g = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { id: string; steps: { id: string }[] }
    return [`/guides/${g.id}`, ...g.steps.map((s) => `/guides/${g.id}/${s.id}`), `/guides/${g.id}/done`]
  })
}

/** Where くらしの手続きナビ's data lives (labels are how errors name the files). */
export interface LifeFiles {
  items: string
  eventsDir: string
  proceduresDir: string
  formsDir: string
  guidesDir: string
  /** src/content/form-purposes.json: the headings of the counter form list. */
  purposes: string
}

/** Data files in a folder: every .json but its schema. */
export function dataFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json') && !n.endsWith('.schema.json'))
    .sort()
}

function lifeFilePaths(files: LifeFiles): string[] {
  return [files.items, files.purposes, ...dataFileNames(files.eventsDir).map((n) => join(files.eventsDir, n)), ...dataFileNames(files.proceduresDir).map((n) => join(files.proceduresDir, n))]
}

/**
 * Items, procedures and life events, each against its schema, then every reference between
 * them and to counters, forms and guides. Throws naming the file and the field.
 */
export function checkLife(files: LifeFiles, municipality: { counters: { id: string }[] }): void {
  const items = readJson(files.items, 'src/content/items.json')
  assertItems(items, 'src/content/items.json')
  const procedures = dataFileNames(files.proceduresDir).map((name) => {
    const file = `src/content/procedures/${name}`
    const data = readJson(join(files.proceduresDir, name), file)
    assertProcedure(data, file)
    return { file, data: data as Procedure }
  })
  const events = dataFileNames(files.eventsDir).map((name) => {
    const file = `src/content/life-events/${name}`
    const data = readJson(join(files.eventsDir, name), file)
    assertLifeEvent(data, file)
    return { file, data: data as LifeEvent }
  })
  const formFiles = readdirSync(files.formsDir)
    .filter((n) => /\.v\d+\.json$/.test(n))
    .map((n) => ({ file: `src/content/forms/${n}`, data: readJson(join(files.formsDir, n), `src/content/forms/${n}`) as LifeContent['forms'][number] & { counter?: string; bring?: string[] } }))
  const forms = formFiles.map((f) => f.data)
  const purposes = readJson(files.purposes, 'src/content/form-purposes.json')
  assertPurposes(purposes, 'src/content/form-purposes.json')
  assertFormReferences(formFiles, municipality.counters.map((c) => c.id), (items as { items: { id: string }[] }).items, (purposes as { purposes: { id: string }[] }).purposes)
  const guides = guideFileNames(files.guidesDir).map((n) => (readJson(join(files.guidesDir, n), `src/content/guides/${n}`) as { id: string }).id)
  assertLifeReferences({ events, procedures, items: (items as { items: { id: string }[] }).items, counters: municipality.counters.map((c) => c.id), forms, guides })
}

/**
 * Every added language the town offers ships complete: each text of each content file and every
 * resident-facing UI message (scripts/l10n.ts lists what is missing). Throws naming the language.
 */
export function checkTranslations(contentRoot: string, offered: readonly string[]): void {
  const files = contentFiles(contentRoot)
  for (const lang of ADDED_LANGUAGES.filter((l) => offered.includes(l))) {
    const overlays = new Map<string, Overlay>()
    const overlay = (group: string): Overlay => {
      if (!overlays.has(group)) {
        let o: Overlay = {}
        try {
          o = JSON.parse(readFileSync(join(contentRoot, 'locales', lang, `${group}.json`), 'utf8')) as Overlay
        } catch {
          o = {}
        }
        overlays.set(group, o)
      }
      return overlays.get(group)!
    }
    const errors = [...files.flatMap(({ key, data }) => checkOverlay(data, overlay(contentGroup(key))[key], `${key} `).errors), ...uiLocaleDirs().flatMap((dir) => uiProblems(dir, lang).errors)]
    if (errors.length) throw new Error(`The town offers ${lang} (municipality.json "languages"), but its translation is not complete (npx tsx scripts/l10n.ts check ${lang}):\n${errors.slice(0, 20).map((e) => `  - ${e}`).join('\n')}${errors.length > 20 ? `\n  … and ${errors.length - 20} more` : ''}`)
  }
}
