/**
 * Schema checks for the data a town edits. Runs at build time (vite.config.ts) and in tests,
 * never in the browser: the app imports content already checked.
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import municipalitySchema from './municipality.schema.json' with { type: 'json' }

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ContentError'
  }
}

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })

const checkMunicipality = ajv.compile(municipalitySchema)

/** "field /counters/0/hours: must have required property 'en'" — the field path first, so a town sees where. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    let path = e.instancePath || '/'
    if (e.keyword === 'required') path = `${e.instancePath}/${String(e.params.missingProperty)}`
    if (e.keyword === 'additionalProperties') path = `${e.instancePath}/${String(e.params.additionalProperty)}`
    return `field ${path}: ${e.message ?? 'is not valid'}`
  })
}

/** Returns the list of problems; empty when the file is valid. */
export function municipalityProblems(data: unknown): string[] {
  return checkMunicipality(data) ? [] : describeErrors(checkMunicipality.errors)
}

export function assertMunicipality(data: unknown, file = 'src/content/municipality.json'): void {
  const problems = municipalityProblems(data)
  if (problems.length > 0) throw new ContentError(file, problems)
}
