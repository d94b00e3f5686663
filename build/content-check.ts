import type { Plugin } from 'vite'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { assertForm, assertMunicipality } from '../src/content/validate.ts'

/**
 * A town's data is checked before anything is built: a bad file stops the build with a message
 * naming the file and the field (`src/content/municipality.json is not valid: field /mainPhone …`).
 */
export function contentCheck(files: { municipality: string; label?: string; formsDir?: string }): Plugin {
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
          let form: unknown
          try {
            form = JSON.parse(readFileSync(path, 'utf8'))
          } catch (error) {
            throw new Error(`src/content/forms/${name} is not valid JSON: ${(error as Error).message}`)
          }
          assertForm(form, `src/content/forms/${name}`)
        }
      }
    },
  }
}
