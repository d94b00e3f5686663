/**
 * Shapes a text field may be given with `format` in its form definition. Each format says how an
 * answer is tidied (what the resident sees and what is stored) and when it is right. The
 * resident's form, the check page, the staff screen and validation all use these.
 */
import { toHalfWidthAscii } from '../text/normalize'
import type { LeafField, TextFormat } from './types'

export interface TextFormatRule {
  /** The answer as stored and shown. */
  normalize: (text: string) => string
  /** Whether a normalised answer has the shape. */
  test: (normalized: string) => boolean
}

export const TEXT_FORMATS: Record<TextFormat, TextFormatRule> = {
  // 在留カード番号: 英字2桁＋数字8桁＋英字2桁 (出入国在留管理庁「在留カード等番号失効情報照会」の入力形式).
  // Full-width letters and digits, lower case and spaces are forgiven; it is stored upper case.
  residenceCard: {
    normalize: (text) => toHalfWidthAscii(text).replace(/[\s-]+/g, '').toUpperCase(),
    test: (text) => /^[A-Z]{2}[0-9]{8}[A-Z]{2}$/.test(text),
  },
}

/**
 * The `maxlength` of a field's input, so nobody can type more than the form allows: text, kana
 * and address from the form's maxLength; fixed room for the rest (〒１２３－４５６７ is 9
 * characters, （０３）１２３４－５６７８ 14). Validation still rejects an over-long value that
 * arrives another way (a forged code, an old draft). The attribute counts UTF-16 units and
 * validation code points, so the attribute is never the looser of the two.
 */
export const INPUT_LIMITS = { postalCode: 10, phone: 20, year: 4, month: 2, day: 2 } as const

export function inputMaxLength(field: LeafField): number | undefined {
  switch (field.type) {
    case 'text':
    case 'kana':
    case 'address':
      return field.maxLength
    case 'postalCode':
      return INPUT_LIMITS.postalCode
    case 'phone':
      return INPUT_LIMITS.phone
    case 'number':
      return Math.max(String(field.max).length, String(field.min).length)
    default:
      return undefined
  }
}
