import { describe, expect, it } from 'vitest'
import { interpolationValues, parseRuby, rubyLiteral, rubyToPlain, rubyToReading, withFurigana } from '../../src/domain/text/ruby'

describe('parseRuby', () => {
  it('splits base/reading pairs from plain text', () => {
    expect(parseRuby('{漢字|かんじ}を{読|よ}む')).toEqual([
      { text: '漢字', ruby: 'かんじ' },
      { text: 'を' },
      { text: '読', ruby: 'よ' },
      { text: 'む' },
    ])
  })

  it('reads the full-width form used inside vue-i18n messages', () => {
    expect(parseRuby('｛手続｜てつづ｝き')).toEqual([{ text: '手続', ruby: 'てつづ' }, { text: 'き' }])
  })

  it('passes text without furigana through unchanged', () => {
    expect(parseRuby('ふりがなのない文')).toEqual([{ text: 'ふりがなのない文' }])
    expect(parseRuby('')).toEqual([])
  })

  it('keeps braces that are not markup as text', () => {
    expect(parseRuby('{town}の{漢字|かんじ}')).toEqual([{ text: '{town}の' }, { text: '漢字', ruby: 'かんじ' }])
    expect(parseRuby('a|b {x| } {|y} {open')).toEqual([{ text: 'a|b {x| } {|y} {open' }])
  })

  it('treats nested brackets as text around the inner pair', () => {
    expect(parseRuby('{{漢字|かんじ}}')).toEqual([{ text: '{' }, { text: '漢字', ruby: 'かんじ' }, { text: '}' }])
    expect(parseRuby('{a{漢|かん}|b}')).toEqual([{ text: '{a' }, { text: '漢', ruby: 'かん' }, { text: '|b}' }])
  })

  it('keeps characters outside the BMP whole', () => {
    expect(parseRuby('{𠮷野|よしの}さん')).toEqual([{ text: '𠮷野', ruby: 'よしの' }, { text: 'さん' }])
  })

  it('gives the reading for speech and the plain text for titles', () => {
    expect(rubyToReading('{市役所|しやくしょ}へ')).toBe('しやくしょへ')
    expect(rubyToPlain('{市役所|しやくしょ}へ')).toBe('市役所へ')
  })
})

describe('data never becomes furigana', () => {
  it('text made literal keeps its braces and bars, in every half- and full-width form', () => {
    for (const data of ['{無料|1万円}', '｛無料｜1万円｝', '{無料｜1万円}', 'a|b {c} ｛d｝', '\uE000{x|y}']) {
      expect(parseRuby(rubyLiteral(data))).toEqual([{ text: data }])
      expect(rubyToPlain(rubyLiteral(data))).toBe(data)
      expect(rubyToReading(rubyLiteral(data))).toBe(data)
    }
  })

  it('a literal value inside a message with furigana: the message keeps its ruby, the value none', () => {
    const message = `｛料金｜りょうきん｝は ${rubyLiteral('{無料|1万円}')} です`
    expect(parseRuby(message)).toEqual([{ text: '料金', ruby: 'りょうきん' }, { text: 'は {無料|1万円} です' }])
  })

  it('interpolation values: strings become literal, withFurigana keeps the town\'s markup, numbers pass', () => {
    const values = interpolationValues({ fee: '{無料|1万円}', title: withFurigana('｛手続｜てつづ｝き'), count: 3 })
    expect(parseRuby(`${values.fee}`)).toEqual([{ text: '{無料|1万円}' }])
    expect(parseRuby(`${values.title}`)).toEqual([{ text: '手続', ruby: 'てつづ' }, { text: 'き' }])
    expect(values.count).toBe(3)
    expect(interpolationValues(['{a|b}'])).toEqual([rubyLiteral('{a|b}')])
    expect(interpolationValues('a default message')).toBe('a default message')
  })
})
