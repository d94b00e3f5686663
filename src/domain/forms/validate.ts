/**
 * What a form's answers lack or get wrong, field by field. The UI turns each problem's `code`
 * into a message in the resident's language; the staff side uses the same rules.
 */
import { isIsoDate } from '../dates/wareki'
import { hasInvisible, stripInvisible } from '../text/invisible'
import { isKatakana, normalizePhone, normalizePostalCode, toKatakana } from '../text/normalize'
import { TEXT_FORMATS } from './formats'
import { BANK_PROBLEM_CODES, bankAccountProblem, emptyBankAccount, isBankAccountEmpty, normalizeBankAccount, type BankPart, type BankProblemCode } from './bankAccount'
import type { Answers, AnswerItem, AnswerValue, Field, FormDefinition, LeafField, TextFormat } from './types'

/**
 * `invisible`: a control, bidi or zero-width character (see text/invisible.ts); residents' input
 * strips them, so it only comes from a forged or old code. `hidden`: an answer in a field its
 * `showIf` hides, only reported by `receivedProblems` (a draft may keep such answers).
 * A `TextFormat` name: the answer does not have that field's format.
 */
export type ProblemCode = 'required' | 'tooLong' | 'date' | 'kana' | 'postalCode' | 'phone' | 'choice' | 'number' | 'tooFew' | 'tooMany' | 'invisible' | 'hidden' | TextFormat | BankProblemCode

export const PROBLEM_CODES: readonly ProblemCode[] = ['required', 'tooLong', 'date', 'kana', 'postalCode', 'phone', 'choice', 'number', 'tooFew', 'tooMany', 'invisible', 'hidden', ...(Object.keys(TEXT_FORMATS) as TextFormat[]), ...BANK_PROBLEM_CODES]

export interface Problem {
  /** `moveDate`, or `persons.1.kana` inside a group (item index from 0). */
  path: string
  field: Field
  code: ProblemCode
  /** maxLength, min or max, for the message. */
  limit?: number
  /** In a bank account: the part that is missing or wrong (its input gets the error). */
  part?: BankPart
}

export function isEmpty(value: AnswerValue | undefined): boolean {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return isBankAccountEmpty(value)
  return value === undefined || value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0)
}

/** Whether a field is shown, given the answers at its level. */
export function isShown(field: Field, level: AnswerItem): boolean {
  if (!field.showIf) return true
  return level[field.showIf.field] === field.showIf.equals
}

/** The empty answer of a field, as a new draft holds it and as a hidden field travels. */
export function emptyValue(field: Field): AnswerValue {
  if (field.type === 'group') return []
  if (field.type === 'checkbox') return field.options ? [] : false
  if (field.type === 'number') return null
  if (field.type === 'bankAccount') return emptyBankAccount()
  return ''
}

/**
 * The answers with every field that is not shown emptied, inside groups too, fields in the form's
 * order and nothing the form does not define. This is what may leave the resident's phone: the
 * QR encoder, the staff screen and its exports all go through it. A field hidden by a field that
 * is itself hidden is hidden as well (levels are re-checked until nothing changes).
 *
 * The draft itself keeps hidden answers (unticking 外国籍 and ticking it again gives the
 * resident back what they typed); they are dropped here, at the point of leaving.
 */
export function visibleAnswers(form: FormDefinition, answers: Answers): Answers {
  return visibleLevel(form.fields, answers)
}

function visibleLevel(fields: Field[], level: AnswerItem): AnswerItem {
  const out: AnswerItem = {}
  for (const field of fields) out[field.id] = level[field.id] as AnswerValue
  for (let changed = true; changed; ) {
    changed = false
    for (const field of fields) {
      if (isShown(field, out) || isEmptied(field, out[field.id])) continue
      out[field.id] = emptyValue(field)
      changed = true
    }
  }
  for (const field of fields) {
    const value = out[field.id]
    if (field.type === 'group' && Array.isArray(value)) out[field.id] = (value as AnswerItem[]).map((item) => (item && typeof item === 'object' ? visibleLevel(field.fields, item) : item))
  }
  return out
}

const isEmptied = (field: Field, value: AnswerValue | undefined): boolean => JSON.stringify(value) === JSON.stringify(emptyValue(field))

function leafProblem(field: LeafField, value: AnswerValue | undefined): Omit<Problem, 'path' | 'field'> | undefined {
  if (isEmpty(value)) return field.required ? { code: 'required' } : undefined
  if (field.type === 'bankAccount') return bankAccountProblem(value)
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { code: 'choice' }
  if (typeof value === 'string' && hasInvisible(value)) return { code: 'invisible' }
  switch (field.type) {
    case 'text':
    case 'address':
      if (typeof value !== 'string') return { code: 'required' }
      if ([...value].length > field.maxLength) return { code: 'tooLong', limit: field.maxLength }
      if (field.format && !TEXT_FORMATS[field.format].test(TEXT_FORMATS[field.format].normalize(value))) return { code: field.format }
      return undefined
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

/** Every problem in form order; an empty list means the application is complete. Hidden fields are not checked. */
export function validateAnswers(form: FormDefinition, answers: Answers): Problem[] {
  const out: Problem[] = []
  check(form.fields, visibleAnswers(form, answers), '', out)
  return out
}

/**
 * What the staff screen checks in a decoded application: the resident side's rules, plus an
 * answer in a hidden field (`hidden`; a current encoder never writes one, a forged code may).
 */
export function receivedProblems(form: FormDefinition, answers: Answers): Problem[] {
  const out = validateAnswers(form, answers)
  const visible = visibleAnswers(form, answers)
  const hidden = (fields: Field[], level: AnswerItem, shown: AnswerItem, prefix: string) => {
    for (const field of fields) {
      const value = level[field.id]
      const kept = shown[field.id]
      if (isEmpty(value) || isEmptied(field, value)) continue
      if (isEmptied(field, kept)) out.push({ path: prefix + field.id, field, code: 'hidden' })
      else if (field.type === 'group' && Array.isArray(value) && Array.isArray(kept)) {
        ;(value as AnswerItem[]).forEach((item, i) => hidden(field.fields, item ?? {}, (kept as AnswerItem[])[i] ?? {}, `${prefix}${field.id}.${i}.`))
      }
    }
  }
  hidden(form.fields, answers, visible, '')
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
      else if (f.type === 'bankAccount') out[f.id] = emptyBankAccount()
      else out[f.id] = ''
    }
    return out
  }
  return blank(form.fields)
}

/** The answers as stored: kana in full-width katakana, postal codes and phones in one shape. */
export function normalizeAnswer(field: LeafField, answer: AnswerValue): AnswerValue {
  if (field.type === 'bankAccount') return normalizeBankAccount(answer)
  if (typeof answer !== 'string') return answer
  const value = stripInvisible(answer)
  switch (field.type) {
    case 'kana':
      return toKatakana(value)
    case 'postalCode':
      return normalizePostalCode(value) ?? value
    case 'phone':
      return normalizePhone(value) ?? value
    case 'text':
    case 'address':
      return field.format ? TEXT_FORMATS[field.format].normalize(value) : value
    default:
      return value
  }
}
