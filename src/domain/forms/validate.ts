/**
 * What a form's answers lack or get wrong, field by field. The UI turns each problem's `code`
 * into a message in the resident's language; the staff side uses the same rules.
 */
import { isIsoDate } from '../dates/wareki'
import { isKatakana, normalizePhone, normalizePostalCode, toKatakana } from '../text/normalize'
import type { Answers, AnswerItem, AnswerValue, Field, FormDefinition, LeafField } from './types'

export type ProblemCode = 'required' | 'tooLong' | 'date' | 'kana' | 'postalCode' | 'phone' | 'choice' | 'number' | 'tooFew' | 'tooMany'

export interface Problem {
  /** `moveDate`, or `persons.1.kana` inside a group (item index from 0). */
  path: string
  field: Field
  code: ProblemCode
  /** maxLength, min or max, for the message. */
  limit?: number
}

export function isEmpty(value: AnswerValue | undefined): boolean {
  return value === undefined || value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0)
}

/** Whether a field is shown, given the answers at its level. */
export function isShown(field: Field, level: AnswerItem): boolean {
  if (!field.showIf) return true
  return level[field.showIf.field] === field.showIf.equals
}

function leafProblem(field: LeafField, value: AnswerValue | undefined): Omit<Problem, 'path' | 'field'> | undefined {
  if (isEmpty(value)) return field.required ? { code: 'required' } : undefined
  switch (field.type) {
    case 'text':
    case 'address':
      if (typeof value !== 'string') return { code: 'required' }
      return [...value].length > field.maxLength ? { code: 'tooLong', limit: field.maxLength } : undefined
    case 'kana':
      if (typeof value !== 'string' || !isKatakana(toKatakana(value))) return { code: 'kana' }
      return [...value].length > field.maxLength ? { code: 'tooLong', limit: field.maxLength } : undefined
    case 'date':
      return isIsoDate(value) ? undefined : { code: 'date' }
    case 'postalCode':
      return typeof value === 'string' && normalizePostalCode(value) ? undefined : { code: 'postalCode' }
    case 'phone':
      return typeof value === 'string' && normalizePhone(value) ? undefined : { code: 'phone' }
    case 'select':
    case 'radio':
      return field.options.some((o) => o.value === value) ? undefined : { code: 'choice' }
    case 'checkbox':
      if (!field.options) return typeof value === 'boolean' ? undefined : { code: 'choice' }
      return Array.isArray(value) && value.every((v) => field.options!.some((o) => o.value === v)) ? undefined : { code: 'choice' }
    case 'number':
      return typeof value === 'number' && Number.isInteger(value) && value >= field.min && value <= field.max ? undefined : { code: 'number', limit: field.max }
  }
}

function check(fields: Field[], level: AnswerItem, prefix: string, out: Problem[]): void {
  for (const field of fields) {
    if (!isShown(field, level)) continue
    const path = prefix + field.id
    const value = level[field.id]
    if (field.type === 'group') {
      const items = Array.isArray(value) ? (value as AnswerItem[]) : []
      if (items.length < field.min) out.push({ path, field, code: 'tooFew', limit: field.min })
      if (items.length > field.max) out.push({ path, field, code: 'tooMany', limit: field.max })
      items.slice(0, field.max).forEach((item, i) => check(field.fields, item, `${path}.${i}.`, out))
      continue
    }
    const problem = leafProblem(field, value)
    if (problem) out.push({ path, field, ...problem })
  }
}

/** Every problem in form order; an empty list means the application is complete. */
export function validateAnswers(form: FormDefinition, answers: Answers): Problem[] {
  const out: Problem[] = []
  check(form.fields, answers, '', out)
  return out
}

/** Problems of one field only (inline errors as the resident leaves it). */
export function problemsAt(form: FormDefinition, answers: Answers, path: string): Problem[] {
  return validateAnswers(form, answers).filter((p) => p.path === path)
}

/** Empty answers for a form: groups start with their minimum number of items. */
export function emptyAnswers(form: FormDefinition): Answers {
  const blank = (fields: Field[]): AnswerItem => {
    const out: AnswerItem = {}
    for (const f of fields) {
      if (f.type === 'group') out[f.id] = Array.from({ length: f.min }, () => blank(f.fields))
      else if (f.type === 'checkbox') out[f.id] = f.options ? [] : false
      else if (f.type === 'number') out[f.id] = null
      else out[f.id] = ''
    }
    return out
  }
  return blank(form.fields)
}

/** The answers as stored: kana in full-width katakana, postal codes and phones in one shape. */
export function normalizeAnswer(field: LeafField, value: AnswerValue): AnswerValue {
  if (typeof value !== 'string') return value
  switch (field.type) {
    case 'kana':
      return toKatakana(value)
    case 'postalCode':
      return normalizePostalCode(value) ?? value
    case 'phone':
      return normalizePhone(value) ?? value
    default:
      return value
  }
}
