import { describe, expect, it } from 'vitest'
import { currentForms } from '../../src/domain/forms'
import type { AnswerItem, Field } from '../../src/domain/forms/types'
import { isShown, validateAnswers } from '../../src/domain/forms/validate'
import { decodePayload, encodePayload, type DecodedApplication } from '../../src/domain/payload'
import { loadForms } from '../../src/content/registry'
import { fullAnswers } from '../fixtures/full-answers'

const forms = await loadForms()

/** Fields left hidden by the chosen answers (a form may have fields that exclude each other). */
function hidden(fields: Field[], level: AnswerItem): number {
  return fields.reduce((n, f) => n + (isShown(f, level) ? (f.type === 'group' ? (level[f.id] as AnswerItem[]).reduce((m, item) => m + hidden(f.fields, item), 0) : 0) : 1), 0)
}

describe('the bench’s full application of every form', () => {
  it.each(currentForms(forms).map((f) => [f.id, f] as const))('%s: valid, every group at its maximum, and it round-trips', (_id, form) => {
    const answers = fullAnswers(form)
    expect(validateAnswers(form, answers)).toEqual([])
    for (const f of form.fields) if (f.type === 'group') expect((answers[f.id] as AnswerItem[]).length).toBe(f.max)
    // every showIf is satisfied unless two fields ask the same control for different values
    expect(hidden(form.fields, answers)).toBeLessThanOrEqual(form.fields.filter((f) => f.showIf).length)
    const decoded = decodePayload(encodePayload(form, answers), forms) as DecodedApplication
    expect(decoded.answers).toEqual(answers)
  })
})
