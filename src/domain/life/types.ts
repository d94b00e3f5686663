/**
 * くらしの手続きナビ: a life event (moved, baby born, someone died, married) as a town ships it
 * (`src/content/life-events/<id>.json`), the procedures it may lead to
 * (`src/content/procedures/<id>.json`) and the shared list of things to bring
 * (`src/content/items.json`). Plain data: the rule engine in ./engine.ts takes these as
 * arguments and never imports content.
 */
import type { Language, Localized } from '../language'

export type LifeLanguage = Language
export type LifeText = Localized

/** Every question offers this answer; it never hides a procedure (see engine.ts). */
export const UNKNOWN = 'unknown'

/**
 * A condition on earlier answers. `{ question, anyOf }` holds when the answer (or, for a
 * multiple-choice question, one of the answers) is among `anyOf`; `all`, `any` and `not`
 * combine conditions. An answer of わからない makes a condition "unknown", not false.
 */
export type LifeCondition =
  | { question: string; anyOf: string[] }
  | { all: LifeCondition[] }
  | { any: LifeCondition[] }
  | { not: LifeCondition }

export interface LifeOption {
  value: string
  label: LifeText
}

export interface LifeQuestion {
  id: string
  /** single: one answer (string); multiple: any number of answers (string[]). */
  kind: 'single' | 'multiple'
  text: LifeText
  hint?: LifeText
  /** Asked only when this holds (or is unknown) for the answers given so far. */
  askIf?: LifeCondition
  options: LifeOption[]
}

/** Picks `procedure` when `when` holds (always, without `when`) and `unless` does not. */
export interface LifeRule {
  procedure: string
  when?: LifeCondition
  unless?: LifeCondition
}

export interface LifeEvent {
  id: string
  /** Position in the list of events (smaller first). */
  order: number
  title: LifeText
  intro: LifeText
  /** Everyday words residents search with, per language. */
  keywords: Record<LifeLanguage, string[]>
  /** The date of the move, birth, death or marriage: deadlines count from it. */
  eventDate: { label: LifeText; hint?: LifeText }
  questions: LifeQuestion[]
  rules: LifeRule[]
  reviewed: string
}

/**
 * How long after the event date. `days`/`months`/`years` with `count`; `firstDayCounts` when
 * the law counts the event day itself (戸籍法: 出生届 14日・死亡届 7日), otherwise counting starts
 * the next day (民法140条). `asap`: as soon as possible, no fixed number; `none`: no deadline.
 * `rule` says it in words, including where counting really starts.
 */
export interface LifeDeadline {
  kind: 'days' | 'months' | 'years' | 'asap' | 'none'
  count?: number
  firstDayCounts?: boolean
  rule: LifeText
}

/** Offices outside the town hall a procedure may send a resident to. */
export const OFFICE_KINDS = ['pension-office', 'tax-office', 'legal-affairs-bureau', 'family-court', 'immigration-bureau', 'employer', 'school'] as const
export type OfficeKind = (typeof OFFICE_KINDS)[number]

/** A counter of the town (an id in municipality.json) or an office elsewhere. */
export type LifeWhere = { counter: string } | { office: OfficeKind }

export interface LifeOnline {
  name: LifeText
  /** When and for whom it works, in words. */
  condition: LifeText
  url: string
}

/** Where a prefilled form field's value comes from. */
export type PrefillSource =
  | { value: string | string[] | boolean }
  | { from: 'eventDate' }
  | { from: 'answer'; question: string; map: Record<string, string> }
  | { from: 'profile'; key: LifeProfileKey }

export type LifeProfileKey = 'name' | 'kana' | 'birthDate' | 'postalCode' | 'address' | 'phone'
export type LifeProfile = Partial<Record<LifeProfileKey, string>>

export interface LifeSource {
  name: LifeText
  url: string
}

export interface Procedure {
  id: string
  title: LifeText
  /** What it is and when it applies, in a sentence or two. */
  summary: LifeText
  who: LifeText
  deadline: LifeDeadline
  where: LifeWhere
  /** Item ids from items.json. */
  bring: string[]
  online?: LifeOnline[]
  /** The Yorisoi counter form that prepares it, and which answers fill which of its fields. */
  form?: { id: string; prefill?: Record<string, PrefillSource> }
  /** Guide ids (src/content/guides). */
  guides?: string[]
  sources: LifeSource[]
  reviewed: string
}

export interface LifeItem {
  id: string
  label: LifeText
  hint?: LifeText
}

export type LifeAnswers = Record<string, string | string[]>

export interface LifeInput {
  /** YYYY-MM-DD (Asia/Tokyo calendar date). */
  eventDate?: string
  answers: LifeAnswers
  profile?: LifeProfile
}
