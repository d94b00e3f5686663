/**
 * An application as people read it: every field with its label, choices as their labels, dates
 * in 和暦 and 西暦. The staff side shows and prints it in Japanese; CSV and JSON exports feed the
 * core system. No Vue here.
 */
import type { Language } from '../../content/types'
import { formatBoth } from '../dates/wareki'
import { rubyToPlain } from '../text/ruby'
import { toCsv } from '../text/csv'
import type { AnswerItem, AnswerValue, Answers, FormDefinition, LeafField } from './types'
import { isShown } from './validate'

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
  /** Fields and groups in the form's order. */
  blocks: ({ kind: 'row'; row: PresentedRow } | { kind: 'group'; group: PresentedGroup })[]
}

const WORDS = {
  ja: { yes: 'はい', no: 'いいえ', separator: '、' },
  'ja-easy': { yes: 'はい', no: 'いいえ', separator: '、' },
  en: { yes: 'Yes', no: 'No', separator: ', ' },
} as const

export function presentValue(field: LeafField, value: AnswerValue | undefined, lang: Language = 'ja'): string {
  const words = WORDS[lang]
  if (value === undefined || value === null || value === '') return ''
  switch (field.type) {
    case 'date':
      return typeof value === 'string' ? formatBoth(value) : ''
    case 'select':
    case 'radio':
      return rubyToPlain(field.options.find((o) => o.value === value)?.label[lang] ?? String(value))
    case 'checkbox':
      if (!field.options) return value === true ? words.yes : words.no
      return (Array.isArray(value) ? (value as string[]) : []).map((v) => rubyToPlain(field.options!.find((o) => o.value === v)?.label[lang] ?? v)).join(words.separator)
    default:
      return String(value)
  }
}

export function presentApplication(form: FormDefinition, answers: Answers, lang: Language = 'ja'): PresentedApplication {
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
    } else {
      blocks.push({ kind: 'row', row: { path: field.id, label: label(field), value: presentValue(field, answers[field.id], lang) } })
    }
  }
  return { formId: form.id, formVersion: form.version, title: rubyToPlain(form.title[lang]), blocks }
}

/**
 * CSV for the core system: one line per answer (項目ID, 項目, 値, 値（コード）), UTF-8 with a BOM
 * so Excel opens it in Japanese, CRLF line ends.
 */
export function applicationCsv(form: FormDefinition, answers: Answers): string {
  const lines: string[][] = [['項目ID', '項目', '値', '値（コード）'], ['formId', '様式', rubyToPlain(form.title.ja), `${form.id}.v${form.version}`]]
  const raw = (v: AnswerValue | undefined) => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join(';') : String(v))
  for (const field of form.fields) {
    if (!isShown(field, answers)) continue
    if (field.type === 'group') {
      ;((answers[field.id] as AnswerItem[] | undefined) ?? []).forEach((item, i) => {
        for (const f of field.fields) {
          if (!isShown(f, item)) continue
          const itemLabel = rubyToPlain(field.itemLabel.ja).replace('{n}', String(i + 1))
          lines.push([`${field.id}.${i + 1}.${f.id}`, `${rubyToPlain(field.label.ja)} ${itemLabel} ${rubyToPlain(f.label.ja)}`, presentValue(f, item[f.id]), raw(item[f.id])])
        }
      })
    } else {
      lines.push([field.id, rubyToPlain(field.label.ja), presentValue(field, answers[field.id]), raw(answers[field.id])])
    }
  }
  return toCsv(lines)
}

/** JSON for the core system: the answers as the resident's phone held them, plus the form. */
export function applicationJson(form: FormDefinition, answers: Answers, scannedAt: string): string {
  return JSON.stringify({ formId: form.id, formVersion: form.version, title: form.title.ja, scannedAt, answers }, null, 2)
}
