import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { FINISH, guideList, guideLogicProblems, guideUrl, localizeGuide, resumeIndex, searchGuides, speechText, stepIndex } from '../../src/domain/guides/model'
import { GUIDE_CATEGORIES, type GuideFile } from '../../src/domain/guides/types'

const load = (id: string) => JSON.parse(readFileSync(resolve(__dirname, `../../src/content/guides/${id}.json`), 'utf8')) as GuideFile
const pins = load('mynumber-pins')
const qr = load('basics-qr')
const apply = load('mynumber-apply-phone')

describe('localizeGuide', () => {
  it('joins the shared shape with one language’s words, step by step', () => {
    const g = localizeGuide(pins, 'en')
    expect(g.title).toBe('The four PINs')
    expect(g.steps.map((s) => s.id)).toEqual(pins.steps.map((s) => s.id))
    expect(g.steps[3]).toMatchObject({ id: 'lock', index: 3, flag: 'caution', illustration: 'phone-pin', title: 'How many tries you have' })
    expect(g.sources[0]).toEqual({ name: 'JPKI portal (J-LIS)', url: 'https://www.jpki.go.jp/' })
    expect(g.related.topics).toEqual(['mynumber'])
  })

  it('lists guides by category, then their order', () => {
    const list = guideList([qr, pins, apply], 'ja', GUIDE_CATEGORIES)
    expect(list.map((g) => g.id)).toEqual(['mynumber-apply-phone', 'mynumber-pins', 'basics-qr'])
  })
})

describe('resumeIndex', () => {
  const g = localizeGuide(pins, 'ja')
  it('offers nothing for a guide never started or finished', () => {
    expect(resumeIndex(g, undefined)).toBeUndefined()
    expect(resumeIndex(g, { step: 2, stepId: 'other-two', finished: true })).toBeUndefined()
  })
  it('finds the step by id, even when a step was added before it', () => {
    expect(resumeIndex(g, { step: 1, stepId: 'lock', finished: false })).toBe(3)
  })
  it('falls back to the old position, kept inside the guide', () => {
    expect(resumeIndex(g, { step: 2, stepId: 'removed', finished: false })).toBe(2)
    expect(resumeIndex(g, { step: 40, finished: false })).toBe(g.steps.length - 1)
    expect(resumeIndex(g, { step: -3, finished: false })).toBe(0)
  })
  it('finds steps named in a URL', () => {
    expect(stepIndex(g, 'reset')).toBe(4)
    expect(stepIndex(g, 'nope')).toBe(-1)
  })
})

describe('speechText', () => {
  it('reads the furigana, not the kanji, in やさしい日本語', () => {
    const step = localizeGuide(pins, 'ja-easy').steps[3]!
    const text = speechText(step, 'ステップ4')
    expect(text.startsWith('ステップ4\n')).toBe(true)
    expect(text).toContain('まちがえて いい かいすう')
    expect(text).not.toMatch(/[{}|｛｝｜]/)
    expect(text).not.toContain('間違')
  })
  it('reads title, body and tip in order', () => {
    const step = localizeGuide(pins, 'en').steps[3]!
    expect(speechText(step, 'Step 4')).toBe(['Step 4', step.title, step.body, step.tip].join('\n'))
  })
})

describe('searchGuides', () => {
  const ja = guideList([pins, qr, apply], 'ja', GUIDE_CATEGORIES)
  const easy = guideList([pins, qr, apply], 'ja-easy', GUIDE_CATEGORIES)
  it('finds words in titles and steps; every word must match', () => {
    expect(searchGuides(ja, '暗証番号').map((g) => g.id)).toEqual(['mynumber-pins'])
    expect(searchGuides(ja, 'QRコード 顔写真').map((g) => g.id)).toEqual(['mynumber-apply-phone'])
    expect(searchGuides(ja, '  ')).toHaveLength(3)
  })
  it('matches hiragana against katakana, full-width against half-width, and furigana readings', () => {
    expect(searchGuides(ja, 'まいなんばー').map((g) => g.id)).toEqual(['mynumber-apply-phone', 'mynumber-pins'])
    expect(searchGuides(ja, 'ＱＲ').map((g) => g.id)).toContain('basics-qr')
    expect(searchGuides(easy, 'あんしょうばんごう').map((g) => g.id)).toContain('mynumber-pins')
  })
})

describe('guideUrl', () => {
  it('opens the same guide and step in the same language', () => {
    expect(guideUrl('https://town.example', '/', 'mynumber-pins', 'ja-easy', 'lock')).toBe('https://town.example/guides/mynumber-pins/lock?lang=ja-easy')
    expect(guideUrl('https://town.example', '/yorisoi/', 'basics-qr', 'en')).toBe('https://town.example/yorisoi/guides/basics-qr?lang=en')
  })
})

describe('guideLogicProblems', () => {
  it('accepts a good guide', () => expect(guideLogicProblems(pins)).toEqual([]))
  it('names a duplicated step, the finish word and a bad date', () => {
    const bad: GuideFile = structuredClone(pins)
    bad.steps[1]!.id = 'signature'
    bad.steps[2]!.id = FINISH
    bad.reviewed = '2026-13-40'
    const problems = guideLogicProblems(bad)
    expect(problems).toContain('field /steps/1/id: "signature" is used twice')
    expect(problems).toContain('field /steps/2/id: "done" is kept for the finish screen')
    expect(problems).toContain('field /reviewed: "2026-13-40" is not a date (YYYY-MM-DD)')
  })
})

import { guideMentions } from '../../src/features/guides/guideMentions'
import { localizeGuide as localize } from '../../src/domain/guides/model'

describe('the finish page links the guides its next step names', () => {
  const login = load('mynaportal-login')
  for (const lang of ['ja', 'ja-easy', 'en'] as const) {
    it(`${lang}: 「マイナポータルにログインする」 after the PINs guide is a link to that guide`, () => {
      const guides = [pins, login, qr].map((f) => localize(f, lang))
      const parts = guideMentions(localize(pins, lang).next, guides, 'mynumber-pins')
      expect(parts.filter((p) => p.guideId)).toEqual([{ text: localize(login, lang).title, guideId: 'mynaportal-login' }])
      // nothing is lost or doubled
      expect(parts.map((p) => p.text).join('')).toBe(localize(pins, lang).next)
    })
  }
  it('a quoted phrase that is no guide, and the guide itself, stay plain text', () => {
    const guides = [{ id: 'a', title: 'Alpha' }, { id: 'b', title: 'Beta' }]
    expect(guideMentions('Try “Gamma” or “Alpha” or 「Beta」.', guides, 'b')).toEqual([{ text: 'Try “Gamma” or “' }, { text: 'Alpha', guideId: 'a' }, { text: '” or 「Beta」.' }])
  })
})
