/**
 * The QR payload codec (書かない窓口). See SPEC.md beside this file for the format.
 * Every part is decimal digits only, so a handheld scanner typing keystrokes through any IME,
 * keyboard layout or Caps Lock state delivers it unchanged.
 */
import { isIsoDate } from '../dates/wareki'
import type { AnswerItem, AnswerValue, Answers, Field, FormDefinition } from '../forms/types'
import { visibleAnswers } from '../forms/validate'
import { ACCOUNT_KINDS, bankAccountOf, bankAccountProblem, isBankAccountEmpty, isBankAccountShape, normalizeBankAccount, type BankAccountAnswer } from '../forms/bankAccount'
import { BitReader, BitWriter } from './bits'
import { bytesToDigits, crc32, digitsToBytes } from './digits'
import { readText, writeText } from './text'

export const MAGIC = '41'
export const FORMAT_VERSION = 1
/** Digits one QR code of version 25 holds in numeric mode at error correction M. */
export const QR_V25_M_NUMERIC_DIGITS = 2395
const HEADER_DIGITS = 2 + 1 + 1 + 1 + 4
const CHECK_DIGITS = 6
const MAX_PARTS = 9

export type PayloadErrorCode = 'not-yorisoi' | 'damaged' | 'incomplete' | 'mixed' | 'unknown-form' | 'newer-format'

export interface PayloadError {
  ok: false
  code: PayloadErrorCode
  /** For `incomplete`: which part numbers were read, of how many. */
  received?: number[]
  total?: number
  /** For `unknown-form`. */
  formId?: string
  formVersion?: number
}

export interface DecodedApplication {
  ok: true
  formId: string
  formVersion: number
  form: FormDefinition
  answers: Answers
}

export class PayloadEncodeError extends Error {}

const EPOCH = Date.UTC(1868, 0, 1)
const DAY = 86_400_000
const widthFor = (n: number) => Math.max(1, Math.ceil(Math.log2(n + 1)))

function writeFields(w: BitWriter, fields: Field[], level: AnswerItem, path: string): void {
  for (const field of fields) {
    const value = level[field.id]
    const at = `${path}${field.id}`
    const bad = () => new PayloadEncodeError(`${at}: ${JSON.stringify(value)} is not a valid ${field.type} answer`)
    switch (field.type) {
      case 'text':
      case 'kana':
      case 'address':
      case 'postalCode':
      case 'phone':
        if (value !== undefined && value !== null && typeof value !== 'string') throw bad()
        writeText(w, value ?? '')
        break
      case 'date':
        if (value === undefined || value === null || value === '') w.write(0, 1)
        else if (isIsoDate(value) && Date.parse(`${value}T00:00:00Z`) >= EPOCH) {
          w.write(1, 1)
          w.write((Date.parse(`${value}T00:00:00Z`) - EPOCH) / DAY, 17)
        } else throw bad()
        break
      case 'select':
      case 'radio': {
        const index = value === undefined || value === null || value === '' ? 0 : field.options.findIndex((o) => o.value === value) + 1
        if (index === 0 && value !== undefined && value !== null && value !== '') throw bad()
        w.write(index, widthFor(field.options.length))
        break
      }
      case 'checkbox':
        if (!field.options) {
          if (value !== undefined && value !== null && typeof value !== 'boolean') throw bad()
          w.write(value ? 1 : 0, 1)
        } else {
          const chosen = value ?? []
          if (!Array.isArray(chosen) || chosen.some((v) => !field.options!.some((o) => o.value === v))) throw bad()
          for (const o of field.options) w.write((chosen as string[]).includes(o.value) ? 1 : 0, 1)
        }
        break
      case 'number':
        if (value === undefined || value === null || value === '') w.write(0, 1)
        else if (typeof value === 'number' && Number.isInteger(value) && value >= field.min && value <= field.max) {
          w.write(1, 1)
          w.writeVarint(value - field.min)
        } else throw bad()
        break
      case 'bankAccount': {
        // 0 = no account; 1 = codes and number as binary numbers (their widths are fixed), names as text
        if (value === undefined || value === null || value === '' || (isBankAccountShape(value) && isBankAccountEmpty(value))) {
          w.write(0, 1)
          break
        }
        if (!isBankAccountShape(value)) throw bad()
        const problem = bankAccountProblem(value)
        if (problem) throw new PayloadEncodeError(`${at}.${problem.part}: not a valid bank account part (${problem.code})`)
        const a = normalizeBankAccount(value)
        w.write(1, 1)
        w.write(Number(a.bankCode), 14)
        writeText(w, a.bankName)
        w.write(Number(a.branchCode), 10)
        writeText(w, a.branchName)
        w.write((ACCOUNT_KINDS as readonly string[]).indexOf(a.kind) + 1, 2)
        w.write(Number(a.number), 24)
        writeText(w, a.holder)
        break
      }
      case 'group': {
        const items = value ?? []
        if (!Array.isArray(items) || items.length > field.max) throw bad()
        w.write(items.length, widthFor(field.max))
        ;(items as AnswerItem[]).forEach((item, i) => writeFields(w, field.fields, item, `${at}.${i}.`))
        break
      }
    }
  }
}

function readFields(r: BitReader, fields: Field[]): AnswerItem {
  const out: AnswerItem = {}
  for (const field of fields) {
    let value: AnswerValue
    switch (field.type) {
      case 'text':
      case 'kana':
      case 'address':
      case 'postalCode':
      case 'phone':
        value = readText(r)
        break
      case 'date':
        value = r.read(1) ? new Date(EPOCH + r.read(17) * DAY).toISOString().slice(0, 10) : ''
        break
      case 'select':
      case 'radio': {
        const index = r.read(widthFor(field.options.length))
        if (index > field.options.length) throw new RangeError('no such option')
        value = index === 0 ? '' : field.options[index - 1]!.value
        break
      }
      case 'checkbox':
        value = field.options ? field.options.filter(() => r.read(1) === 1).map((o) => o.value) : r.read(1) === 1
        break
      case 'number':
        value = r.read(1) ? field.min + r.readVarint() : null
        if (typeof value === 'number' && value > field.max) throw new RangeError('number out of range')
        break
      case 'bankAccount': {
        if (!r.read(1)) {
          value = bankAccountOf({})
          break
        }
        const bankCode = r.read(14)
        const bankName = readText(r)
        const branchCode = r.read(10)
        const branchName = readText(r)
        const kind = r.read(2)
        const number = r.read(24)
        const holder = readText(r)
        if (bankCode > 9999 || branchCode > 999 || kind === 0 || number > 9_999_999) throw new RangeError('not a bank account')
        const account: BankAccountAnswer = {
          bankCode: String(bankCode).padStart(4, '0'),
          bankName,
          branchCode: String(branchCode).padStart(3, '0'),
          branchName,
          kind: ACCOUNT_KINDS[kind - 1]!,
          number: String(number).padStart(7, '0'),
          holder,
        }
        value = account
        break
      }
      case 'group': {
        const count = r.read(widthFor(field.max))
        if (count > field.max) throw new RangeError('too many items')
        value = Array.from({ length: count }, () => readFields(r, field.fields))
        break
      }
    }
    out[field.id] = value
  }
  return out
}

export interface EncodeOptions {
  /** Most digits in one QR code (default: version 25 at level M). Smaller values split sooner. */
  maxDigitsPerPart?: number
}

/**
 * The application as one or more digit strings, one per QR code. Answers are written by field
 * position in the form definition, never by label. A field its `showIf` hides is written empty
 * whatever the draft holds (`visibleAnswers`), so no caller can send what the resident removed.
 * Throws PayloadEncodeError on an answer that does not fit its field (validate first).
 */
export function encodePayload(form: FormDefinition, answers: Answers, options: EncodeOptions = {}): string[] {
  const w = new BitWriter()
  writeText(w, form.id)
  w.writeVarint(form.version)
  writeFields(w, form.fields, visibleAnswers(form, answers), '')
  const content = w.toBytes()
  const check = crc32(content)
  const bytes = new Uint8Array(content.length + 4)
  bytes.set(content)
  new DataView(bytes.buffer).setUint32(content.length, check)
  const body = bytesToDigits(bytes)

  const room = (options.maxDigitsPerPart ?? QR_V25_M_NUMERIC_DIGITS) - HEADER_DIGITS - CHECK_DIGITS
  const count = Math.ceil(body.length / room)
  if (count > MAX_PARTS) throw new PayloadEncodeError(`the application needs ${count} codes; at most ${MAX_PARTS} are allowed`)
  const size = Math.ceil(body.length / count)
  const tag = String(check % 10_000).padStart(4, '0')
  return Array.from({ length: count }, (_, i) => {
    const head = `${MAGIC}${FORMAT_VERSION}${i + 1}${count}${tag}${body.slice(i * size, (i + 1) * size)}`
    return head + String(crc32(head) % 10 ** CHECK_DIGITS).padStart(CHECK_DIGITS, '0')
  })
}

export interface PartInfo {
  ok: true
  index: number
  count: number
  tag: string
  body: string
  digits: string
}

/** What a scanner or a paste delivered, as digits: full-width digits and whitespace are forgiven. */
export function cleanScan(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]+/g, '')
}

/** Reads one part's header and check digits. */
export function inspectPart(text: string): PartInfo | PayloadError {
  const digits = cleanScan(text)
  if (!/^\d+$/.test(digits) || !digits.startsWith(MAGIC) || digits.length < HEADER_DIGITS + CHECK_DIGITS) {
    // a truncated Yorisoi code still starts with the magic and the format digit
    if (/^\d+$/.test(digits) && digits.startsWith(`${MAGIC}${FORMAT_VERSION}`) && digits.length >= 3) return { ok: false, code: 'damaged' }
    return { ok: false, code: 'not-yorisoi' }
  }
  const version = Number(digits[2])
  if (version > FORMAT_VERSION) return { ok: false, code: 'newer-format' }
  if (version < 1) return { ok: false, code: 'not-yorisoi' }
  const head = digits.slice(0, -CHECK_DIGITS)
  if (String(crc32(head) % 10 ** CHECK_DIGITS).padStart(CHECK_DIGITS, '0') !== digits.slice(-CHECK_DIGITS)) return { ok: false, code: 'damaged' }
  const index = Number(digits[3])
  const count = Number(digits[4])
  if (count < 1 || index < 1 || index > count) return { ok: false, code: 'damaged' }
  return { ok: true, index, count, tag: digits.slice(5, 9), body: head.slice(HEADER_DIGITS), digits }
}

/** Parts in any order (duplicates are fine) → the application, or why not. */
export function decodePayload(parts: string[], forms: FormDefinition[]): DecodedApplication | PayloadError {
  if (parts.length === 0) return { ok: false, code: 'incomplete', received: [], total: undefined }
  const infos: PartInfo[] = []
  for (const part of parts) {
    const info = inspectPart(part)
    if (!info.ok) return info
    infos.push(info)
  }
  const first = infos[0]!
  if (infos.some((p) => p.tag !== first.tag || p.count !== first.count)) return { ok: false, code: 'mixed' }
  const byIndex = new Map<number, PartInfo>()
  for (const p of infos) {
    const seen = byIndex.get(p.index)
    if (seen && seen.digits !== p.digits) return { ok: false, code: 'mixed' }
    byIndex.set(p.index, p)
  }
  if (byIndex.size < first.count) return { ok: false, code: 'incomplete', received: [...byIndex.keys()].sort(), total: first.count }

  const body = Array.from({ length: first.count }, (_, i) => byIndex.get(i + 1)!.body).join('')
  const bytes = digitsToBytes(body)
  if (!bytes || bytes.length < 5) return { ok: false, code: 'damaged' }
  const content = bytes.subarray(0, bytes.length - 4)
  const check = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4)
  if (crc32(content) !== check || String(check % 10_000).padStart(4, '0') !== first.tag) return { ok: false, code: 'damaged' }

  try {
    const r = new BitReader(content)
    const formId = readText(r)
    const formVersion = r.readVarint()
    const form = forms.find((f) => f.id === formId && f.version === formVersion)
    if (!form) return { ok: false, code: 'unknown-form', formId, formVersion }
    const answers = readFields(r, form.fields)
    if (r.remainingNonZero()) return { ok: false, code: 'damaged' }
    return { ok: true, formId, formVersion, form, answers }
  } catch {
    return { ok: false, code: 'damaged' }
  }
}
