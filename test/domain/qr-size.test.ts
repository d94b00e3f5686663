/**
 * Every shipped form, not only the 住民異動届: how many digits and which QR version a full
 * application needs (the table `npm run bench` prints too). Issue 15's target is one QR of
 * version ≤ 20 at level M for a full, realistic application of each form.
 */
import { describe, expect, it } from 'vitest'
import QRCode from 'qrcode'
import { currentForms } from '../../src/domain/forms'
import { loadForms } from '../../src/content/registry'
import { decodePayload, encodePayload, type DecodedApplication } from '../../src/domain/payload'
import { isEmpty, isShown, validateAnswers, visibleAnswers } from '../../src/domain/forms/validate'
import type { AnswerItem, Field } from '../../src/domain/forms/types'
import { fullApplication } from '../fixtures/full-applications'

const forms = currentForms(await loadForms())
const version = (part: string) => QRCode.create([{ data: part, mode: 'numeric' }], { errorCorrectionLevel: 'M' }).version

/**
 * Forms allowed above version 20 for the `long` application, and why. The 住民異動届's own target
 * is its 4-person reference (≤ 16, payload.test.ts); four foreign residents with 12-character
 * names and nationalities take it to 21.
 */
const ABOVE_20: Record<string, number> = { 'jumin-ido': 21 }

describe('a full application of every form fits the QR codes', () => {
  it.each(forms.map((f) => [f.id, f] as const))('%s: the longest realistic application is one QR of version ≤ 20 at M (exceptions listed above), and decodes to itself', (_id, form) => {
    const answers = fullApplication(form, 'long')
    const parts = encodePayload(form, answers)
    expect(parts).toHaveLength(1)
    expect(version(parts[0]!)).toBeLessThanOrEqual(ABOVE_20[form.id] ?? 20)
    const decoded = decodePayload(parts, forms) as DecodedApplication
    expect(decoded.answers).toEqual(visibleAnswers(form, answers))
  })

  it.each(forms.map((f) => [f.id, f] as const))('%s: every field at its limit still travels, in at most 3 codes', (_id, form) => {
    const parts = encodePayload(form, fullApplication(form, 'max'))
    expect(parts.length).toBeLessThanOrEqual(3)
    for (const p of parts) expect(version(p)).toBeLessThanOrEqual(25)
  })

  it.each(forms.map((f) => [f.id, f] as const))('%s: the full application is a valid one, with every shown field filled', (_id, form) => {
    for (const fill of ['long', 'max'] as const) {
      const answers = fullApplication(form, fill)
      expect(validateAnswers(form, answers)).toEqual([])
      const blank: string[] = []
      const walk = (fields: Field[], level: AnswerItem, prefix: string) => {
        for (const f of fields) {
          if (!isShown(f, level)) continue
          if (isEmpty(level[f.id])) blank.push(prefix + f.id)
          if (f.type === 'group') (level[f.id] as AnswerItem[]).forEach((item, i) => walk(f.fields, item, `${prefix}${f.id}.${i}.`))
        }
      }
      walk(form.fields, visibleAnswers(form, answers), '')
      expect(blank, fill).toEqual([])
    }
  })
})
