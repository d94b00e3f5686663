import { describe, expect, it } from 'vitest'
import { languageName, languageOfTag, voiceFor, withAddedFromEnglish } from '../../src/domain/language'
import { negotiateLanguage } from '../../src/domain/settings/settings'
import { applyOverlay, checkOverlay, localizedNodes } from '../../src/domain/text/overlay'
import { hasJapanese, japaneseRuns } from '../../src/domain/text/script'
import { formatDateFor } from '../../src/domain/dates/wareki'
import { foldForSearch } from '../../src/domain/text/normalize'
import { searchKey } from '../../src/domain/guides/model'

describe('browser languages', () => {
  it('maps scripts, regions and old codes to the shipped language', () => {
    expect(languageOfTag('zh-CN')).toBe('zh-Hans')
    expect(languageOfTag('zh-Hans-SG')).toBe('zh-Hans')
    expect(languageOfTag('zh-TW')).toBeUndefined() // Traditional Chinese is not offered as Simplified
    expect(languageOfTag('fil-PH')).toBe('tl')
    expect(languageOfTag('pt-PT')).toBe('pt-BR')
    expect(languageOfTag('in')).toBe('id')
    expect(languageOfTag('my-MM')).toBe('my')
    expect(languageOfTag('de-DE')).toBeUndefined()
  })

  it('takes the first browser language the town offers', () => {
    expect(negotiateLanguage(['zh-TW', 'vi-VN', 'en'], 'ja')).toBe('vi')
    expect(negotiateLanguage(['vi-VN', 'en-US'], 'ja', ['ja', 'ja-easy', 'en'])).toBe('en')
    expect(negotiateLanguage(['ja-JP', 'vi'], 'en')).toBe('ja')
  })
})

describe('language names in the picker', () => {
  it('names a language in itself and, for another reader, in theirs', () => {
    expect(languageName('vi', 'vi', 'x')).toEqual({ own: 'Tiếng Việt' })
    expect(languageName('ja', 'en', 'Easy Japanese')).toEqual({ own: '日本語', gloss: 'Japanese' })
    expect(languageName('ja-easy', 'en', 'Easy Japanese')).toEqual({ own: 'やさしい日本語', gloss: 'Easy Japanese' })
    expect(languageName('ja-easy', 'ja', 'やさしい日本語')).toEqual({ own: 'やさしい日本語' })
    expect(languageName('my', 'ja', '')).toEqual({ own: 'မြန်မာ', gloss: 'ミャンマー語' })
  })
})

describe('read-aloud voices', () => {
  const voices = [{ lang: 'ja-JP' }, { lang: 'en-US' }, { lang: 'fil-PH' }, { lang: 'pt_BR' }]
  it('finds a voice by primary language, Tagalog as Filipino', () => {
    expect(voiceFor(voices, 'ja-easy')?.lang).toBe('ja-JP')
    expect(voiceFor(voices, 'tl')?.lang).toBe('fil-PH')
    expect(voiceFor(voices, 'pt-BR')?.lang).toBe('pt_BR')
    expect(voiceFor(voices, 'my')).toBeUndefined()
  })
})

describe('Japanese inside other languages', () => {
  it('cuts out Japanese phrases with their brackets', () => {
    expect(japaneseRuns('Search for “マイナポータル” (Myna Portal)', 'en')).toEqual([
      { text: 'Search for “', japanese: false },
      { text: 'マイナポータル', japanese: true },
      { text: '” (Myna Portal)', japanese: false },
    ])
    expect(japaneseRuns('Xin 「住民票」 nhé', 'vi').filter((r) => r.japanese).map((r) => r.text)).toEqual(['「住民票」'])
  })
  it('in Chinese, Han characters alone are Chinese; kana make a phrase Japanese', () => {
    expect(hasJapanese('请到住民票窗口', 'zh-Hans')).toBe(false)
    expect(hasJapanese('搜索“マイナポータル”', 'zh-Hans')).toBe(true)
    expect(hasJapanese('住民票', 'ko')).toBe(true)
    expect(hasJapanese('Tiếng Việt 2026 (1/3)', 'vi')).toBe(false)
  })
})

describe('content translations (overlays)', () => {
  const file = {
    title: { ja: '題', 'ja-easy': '題', en: 'Title' },
    keywords: { ja: ['a'], en: ['b'] },
    text: { ja: { steps: [{ id: 's1', body: 'x' }] }, 'ja-easy': { steps: [{ id: 's1', body: 'x' }] }, en: { steps: [{ id: 's1', body: 'Hello {n}' }] } },
    items: [{ label: { ja: 'ア', 'ja-easy': 'ア', en: 'A' } }],
  }
  it('finds every text by pointer', () => {
    expect(localizedNodes(file).map((n) => n.pointer)).toEqual(['/title', '/keywords', '/text', '/items/0/label'])
  })
  it('writes a language in and checks shape, ids and {values}', () => {
    const data = structuredClone(file)
    const entries = { '/title': 'Tiêu đề', '/keywords': ['một', 'hai'], '/text': { steps: [{ id: 's1', body: 'Xin chào {n}' }] }, '/items/0/label': 'A' }
    expect(checkOverlay(data, entries).errors).toEqual([])
    applyOverlay(data, entries, 'vi')
    expect((data.title as Record<string, string>).vi).toBe('Tiêu đề')
    expect((data.text as Record<string, unknown>).vi).toEqual({ steps: [{ id: 's1', body: 'Xin chào {n}' }] })
  })
  it('reports what a translator got wrong', () => {
    const errors = checkOverlay(file, { '/title': '', '/text': { steps: [{ id: 'other', body: 'Xin chào' }] }, '/nope': 'x' }).errors
    expect(errors).toEqual([
      '/nope: no such text in the file',
      '/title: needs text',
      '/keywords: missing',
      '/text/steps/0/id: keep "s1"',
      '/text/steps/0/body: keep {n} as in English',
      '/items/0/label: missing',
    ])
  })
  it('a form built in code gets English for the added languages', () => {
    expect(withAddedFromEnglish({ ja: 'は', 'ja-easy': 'は', en: 'Yes' }).my).toBe('Yes')
  })
})

describe('dates in every language', () => {
  it('uses the language’s own month names, with the era year', () => {
    expect(formatDateFor('1990-07-20', 'vi')).toMatch(/^20 tháng 7, 1990 \(Heisei 2\)$/)
    expect(formatDateFor('1990-07-20', 'pt-BR')).toBe('20 de julho de 1990 (Heisei 2)')
    expect(formatDateFor('1990-07-20', 'ja')).toContain('平成2年')
  })
})

describe('search without accents', () => {
  it('finds Vietnamese and Portuguese words typed without their marks, and leaves Japanese as it is', () => {
    expect(foldForSearch('Qua đời')).toBe(foldForSearch('qua doi'))
    expect(foldForSearch('Pensão')).toBe('pensao')
    expect(foldForSearch('ガイド')).toBe('がいど')
    expect(searchKey('Chứng nhận')).toBe(searchKey('chung nhan'))
    expect(searchKey('がっこう')).toBe(searchKey('ガッコウ'))
  })
})
