import type { Plugin } from 'vite'
import { readFileSync } from 'node:fs'
import { assertMunicipality } from '../src/content/validate.ts'

/**
 * A town's data is checked before anything is built: a bad file stops the build with a message
 * naming the file and the field (`src/content/municipality.json is not valid: field /mainPhone …`).
 */
export function contentCheck(files: { municipality: string; label?: string }): Plugin {
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
    },
  }
}
