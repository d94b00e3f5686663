import { describe, expect, it } from 'vitest'
import { defaultSettings, htmlLang, negotiateLanguage, parseSettings, serializeSettings } from '../../src/domain/settings/settings'

describe('negotiateLanguage', () => {
  it('takes the first browser language Yorisoi ships', () => {
    expect(negotiateLanguage(['en-GB', 'ja'], 'ja')).toBe('en')
    expect(negotiateLanguage(['ja-JP', 'en-US'], 'en')).toBe('ja')
    expect(negotiateLanguage(['vi-VN', 'en-US'], 'ja')).toBe('en')
  })

  it("falls back to the town's default when none is shipped", () => {
    expect(negotiateLanguage(['vi-VN', 'pt-BR'], 'ja')).toBe('ja')
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
    const settings = { language: 'en', textSize: 'xlarge', highContrast: true, readAloud: true } as const
    expect(parseSettings(serializeSettings(settings), defaults)).toEqual(settings)
  })

  it('falls back per field on anything unknown, and never throws', () => {
    expect(parseSettings(null, defaults)).toEqual(defaults)
    expect(parseSettings('not json', defaults)).toEqual(defaults)
    expect(parseSettings('[]', { ...defaults, language: 'en' }).language).toBe('en')
    expect(parseSettings(JSON.stringify({ language: 'fr', textSize: 'huge', highContrast: 'yes', readAloud: true }), defaults)).toEqual({
      ...defaults,
      readAloud: true,
    })
  })

  it('gives やさしい日本語 the html lang "ja"', () => {
    expect(htmlLang('ja-easy')).toBe('ja')
    expect(htmlLang('en')).toBe('en')
  })
})
