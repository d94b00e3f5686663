import { describe, expect, it } from 'vitest'
import { parseRuby, rubyRuns, rubyToPlain, rubyToReading } from '../../src/domain/text/ruby'

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
    expect(runs.filter((r) => r.keep).map((r) => (r.keep ? r.parts.map((p) => p.text).join('') : ''))).toEqual(['「住民票を', '申請」'])
    expect(runs.map((r) => (r.keep ? r.parts.map((p) => p.text).join('') : r.text)).join('')).toBe('「住民票を もらう 申請」を じゅんびする')
  })

  it('joins rubies that share a neighbour into one run, and leaves text without furigana alone', () => {
    expect(rubyRuns(parseRuby('｛日｜ひ｝と｛場所｜ばしょ｝'))).toEqual([
      { keep: true, parts: [{ text: '日', ruby: 'ひ' }, { text: 'と' }, { text: '場所', ruby: 'ばしょ' }] },
    ])
    // 「け」 and 「（」 are different neighbours: a break may fall between them, so the kept runs stay short
    expect(rubyRuns(parseRuby('｛届｜とど｝け（｛住民異動届｜じゅうみんいどうとどけ｝）'))).toEqual([
      { keep: true, parts: [{ text: '届', ruby: 'とど' }, { text: 'け' }] },
      { keep: true, parts: [{ text: '（' }, { text: '住民異動届', ruby: 'じゅうみんいどうとどけ' }, { text: '）' }] },
    ])
    expect(rubyRuns(parseRuby('ふりがなの ない 文'))).toEqual([{ keep: false, text: 'ふりがなの ない 文' }])
    expect(rubyRuns([])).toEqual([])
  })
})
