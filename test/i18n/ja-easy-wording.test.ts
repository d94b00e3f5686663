import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { rubyToPlain } from '../../src/domain/text/ruby'

// Read as text: imported, the locale files arrive precompiled into message functions.
const read = (path: string) => JSON.parse(readFileSync(resolve('src', path), 'utf8'))
const shell = read('i18n/locales/ja-easy.json')
const volunteer = read('features/volunteer/locales/ja-easy.json')

/** Wording checks for やさしい日本語 (出入国在留管理庁・文化庁「在留支援のためのやさしい日本語ガイドライン」). */
describe('やさしい日本語 wording', () => {
  it('labels a counter\'s opening hours as the counter\'s, not as phone hours (受付時間)', () => {
    const label = rubyToPlain(shell.home.contact.hours)
    expect(label).not.toContain('電話')
    expect(label).toContain('窓口')
  })

  it('speaks to residents without honorifics (人, not 方)', () => {
    expect(rubyToPlain(volunteer.title)).toBe('ボランティアの 人へ')
    expect(rubyToPlain(shell.home.volunteer)).toBe(rubyToPlain(volunteer.title))
  })

  it('keeps one idea per sentence on the pages every resident sees first', () => {
    for (const text of [shell.home.lead, shell.home.counter.description, shell.notFound.description, volunteer.description]) {
      for (const sentence of rubyToPlain(text).split('。').filter(Boolean)) expect(sentence.length, sentence).toBeLessThanOrEqual(30)
    }
  })
})
