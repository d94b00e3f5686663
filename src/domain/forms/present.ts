/**
 * An application as people read it: every field with its label, choices as their labels, dates
 * in 和暦 and 西暦. The staff side shows and prints it in Japanese; CSV and JSON exports feed the
 * core system. No Vue here.
 */
import type { Language } from '../language'
import { formatDateFor } from '../dates/wareki'
import { escapeInvisibleInJson, listInvisible, revealInvisible } from '../text/invisible'
import { rubyToPlain } from '../text/ruby'
import { toCsv } from '../text/csv'
import { TEXT_FORMATS } from './formats'
import { presentOfficeUse, type PresentedOfficeUse } from './officeUse'
import { bankAccountLine, bankAccountOf, bankAccountParts } from './bankAccount'
import type { AnswerItem, AnswerValue, Answers, FormDefinition, LeafField } from './types'
import { isShown, receivedProblems, visibleAnswers, type Problem, type ProblemCode } from './validate'

export interface PresentedRow {
  path: string
  label: string
  value: string
}

export interface PresentedGroup {
  path: string
  label: string
  columns: { id: string; label: string }[]
  items: { label: string; cells: PresentedRow[] }[]
}

export interface PresentedApplication {
  formId: string
  formVersion: number
  title: string
  /** 職員記入欄, drawn empty under the signature (when the form names one). */
  officeUse?: PresentedOfficeUse
  /** Fields and groups in the form's order. */
  blocks: ({ kind: 'row'; row: PresentedRow } | { kind: 'group'; group: PresentedGroup })[]
}

/** A ticked box and a list of choices on the resident's check page, in their language (staff always see ja). */
const WORDS: Record<Language, { yes: string; no: string; separator: string }> = {
  ja: { yes: 'はい', no: 'いいえ', separator: '、' },
  'ja-easy': { yes: 'はい', no: 'いいえ', separator: '、' },
  en: { yes: 'Yes', no: 'No', separator: ', ' },
  'zh-Hans': { yes: '是', no: '否', separator: '、' },
  vi: { yes: 'Có', no: 'Không', separator: ', ' },
  ko: { yes: '예', no: '아니요', separator: ', ' },
  tl: { yes: 'Oo', no: 'Hindi', separator: ', ' },
  ne: { yes: 'हो', no: 'होइन', separator: ', ' },
  id: { yes: 'Ya', no: 'Tidak', separator: ', ' },
  'pt-BR': { yes: 'Sim', no: 'Não', separator: ', ' },
  my: { yes: 'ဟုတ်', no: 'မဟုတ်', separator: '၊ ' },
}

/**
 * One answer as text. Invisible characters (bidi overrides, zero-width, controls) are written out
 * as ⟨U+202E⟩ so they can neither hide nor reorder anything; a field with a `format` shows its
 * normalised form (在留カード番号 in upper case).
 */
export function presentValue(field: LeafField, value: AnswerValue | undefined, lang: Language = 'ja'): string {
  const words = WORDS[lang]
  if (value === undefined || value === null || value === '') return ''
  if (field.type === 'bankAccount') return revealInvisible(bankAccountLine(value, lang))
  if (typeof value === 'object' && !Array.isArray(value)) return ''
  switch (field.type) {
    case 'date':
      return typeof value === 'string' ? revealInvisible(formatDateFor(value, lang)) : ''
    case 'select':
    case 'radio':
      return rubyToPlain(field.options.find((o) => o.value === value)?.label[lang] ?? revealInvisible(String(value)))
    case 'checkbox':
      if (!field.options) return value === true ? words.yes : words.no
      return (Array.isArray(value) ? (value as string[]) : []).map((v) => rubyToPlain(field.options!.find((o) => o.value === v)?.label[lang] ?? revealInvisible(String(v)))).join(words.separator)
    case 'text':
    case 'address':
      return revealInvisible(field.format && typeof value === 'string' ? TEXT_FORMATS[field.format].normalize(value) : String(value))
    default:
      return revealInvisible(String(value))
  }
}

export interface PresentedProblem {
  path: string
  code: ProblemCode
  /** 「異動する人 2人目 国籍・地域」 */
  label: string
  limit?: number
  /** For `invisible`: the characters found, written out (「⟨U+202E⟩、⟨U+0000⟩」). */
  chars?: string
}

/**
 * What the staff screen warns about in a decoded application: the resident side's rules
 * (`receivedProblems`), each with where it is, in Japanese. Nothing is rejected; staff decide.
 */
export function presentProblems(form: FormDefinition, answers: Answers): PresentedProblem[] {
  return receivedProblems(form, answers).map((p) => {
    const value = p.path.split('.').reduce<unknown>((level, key) => (level && typeof level === 'object' ? (level as Record<string, unknown>)[key] : undefined), answers)
    // a bank account's problem points at its part's row (the replica shows one row per part)
    const part = p.part ? { path: `${p.path}.${p.part}`, label: ` ${bankAccountParts({}).find((x) => x.part === p.part)!.label}`, value: bankAccountOf(value)[p.part] } : undefined
    const out: PresentedProblem = { path: part?.path ?? p.path, code: p.code, label: problemLabel(form, p) + (part?.label ?? '') }
    if (p.limit !== undefined) out.limit = p.limit
    const text = part ? part.value : value
    if (p.code === 'invisible' && typeof text === 'string') out.chars = listInvisible(text).join('、')
    return out
  })
}

/** Where a problem is, in Japanese for the staff: 「異動する人 2人目 国籍・地域」. */
export function problemLabel(form: FormDefinition, problem: Problem): string {
  const parts = problem.path.split('.')
  if (parts.length < 3) return rubyToPlain(problem.field.label.ja)
  const group = form.fields.find((f) => f.id === parts[0])
  if (!group || group.type !== 'group') return rubyToPlain(problem.field.label.ja)
  return `${rubyToPlain(group.label.ja)} ${rubyToPlain(group.itemLabel.ja).replace('{n}', String(Number(parts[1]) + 1))} ${rubyToPlain(problem.field.label.ja)}`
}

/** Only the answers of fields that are shown (`visibleAnswers`): what the resident saw on the check page. */
export function presentApplication(form: FormDefinition, received: Answers, lang: Language = 'ja'): PresentedApplication {
  const answers = visibleAnswers(form, received)
  const label = (f: { label: Record<Language, string> }) => rubyToPlain(f.label[lang])
  const blocks: PresentedApplication['blocks'] = []
  for (const field of form.fields) {
    if (!isShown(field, answers)) continue
    if (field.type === 'group') {
      const items = (answers[field.id] as AnswerItem[] | undefined) ?? []
      // a column for every field shown in at least one item
      const columns = field.fields.filter((f) => items.some((item) => isShown(f, item))).map((f) => ({ id: f.id, label: label(f) }))
      blocks.push({
        kind: 'group',
        group: {
          path: field.id,
          label: label(field),
          columns,
          items: items.map((item, i) => ({
            label: rubyToPlain(field.itemLabel[lang]).replace('{n}', String(i + 1)),
            cells: columns.map((c) => {
              const f = field.fields.find((x) => x.id === c.id)!
              return { path: `${field.id}.${i}.${f.id}`, label: c.label, value: isShown(f, item) ? presentValue(f, item[f.id], lang) : '' }
            }),
          })),
        },
      })
    } else if (field.type === 'bankAccount') {
      // one row per part, as paper forms have them: staff copy each into the core system
      for (const part of bankAccountParts(answers[field.id], lang)) blocks.push({ kind: 'row', row: { path: `${field.id}.${part.part}`, label: `${label(field)} ${part.label}`, value: revealInvisible(part.value) } })
    } else {
      blocks.push({ kind: 'row', row: { path: field.id, label: label(field), value: presentValue(field, answers[field.id], lang) } })
    }
  }
  const out: PresentedApplication = { formId: form.id, formVersion: form.version, title: rubyToPlain(form.title[lang]), blocks }
  const officeUse = presentOfficeUse(form.officeUse)
  if (officeUse) out.officeUse = officeUse
  return out
}

/**
 * The lines of the CSV for the core system, header first: one line per answer (項目ID, 項目, 値,
 * 値（コード）). Shared by the single export and the export of a whole visit.
 */
export function applicationCsvRows(form: FormDefinition, received: Answers): string[][] {
  const answers = visibleAnswers(form, received)
  const lines: string[][] = [['項目ID', '項目', '値', '値（コード）'], ['formId', '様式', rubyToPlain(form.title.ja), `${form.id}.v${form.version}`]]
  // invisible characters are written out here too: a spreadsheet would otherwise reorder or hide text
  const raw = (v: AnswerValue | undefined) => revealInvisible(v === undefined || v === null ? '' : Array.isArray(v) ? v.join(';') : typeof v === 'object' ? '' : String(v))
  for (const field of form.fields) {
    if (!isShown(field, answers)) continue
    if (field.type === 'group') {
      ;((answers[field.id] as AnswerItem[] | undefined) ?? []).forEach((item, i) => {
        for (const f of field.fields) {
          if (!isShown(f, item)) continue
          const itemLabel = rubyToPlain(field.itemLabel.ja).replace('{n}', String(i + 1))
          if (f.type === 'bankAccount') {
            const a = bankAccountOf(item[f.id])
            for (const part of bankAccountParts(a)) lines.push([`${field.id}.${i + 1}.${f.id}.${part.part}`, `${rubyToPlain(field.label.ja)} ${itemLabel} ${rubyToPlain(f.label.ja)} ${part.label}`, revealInvisible(part.value), revealInvisible(a[part.part])])
          } else lines.push([`${field.id}.${i + 1}.${f.id}`, `${rubyToPlain(field.label.ja)} ${itemLabel} ${rubyToPlain(f.label.ja)}`, presentValue(f, item[f.id]), raw(item[f.id])])
        }
      })
    } else if (field.type === 'bankAccount') {
      const a = bankAccountOf(answers[field.id])
      for (const part of bankAccountParts(a)) lines.push([`${field.id}.${part.part}`, `${rubyToPlain(field.label.ja)} ${part.label}`, revealInvisible(part.value), revealInvisible(a[part.part])])
    } else {
      lines.push([field.id, rubyToPlain(field.label.ja), presentValue(field, answers[field.id]), raw(answers[field.id])])
    }
  }
  return lines
}

/**
 * CSV for the core system (cells that look like formulas are kept as text): one line per answer (項目ID, 項目, 値, 値（コード）), UTF-8 with a BOM
 * so Excel opens it in Japanese, CRLF line ends.
 */
export function applicationCsv(form: FormDefinition, received: Answers): string {
  return toCsv(applicationCsvRows(form, received))
}

/** What the JSON export holds for one application: the shown answers exactly as the code carried them, plus the form. */
export function applicationRecord(form: FormDefinition, received: Answers, scannedAt: string): { formId: string; formVersion: number; title: string; scannedAt: string; answers: Answers } {
  return { formId: form.id, formVersion: form.version, title: form.title.ja, scannedAt, answers: visibleAnswers(form, received) }
}

/**
 * JSON for the core system: the shown answers exactly as the code carried them, plus the form.
 * Invisible characters are escaped as \uXXXX (the same data once parsed, nothing that acts when
 * the file is opened in an editor).
 */
export function applicationJson(form: FormDefinition, received: Answers, scannedAt: string): string {
  return escapeInvisibleInJson(JSON.stringify(applicationRecord(form, received, scannedAt), null, 2))
}
