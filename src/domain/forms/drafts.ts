/**
 * Draft rules that need no database: retention, prefill from the profile, completeness.
 */
import type { AnswerItem, Answers, Field, FormDefinition, ProfileKey } from './types'
import { emptyAnswers, validateAnswers } from './validate'

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

/** Fills the empty fields that take a piece of わたしの情報 — at the top level and in a group's first item. */
export function fillFromProfile(form: FormDefinition, answers: Answers, profile: Partial<Profile>): Answers {
  const out = structuredClone(answers)
  const fill = (fields: Field[], level: AnswerItem) => {
    for (const f of fields) {
      if (f.type === 'group') {
        const items = level[f.id] as AnswerItem[] | undefined
        if (items?.[0]) fill(f.fields, items[0])
      } else if (f.profile && profile[f.profile] && !level[f.id]) {
        level[f.id] = profile[f.profile]!
      }
    }
  }
  fill(form.fields, out)
  return out
}

export function newAnswers(form: FormDefinition, profile?: Partial<Profile>): Answers {
  const blank = emptyAnswers(form)
  return profile ? fillFromProfile(form, blank, profile) : blank
}

export function isComplete(form: FormDefinition, answers: Answers): boolean {
  return validateAnswers(form, answers).length === 0
}
