/**
 * What the resident checked is what the counter receives, and nothing typed can act on a clerk's
 * PC: the staff side checks decoded answers with the resident side's rules, invisible characters
 * are stripped at input and shown when they arrive, 在留カード番号 has a shared format rule, every
 * text input has a length limit, and dates read in the resident's language.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findForm } from '../../src/domain/forms'
import type { AnswerItem, Answers, Field, FormDefinition, LeafField, TextField } from '../../src/domain/forms/types'
import { PROBLEM_CODES, normalizeAnswer, receivedProblems, validateAnswers } from '../../src/domain/forms/validate'
import { applicationCsv, applicationJson, presentApplication, presentProblems, presentValue } from '../../src/domain/forms/present'
import { INPUT_LIMITS, inputMaxLength } from '../../src/domain/forms/formats'
import { hasInvisible, revealInvisible, stripInvisible } from '../../src/domain/text/invisible'
import { formatDateFor } from '../../src/domain/dates/wareki'
import { decodePayload, encodePayload, type DecodedApplication } from '../../src/domain/payload'
import { REFERENCE_JUMIN_IDO } from '../fixtures/reference-application'
import { loadForms } from '../../src/content/registry'

const forms = await loadForms()
const ido = findForm(forms, 'jumin-ido', 1)!
const persons = (a: Answers) => a.persons as AnswerItem[]
const field = (form: FormDefinition, path: string): LeafField => {
  const [a, , c] = path.split('.')
  const top = form.fields.find((f) => f.id === a)!
  return (c ? (top as { fields: LeafField[] }).fields.find((f) => f.id === c)! : top) as LeafField
}
const withPerson = (i: number, patch: AnswerItem): Answers => {
  const answers = structuredClone(REFERENCE_JUMIN_IDO)
  Object.assign(persons(answers)[i]!, patch)
  return answers
}

describe('invisible characters', () => {
  it('「山田 \\u202E子花」 no longer displays as 「山田 花子」: the override is written out', () => {
    const name = field(ido, 'persons.0.name')
    expect(presentValue(name, '山田 \u202E子花')).toBe('山田 ⟨U+202E⟩子花')
    const shown = presentApplication(ido, withPerson(0, { name: '山田 \u202E子花' }), 'ja')
    expect(JSON.stringify(shown)).toContain('山田 ⟨U+202E⟩子花')
    expect(JSON.stringify(shown)).not.toContain('\u202E')
  })

  it('input loses bidi overrides and isolates, zero-width and other format characters, C0 and C1 controls', () => {
    const nasty = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF', '\u00AD', '\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u009B', '\u{E0001}', '\u{E0041}', '\uFFF9']
    for (const c of nasty) {
      expect(hasInvisible(`山${c}田`), `U+${c.codePointAt(0)!.toString(16)}`).toBe(true)
      expect(stripInvisible(`山${c}田`)).toMatch(/^山 ?田$/)
    }
    // tabs and line breaks from a paste become one space, not nothing
    expect(stripInvisible('見本県\r\nサンプル市\t本町')).toBe('見本県 サンプル市 本町')
  })

  it('keeps the variation selectors real names need (葛󠄀 with U+E0100, U+FE00–FE0F) and every ordinary character', () => {
    for (const keep of ['葛󠄀飾', '辻\uFE00', '邉\u{E01EF}', '髙橋 﨑子', '𠮷野', 'グエン ヴァン アン', 'é', 'か\u3099', '　', '😀']) {
      expect(hasInvisible(keep)).toBe(false)
      expect(stripInvisible(keep)).toBe(keep)
      expect(revealInvisible(keep)).toBe(keep)
    }
  })

  it('validation reports one as `invisible`, in every text-like field, and normalizeAnswer removes it', () => {
    const answers = withPerson(0, { name: '山田 \u202E子花' })
    answers.newPostalCode = '123\u00004567'
    answers.newAddress = '見本県\u200Bサンプル市'
    expect(validateAnswers(ido, answers).filter((p) => p.code === 'invisible').map((p) => p.path)).toEqual(['newPostalCode', 'newAddress', 'persons.0.name'])
    expect(normalizeAnswer(field(ido, 'persons.0.name'), '山田 \u202E子花')).toBe('山田 子花')
  })

  it('exports: CSV shows them written out, JSON escapes them as \\uXXXX and still parses to the same data', () => {
    const answers = withPerson(0, { name: '山田 \u202E子花' })
    const csv = applicationCsv(ido, answers)
    expect(csv).toContain('山田 ⟨U+202E⟩子花')
    expect(csv.slice(1)).not.toMatch(/[\u202E\uFEFF]/)
    const json = applicationJson(ido, answers, 'now')
    expect(json).not.toContain('\u202E')
    expect(json).toContain('\\u202e')
    expect(JSON.parse(json).answers.persons[0].name).toBe('山田 \u202E子花')
  })
})

describe('the CSV export cannot run a formula on the clerk\'s PC', () => {
  it('an address typed as 「=HYPERLINK(…)」 or 「＋1」 arrives as text (a leading apostrophe)', () => {
    const answers = structuredClone(REFERENCE_JUMIN_IDO)
    answers.newAddress = '=HYPERLINK("http://example.com","x")'
    answers.oldAddress = '＋cmd|\' /C calc\'!A0'
    answers.newAddressExtra = '@SUM(1+1)'
    const csv = applicationCsv(ido, answers)
    expect(csv).toContain(`newAddress,新しい住所,"'=HYPERLINK(""http://example.com"",""x"")","'=HYPERLINK(""http://example.com"",""x"")"`)
    expect(csv).toContain(`,"'＋cmd|' /C calc'!A0",`)
    expect(csv).toContain(`,"'@SUM(1+1)",`)
    for (const line of csv.slice(1).split('\r\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@＝＋＠]/)
  })
})

describe('the staff screen checks what it reads', () => {
  /** A code the real encoder makes from answers that break the rules (encodePayload does not validate). */
  function forged(): DecodedApplication {
    const answers = withPerson(0, { kana: '=HYPERLINK("http://x","y")', name: '' })
    answers.newPostalCode = '123\u00004567'
    answers.newAddress = 'あ'.repeat(5000)
    answers.phone = ''
    const noShowIf = { ...ido, fields: ido.fields.map((f) => (f.type === 'group' ? { ...f, fields: f.fields.map(({ showIf: _drop, ...rest }) => rest as LeafField) } : f)) }
    // a code from before hidden fields were emptied: 国籍 of an unticked person travels
    persons(answers)[1]!.nationality = 'どこか'
    const decoded = decodePayload(encodePayload(noShowIf as FormDefinition, answers), forms) as DecodedApplication
    expect(decoded.ok).toBe(true)
    return decoded
  }

  it('a correctly check-summed code with NUL, 5,000 characters, empty required fields, a formula in kana and a hidden value: every problem, named', () => {
    const app = forged()
    const problems = receivedProblems(app.form, app.answers).map((p) => `${p.path}:${p.code}`)
    expect(problems).toEqual(expect.arrayContaining(['newPostalCode:invisible', 'newAddress:tooLong', 'phone:required', 'persons.0.name:required', 'persons.0.kana:kana', 'persons.1.nationality:hidden']))
    const shown = presentProblems(app.form, app.answers)
    expect(shown.find((p) => p.path === 'persons.1.nationality')).toMatchObject({ code: 'hidden', label: '異動する人 2人目 国籍・地域' })
    expect(shown.find((p) => p.path === 'newPostalCode')).toMatchObject({ code: 'invisible', label: '新しい住所の郵便番号', chars: '⟨U+0000⟩' })
    expect(shown.find((p) => p.path === 'newAddress')).toMatchObject({ code: 'tooLong', limit: 80 })
    // and the hidden value itself is neither shown nor exported
    expect(JSON.stringify(presentApplication(app.form, app.answers))).not.toContain('どこか')
    expect(applicationCsv(app.form, app.answers)).not.toContain('どこか')
  })

  it('the reference application has no problem at all', () => {
    const app = decodePayload(encodePayload(ido, REFERENCE_JUMIN_IDO), forms) as DecodedApplication
    expect(receivedProblems(app.form, app.answers)).toEqual([])
  })
})

describe('在留カード番号: a format in the form data, one shared rule', () => {
  const card = field(ido, 'persons.3.residenceCard') as TextField
  it('is declared as data in jumin-ido.v1.json', () => {
    expect(card.format).toBe('residenceCard')
  })
  it('2 letters, 8 digits, 2 letters: 「AB1234567CD」 (11 characters) and other shapes are refused', () => {
    for (const bad of ['AB1234567CD', 'AB123456789C', '1234567890AB', 'ABCD12345678', 'AB12345678C1', 'AB12-345678X', 'ＡＢ１２３４５６７８Ｃ']) {
      expect(validateAnswers(ido, withPerson(3, { residenceCard: bad })).map((p) => `${p.path}:${p.code}`), bad).toContain('persons.3.residenceCard:residenceCard')
    }
  })
  it('lower case and full width are accepted, stored and shown upper case', () => {
    for (const typed of ['ab12345678cd', 'ＡＢ１２３４５６７８ＣＤ', 'ａｂ１２３４５６７８ｃｄ', 'Ab12345678cD']) {
      expect(validateAnswers(ido, withPerson(3, { residenceCard: typed })), typed).toEqual([])
      expect(normalizeAnswer(card, typed)).toBe('AB12345678CD')
      expect(presentValue(card, typed)).toBe('AB12345678CD')
    }
    const shown = presentApplication(ido, withPerson(3, { residenceCard: 'ab12345678cd' }))
    expect(JSON.stringify(shown)).toContain('AB12345678CD')
  })
  it('travels as text exactly as before: a code made without the format decodes with it', () => {
    const plain = { ...ido, fields: ido.fields.map((f) => (f.type === 'group' ? { ...f, fields: f.fields.map(({ ...rest }) => ({ ...rest, format: undefined }) as LeafField) } : f)) }
    const answers = withPerson(3, { residenceCard: 'ab12345678cd' })
    expect(encodePayload(plain as FormDefinition, answers)).toEqual(encodePayload(ido, answers))
    const decoded = decodePayload(encodePayload(plain as FormDefinition, answers), forms) as DecodedApplication
    expect(persons(decoded.answers)[3]!.residenceCard).toBe('ab12345678cd')
  })
})

describe('every text input has a length limit', () => {
  const leaves = (fields: Field[]): LeafField[] => fields.flatMap((f) => (f.type === 'group' ? f.fields : [f]))
  it.each(forms.map((f) => [`${f.id} v${f.version}`, f] as const))('%s: each text, kana, address, postal code, phone and number input has a maxlength', (_n, form) => {
    for (const f of leaves(form.fields)) {
      if (['text', 'kana', 'address'].includes(f.type)) expect(inputMaxLength(f)).toBe((f as TextField).maxLength)
      else if (['postalCode', 'phone', 'number'].includes(f.type)) expect(inputMaxLength(f), f.id).toBeGreaterThan(0)
    }
  })
  it('fixed limits leave room for what residents really type, no more', () => {
    expect('〒１２３－４５６７'.length).toBeLessThanOrEqual(INPUT_LIMITS.postalCode)
    expect('（０３）１２３４－５６７８'.length).toBeLessThanOrEqual(INPUT_LIMITS.phone)
    expect(INPUT_LIMITS).toMatchObject({ year: 4, month: 2, day: 2 })
  })
  it('validation still rejects an over-long value that arrives another way', () => {
    const answers = structuredClone(REFERENCE_JUMIN_IDO)
    answers.newAddress = 'あ'.repeat(81)
    answers.newPostalCode = '123-45678'
    answers.phone = '090-1234-5678-9999'
    expect(validateAnswers(ido, answers).map((p) => `${p.path}:${p.code}`)).toEqual(['newPostalCode:postalCode', 'newAddress:tooLong', 'phone:phone'])
  })
})

describe('dates in the resident\'s language', () => {
  it('English: 「20 July 1990 (Heisei 2)」; the first year of an era is 1', () => {
    expect(formatDateFor('1990-07-20', 'en')).toBe('20 July 1990 (Heisei 2)')
    expect(formatDateFor('2019-05-01', 'en')).toBe('1 May 2019 (Reiwa 1)')
    expect(formatDateFor('1900-01-02', 'en')).toBe('2 January 1900')
    expect(presentValue(field(ido, 'moveDate'), '1990-07-20', 'en')).toBe('20 July 1990 (Heisei 2)')
  })
  it('ja and ja-easy keep the Japanese form; the staff side stays Japanese', () => {
    expect(formatDateFor('1990-07-20', 'ja')).toBe('平成2年（1990年）7月20日')
    expect(formatDateFor('1990-07-20', 'ja-easy')).toBe('平成2年（1990年）7月20日')
    expect(presentValue(field(ido, 'moveDate'), '1990-07-20')).toBe('平成2年（1990年）7月20日')
  })
})

describe('every problem code has words', () => {
  const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'))
  it.each(['ja', 'ja-easy', 'en'])('%s: counter.errors.<code> for the resident and staff.problems.<code> for the counter', (lang) => {
    const counter = read(`src/features/counter/locales/${lang}.json`).errors
    const staff = read(`src/features/staff/locales/${lang}.json`).problems
    for (const code of PROBLEM_CODES) {
      expect(counter[code], `counter ${code}`).toBeTruthy()
      expect(staff[code], `staff ${code}`).toBeTruthy()
    }
  })
})
