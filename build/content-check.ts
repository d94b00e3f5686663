import type { Plugin } from 'vite'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { assertForm, assertGuide, assertMunicipality } from '../src/content/validate.ts'

/**
 * A town's data is checked before anything is built: a bad file stops the build with a message
 * naming the file and the field (`src/content/municipality.json is not valid: field /mainPhone …`).
 */
export function contentCheck(files: { municipality: string; label?: string; formsDir?: string; guidesDir?: string }): Plugin {
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
