import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { assertForm, formReferenceProblems, purposesProblems } from '../../src/content/validate'
import { groupByPurpose, searchForms, type FormPurpose } from '../../src/domain/forms/search'
import type { FormDefinition } from '../../src/domain/forms/types'
import { parseRuby } from '../../src/domain/text/ruby'

const content = resolve(__dirname, '../../src/content')
const forms = readdirSync(join(content, 'forms'))
  .filter((n) => /\.v\d+\.json$/.test(n))
  .map((n) => ({ file: `src/content/forms/${n}`, data: JSON.parse(readFileSync(join(content, 'forms', n), 'utf8')) as { id: string; counter?: string; bring?: string[] } }))
const counters = (JSON.parse(readFileSync(join(content, 'municipality.json'), 'utf8')) as { counters: { id: string }[] }).counters.map((c) => c.id)
const items = (JSON.parse(readFileSync(join(content, 'items.json'), 'utf8')) as { items: { id: string }[] }).items
const purposesFile = JSON.parse(readFileSync(join(content, 'form-purposes.json'), 'utf8')) as { purposes: FormPurpose[] }
const purposes = purposesFile.purposes

describe('every counter form says where it goes and what to bring', () => {
  it.each(forms.map((f) => [f.file, f] as const))('%s names an existing counter and items from items.json', (_file, form) => {
    expect(form.data.counter).toBeTruthy()
    expect(form.data.bring?.length).toBeGreaterThan(0)
    expect(formReferenceProblems([form], counters, items, purposes)).toEqual(new Map())
  })

  it('a form without its counter or things to bring is refused by the schema, naming the field', () => {
    const { counter: _c, bring: _b, ...rest } = forms[0]!.data
    expect(() => assertForm(rest, 'src/content/forms/x.v1.json')).toThrow(/field \/counter: must have required property 'counter'|field \/bring/)
  })

  it('an unknown counter or item is named with its file and field', () => {
    const broken = { file: 'src/content/forms/x.v1.json', data: { counter: 'nowhere', bring: ['identity-document', 'magic-lamp'], purposes: ['moving'] } }
    expect(formReferenceProblems([broken], counters, items, purposes).get('src/content/forms/x.v1.json')).toEqual([
      'field /counter: "nowhere" is not a counter in municipality.json',
      'field /bring/1: "magic-lamp" is not an item in src/content/items.json',
    ])
  })
})

describe('every counter form names its office-use box (職員記入欄)', () => {
  type WithOffice = { officeUse?: { identityDocuments: string[]; items: string[] } }
  it.each(forms.map((f) => [f.file, f] as const))('%s has 本人確認書類 boxes and 受付番号・受付者・入力者', (_file, form) => {
    const office = (form.data as WithOffice).officeUse
    expect(office, 'officeUse').toBeDefined()
    expect(office!.identityDocuments).toEqual(expect.arrayContaining(['mynumberCard', 'driversLicense', 'residenceCard']))
    expect(office!.items).toEqual(expect.arrayContaining(['receiptNumber', 'receivedBy', 'enteredBy']))
  })

  it('交付枚数 only where something is issued (the certificate forms)', () => {
    const withCopies = forms.filter((f) => (f.data as WithOffice).officeUse?.items.includes('copies')).map((f) => f.data.id)
    expect(withCopies).toEqual(expect.arrayContaining(['jumin-hyo', 'koseki-shomei']))
    expect(withCopies).not.toContain('jumin-ido')
  })

  it('the schema refuses an unknown document or box, naming the field', () => {
    const form = structuredClone(forms.find((f) => f.data.id === 'jumin-ido')!.data) as WithOffice
    form.officeUse!.identityDocuments.push('library-card')
    expect(() => assertForm(form, 'src/content/forms/jumin-ido.v1.json')).toThrow(/officeUse\/identityDocuments\/6/)
    const noItems = structuredClone(forms.find((f) => f.data.id === 'jumin-ido')!.data) as WithOffice
    delete (noItems.officeUse as Partial<NonNullable<WithOffice['officeUse']>>).items
    expect(() => assertForm(noItems, 'src/content/forms/jumin-ido.v1.json')).toThrow(/officeUse\/items: must have required property 'items'/)
  })
})

/** Every string of one language anywhere under a value (labels, hints, options, titles). */
function strings(value: unknown, lang: 'ja' | 'ja-easy' | 'en'): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, lang))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === lang && typeof v === 'string' ? [v] : strings(v, lang)))
  return []
}
const bareKanji = (texts: string[]) =>
  texts.map((text) => ({ text, kanji: parseRuby(text).filter((s) => !s.ruby).map((s) => s.text).join('').match(/\p{Script=Han}/gu) })).filter((x) => x.kanji)

describe('the words of every counter form', () => {
  it.each(forms.map((f) => [f.file, f] as const))('%s: every kanji in やさしい日本語 carries furigana', (_file, form) => {
    const texts = strings(form.data, 'ja-easy')
    expect(texts.length).toBeGreaterThan(10)
    expect(bareKanji(texts)).toEqual([])
  })

  it('the furigana check finds a kanji left without its reading', () => {
    expect(bareKanji(['{犬|いぬ}の 登録'])).toHaveLength(1)
  })

  it.each(forms.map((f) => [f.file, f] as const))('%s: English has no Japanese left in it, and やさしい日本語 is not the ja text copied', (_file, form) => {
    expect(strings(form.data, 'en').filter((t) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(t))).toEqual([])
    const data = form.data as unknown as { title: Record<string, string>; description: Record<string, string> }
    expect(data.title['ja-easy']).not.toBe(data.title.ja)
    expect(data.description['ja-easy']).not.toBe(data.description.ja)
  })

  it.each(forms.map((f) => [f.file, f] as const))('%s: the staff-facing title is Japanese, without reading marks', (_file, form) => {
    const title = (form.data as unknown as { title: { ja: string } }).title.ja
    expect(title).toMatch(/\p{Script=Han}/u)
    expect(parseRuby(title)).toEqual([{ text: title }])
  })

  it('each form has its own place in the list residents choose from', () => {
    const orders = forms.map((f) => (f.data as unknown as { order?: number }).order)
    expect(orders.every((o) => typeof o === 'number')).toBe(true)
    expect(new Set(orders).size).toBe(orders.length)
  })
})

describe('every counter form says what the resident wants to do (its purposes)', () => {
  it('form-purposes.json is valid and its ids unique', () => {
    expect(purposesProblems(purposesFile)).toEqual([])
    expect(purposesProblems({ purposes: [purposes[0], purposes[0]] })).toContain(`field /purposes/1/id: "${purposes[0]!.id}" is used twice`)
    expect(purposesProblems({ purposes: [{ id: 'x', label: { ja: 'x', en: 'x' } }] })).toContain("field /purposes/0/label/ja-easy: must have required property 'ja-easy'")
  })

  it('a form without purposes is refused by the schema, naming the field', () => {
    const { purposes: _p, ...rest } = forms[0]!.data as Record<string, unknown>
    expect(() => assertForm(rest, `${forms[0]!.file}`)).toThrow(/field \/purposes: must have required property 'purposes'/)
    expect(formReferenceProblems([{ file: 'x', data: { counter: counters[0], bring: ['identity-document'] } }], counters, items, purposes).get('x')).toEqual([
      'field /purposes: must name at least one purpose from src/content/form-purposes.json',
    ])
  })

  it('an unknown purpose is named with its file and field', () => {
    const broken = { file: 'src/content/forms/x.v1.json', data: { counter: counters[0], bring: ['identity-document'], purposes: ['moving', 'time-travel'] } }
    expect(formReferenceProblems([broken], counters, items, purposes).get('src/content/forms/x.v1.json')).toEqual([
      'field /purposes/1: "time-travel" is not a purpose in src/content/form-purposes.json',
    ])
  })

  it('every shipped form is listed under a heading, and everyday words find the right form', () => {
    const all = forms.map((f) => f.data as unknown as FormDefinition)
    const groups = groupByPurpose(all, purposes)
    expect(groups.every((g) => g.purpose)).toBe(true)
    expect(groups.flatMap((g) => g.forms).length).toBe(all.length)
    expect(searchForms(all, purposes, 'ひっこし', 'ja')[0]?.id).toBe('jumin-ido')
    expect(searchForms(all, purposes, 'ﾋｯｺｼ', 'ja-easy')[0]?.id).toBe('jumin-ido')
    expect(searchForms(all, purposes, 'はんこ', 'ja').map((f) => f.id).sort()).toEqual(['inkan-shomei', 'inkan-toroku'])
    expect(searchForms(all, purposes, 'Moving', 'en')[0]?.id).toBe('jumin-ido')
  })
})
