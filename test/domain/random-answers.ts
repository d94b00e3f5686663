/**
 * Seeded random answers for every field type, shared by the codec, hidden-field and fuzz tests
 * (and scripts/fuzz.ts). Hidden fields get values too: nothing here looks at `showIf`.
 */
import type { AnswerItem, AnswerValue, Field } from '../../src/domain/forms/types'
import { ACCOUNT_KINDS, emptyBankAccount } from '../../src/domain/forms/bankAccount'

/** A small deterministic PRNG, so a failure can be replayed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32)
}

export const HARD = ['𠮷', '髙', '﨑', '𩸽', '葛󠄀', '😀', 'é', 'か\u3099', '　', '-', 'ー', 'ヴ', 'Ａ', '〒', '①', '\u{E0100}', 'a', '9', '漢', 'ﾊﾞ']

export function randomText(r: () => number, max: number): string {
  const n = Math.floor(r() * Math.min(max, 30))
  let out = ''
  while ([...out].length < n) {
    const pick = r()
    const piece = pick < 0.4 ? HARD[Math.floor(r() * HARD.length)]! : pick < 0.7 ? String.fromCodePoint(0x4e00 + Math.floor(r() * 0x5000)) : String.fromCodePoint(0x3041 + Math.floor(r() * 0xb0))
    if ([...out + piece].length > n) break
    out += piece
  }
  return out
}

export function randomValue(r: () => number, field: Field): AnswerValue {
  switch (field.type) {
    case 'text':
    case 'kana':
    case 'address':
      return randomText(r, field.maxLength)
    case 'postalCode':
    case 'phone':
      return r() < 0.2 ? '' : String(Math.floor(r() * 1e10)).padStart(10, '0')
    case 'date':
      return r() < 0.2 ? '' : new Date(Date.UTC(1868, 0, 1) + Math.floor(r() * 60000) * 86_400_000).toISOString().slice(0, 10)
    case 'select':
    case 'radio':
      return r() < 0.2 ? '' : field.options[Math.floor(r() * field.options.length)]!.value
    case 'checkbox':
      return field.options ? field.options.filter(() => r() < 0.5).map((o) => o.value) : r() < 0.5
    case 'number':
      return r() < 0.2 ? null : field.min + Math.floor(r() * (field.max - field.min + 1))
    case 'bankAccount':
      return r() < 0.2 ? emptyBankAccount() : randomBankAccount(r)
    case 'group':
      return Array.from({ length: Math.floor(r() * (field.max + 1)) }, () => randomItem(r, field.fields))
  }
}

export const randomItem = (r: () => number, fields: Field[]): AnswerItem => Object.fromEntries(fields.map((f) => [f.id, randomValue(r, f)]))

const KATAKANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポァィゥェォッャュョヴー'
const KANA_FIRST = KATAKANA.replace('ー', '')
const digits = (r: () => number, n: number) => Array.from({ length: n }, () => String(Math.floor(r() * 10))).join('')

/** A complete, valid account (as `normalizeBankAccount` leaves one): names of any text, 名義 in katakana with the allowed marks. */
export function randomBankAccount(r: () => number): AnswerValue {
  const name = () => randomText(r, 30).trim() || '銀行'
  // the first letter is a kana, never ー: a holder like 「ー」 or 「ーー」 is no name (isAccountHolder wants a kana)
  const holderChars = Array.from({ length: 1 + Math.floor(r() * 40) }, (_, i) => (i > 0 && r() < 0.1 ? '\u3000（）．'[Math.floor(r() * 4)]! : (i === 0 ? KANA_FIRST : KATAKANA)[Math.floor(r() * (i === 0 ? KANA_FIRST : KATAKANA).length)]!))
  return {
    bankCode: digits(r, 4),
    bankName: name().replace(/[ \u3000]+/g, ''),
    branchCode: digits(r, 3),
    branchName: name().replace(/[ \u3000]+/g, ''),
    kind: ACCOUNT_KINDS[Math.floor(r() * ACCOUNT_KINDS.length)]!,
    number: digits(r, 7),
    holder: holderChars.join('').replace(/\u3000+/g, '\u3000').replace(/\u3000$/, 'ア'),
  }
}
