import { describe, expect, it } from 'vitest'
import { digitsOnly, isKatakana, normalizePhone, normalizePostalCode, toKatakana } from '../../src/domain/text/normalize'

describe('what residents type', () => {
  it('kana: hiragana, katakana and half-width become full-width katakana', () => {
    expect(toKatakana('やまだ はなこ')).toBe('ヤマダ　ハナコ')
    expect(toKatakana('ﾔﾏﾀﾞ ﾊﾅｺ')).toBe('ヤマダ　ハナコ')
    expect(toKatakana('ｶﾞｷﾞﾊﾟﾋﾟ')).toBe('ガギパピ')
    expect(toKatakana('  すずき　いちろう ')).toBe('スズキ　イチロウ')
    expect(toKatakana('ヴぁ')).toBe('ヴァ')
    expect(isKatakana(toKatakana('じょうじ'))).toBe(true)
    expect(isKatakana('山田')).toBe(false)
    expect(isKatakana('ABC')).toBe(false)
  })
  it('postal codes: full-width digits and any hyphen', () => {
    expect(normalizePostalCode('１２３－４５６７')).toBe('123-4567')
    expect(normalizePostalCode('〒123ー4567')).toBe('123-4567')
    expect(normalizePostalCode('1234567')).toBe('123-4567')
    expect(normalizePostalCode('123-456')).toBeUndefined()
    expect(normalizePostalCode('123-456a')).toBeUndefined()
  })
  it('phones: full-width, hyphens of every kind, brackets', () => {
    expect(normalizePhone('０９０－１２３４－５６７８')).toBe('090-1234-5678')
    expect(normalizePhone('03(1234)5678')).toBe('03-1234-5678')
    expect(normalizePhone('0312345678')).toBe('0312345678')
    expect(normalizePhone('090‐1234‐5678')).toBe('090-1234-5678')
    expect(normalizePhone('12345')).toBeUndefined()
    expect(normalizePhone('090-abcd-5678')).toBeUndefined()
  })
  it('digitsOnly keeps digits of either width', () => {
    expect(digitsOnly('４1２ 3\n')).toBe('4123')
  })
})
