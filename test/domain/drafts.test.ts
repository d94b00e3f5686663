import { describe, expect, it } from 'vitest'
import { allForms, findForm } from '../../src/domain/forms'
import { DAY_MS, daysLeft, fillFromProfile, isComplete, isExpired, newAnswers } from '../../src/domain/forms/drafts'
import type { AnswerItem } from '../../src/domain/forms/types'
import { REFERENCE_JUMIN_IDO } from '../fixtures/reference-application'

const profile = { name: '髙橋 太郎', kana: 'タカハシ　タロウ', birthDate: '1950-03-04', postalCode: '123-4567', address: '見本県サンプル市本町1-2-3', phone: '090-1234-5678' }
const ido = findForm(allForms(), 'jumin-ido')!

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
    expect(a.newAddress).toBe('見本県サンプル市本町1-2-3')
    expect((a.persons as AnswerItem[])[0]).toMatchObject({ name: '髙橋 太郎', kana: 'タカハシ　タロウ', birthDate: '1950-03-04' })
    expect(a.oldAddress).toBe('')
  })

  it('never overwrites what the resident already typed', () => {
    const typed = { ...newAnswers(ido), phone: '03-1111-2222' }
    expect(fillFromProfile(ido, typed, profile).phone).toBe('03-1111-2222')
  })

  it('complete only when nothing is missing', () => {
    expect(isComplete(ido, REFERENCE_JUMIN_IDO)).toBe(true)
    expect(isComplete(ido, newAnswers(ido, profile))).toBe(false)
  })
})
