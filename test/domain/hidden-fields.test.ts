/**
 * 「消したものは届かない」: an answer in a field its showIf hides never leaves the phone — not in
 * the QR code, not on the staff screen, not in the CSV or JSON export.
 */
import { describe, expect, it } from 'vitest'
import { findForm } from '../../src/domain/forms'
import type { AnswerItem, AnswerValue, Answers, Field } from '../../src/domain/forms/types'
import { isEmpty, isShown, visibleAnswers } from '../../src/domain/forms/validate'
import { applicationCsv, applicationJson, presentApplication } from '../../src/domain/forms/present'
import { decodePayload, encodePayload, type DecodedApplication } from '../../src/domain/payload'
import { REFERENCE_JUMIN_IDO } from '../fixtures/reference-application'
import { randomItem, rng } from './random-answers'
import { loadForms } from '../../src/content/registry'

const forms = await loadForms()
const ido = findForm(forms, 'jumin-ido', 1)!

/** Every [path, value] of a hidden field holding something, found with the form's own isShown only. */
function hiddenValues(fields: Field[], level: AnswerItem, prefix = ''): [string, AnswerValue][] {
  const out: [string, AnswerValue][] = []
  for (const f of fields) {
    const v = level[f.id] as AnswerValue
    if (!isShown(f, level)) {
      if (!isEmpty(v)) out.push([prefix + f.id, v])
    } else if (f.type === 'group' && Array.isArray(v)) {
      ;(v as AnswerItem[]).forEach((item, i) => out.push(...hiddenValues(f.fields, item, `${prefix}${f.id}.${i}.`)))
    }
  }
  return out
}

/** 外国籍 ticked, 国籍 and 在留カード番号 typed, then unticked. */
function untickedForeigner(): Answers {
  const answers = structuredClone(REFERENCE_JUMIN_IDO)
  const person = (answers.persons as AnswerItem[])[0]!
  Object.assign(person, { foreign: false, nationality: 'ベトナム', residenceCard: 'XY98765432ZW' })
  return answers
}

describe('hidden fields carry nothing', () => {
  it('an unticked 外国籍 person: 国籍 and 在留カード番号 are not in the QR code', () => {
    const decoded = decodePayload(encodePayload(ido, untickedForeigner()), forms) as DecodedApplication
    const person = (decoded.answers.persons as AnswerItem[])[0]!
    expect(person.nationality).toBe('')
    expect(person.residenceCard).toBe('')
    // the shown 4th person (外国籍 ticked) still carries hers
    expect((decoded.answers.persons as AnswerItem[])[3]!.residenceCard).toBe('AB12345678CD')
  })

  it('…nor on the staff replica, nor in the CSV or JSON export', () => {
    const answers = untickedForeigner()
    const presented = JSON.stringify(presentApplication(ido, answers, 'ja'))
    const csv = applicationCsv(ido, answers)
    const json = applicationJson(ido, answers, '2026-11-28T00:00:00Z')
    for (const out of [presented, csv, json]) expect(out).not.toContain('XY98765432ZW')
    const exported = JSON.parse(json).answers.persons[0]
    expect(exported.nationality).toBe('')
    expect(exported.residenceCard).toBe('')
  })

  it('visibleAnswers keeps shown answers, empties hidden ones (inside groups too) and drops unknown keys', () => {
    const answers: Answers = { ...untickedForeigner(), stray: 'x' }
    const visible = visibleAnswers(ido, answers)
    expect(visible).not.toHaveProperty('stray')
    expect((visible.persons as AnswerItem[])[0]).toMatchObject({ name: '髙橋 太郎', foreign: false, nationality: '', residenceCard: '' })
    expect((visible.persons as AnswerItem[])[3]).toMatchObject({ foreign: true, nationality: 'ベトナム', residenceCard: 'AB12345678CD' })
    // the draft itself is not changed: ticking 外国籍 again gives back what was typed
    expect((answers.persons as AnswerItem[])[0]!.residenceCard).toBe('XY98765432ZW')
  })

  it.each(forms.map((f) => [`${f.id} v${f.version}`, f] as const))('property, %s: 300 seeded random applications with values in hidden fields — none reaches encodePayload output', (_name, form) => {
    const r = rng(0x5eed + form.id.length * 31 + form.version)
    let hiddenSeen = 0
    for (let i = 0; i < 300; i++) {
      const answers = randomItem(r, form.fields) as Answers
      const hidden = hiddenValues(form.fields, answers)
      hiddenSeen += hidden.length
      const parts = encodePayload(form, answers)
      const decoded = decodePayload(parts, forms) as DecodedApplication
      expect(decoded.ok).toBe(true)
      expect(hiddenValues(form.fields, decoded.answers)).toEqual([])
      expect(parts).toEqual(encodePayload(form, visibleAnswers(form, answers)))
      const json = JSON.parse(applicationJson(form, answers, 'now')).answers
      expect(hiddenValues(form.fields, json)).toEqual([])
    }
    // the property is only worth something for forms that have showIf fields
    const hasShowIf = JSON.stringify(form.fields).includes('showIf')
    if (hasShowIf) expect(hiddenSeen).toBeGreaterThan(50)
  })
})
