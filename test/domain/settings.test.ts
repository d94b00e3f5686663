import { describe, expect, it } from 'vitest'
import { defaultSettings, htmlLang, negotiateLanguage, parseSettings, serializeSettings } from '../../src/domain/settings/settings'

describe('negotiateLanguage', () => {
  it('takes the first browser language Yorisoi ships', () => {
    expect(negotiateLanguage(['en-GB', 'ja'], 'ja')).toBe('en')
    expect(negotiateLanguage(['ja-JP', 'en-US'], 'en')).toBe('ja')
    expect(negotiateLanguage(['vi-VN', 'en-US'], 'ja')).toBe('vi')
    expect(negotiateLanguage(['zh-TW', 'ko-KR'], 'ja')).toBe('ko')
  })

  it("falls back to the town's default when none is shipped or offered", () => {
    expect(negotiateLanguage(['de-DE', 'fr'], 'ja')).toBe('ja')
    expect(negotiateLanguage(['vi-VN'], 'ja', ['ja', 'ja-easy', 'en'])).toBe('ja')
    expect(negotiateLanguage([], 'ja-easy')).toBe('ja-easy')
  })

  it('never guesses やさしい日本語 from a browser, but accepts its exact tag', () => {
    expect(negotiateLanguage(['ja'], 'ja-easy')).toBe('ja')
    expect(negotiateLanguage(['ja-easy'], 'ja')).toBe('ja-easy')
  })
})

describe('parseSettings', () => {
  const defaults = defaultSettings('ja')

  it('round-trips every field', () => {
    const settings = { language: 'en', languageChosen: true, textSize: 'xlarge', highContrast: true, readAloud: true, furigana: false } as const
    expect(parseSettings(serializeSettings(settings), defaults)).toEqual(settings)
  })

  it('falls back per field on anything unknown, and never throws', () => {
    expect(parseSettings(null, defaults)).toEqual(defaults)
    expect(parseSettings('not json', defaults)).toEqual(defaults)
    expect(parseSettings('[]', { ...defaults, language: 'en' }).language).toBe('en')
    expect(parseSettings(JSON.stringify({ language: 'fr', textSize: 'huge', highContrast: 'yes', readAloud: true, furigana: 'no' }), defaults)).toEqual({
      ...defaults,
      readAloud: true,
    })
  })

  it('shows furigana by default, and keeps them off once switched off', () => {
    expect(defaults.furigana).toBe(true)
    expect(parseSettings(JSON.stringify({ language: 'ja-easy' }), defaults).furigana).toBe(true)
    expect(parseSettings(JSON.stringify({ language: 'ja-easy', furigana: false }), defaults).furigana).toBe(false)
  })

  it('counts no language as chosen on a first visit, and a language stored by an older release as chosen', () => {
    expect(defaults.languageChosen).toBe(false)
    expect(parseSettings(null, defaults).languageChosen).toBe(false)
    // before the flag existed, a stored language was the resident's (or their first link's) choice
    expect(parseSettings(JSON.stringify({ language: 'en', textSize: 'large' }), defaults).languageChosen).toBe(true)
    expect(parseSettings(JSON.stringify({ textSize: 'large' }), defaults).languageChosen).toBe(false)
    expect(parseSettings(JSON.stringify({ language: 'en', languageChosen: false }), defaults).languageChosen).toBe(false)
    expect(parseSettings(JSON.stringify({ language: 'xx', languageChosen: true }), defaults).languageChosen).toBe(false)
  })

  it('gives やさしい日本語 the html lang "ja"', () => {
    expect(htmlLang('ja-easy')).toBe('ja')
    expect(htmlLang('en')).toBe('en')
  })
})
