/**
 * Schema checks for the data a town edits. Runs at build time (vite.config.ts) and in tests,
 * never in the browser: the app imports content already checked.
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import municipalitySchema from './municipality.schema.json' with { type: 'json' }
import formSchema from './forms/form.schema.json' with { type: 'json' }
import guideSchema from './guides/guide.schema.json' with { type: 'json' }
import { guideLogicProblems } from '../domain/guides/model.ts'
import type { GuideFile } from '../domain/guides/types.ts'

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

const checkForm = ajv.compile(formSchema)

interface RawField {
  id: string
  type: string
  showIf?: { field: string }
  fields?: RawField[]
  options?: { value: string }[]
  min?: number
  max?: number
}

/** What a schema cannot say: ids unique per level, showIf pointing at a field before it, min ≤ max. */
function formLogicProblems(form: { fields: RawField[] }): string[] {
  const out: string[] = []
  const level = (fields: RawField[], path: string) => {
    const seen = new Set<string>()
    fields.forEach((f, i) => {
      const at = `${path}/${i}`
      if (seen.has(f.id)) out.push(`field ${at}/id: "${f.id}" is used twice`)
      if (f.showIf && !seen.has(f.showIf.field)) out.push(`field ${at}/showIf/field: "${f.showIf.field}" is not a field before this one`)
      seen.add(f.id)
      const values = (f.options ?? []).map((o) => o.value)
      if (new Set(values).size !== values.length) out.push(`field ${at}/options: an option value is used twice`)
      if (f.min !== undefined && f.max !== undefined && f.min > f.max) out.push(`field ${at}/min: is larger than max`)
      if (f.fields) level(f.fields, `${at}/fields`)
    })
  }
  level(form.fields, '/fields')
  return out
}

export function formProblems(data: unknown): string[] {
  if (!checkForm(data)) return describeErrors(checkForm.errors)
  return formLogicProblems(data as { fields: RawField[] })
}

/** Checks a form file; its name must be `<id>.v<version>.json`. */
export function assertForm(data: unknown, file: string): void {
  const problems = formProblems(data)
  const { id, version } = (data ?? {}) as { id?: string; version?: number }
  const expected = `${id}.v${version}.json`
  if (problems.length === 0 && !file.endsWith(expected)) problems.push(`field /id: the file should be named ${expected}`)
  if (problems.length > 0) throw new ContentError(file, problems)
}

const checkGuide = ajv.compile(guideSchema)

export function guideProblems(data: unknown): string[] {
  if (!checkGuide(data)) return describeErrors(checkGuide.errors)
  return guideLogicProblems(data as unknown as GuideFile)
}

/** Checks a guide file; its name must be `<id>.json`. */
export function assertGuide(data: unknown, file: string): void {
  const problems = guideProblems(data)
  const { id } = (data ?? {}) as { id?: string }
  if (problems.length === 0 && !file.endsWith(`/${id}.json`) && file !== `${id}.json`) problems.push(`field /id: the file should be named ${id}.json`)
  if (problems.length > 0) throw new ContentError(file, problems)
}
