import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { ageTotal, newRecord, normalizeRecord, recordsCsv, toCsv } from '../../src/domain/volunteer/records'

describe('class records', () => {
  it('the CSV writer quotes commas, quotes and line breaks, keeps Japanese, starts with a BOM', () => {
    const csv = toCsv([
      ['a', 'b,c', 'say "hi"'],
      ['改行\nあり', '日本語', 3],
    ])
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toBe('\uFEFFa,"b,c","say ""hi"""\r\n"改行\nあり",日本語,3\r\n')
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data
    expect(parsed).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['改行\nあり', '日本語', '3'],
    ])
  })

  it('the report: one line per class, labels in Japanese', () => {
    const r = { ...newRecord('999990-0002', 'LINEの使い方講座', '2026-12-10', 1), startTime: '13:30', endTime: '15:30', attendees: 12, topics: ['line'], troubles: ['forgotPassword' as const], notes: '「文字が小さい」, 質問多数' }
    r.ages['75plus'] = 5
    const csv = recordsCsv([r], { topics: { line: 'LINE' }, troubles: { forgotPassword: 'パスワードを忘れた' } as never })
    const [header, row] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data
    expect(header![0]).toBe('教室ID')
    expect(row).toEqual(['999990-0002', 'LINEの使い方講座', '2026-12-10', '13:30', '15:30', '12', '0', '0', '5', '0', 'LINE', 'パスワードを忘れた', '「文字が小さい」, 質問多数'])
    expect(ageTotal(r)).toBe(5)
  })

  it('a record stored before a field existed opens with defaults', () => {
    const old = normalizeRecord({ classId: 'x', date: '2026-12-01', attendees: 4, topics: [], notes: '', createdAt: 5 } as never)
    expect(old.ages).toEqual({ under65: 0, '65to74': 0, '75plus': 0, unknown: 0 })
    expect(old.troubles).toEqual([])
    expect(old.updatedAt).toBe(5)
  })
})

import { agesAgree, changedFrom, unreportable } from '../../src/domain/volunteer/records'

describe('records the town can trust', () => {
  const labels = { topics: {}, troubles: {} as never }
  it('age bands adding up to more than the attendees (12 for 7) block the report', () => {
    const r = { ...newRecord('c', '教室', '2026-12-10', 1), attendees: 7 }
    r.ages['75plus'] = 12
    expect(agesAgree(r)).toBe(false)
    expect(unreportable([r])).toEqual([r])
    expect(() => recordsCsv([r], labels)).toThrow(RangeError)
    // raising the count, or lowering the bands, makes it agree
    expect(agesAgree({ ...r, attendees: 12 })).toBe(true)
    expect(agesAgree({ ...r, ages: { ...r.ages, '75plus': 7 } })).toBe(true)
    expect(recordsCsv([{ ...r, attendees: 12 }], labels)).toContain('12')
    // fewer ages than attendees is fine (年代は任意)
    expect(agesAgree({ ...r, ages: { ...r.ages, '75plus': 0 } })).toBe(true)
  })
  it('a record only opened is not changed; its first real change is', () => {
    const start = newRecord('c', '教室', '2026-12-10', 1)
    expect(changedFrom({ ...start, updatedAt: 99 }, start)).toBe(false)
    expect(changedFrom({ ...start, id: 3 }, start)).toBe(false)
    expect(changedFrom({ ...start, attendees: 1 }, start)).toBe(true)
    expect(changedFrom({ ...start, notes: 'x' }, start)).toBe(true)
    expect(changedFrom({ ...start, ages: { ...start.ages, unknown: 1 } }, start)).toBe(true)
  })
})
