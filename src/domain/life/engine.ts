/**
 * The rule engine of くらしの手続きナビ. Given a life event, the answers so far and the
 * procedures, it says which question to ask next and builds the checklist: which procedures,
 * by when, where, with what, and the answers that prefill each Yorisoi counter form.
 *
 * わからない never hides anything: a condition that depends on it is "unknown", and a rule
 * whose condition is unknown still picks its procedure, flagged `checkAtCounter`
 * (「あてはまるか窓口で確かめてください」).
 */
import { dueDate } from './dates.ts'
import { UNKNOWN, type LifeAnswers, type LifeCondition, type LifeEvent, type LifeInput, type LifeQuestion, type LifeWhere, type PrefillSource, type Procedure } from './types.ts'

export type Truth = 'yes' | 'no' | 'unknown'

/** Which questions of the event are asked for these answers (in order): askIf not false. */
export function askedQuestions(event: LifeEvent, answers: LifeAnswers): LifeQuestion[] {
  const asked = new Set<string>()
  const out: LifeQuestion[] = []
  for (const q of event.questions) {
    if (!q.askIf || evaluateIn(q.askIf, event, answers, asked) !== 'no') {
      asked.add(q.id)
      out.push(q)
    }
  }
  return out
}

/** The next question to ask: the first asked one without an answer, or undefined when done. */
export function nextQuestion(event: LifeEvent, answers: LifeAnswers): LifeQuestion | undefined {
  return askedQuestions(event, answers).find((q) => usableAnswer(answers[q.id], q) === undefined)
}

/**
 * The answer's values that are options of the question, or undefined when there is no usable
 * answer (none given, the wrong shape, or only values the question does not offer, e.g. saved
 * before the town changed its data): such a question counts as unanswered, so as わからない.
 * An empty list for a multiple-choice question is an answer: none of these.
 */
function usableAnswer(value: string | string[] | undefined, q: LifeQuestion): string[] | undefined {
  if (value === undefined) return undefined
  if (q.kind === 'multiple' ? !Array.isArray(value) : typeof value !== 'string') return undefined
  const given = Array.isArray(value) ? value : [value]
  const valid = given.filter((v) => q.options.some((o) => o.value === v))
  if (valid.length === 0 && given.length > 0) return undefined
  return valid
}

/** Three-valued truth of a condition for these answers. */
export function evaluate(condition: LifeCondition, event: LifeEvent, answers: LifeAnswers): Truth {
  const asked = new Set(askedQuestions(event, answers).map((q) => q.id))
  return evaluateIn(condition, event, answers, asked)
}

function evaluateIn(c: LifeCondition, event: LifeEvent, answers: LifeAnswers, asked: Set<string>): Truth {
  if ('all' in c) {
    const parts = c.all.map((x) => evaluateIn(x, event, answers, asked))
    return parts.includes('no') ? 'no' : parts.includes('unknown') ? 'unknown' : 'yes'
  }
  if ('any' in c) {
    const parts = c.any.map((x) => evaluateIn(x, event, answers, asked))
    return parts.includes('yes') ? 'yes' : parts.includes('unknown') ? 'unknown' : 'no'
  }
  if ('not' in c) {
    const t = evaluateIn(c.not, event, answers, asked)
    return t === 'yes' ? 'no' : t === 'no' ? 'yes' : 'unknown'
  }
  const q = event.questions.find((x) => x.id === c.question)
  // A question an earlier answer ruled out does not apply.
  if (!q || !asked.has(q.id)) return 'no'
  const values = usableAnswer(answers[q.id], q)
  if (!values) return 'unknown'
  if (values.some((v) => c.anyOf.includes(v))) return 'yes'
  return values.includes(UNKNOWN) ? 'unknown' : 'no'
}

export interface PickedProcedure {
  id: string
  checkAtCounter: boolean
}

/** The procedures the event's rules pick, in rule order, each once. */
export function pickProcedures(event: LifeEvent, answers: LifeAnswers): PickedProcedure[] {
  const asked = new Set(askedQuestions(event, answers).map((q) => q.id))
  const picked = new Map<string, PickedProcedure>()
  for (const rule of event.rules) {
    const when = rule.when ? evaluateIn(rule.when, event, answers, asked) : 'yes'
    const unless = rule.unless ? evaluateIn(rule.unless, event, answers, asked) : 'no'
    if (when === 'no' || unless === 'yes') continue
    const checkAtCounter = when === 'unknown' || unless === 'unknown'
    const before = picked.get(rule.procedure)
    // A rule that surely applies wins over one that only may.
    if (!before) picked.set(rule.procedure, { id: rule.procedure, checkAtCounter })
    else if (before.checkAtCounter && !checkAtCounter) before.checkAtCounter = false
  }
  return [...picked.values()]
}

export type PrefillValues = Record<string, string | string[] | boolean>

export interface ChecklistEntry {
  procedure: Procedure
  checkAtCounter: boolean
  /** The last day (YYYY-MM-DD), when the event date is known and the deadline has a number. */
  due?: string
  prefill?: { formId: string; values: PrefillValues }
}

export interface ChecklistStop {
  /** `counter:<id>` or `office:<kind>`. */
  key: string
  where: LifeWhere
  entries: ChecklistEntry[]
  /** 持っていくもの: every item for this stop, each once. */
  bring: string[]
  /** The earliest deadline among its entries. */
  due?: string
}

export interface Checklist {
  /** Every picked procedure, ordered by deadline (then by the event's rule order). */
  entries: ChecklistEntry[]
  /** Where to go, in the order to visit: earliest deadline first. */
  stops: ChecklistStop[]
  /** Rules naming a procedure that was not given (a content error; the data check prevents it). */
  missing: string[]
}

export function whereKey(where: LifeWhere): string {
  return 'counter' in where ? `counter:${where.counter}` : `office:${where.office}`
}

/** Any fixed day: orders deadlines the same way whatever the real event date. */
const ORDER_REFERENCE = '2000-01-01'
/**
 * Where "as soon as possible" sorts, in days: right after the common 14-day legal deadlines
 * (a registration such as 出生届 or 転入届 comes before the benefits that need it) and before
 * anything later (児童手当's 15 days, months, years).
 */
const ASAP_ORDER = 14.5

function orderKey(p: Procedure): number {
  if (p.deadline.kind === 'asap') return ASAP_ORDER
  const due = dueDate(ORDER_REFERENCE, p.deadline)
  if (!due) return Number.POSITIVE_INFINITY
  return (Date.parse(due) - Date.parse(ORDER_REFERENCE)) / 86_400_000
}

export function buildChecklist(event: LifeEvent, input: LifeInput, procedures: Procedure[]): Checklist {
  const byId = new Map(procedures.map((p) => [p.id, p]))
  const missing: string[] = []
  const entries: ChecklistEntry[] = []
  for (const pick of pickProcedures(event, input.answers)) {
    const procedure = byId.get(pick.id)
    if (!procedure) {
      missing.push(pick.id)
      continue
    }
    const entry: ChecklistEntry = { procedure, checkAtCounter: pick.checkAtCounter }
    const due = input.eventDate ? dueDate(input.eventDate, procedure.deadline) : undefined
    if (due) entry.due = due
    if (procedure.form) entry.prefill = { formId: procedure.form.id, values: prefill(procedure, event, input) }
    entries.push(entry)
  }
  const sorted = entries.map((e, i) => ({ e, i, k: orderKey(e.procedure) })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.e)

  const stops = new Map<string, ChecklistStop>()
  for (const entry of sorted) {
    const key = whereKey(entry.procedure.where)
    let stop = stops.get(key)
    if (!stop) {
      stop = { key, where: entry.procedure.where, entries: [], bring: [] }
      stops.set(key, stop)
    }
    stop.entries.push(entry)
    for (const item of entry.procedure.bring) if (!stop.bring.includes(item)) stop.bring.push(item)
    if (entry.due && (!stop.due || entry.due < stop.due)) stop.due = entry.due
  }
  return { entries: sorted, stops: [...stops.values()], missing }
}

/** The answers a procedure's counter form starts with; sources that cannot be filled are left out. */
export function prefill(procedure: Procedure, event: LifeEvent, input: LifeInput): PrefillValues {
  const out: PrefillValues = {}
  const asked = new Set(askedQuestions(event, input.answers).map((q) => q.id))
  for (const [field, source] of Object.entries(procedure.form?.prefill ?? {})) {
    const value = resolve(source, input, asked)
    if (value !== undefined) out[field] = value
  }
  return out
}

function resolve(source: PrefillSource, input: LifeInput, asked: Set<string>): string | string[] | boolean | undefined {
  if ('value' in source) return Array.isArray(source.value) ? [...source.value] : source.value
  if (source.from === 'eventDate') return input.eventDate
  if (source.from === 'profile') return input.profile?.[source.key] || undefined
  if (!asked.has(source.question)) return undefined
  const answer = input.answers[source.question]
  return typeof answer === 'string' ? source.map[answer] : undefined
}
