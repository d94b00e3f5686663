import { describe, expect, it } from 'vitest'
import { hasRubyMarkup, interpolationValues, parseRuby, rubyLiteral, rubyRuns, rubyToPlain, rubyToReading, withFurigana } from '../../src/domain/text/ruby'

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

describe('rubyRuns (line breaking of text with furigana)', () => {
  it('keeps a ruby with the characters right next to it, so no line ends between 見 and て', () => {
    expect(rubyRuns(parseRuby('メモを ｛見｜み｝て ください'))).toEqual([
      { keep: false, text: 'メモを ' },
      { keep: true, parts: [{ text: '見', ruby: 'み' }, { text: 'て' }] },
      { keep: false, text: ' ください' },
    ])
    expect(rubyRuns(parseRuby('スマホ｛教室｜きょうしつ｝を さがす'))).toEqual([
      { keep: false, text: 'スマ' },
      { keep: true, parts: [{ text: 'ホ' }, { text: '教室', ruby: 'きょうしつ' }, { text: 'を' }] },
      { keep: false, text: ' さがす' },
    ])
  })

  it('holds only the neighbours, so a long phrase can still wrap elsewhere', () => {
    const runs = rubyRuns(parseRuby('「｛住民票｜じゅうみんひょう｝を もらう ｛申請｜しんせい｝」を じゅんびする'))
    expect(runs.filter((r) => r.keep).map((r) => (r.keep ? r.parts.map((p) => p.text).join('') : ''))).toEqual(['住民票を', '申請'])
    expect(runs.map((r) => (r.keep ? r.parts.map((p) => p.text).join('') : r.text)).join('')).toBe('「住民票を もらう 申請」を じゅんびする')
  })

  it('joins rubies that share a neighbour into one run, and leaves text without furigana alone', () => {
    expect(rubyRuns(parseRuby('｛日｜ひ｝と｛場所｜ばしょ｝'))).toEqual([
      { keep: true, parts: [{ text: '日', ruby: 'ひ' }, { text: 'と' }, { text: '場所', ruby: 'ばしょ' }] },
    ])
    // 「け」 and 「（」 are different neighbours: a break may fall between them, so the kept runs stay short
    expect(rubyRuns(parseRuby('｛届｜とど｝け（｛住民異動届｜じゅうみんいどうとどけ｝）'))).toEqual([
      { keep: true, parts: [{ text: '届', ruby: 'とど' }, { text: 'け' }] },
      { keep: false, text: '（' },
      { keep: true, parts: [{ text: '住民異動届', ruby: 'じゅうみんいどうとどけ' }] },
      { keep: false, text: '）' },
    ])
    expect(rubyRuns(parseRuby('ふりがなの ない 文'))).toEqual([{ keep: false, text: 'ふりがなの ない 文' }])
    expect(rubyRuns([])).toEqual([])
  })

  it('does not hold brackets or 、。・ (line breaking keeps them), so a bracketed list is not one box wider than the phone', () => {
    const runs = rubyRuns(parseRuby('もの（｛基礎年金番号通知書｜きそねんきんばんごうつうちしょ｝・｛年金手帳｜ねんきんてちょう｝）'))
    expect(runs.filter((r) => r.keep).map((r) => (r.keep ? r.parts.map((p) => p.text).join('') : ''))).toEqual(['基礎年金番号通知書', '年金手帳'])
    expect(runs.map((r) => (r.keep ? r.parts.map((p) => p.text).join('') : r.text)).join('')).toBe('もの（基礎年金番号通知書・年金手帳）')
    const kept = rubyRuns(parseRuby('｛福祉｜ふくし｝・｛介護保険課｜かいごほけんか｝の｛窓口｜まどぐち｝。｛見｜み｝て'))
    expect(kept.filter((r) => r.keep).map((r) => (r.keep ? r.parts.map((p) => p.text).join('') : ''))).toEqual(['福祉', '介護保険課の窓口', '見て'])
  })
})

describe('text without markup', () => {
  it('is told apart from text with a pair or a literal mark, and parses to itself', () => {
    expect(hasRubyMarkup('スマホ教室をさがす')).toBe(false)
    expect(hasRubyMarkup('a | b } c')).toBe(false) // a bar or a closing brace alone opens nothing
    expect(hasRubyMarkup('｛漢字｜かんじ｝')).toBe(true)
    expect(hasRubyMarkup('{漢字|かんじ}')).toBe(true)
    expect(hasRubyMarkup(rubyLiteral('{無料|1万円}'))).toBe(true)
    expect(parseRuby('a | b } c')).toEqual([{ text: 'a | b } c' }])
    expect(parseRuby('')).toEqual([])
    expect(rubyRuns(parseRuby('スマホ'))).toEqual([{ keep: false, text: 'スマホ' }])
  })
})
