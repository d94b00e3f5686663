import { describe, expect, it } from 'vitest'
import { formatBoth, formatWareki, fromWareki, isIsoDate, parseEraYear, toWareki } from '../../src/domain/dates/wareki'

describe('和暦 ⇄ 西暦', () => {
  it.each([
    ['1989-01-07', 'showa', 64, '昭和64年1月7日'],
    ['1989-01-08', 'heisei', 1, '平成元年1月8日'],
    ['2019-04-30', 'heisei', 31, '平成31年4月30日'],
    ['2019-05-01', 'reiwa', 1, '令和元年5月1日'],
    ['1926-12-24', 'taisho', 15, '大正15年12月24日'],
    ['1926-12-25', 'showa', 1, '昭和元年12月25日'],
    ['1912-07-30', 'taisho', 1, '大正元年7月30日'],
    ['2026-11-22', 'reiwa', 8, '令和8年11月22日'],
  ] as const)('%s is %s %i', (iso, era, year, text) => {
    const w = toWareki(iso)!
    expect(w.era).toBe(era)
    expect(w.year).toBe(year)
    expect(formatWareki(iso)).toBe(text)
    expect(fromWareki(w)).toEqual({ iso })
  })

  it('refuses days an era does not have', () => {
    expect(fromWareki({ era: 'heisei', year: 31, month: 5, day: 1 })).toEqual({ problem: 'after-era' })
    expect(fromWareki({ era: 'showa', year: 64, month: 1, day: 8 })).toEqual({ problem: 'after-era' })
    expect(fromWareki({ era: 'reiwa', year: 1, month: 4, day: 30 })).toEqual({ problem: 'before-era' })
    expect(fromWareki({ era: 'heisei', year: 1, month: 1, day: 7 })).toEqual({ problem: 'before-era' })
    expect(fromWareki({ era: 'reiwa', year: 6, month: 2, day: 30 })).toEqual({ problem: 'invalid-date' })
    expect(fromWareki({ era: 'reiwa', year: 0, month: 5, day: 1 })).toEqual({ problem: 'invalid-date' })
  })

  it('leap days: 令和2年2月29日 exists, 令和3年2月29日 does not', () => {
    expect(fromWareki({ era: 'reiwa', year: 2, month: 2, day: 29 })).toEqual({ iso: '2020-02-29' })
    expect(fromWareki({ era: 'reiwa', year: 3, month: 2, day: 29 })).toEqual({ problem: 'invalid-date' })
  })

  it('shows both calendars and reads 元 in the year box', () => {
    expect(formatBoth('2019-05-01')).toBe('令和元年（2019年）5月1日')
    expect(formatBoth('1950-03-04')).toBe('昭和25年（1950年）3月4日')
    expect(parseEraYear('元')).toBe(1)
    expect(parseEraYear('元年')).toBe(1)
    expect(parseEraYear('２５')).toBe(25)
    expect(parseEraYear('x')).toBeUndefined()
    expect(isIsoDate('2026-02-30')).toBe(false)
    expect(isIsoDate('2026-02-28')).toBe(true)
  })

  it('round-trips every day from 1912-07-30 to 2040', () => {
    for (let t = Date.UTC(1912, 6, 30); t < Date.UTC(2040, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10)
      expect(fromWareki(toWareki(iso)!)).toEqual({ iso })
    }
  })
})
