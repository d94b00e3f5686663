import { sameInEveryLanguage, withAddedFromEnglish } from '../../src/domain/language'
import { describe, expect, it } from 'vitest'
import { bankAccountProblem, emptyBankAccount, isAccountHolder, normalizeAccountHolder, normalizeBankAccount, type BankAccountAnswer } from '../../src/domain/forms/bankAccount'
import type { Answers, FormDefinition } from '../../src/domain/forms/types'
import { emptyAnswers, normalizeAnswer, validateAnswers, visibleAnswers } from '../../src/domain/forms/validate'
import { applicationCsvRows, presentApplication, presentProblems, presentValue } from '../../src/domain/forms/present'
import { inspectDraft } from '../../src/domain/forms/drafts'
import { PayloadEncodeError, decodePayload, encodePayload, type DecodedApplication } from '../../src/domain/payload'
import { BitWriter } from '../../src/domain/payload/bits'
import { bytesToDigits, crc32 } from '../../src/domain/payload/digits'
import { writeText } from '../../src/domain/payload/text'
import { randomItem, rng } from './random-answers'

const L = (ja: string) => sameInEveryLanguage(ja)
/** A payment form in the shape 児童手当・葬祭費 forms have: an account at the top level and one per item of a group. */
const form: FormDefinition = {
  id: 'test-bank',
  version: 1,
  title: L('テスト申請書'),
  description: L('テスト'),
  fields: [
    { id: 'name', type: 'text', label: L('氏名'), required: true, maxLength: 30 },
    { id: 'account', type: 'bankAccount', label: L('振込先口座'), required: true },
    { id: 'other', type: 'checkbox', label: L('別の口座') },
    { id: 'second', type: 'bankAccount', label: L('別の振込先'), showIf: { field: 'other', equals: true } },
    { id: 'kids', type: 'group', label: L('子'), min: 0, max: 3, itemLabel: L('{n}人目'), fields: [{ id: 'account', type: 'bankAccount', label: L('口座') }] },
  ],
}
const account: BankAccountAnswer = { bankCode: '0005', bankName: '三菱ＵＦＪ銀行', branchCode: '001', branchName: '本店', kind: 'futsu', number: '0012345', holder: 'ヤマダ　タロウ' }
const answers = (a: Partial<BankAccountAnswer>, extra: Answers = {}): Answers => ({ ...emptyAnswers(form), name: '山田太郎', account: { ...account, ...a }, ...extra })
const problem = (a: Partial<BankAccountAnswer>) => validateAnswers(form, answers(a)).map((p) => `${p.path}:${p.code}:${p.part ?? ''}`)

describe('bank account: normalisation', () => {
  it('codes and number: full-width digits, spaces and hyphens forgiven; a short 口座番号 is right-aligned with zeros (右詰め)', () => {
    expect(normalizeBankAccount({ ...account, bankCode: '０００５', branchCode: '０ ０１', number: '１２３４５' })).toMatchObject({ bankCode: '0005', branchCode: '001', number: '0012345' })
    expect(normalizeBankAccount({ ...account, number: '123-4567' }).number).toBe('1234567')
    // codes are never padded: a 3-digit 金融機関コード is a mistake, not a short code
    expect(normalizeBankAccount({ ...account, bankCode: '5', branchCode: '1' })).toMatchObject({ bankCode: '5', branchCode: '1' })
    // letters are left for validation to report, not padded away
    expect(normalizeBankAccount({ ...account, number: '12a' }).number).toBe('12a')
  })

  it('名義: hiragana and half-width katakana become full-width katakana; spaces, brackets, dots and dashes their full-width forms', () => {
    expect(normalizeAccountHolder('やまだ たろう')).toBe('ヤマダ　タロウ')
    expect(normalizeAccountHolder('ﾔﾏﾀﾞ  ﾀﾛｳ')).toBe('ヤマダ　タロウ')
    expect(normalizeAccountHolder('ｶ)ﾖﾘｿｲ')).toBe('カ）ヨリソイ')
    expect(normalizeAccountHolder('(ｶ)ﾖﾘｿｲ.ｺｰﾋｰ')).toBe('（カ）ヨリソイ．コーヒー')
    expect(normalizeAccountHolder('すみす-じょん')).toBe('スミスージョン')
    expect(normalizeAnswer({ id: 'a', type: 'bankAccount', label: L('a') }, { ...account, holder: 'やまだ　はなこ', number: '７' })).toMatchObject({ holder: 'ヤマダ　ハナコ', number: '0000007' })
  })

  it('名義: katakana with the usual marks only', () => {
    for (const ok of ['ヤマダ　タロウ', 'カ）ヨリソイ', 'ヴアン．ジヨン', 'グエン　ヴァン　アン']) expect(isAccountHolder(ok), ok).toBe(true)
    for (const bad of ['山田太郎', 'YAMADA TARO', 'ヤマダ@', '（）', '　', '']) expect(isAccountHolder(bad), bad).toBe(false)
  })
})

describe('bank account: validation', () => {
  it('a complete account passes, with full-width digits, hiragana and a short number as typed', () => {
    expect(problem({})).toEqual([])
    expect(problem({ bankCode: '０００５', number: '12345', holder: 'やまだ たろう' })).toEqual([])
  })

  it('names the first part that is missing or wrong, in the form order', () => {
    expect(problem({ bankCode: '005' })).toEqual(['account:bankCode:bankCode'])
    expect(problem({ bankCode: '00050' })).toEqual(['account:bankCode:bankCode'])
    expect(problem({ bankCode: 'ABCD' })).toEqual(['account:bankCode:bankCode'])
    expect(problem({ bankName: '' })).toEqual(['account:bankName:bankName'])
    expect(problem({ bankName: 'あ'.repeat(31) })).toEqual(['account:bankName:bankName'])
    expect(problem({ branchCode: '01' })).toEqual(['account:branchCode:branchCode'])
    expect(problem({ branchName: '' })).toEqual(['account:branchName:branchName'])
    expect(problem({ kind: '' })).toEqual(['account:accountKind:kind'])
    expect(problem({ kind: 'teiki' })).toEqual(['account:accountKind:kind'])
    expect(problem({ number: '12345678' })).toEqual(['account:accountNumber:number'])
    expect(problem({ number: '' })).toEqual(['account:accountNumber:number'])
    expect(problem({ holder: 'Yamada Taro' })).toEqual(['account:accountHolder:holder'])
    expect(problem({ holder: 'ア'.repeat(61) })).toEqual(['account:accountHolder:holder'])
    expect(problem({ bankCode: '', holder: '' })).toEqual(['account:bankCode:bankCode'])
    expect(problem({ branchName: '本店\u202E' })).toEqual(['account:invisible:branchName'])
  })

  it('required: an empty account is `required`; optional: empty passes, half-filled names its first gap', () => {
    expect(validateAnswers(form, { ...answers({}), account: emptyBankAccount() }).map((p) => p.code)).toEqual(['required'])
    expect(validateAnswers(form, { ...answers({}), account: '' }).map((p) => p.code)).toEqual(['required'])
    expect(validateAnswers(form, answers({}, { other: true, second: emptyBankAccount() }))).toEqual([])
    expect(validateAnswers(form, answers({}, { other: true, second: { ...emptyBankAccount(), bankCode: '9900' } })).map((p) => `${p.path}:${p.code}`)).toEqual(['second:bankName'])
    expect(validateAnswers(form, answers({}, { kids: [{ account: { ...account, number: 'x' } }] })).map((p) => `${p.path}:${p.code}`)).toEqual(['kids.0.account:accountNumber'])
  })

  it('ゆうちょ銀行 is entered as other banks transfer to it: 9900, a 3-digit 店番 and a 7-digit number pass', () => {
    expect(problem({ bankCode: '9900', bankName: 'ゆうちょ銀行', branchCode: '018', branchName: '〇一八', number: '1234567' })).toEqual([])
    // the passbook's 記号 (5 digits) and 番号 (8 digits) do not fit, and say so
    expect(problem({ bankCode: '9900', branchCode: '10180' })).toEqual(['account:branchCode:branchCode'])
    expect(problem({ bankCode: '9900', number: '12345671' })).toEqual(['account:accountNumber:number'])
  })

  it('a stored draft whose account is not an object is damaged, not opened', () => {
    const row = { id: 'd1', formId: form.id, formVersion: 1, answers: { ...answers({}), account: 'ゆうちょ 10180-12345671' }, updatedAt: 1 }
    expect(inspectDraft(row, [form])).toMatchObject({ ok: false, damage: 'badAnswer', field: 'account' })
    expect(inspectDraft({ ...row, answers: answers({}) }, [form]).ok).toBe(true)
  })
})

describe('bank account: QR payload', () => {
  const roundTrip = (a: Answers) => decodePayload(encodePayload(form, a), [form]) as DecodedApplication

  it('round-trips an account exactly, leading zeros kept, digits only', () => {
    const parts = encodePayload(form, answers({}))
    expect(parts.join('')).toMatch(/^\d+$/)
    const decoded = roundTrip(answers({}))
    expect(decoded.ok).toBe(true)
    expect(decoded.answers.account).toEqual(account)
    expect(roundTrip(answers({ bankCode: '0001', branchCode: '000', number: '0000001', kind: 'chochiku' })).answers.account).toMatchObject({ bankCode: '0001', branchCode: '000', number: '0000001', kind: 'chochiku' })
    expect(roundTrip(answers({ bankCode: '9999', branchCode: '999', number: '9999999', kind: 'toza' })).answers.account).toMatchObject({ bankCode: '9999', branchCode: '999', number: '9999999', kind: 'toza' })
  })

  it('encodes the normalised account (what the resident saw after leaving the field)', () => {
    expect(roundTrip(answers({ bankCode: '０００５', number: '12345', holder: 'やまだ たろう' })).answers.account).toEqual(account)
  })

  it('an empty or hidden account travels as one bit and comes back empty', () => {
    const a = answers({}, { other: false, second: { ...account } })
    const decoded = roundTrip(a)
    expect(decoded.answers.second).toEqual(emptyBankAccount())
    expect(decoded.answers).toEqual(visibleAnswers(form, a))
  })

  it('round-trips 300 random applications (accounts at the top level and in groups)', () => {
    const r = rng(20261128)
    for (let i = 0; i < 300; i++) {
      const a = randomItem(r, form.fields) as Answers
      const decoded = decodePayload(encodePayload(form, a), [form]) as DecodedApplication
      expect(decoded.ok).toBe(true)
      expect(decoded.answers).toEqual(visibleAnswers(form, a))
    }
  })

  it('refuses to encode an account with a wrong part (validate first)', () => {
    expect(() => encodePayload(form, answers({ number: '12345678' }))).toThrow(PayloadEncodeError)
    expect(() => encodePayload(form, answers({ kind: '' }))).toThrow(/account\.kind/)
    expect(() => encodePayload(form, { ...answers({}), account: 'not an object' })).toThrow(PayloadEncodeError)
  })

  it('a forged code with an impossible account (種目 0, a 5-digit code) is damaged', () => {
    const forged = (kind: number, bankCode: number) => {
      const w = new BitWriter()
      writeText(w, form.id)
      w.writeVarint(1)
      writeText(w, '山田')
      w.write(1, 1)
      w.write(bankCode, 14)
      writeText(w, '銀行')
      w.write(1, 10)
      writeText(w, '本店')
      w.write(kind, 2)
      w.write(1, 24)
      writeText(w, 'ヤマダ')
      w.write(0, 1 + 1 + 2) // account(second) hidden flag, other, kids count (widths: checkbox 1, bankAccount 1, group 2)
      const content = w.toBytes()
      const bytes = new Uint8Array(content.length + 4)
      bytes.set(content)
      const check = crc32(content)
      new DataView(bytes.buffer).setUint32(content.length, check)
      const head = `41111${String(check % 10_000).padStart(4, '0')}${bytesToDigits(bytes)}`
      return head + String(crc32(head) % 1e6).padStart(6, '0')
    }
    expect(decodePayload([forged(1, 5)], [form]).ok).toBe(true)
    expect(decodePayload([forged(0, 5)], [form])).toMatchObject({ ok: false, code: 'damaged' })
    expect(decodePayload([forged(1, 12345)], [form])).toMatchObject({ ok: false, code: 'damaged' })
  })
})

describe('bank account: staff replica, CSV and problems', () => {
  it('the replica has one row per part (staff copy each into the core system); the check page one line', () => {
    const app = presentApplication(form, answers({}))
    const rows = app.blocks.flatMap((b) => (b.kind === 'row' ? [b.row] : []))
    expect(rows.filter((r) => r.path.startsWith('account.')).map((r) => `${r.label}=${r.value}`)).toEqual([
      '振込先口座 金融機関コード=0005',
      '振込先口座 金融機関名=三菱ＵＦＪ銀行',
      '振込先口座 支店コード=001',
      '振込先口座 支店名=本店',
      '振込先口座 預金種目=普通',
      '振込先口座 口座番号=0012345',
      '振込先口座 口座名義（カナ）=ヤマダ　タロウ',
    ])
    expect(presentValue(form.fields[1] as never, account, 'ja')).toBe('三菱ＵＦＪ銀行（0005） 本店（001） 普通 0012345 ヤマダ　タロウ')
    expect(presentValue(form.fields[1] as never, account, 'en')).toContain('Ordinary')
    expect(presentValue(form.fields[1] as never, emptyBankAccount(), 'ja')).toBe('')
  })

  it('the CSV has one line per part with the code value; accounts in groups too', () => {
    const rows = applicationCsvRows(form, answers({}, { kids: [{ account }] }))
    expect(rows.find((r) => r[0] === 'account.number')).toEqual(['account.number', '振込先口座 口座番号', '0012345', '0012345'])
    expect(rows.find((r) => r[0] === 'account.kind')).toEqual(['account.kind', '振込先口座 預金種目', '普通', 'futsu'])
    expect(rows.find((r) => r[0] === 'kids.1.account.bankCode')).toEqual(['kids.1.account.bankCode', '子 1人目 口座 金融機関コード', '0005', '0005'])
  })

  it('a problem points at the part’s row', () => {
    expect(presentProblems(form, answers({ number: '12' }))).toEqual([])
    expect(presentProblems(form, answers({ number: '12345678' }))).toEqual([{ path: 'account.number', code: 'accountNumber', label: '振込先口座 口座番号' }])
    expect(presentProblems(form, answers({ holder: 'ヤマダ\u202E' }))).toMatchObject([{ path: 'account.holder', code: 'invisible', chars: '⟨U+202E⟩' }])
  })
})
