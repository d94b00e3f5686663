import { describe, expect, it } from 'vitest'
import { findForm } from '../../src/domain/forms'
import { DAY_MS, daysLeft, fillFromProfile, fillFromProfileWithPaths, inspectDraft, isComplete, isExpired, newAnswers } from '../../src/domain/forms/drafts'
import type { AnswerItem } from '../../src/domain/forms/types'
import { REFERENCE_JUMIN_IDO } from '../fixtures/reference-application'
import { loadForms } from '../../src/content/registry'

const shipped = await loadForms()

const profile = { name: '髙橋 太郎', kana: 'タカハシ　タロウ', birthDate: '1950-03-04', postalCode: '123-4567', address: '見本県サンプル市本町1-2-3', phone: '090-1234-5678' }
const ido = findForm(shipped, 'jumin-ido')!

describe('drafts', () => {
  it('retention: days left, warned, expired', () => {
    const now = Date.UTC(2026, 10, 22)
    expect(daysLeft(now, now, 30)).toBe(30)
    expect(daysLeft(now - 27 * DAY_MS, now, 30)).toBe(3)
    expect(daysLeft(now - 27.5 * DAY_MS, now, 30)).toBe(3)
    expect(isExpired(now - 29.9 * DAY_MS, now, 30)).toBe(false)
    expect(isExpired(now - 30 * DAY_MS, now, 30)).toBe(true)
    expect(daysLeft(now - 31 * DAY_MS, now, 30)).toBe(0)
  })

  it('ワンスオンリー: a new form is filled from the profile, top level and first person', () => {
    const a = newAnswers(ido, profile)
    expect(a.phone).toBe('090-1234-5678')
    expect((a.persons as AnswerItem[])[0]).toMatchObject({ name: '髙橋 太郎', kana: 'タカハシ　タロウ', birthDate: '1950-03-04' })
  })

  it('わたしの情報 is the address registered today: in a 住民異動届 it is the 前の住所, never the new one', () => {
    const { answers, filled } = fillFromProfileWithPaths(ido, newAnswers(ido), profile)
    expect(answers.oldAddress).toBe('見本県サンプル市本町1-2-3')
    expect(answers.oldPostalCode).toBe('123-4567')
    expect(answers.newAddress).toBe('')
    expect(answers.newPostalCode).toBe('')
    expect(filled.sort()).toEqual(['oldAddress', 'oldPostalCode', 'persons.0.birthDate', 'persons.0.kana', 'persons.0.name', 'phone'])
  })

  it('says which fields it filled, and none that were typed', () => {
    const typed = { ...newAnswers(ido), phone: '03-1111-2222' }
    const { answers, filled } = fillFromProfileWithPaths(ido, typed, profile)
    expect(answers.phone).toBe('03-1111-2222')
    expect(filled).not.toContain('phone')
    expect(fillFromProfileWithPaths(ido, answers, profile).filled).toEqual([])
  })

  it('never overwrites what the resident already typed', () => {
    const typed = { ...newAnswers(ido), phone: '03-1111-2222' }
    expect(fillFromProfile(ido, typed, profile).phone).toBe('03-1111-2222')
  })

  it('complete only when nothing is missing', () => {
    expect(isComplete(ido, REFERENCE_JUMIN_IDO)).toBe(true)
    expect(isComplete(ido, newAnswers(ido, profile))).toBe(false)
  })

  describe('a stored row read back: opened when readable, named as damaged otherwise', () => {
    const forms = shipped
    const good = { id: 'd1', formId: 'jumin-ido', formVersion: 1, answers: newAnswers(ido), language: 'ja', createdAt: 1, updatedAt: 5, shownAt: 0 }
    const cases: [string, unknown, string | true][] = [
      ['a row as this version writes it', good, true],
      ['a v1 row without shownAt', { ...good, shownAt: undefined }, true],
      ['a row from before a field was added', { ...good, answers: { kind: 'tenkyo' } }, true],
      ['a number field holding what the resident typed', { ...good, formId: 'koseki-shomei', answers: {} }, true],
      ['no answers at all', { ...good, answers: undefined }, 'noAnswers'],
      ['answers that are not an object', { ...good, answers: 'x' }, 'noAnswers'],
      ['persons: null', { ...good, answers: { ...good.answers, persons: null } }, 'badAnswer'],
      ['a person that is not an object', { ...good, answers: { ...good.answers, persons: [null] } }, 'badAnswer'],
      ['a text field holding an object', { ...good, answers: { ...good.answers, phone: { x: 1 } } }, 'badAnswer'],
      ['a form version no longer shipped', { ...good, formVersion: 99 }, 'unknownForm'],
      ['a form no longer shipped', { ...good, formId: 'gone' }, 'unknownForm'],
      ['no form version', { ...good, formVersion: undefined }, 'unreadable'],
      ['not an object', 'garbage', 'unreadable'],
      ['null', null, 'unreadable'],
    ]
    it.each(cases)('%s', (_name, row, expected) => {
      const seen = inspectDraft(row, forms)
      if (expected === true) {
        expect(seen.ok).toBe(true)
        if (!seen.ok) return
        expect(seen.draft.shownAt).toBeTypeOf('number')
        expect(Array.isArray(seen.draft.answers.persons) || seen.draft.formId !== 'jumin-ido').toBe(true)
        expect(() => isComplete(seen.form, seen.draft.answers)).not.toThrow()
      } else {
        expect(seen).toMatchObject({ ok: false, damage: expected })
      }
    })

    it('keeps the id and form of a damaged row, so it can be listed and deleted', () => {
      expect(inspectDraft({ ...good, answers: null }, forms)).toEqual({ ok: false, damage: 'noAnswers', id: 'd1', formId: 'jumin-ido', updatedAt: 5 })
      expect(inspectDraft({ ...good, answers: { ...good.answers, persons: null } }, forms)).toMatchObject({ field: 'persons' })
    })

    it('fills fields a person lacks (added later) and keeps what was typed', () => {
      const seen = inspectDraft({ ...good, answers: { ...good.answers, persons: [{ name: '山田 花子' }] } }, forms)
      expect(seen.ok).toBe(true)
      if (seen.ok) expect((seen.draft.answers.persons as AnswerItem[])[0]).toMatchObject({ name: '山田 花子', kana: '', birthDate: '' })
    })
  })
})
