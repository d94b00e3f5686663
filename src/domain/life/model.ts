/**
 * What the JSON schemas cannot say about life events and procedures. Each problem names the
 * field (`field /questions/2/askIf/question: …`) so a town sees where to look.
 */
import { UNKNOWN, type LifeCondition, type LifeEvent, type Procedure } from './types.ts'

function conditionProblems(c: LifeCondition, at: string, known: Map<string, string[]>, out: string[]): void {
  if ('all' in c) return c.all.forEach((x, i) => conditionProblems(x, `${at}/all/${i}`, known, out))
  if ('any' in c) return c.any.forEach((x, i) => conditionProblems(x, `${at}/any/${i}`, known, out))
  if ('not' in c) return conditionProblems(c.not, `${at}/not`, known, out)
  const values = known.get(c.question)
  if (!values) {
    out.push(`field ${at}/question: "${c.question}" is not a question before this point`)
    return
  }
  c.anyOf.forEach((v, i) => {
    if (v === UNKNOWN) out.push(`field ${at}/anyOf/${i}: "${UNKNOWN}" is implied (わからない keeps the procedure, flagged)`)
    else if (!values.includes(v)) out.push(`field ${at}/anyOf/${i}: "${v}" is not an option of "${c.question}"`)
  })
}

export function lifeEventLogicProblems(event: LifeEvent): string[] {
  const out: string[] = []
  const known = new Map<string, string[]>()
  event.questions.forEach((q, i) => {
    const at = `/questions/${i}`
    if (known.has(q.id)) out.push(`field ${at}/id: "${q.id}" is used twice`)
    if (q.askIf) conditionProblems(q.askIf, `${at}/askIf`, known, out)
    const values = q.options.map((o) => o.value)
    if (new Set(values).size !== values.length) out.push(`field ${at}/options: an option value is used twice`)
    if (!values.includes(UNKNOWN)) out.push(`field ${at}/options: needs the option "${UNKNOWN}" (わからない)`)
    known.set(q.id, values)
  })
  event.rules.forEach((r, i) => {
    if (r.when) conditionProblems(r.when, `/rules/${i}/when`, known, out)
    if (r.unless) conditionProblems(r.unless, `/rules/${i}/unless`, known, out)
  })
  return out
}

export function procedureLogicProblems(p: Procedure): string[] {
  const out: string[] = []
  const counted = ['days', 'months', 'years'].includes(p.deadline.kind)
  if (counted && p.deadline.count === undefined) out.push(`field /deadline/count: is needed for a deadline in ${p.deadline.kind}`)
  if (!counted && p.deadline.count !== undefined) out.push(`field /deadline/count: has no meaning for "${p.deadline.kind}"`)
  if (!counted && p.deadline.firstDayCounts !== undefined) out.push(`field /deadline/firstDayCounts: has no meaning for "${p.deadline.kind}"`)
  return out
}
