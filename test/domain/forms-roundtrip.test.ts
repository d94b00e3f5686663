/**
 * Each shipped form's finished fixture application travels through the QR code and is shown to
 * the staff in Japanese: the codec round trip, then the replica holds every answer, choices as
 * their Japanese labels and dates in 和暦.
 */
import { describe, expect, it } from 'vitest'
import { currentForms } from '../../src/domain/forms'
import { loadForms } from '../../src/content/registry'
import type { AnswerItem, Answers, Field } from '../../src/domain/forms/types'
import { presentApplication, presentValue } from '../../src/domain/forms/present'
import { bankAccountParts } from '../../src/domain/forms/bankAccount'
import { isEmpty, isShown } from '../../src/domain/forms/validate'
import { decodePayload, encodePayload, type DecodedApplication } from '../../src/domain/payload'
import { rubyToPlain } from '../../src/domain/text/ruby'
import { VISIT_APPLICATIONS, type ShippedFormId } from '../fixtures/visit-applications'

const forms = await loadForms()

/** Every shown answer as the staff should read it: [path, Japanese text]. */
function expectedRows(fields: Field[], level: AnswerItem, prefix = ''): [string, string][] {
  const out: [string, string][] = []
  for (const f of fields) {
    if (!isShown(f, level) || isEmpty(level[f.id])) continue
    if (f.type === 'group') (level[f.id] as AnswerItem[]).forEach((item, i) => out.push(...expectedRows(f.fields, item, `${prefix}${f.id}.${i}.`)))
    // a bank account is one row per part (金融機関コード, 金融機関名 …), as on the replica
    else if (f.type === 'bankAccount') for (const p of bankAccountParts(level[f.id], 'ja')) out.push([`${prefix}${f.id}.${p.part}`, p.value])
    else out.push([prefix + f.id, presentValue(f, level[f.id], 'ja')])
  }
  return out
}

describe('every form, scanned and presented', () => {
  it.each(currentForms(forms).map((f) => [f.id, f] as const))('%s: the fixture decodes to itself and the replica shows every answer in Japanese', (id, form) => {
    const answers = VISIT_APPLICATIONS[id as ShippedFormId] as Answers
    expect(answers, `${id}: add a fixture application`).toBeDefined()
    const decoded = decodePayload(encodePayload(form, answers), forms) as DecodedApplication
    expect(decoded.ok).toBe(true)
    expect(decoded.answers).toEqual(answers)
    const presented = presentApplication(form, decoded.answers, 'ja')
    expect(presented.title).toBe(rubyToPlain(form.title.ja))
    const shown = new Map<string, string>()
    for (const b of presented.blocks) {
      if (b.kind === 'row') shown.set(b.row.path, b.row.value)
      else for (const item of b.group.items) for (const c of item.cells) shown.set(c.path, c.value)
    }
    const rows = expectedRows(form.fields, answers)
    expect(rows.length).toBeGreaterThan(5)
    for (const [path, value] of rows) {
      expect(value, path).not.toBe('')
      expect(shown.get(path), path).toBe(value)
    }
    // choices read as Japanese words, never as their codes
    for (const value of shown.values()) expect(value).not.toMatch(/^(self|agent|join|leave|movedIn|movedOut|death|male|female|other)$/)
  })
})
