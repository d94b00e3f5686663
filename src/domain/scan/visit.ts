/**
 * One resident's visit at the counter: every application read in this session of the staff
 * page, in the order read, each code once. Plain data for the staff page to list, show, print
 * and export together. Memory only — nothing here is ever written to storage.
 */
import type { AnswerItem, Answers, FormDefinition } from '../forms/types'
import { applicationCsvRows, applicationRecord, presentValue } from '../forms/present'
import { isShown, visibleAnswers } from '../forms/validate'
import type { DecodedApplication } from '../payload'
import { escapeInvisibleInJson } from '../text/invisible'
import { rubyToPlain } from '../text/ruby'
import { toCsv } from '../text/csv'

/** Whose application it is, and which field of the form said so (「窓口に来る人（請求者）の氏名」). */
export interface PersonName {
  label: string
  value: string
}

export interface VisitEntry {
  /** The whole code, its parts in order (ScanSession's `code`): the same code read again is this entry. */
  code: string
  application: DecodedApplication
  /** When it was first read (ms since the epoch). */
  readAt: number
  person: PersonName | undefined
}

export interface VisitAdd {
  /** Where the application is in the list (the new last one, or the one already there). */
  index: number
  /** False when this code had been read before in this session: the list is unchanged. */
  added: boolean
}

/** The applications read in this session, in the order read, each code once. */
export class Visit {
  private list: VisitEntry[] = []

  /** A new array after every change (a screen can hold it as it is). */
  get entries(): readonly VisitEntry[] {
    return this.list
  }

  /**
   * Adds an application. A code already in the list is recognised and not listed twice (its
   * first reading time stays); a new one goes at the end.
   */
  add(code: string, application: DecodedApplication, readAt: number): VisitAdd {
    const index = this.list.findIndex((e) => e.code === code)
    if (index >= 0) return { index, added: false }
    this.list = [...this.list, { code, application, readAt, person: pickName(application.form, application.answers) }]
    return { index: this.list.length - 1, added: true }
  }

  /** クリア and the idle clear: nothing of the visit remains. */
  clear(): void {
    this.list = []
  }
}

const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/**
 * The name to list an application under, taken from the form's own data, never from a list of
 * field ids: the first shown field filled from わたしの情報's name (`profile: "name"` — the
 * requester of 住民票の写し and 戸籍証明書, the applicant of 印鑑登録); when the form has none at
 * its top level, the first person of a group with such a field (住民異動届: 異動する人 1人目).
 * Invisible characters are written out as in the replica. Undefined when no such name was given.
 */
export function pickName(form: FormDefinition, received: Answers): PersonName | undefined {
  const answers = visibleAnswers(form, received)
  for (const field of form.fields) {
    if (field.type === 'group' || field.profile !== 'name' || !isShown(field, answers)) continue
    const value = answers[field.id]
    if (text(value)) return { label: rubyToPlain(field.label.ja), value: presentValue(field, value) }
  }
  for (const group of form.fields) {
    if (group.type !== 'group' || !isShown(group, answers)) continue
    const field = group.fields.find((f) => f.profile === 'name')
    if (!field) continue
    const items = (answers[group.id] as AnswerItem[] | undefined) ?? []
    for (const [i, item] of items.entries()) {
      const value = item[field.id]
      if (!isShown(field, item) || !text(value)) continue
      const itemLabel = rubyToPlain(group.itemLabel.ja).replace('{n}', String(i + 1))
      return { label: `${rubyToPlain(group.label.ja)} ${itemLabel} ${rubyToPlain(field.label.ja)}`, value: presentValue(field, value) }
    }
  }
  return undefined
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * Every application of the visit in one CSV, through the one CSV writer (formula cells kept as
 * text): the single export's lines, each prefixed with the application's number in the list and
 * when it was read.
 */
export function visitCsv(entries: readonly VisitEntry[]): string {
  const lines: (string | number)[][] = [['申請番号', '読み取り日時', '項目ID', '項目', '値', '値（コード）']]
  entries.forEach((e, i) => {
    for (const row of applicationCsvRows(e.application.form, e.application.answers).slice(1)) lines.push([i + 1, iso(e.readAt), ...row])
  })
  return toCsv(lines)
}

/** Every application of the visit in one JSON: each as the single export writes it, in list order. */
export function visitJson(entries: readonly VisitEntry[], exportedAt: string): string {
  const applications = entries.map((e) => applicationRecord(e.application.form, e.application.answers, iso(e.readAt)))
  return escapeInvisibleInJson(JSON.stringify({ exportedAt, count: applications.length, applications }, null, 2))
}
