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
import lifeEventSchema from './life-events/life-event.schema.json' with { type: 'json' }
import procedureSchema from './procedures/procedure.schema.json' with { type: 'json' }
import itemsSchema from './items.schema.json' with { type: 'json' }
import purposesSchema from './form-purposes.schema.json' with { type: 'json' }
import { lifeEventLogicProblems, procedureLogicProblems } from '../domain/life/model.ts'
import type { LifeEvent, LifeItem, PrefillSource, Procedure } from '../domain/life/types.ts'

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
  if (!checkMunicipality(data)) return describeErrors(checkMunicipality.errors)
  const m = data as { defaultLanguage: string; languages?: string[] }
  if (m.languages && !m.languages.includes(m.defaultLanguage)) return [`field /languages: must include the defaultLanguage "${m.defaultLanguage}"`]
  return []
}

export function assertMunicipality(data: unknown, file = 'src/content/municipality.json'): void {
  const problems = municipalityProblems(data)
  if (problems.length > 0) throw new ContentError(file, problems)
}

const checkForm = ajv.compile(formSchema)

export interface RawField {
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

const checkLifeEvent = ajv.compile(lifeEventSchema)
const checkProcedure = ajv.compile(procedureSchema)
const checkItems = ajv.compile(itemsSchema)

export function lifeEventProblems(data: unknown): string[] {
  if (!checkLifeEvent(data)) return describeErrors(checkLifeEvent.errors)
  return lifeEventLogicProblems(data as unknown as LifeEvent)
}

export function procedureProblems(data: unknown): string[] {
  if (!checkProcedure(data)) return describeErrors(checkProcedure.errors)
  return procedureLogicProblems(data as unknown as Procedure)
}

export function itemsProblems(data: unknown): string[] {
  if (!checkItems(data)) return describeErrors(checkItems.errors)
  const seen = new Set<string>()
  const out: string[] = []
  ;(data as { items: LifeItem[] }).items.forEach((item, i) => {
    if (seen.has(item.id)) out.push(`field /items/${i}/id: "${item.id}" is used twice`)
    seen.add(item.id)
  })
  return out
}

function assertNamed(problems: string[], data: unknown, file: string): void {
  const { id } = (data ?? {}) as { id?: string }
  if (problems.length === 0 && !file.endsWith(`/${id}.json`) && file !== `${id}.json`) problems.push(`field /id: the file should be named ${id}.json`)
  if (problems.length > 0) throw new ContentError(file, problems)
}

/** Checks a life event file (`src/content/life-events/<id>.json`). */
export function assertLifeEvent(data: unknown, file: string): void {
  assertNamed(lifeEventProblems(data), data, file)
}

/** Checks a procedure file (`src/content/procedures/<id>.json`). */
export function assertProcedure(data: unknown, file: string): void {
  assertNamed(procedureProblems(data), data, file)
}

export function assertItems(data: unknown, file = 'src/content/items.json'): void {
  const problems = itemsProblems(data)
  if (problems.length > 0) throw new ContentError(file, problems)
}

/** Everything くらしの手続きナビ reads, each file already valid on its own. */
export interface LifeContent {
  events: { file: string; data: LifeEvent }[]
  procedures: { file: string; data: Procedure }[]
  items: { id: string }[]
  /** Counter ids in municipality.json. */
  counters: string[]
  /** Shipped counter forms (every version; the newest is the one prefilled). */
  forms: { id: string; version: number; fields: RawField[] }[]
  /** Shipped guide ids. */
  guides: string[]
}

/**
 * What one file cannot check alone: rules name existing procedures, procedures name existing
 * counters, items, forms, form fields and option values, guides, and questions of the events
 * that pick them. Problems are grouped by file; an empty map means all is well.
 */
export function lifeReferenceProblems(content: LifeContent): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const add = (file: string, problem: string) => out.set(file, [...(out.get(file) ?? []), problem])
  const procedures = new Map(content.procedures.map((p) => [p.data.id, p]))
  const items = new Set(content.items.map((i) => i.id))
  const counters = new Set(content.counters)
  const guides = new Set(content.guides)
  const newest = new Map<string, LifeContent['forms'][number]>()
  for (const f of content.forms) if ((newest.get(f.id)?.version ?? 0) < f.version) newest.set(f.id, f)
  const pickedBy = new Map<string, LifeEvent[]>()

  for (const { file, data } of content.events) {
    data.rules.forEach((r, i) => {
      if (!procedures.has(r.procedure)) add(file, `field /rules/${i}/procedure: "${r.procedure}" is not a procedure in src/content/procedures`)
      else if (!pickedBy.get(r.procedure)?.includes(data)) pickedBy.set(r.procedure, [...(pickedBy.get(r.procedure) ?? []), data])
    })
  }

  for (const { file, data: p } of content.procedures) {
    if (!pickedBy.has(p.id)) add(file, `field /id: "${p.id}" is not picked by any life event's rules`)
    if ('counter' in p.where && !counters.has(p.where.counter)) add(file, `field /where/counter: "${p.where.counter}" is not a counter in municipality.json`)
    p.bring.forEach((item, i) => {
      if (!items.has(item)) add(file, `field /bring/${i}: "${item}" is not an item in src/content/items.json`)
    })
    ;(p.guides ?? []).forEach((g, i) => {
      if (!guides.has(g)) add(file, `field /guides/${i}: "${g}" is not a guide in src/content/guides`)
    })
    if (!p.form) continue
    const form = newest.get(p.form.id)
    if (!form) {
      add(file, `field /form/id: "${p.form.id}" is not a form in src/content/forms`)
      continue
    }
    for (const [fieldId, source] of Object.entries(p.form.prefill ?? {})) {
      const at = `/form/prefill/${fieldId}`
      const field = form.fields.find((f) => f.id === fieldId)
      if (!field) {
        add(file, `field ${at}: "${fieldId}" is not a field of form ${form.id} v${form.version}`)
        continue
      }
      for (const problem of prefillProblems(field, source, pickedBy.get(p.id) ?? [])) add(file, `field ${at}${problem}`)
    }
  }
  return out
}

function prefillProblems(field: RawField, source: PrefillSource, events: LifeEvent[]): string[] {
  const options = field.options?.map((o) => o.value)
  const fits = (v: string) => (options ? options.includes(v) : field.type !== 'date' || /^\d{4}-\d{2}-\d{2}$/.test(v))
  if (field.type === 'group') return [`: a group of fields cannot be prefilled`]
  if ('value' in source) {
    const v = source.value
    if (field.type === 'checkbox' && !options) return typeof v === 'boolean' ? [] : [`/value: field "${field.id}" is a yes/no box (true or false)`]
    if (field.type === 'checkbox') return Array.isArray(v) ? v.filter((x) => !fits(x)).map((x) => `/value: "${x}" is not an option of "${field.id}"`) : [`/value: field "${field.id}" takes a list of options`]
    if (typeof v !== 'string') return [`/value: field "${field.id}" takes one value`]
    return fits(v) ? [] : [`/value: "${v}" is not a valid value of "${field.id}"`]
  }
  if (source.from === 'eventDate') return field.type === 'date' ? [] : [`/from: the event date can only fill a date field, "${field.id}" is ${field.type}`]
  if (source.from === 'profile') return field.type === 'checkbox' || field.type === 'radio' || field.type === 'select' || field.type === 'number' ? [`/key: a profile value cannot fill "${field.id}" (${field.type})`] : []
  const out: string[] = []
  for (const [answer, value] of Object.entries(source.map)) if (!fits(value)) out.push(`/map/${answer}: "${value}" is not an option of "${field.id}"`)
  for (const event of events) {
    const q = event.questions.find((x) => x.id === source.question)
    if (!q) out.push(`/question: "${source.question}" is not a question of life event ${event.id}, which picks this procedure`)
    else for (const answer of Object.keys(source.map)) if (!q.options.some((o) => o.value === answer)) out.push(`/map/${answer}: is not an option of "${q.id}" in life event ${event.id}`)
  }
  return out
}

const checkPurposes = ajv.compile(purposesSchema)

/** src/content/form-purposes.json: valid, ids unique. */
export function purposesProblems(data: unknown): string[] {
  if (!checkPurposes(data)) return describeErrors(checkPurposes.errors)
  const seen = new Set<string>()
  const out: string[] = []
  ;(data as { purposes: { id: string }[] }).purposes.forEach((p, i) => {
    if (seen.has(p.id)) out.push(`field /purposes/${i}/id: "${p.id}" is used twice`)
    seen.add(p.id)
  })
  return out
}

export function assertPurposes(data: unknown, file = 'src/content/form-purposes.json'): void {
  const problems = purposesProblems(data)
  if (problems.length > 0) throw new ContentError(file, problems)
}

/**
 * A counter form names the counter that receives it, what to bring (shown beside its QR code
 * and in くらしの手続きナビ) and what the resident wants to do (the heading it is listed under):
 * all must exist. Problems are grouped by file.
 */
export function formReferenceProblems(
  forms: { file: string; data: { counter?: string; bring?: string[]; purposes?: string[] } }[],
  counters: string[],
  items: { id: string }[],
  purposes: { id: string }[],
): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const add = (file: string, problem: string) => out.set(file, [...(out.get(file) ?? []), problem])
  const knownItems = new Set(items.map((i) => i.id))
  const knownPurposes = new Set(purposes.map((p) => p.id))
  for (const { file, data } of forms) {
    if (!data.purposes?.length) add(file, `field /purposes: must name at least one purpose from src/content/form-purposes.json`)
    ;(data.purposes ?? []).forEach((p, i) => {
      if (!knownPurposes.has(p)) add(file, `field /purposes/${i}: "${p}" is not a purpose in src/content/form-purposes.json`)
    })
    if (data.counter !== undefined && !counters.includes(data.counter)) add(file, `field /counter: "${data.counter}" is not a counter in municipality.json`)
    ;(data.bring ?? []).forEach((item, i) => {
      if (!knownItems.has(item)) add(file, `field /bring/${i}: "${item}" is not an item in src/content/items.json`)
    })
  }
  return out
}

export function assertFormReferences(...args: Parameters<typeof formReferenceProblems>): void {
  const [first] = formReferenceProblems(...args)
  if (first) throw new ContentError(first[0], first[1])
}

/** Stops at the first file with a broken reference, naming file and field. */
export function assertLifeReferences(content: LifeContent): void {
  const problems = lifeReferenceProblems(content)
  const [first] = problems
  if (first) throw new ContentError(first[0], first[1])
}
