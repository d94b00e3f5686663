import { sameInEveryLanguage, withAddedFromEnglish } from '../../src/domain/language'
import { describe, expect, it } from 'vitest'
import { groupByPurpose, searchForms, type FormPurpose } from '../../src/domain/forms/search'
import type { FormDefinition } from '../../src/domain/forms/types'

const L = (ja: string, easy: string, en: string) => withAddedFromEnglish({ ja, 'ja-easy': easy, en })
const purposes: FormPurpose[] = [
  { id: 'certificate', label: L('証明書がほしい', '{証明書|しょうめいしょ}が ほしい', 'I need a certificate') },
  { id: 'moving', label: L('引っ越した', '{引|ひ}っ{越|こ}した', 'I moved') },
  { id: 'seal', label: L('印鑑を登録したい', '{印鑑|いんかん}を {登録|とうろく}したい', 'Register a seal') },
]
const form = (id: string, title: ReturnType<typeof L>, purposeIds: string[], keywords: FormDefinition['keywords'] = {}): FormDefinition => ({
  id,
  version: 1,
  title,
  description: L('説明', '{説明|せつめい}', 'About'),
  purposes: purposeIds,
  keywords,
  fields: [],
})
const ido = form('jumin-ido', L('住民異動届', '{引|ひ}っ{越|こ}しの {届|とど}け', 'Notification of change of address'), ['moving'], {
  ja: ['引越し', 'ヒッコシ', '住所変更'],
  en: ['move', 'relocation'],
})
const hyo = form('jumin-hyo', L('住民票の写し等交付申請書', '{住民票|じゅうみんひょう}', 'Residence certificate'), ['certificate', 'moving'])
const inkan = form('inkan-toroku', L('印鑑登録申請書', '{印鑑|いんかん}の {登録|とうろく}', 'Seal registration'), ['seal'], { ja: ['ハンコ'], en: ['hanko', 'stamp'] })
const forms = [hyo, ido, inkan]
const ids = (q: string, lang: 'ja' | 'ja-easy' | 'en' = 'ja') => searchForms(forms, purposes, q, lang).map((f) => f.id)

describe('searching counter forms by everyday words', () => {
  it('a hiragana query finds a katakana keyword (and the reverse)', () => {
    expect(ids('ひっこし')[0]).toBe('jumin-ido')
    expect(ids('はんこ')).toEqual(['inkan-toroku'])
  })
  it('half-width katakana and full-width latin fold to the same words', () => {
    expect(ids('ﾊﾝｺ')).toEqual(['inkan-toroku'])
    expect(ids('ﾋｯｺｼ')[0]).toBe('jumin-ido')
    expect(ids('ＨＡＮＫＯ', 'en')).toEqual(['inkan-toroku'])
  })
  it('English words in en, case-insensitively, and not the Japanese keywords', () => {
    expect(ids('Relocation', 'en')).toEqual(['jumin-ido'])
    expect(ids('stamp', 'en')).toEqual(['inkan-toroku'])
    expect(ids('ハンコ', 'en')).toEqual([])
  })
  it('the official Japanese name is found in every language', () => {
    expect(ids('住民異動届', 'en')).toEqual(['jumin-ido'])
  })
  it('ja-easy searches furigana readings and ja words', () => {
    expect(ids('じゅうみんひょう', 'ja-easy')).toEqual(['jumin-hyo'])
    expect(ids('住所変更', 'ja-easy')).toEqual(['jumin-ido'])
  })
  it('purpose labels match, but a keyword or title match ranks first', () => {
    expect(ids('引っ越', 'ja-easy')).toEqual(['jumin-ido', 'jumin-hyo'])
    expect(ids('ｲﾄﾞｳ')).toEqual([])
    expect(ids('moved', 'en')).toEqual(['jumin-hyo', 'jumin-ido'])
  })
  it('every word must match; empty and unknown queries find nothing', () => {
    expect(ids('住民 写し')).toEqual(['jumin-hyo'])
    expect(ids('   ')).toEqual([])
    expect(ids('パスポート')).toEqual([])
  })
})

describe('grouping the list by purpose', () => {
  it('lists each form once, under its first purpose, in the purposes order; empty purposes left out', () => {
    const groups = groupByPurpose(forms, purposes)
    expect(groups.map((g) => [g.purpose?.id, g.forms.map((f) => f.id)])).toEqual([
      ['certificate', ['jumin-hyo']],
      ['moving', ['jumin-ido']],
      ['seal', ['inkan-toroku']],
    ])
  })
  it('a form with an unknown purpose is still listed, at the end', () => {
    const stray = form('stray', L('謎', '{謎|なぞ}', 'Mystery'), ['nowhere'])
    expect(groupByPurpose([stray, ido], purposes).map((g) => g.purpose?.id)).toEqual(['moving', undefined])
  })
})
