/**
 * Draft rules that need no database: retention, prefill from the profile, completeness.
 */
import type { AnswerItem, Answers, Field, FormDefinition, ProfileKey } from './types'
import { emptyAnswers, validateAnswers } from './validate'
import { isBankAccountShape } from './bankAccount'

/** A counter application being prepared at home, as kept on the phone. Answers are plain JSON keyed by field id. */
export interface DraftRecord {
  id: string
  formId: string
  formVersion: number
  answers: Answers
  /** The language the resident filled it in (the staff side always shows Japanese). */
  language: string
  createdAt: number
  updatedAt: number
  /** When the resident last showed this draft's QR code (0 = never). */
  shownAt: number
  /** Paths of the fields filled from わたしの情報 (marked on screen until changed). */
  fromProfile?: string[]
}

export const DAY_MS = 86_400_000
/** Residents are warned this many days before a draft is deleted. */
export const RETENTION_WARNING_DAYS = 3

export type Profile = Record<ProfileKey, string>

/** Whole days left before a draft last edited at `updatedAt` is deleted (0 = deleted now). */
export function daysLeft(updatedAt: number, now: number, retentionDays: number): number {
  return Math.max(0, Math.ceil((updatedAt + retentionDays * DAY_MS - now) / DAY_MS))
}

export function isExpired(updatedAt: number, now: number, retentionDays: number): boolean {
  return now - updatedAt >= retentionDays * DAY_MS
}

/**
 * Fills the empty fields that take a piece of わたしの情報 — at the top level and in a group's first
 * item — and says which (as paths like `persons.0.name`), so the screen can mark them. A field the
 * resident typed in is never overwritten. Which field takes what is the form data's `profile` key.
 */
export function fillFromProfileWithPaths(form: FormDefinition, answers: Answers, profile: Partial<Profile>): { answers: Answers; filled: string[] } {
  const out = structuredClone(answers)
  const filled: string[] = []
  const fill = (fields: Field[], level: AnswerItem, prefix: string) => {
    for (const f of fields) {
      if (f.type === 'group') {
        const items = level[f.id] as AnswerItem[] | undefined
        if (items?.[0]) fill(f.fields, items[0], `${prefix}${f.id}.0.`)
      } else if (f.profile && profile[f.profile] && !level[f.id]) {
        level[f.id] = profile[f.profile]!
        filled.push(`${prefix}${f.id}`)
      }
    }
  }
  fill(form.fields, out, '')
  return { answers: out, filled }
}

export function fillFromProfile(form: FormDefinition, answers: Answers, profile: Partial<Profile>): Answers {
  return fillFromProfileWithPaths(form, answers, profile).answers
}

export function newAnswers(form: FormDefinition, profile?: Partial<Profile>): Answers {
  const blank = emptyAnswers(form)
  return profile ? fillFromProfile(form, blank, profile) : blank
}

/** Why a stored draft cannot be opened (each has plain words on screen). */
export type DraftDamage = 'unreadable' | 'noAnswers' | 'unknownForm' | 'badAnswer'

export type InspectedDraft =
  | { ok: true; draft: DraftRecord; form: FormDefinition }
  | { ok: false; damage: DraftDamage; id?: string; formId?: string; updatedAt?: number; field?: string }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The first field (as a path) whose stored value has a shape its field can never hold, if any. */
function badValueAt(fields: Field[], level: Record<string, unknown>, prefix = ''): string | undefined {
  for (const f of fields) {
    const v = level[f.id]
    if (v === undefined) continue // added to the form after the draft was written: starts empty
    const path = `${prefix}${f.id}`
    if (f.type === 'group') {
      if (!Array.isArray(v) || !v.every(isObject)) return path
      for (const [i, item] of v.entries()) {
        const inner = badValueAt(f.fields, item as Record<string, unknown>, `${path}.${i}.`)
        if (inner) return inner
      }
      continue
    }
    const fine =
      f.type === 'checkbox'
        ? f.options
          ? Array.isArray(v) && v.every((x) => typeof x === 'string')
          : typeof v === 'boolean'
        : f.type === 'number'
          ? v === null || typeof v === 'number' || typeof v === 'string'
          : f.type === 'bankAccount'
            ? isBankAccountShape(v)
            : typeof v === 'string'
    if (!fine) return path
  }
  return undefined
}

/** Adds the fields a draft lacks (the form grew since) at every level, keeping what it has. */
function withMissingFields(fields: Field[], level: AnswerItem, blank: AnswerItem): AnswerItem {
  const out: AnswerItem = { ...blank, ...level }
  for (const f of fields) {
    if (f.type !== 'group' || !Array.isArray(level[f.id])) continue
    const empty = emptyAnswers({ id: '', version: 1, title: f.label, description: f.label, fields: f.fields })
    out[f.id] = (level[f.id] as AnswerItem[]).map((item) => withMissingFields(f.fields, item, empty))
  }
  return out
}

/**
 * Looks at a row read back from the phone's storage — written by any older app version, or
 * damaged — and says whether it can be opened. A readable one comes back complete (defaults for
 * what older versions did not write); anything else comes back as damage the list can name, so
 * one bad row never blanks a page and every other draft keeps working.
 */
export function inspectDraft(row: unknown, forms: FormDefinition[]): InspectedDraft {
  if (!isObject(row) || typeof row.id !== 'string') return { ok: false, damage: 'unreadable', id: isObject(row) && typeof row.id === 'string' ? row.id : undefined }
  const base = {
    id: row.id,
    formId: typeof row.formId === 'string' ? row.formId : undefined,
    updatedAt: typeof row.updatedAt === 'number' && Number.isFinite(row.updatedAt) ? row.updatedAt : undefined,
  }
  if (!base.formId || typeof row.formVersion !== 'number') return { ok: false, damage: 'unreadable', ...base }
  const form = forms.find((f) => f.id === base.formId && f.version === row.formVersion)
  if (!form) return { ok: false, damage: 'unknownForm', ...base }
  if (!isObject(row.answers)) return { ok: false, damage: 'noAnswers', ...base }
  const field = badValueAt(form.fields, row.answers)
  if (field) return { ok: false, damage: 'badAnswer', ...base, field }
  const updatedAt = base.updatedAt ?? 0
  const draft: DraftRecord = {
    id: row.id,
    formId: base.formId,
    formVersion: row.formVersion,
    answers: withMissingFields(form.fields, row.answers as Answers, emptyAnswers(form)) as Answers,
    language: typeof row.language === 'string' ? row.language : 'ja',
    createdAt: typeof row.createdAt === 'number' ? row.createdAt : updatedAt,
    updatedAt,
    shownAt: typeof row.shownAt === 'number' ? row.shownAt : 0,
  }
  if (Array.isArray(row.fromProfile) && row.fromProfile.every((p) => typeof p === 'string')) draft.fromProfile = row.fromProfile as string[]
  return { ok: true, draft, form }
}

export function isComplete(form: FormDefinition, answers: Answers): boolean {
  return validateAnswers(form, answers).length === 0
}
