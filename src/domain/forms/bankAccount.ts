/**
 * The bank account a payment goes to (児童手当, 葬祭費, 出産育児一時金…): one field type with its
 * parts as real application forms have them — 金融機関コード (4 digits) and name, 支店コード
 * (3 digits) and name, 種目 (普通/当座/貯蓄), 口座番号 (7 digits) and 口座名義 in katakana.
 *
 * ゆうちょ銀行 (金融機関コード 9900): its passbook's 記号 (5 digits) and 番号 (up to 8 digits)
 * are not asked for. Like the 全銀 transfer forms, the resident writes the account as other
 * banks transfer to it — 店名 (e.g. 〇一八), 店番 (3 digits) and a 7-digit 口座番号 — which
 * fit the same parts; the form's hint says so.
 */
import { hasInvisible, stripInvisible } from '../text/invisible'
import { toHalfWidthAscii, toKatakana } from '../text/normalize'
import type { Language } from '../language'

export const BANK_PARTS = ['bankCode', 'bankName', 'branchCode', 'branchName', 'kind', 'number', 'holder'] as const
export type BankPart = (typeof BANK_PARTS)[number]
export type BankAccountAnswer = Record<BankPart, string>

/** 預金種目, in the order forms list them; the index (+1) is what the QR code carries. */
export const ACCOUNT_KINDS = ['futsu', 'toza', 'chochiku'] as const
export type AccountKind = (typeof ACCOUNT_KINDS)[number]

/** Longest names allowed (金融機関名, 支店名: the longest 信用金庫/農協 names fit; 名義: a long foreign name). */
export const BANK_NAME_MAX = 30
export const ACCOUNT_HOLDER_MAX = 60
/** Digits in each code. A shorter 口座番号 is written right-aligned on paper forms (右詰め): it gets leading zeros. */
export const BANK_DIGITS = { bankCode: 4, branchCode: 3, number: 7 } as const

/** Plain labels for the staff replica, CSV and the check page (the resident's inputs have their own, with furigana). */
export const BANK_PART_LABELS: Record<Language, Record<BankPart, string>> = {
  ja: { bankCode: '金融機関コード', bankName: '金融機関名', branchCode: '支店コード', branchName: '支店名', kind: '預金種目', number: '口座番号', holder: '口座名義（カナ）' },
  'ja-easy': { bankCode: '銀行の番号', bankName: '銀行の名前', branchCode: '支店の番号', branchName: '支店の名前', kind: '種類', number: '口座番号', holder: '口座の名前（カタカナ）' },
  en: { bankCode: 'Bank code', bankName: 'Bank name', branchCode: 'Branch code', branchName: 'Branch name', kind: 'Account type', number: 'Account number', holder: 'Account holder (katakana)' },
  'zh-Hans': { bankCode: '金融机构代码', bankName: '金融机构名称', branchCode: '支行代码', branchName: '支行名称', kind: '存款种类', number: '账号', holder: '户名（片假名）' },
  vi: { bankCode: 'Mã ngân hàng', bankName: 'Tên ngân hàng', branchCode: 'Mã chi nhánh', branchName: 'Tên chi nhánh', kind: 'Loại tài khoản', number: 'Số tài khoản', holder: 'Tên chủ tài khoản (katakana)' },
  ko: { bankCode: '금융기관 코드', bankName: '금융기관명', branchCode: '지점 코드', branchName: '지점명', kind: '예금 종류', number: '계좌번호', holder: '예금주 (가타카나)' },
  tl: { bankCode: 'Code ng bangko', bankName: 'Pangalan ng bangko', branchCode: 'Code ng sangay', branchName: 'Pangalan ng sangay', kind: 'Uri ng account', number: 'Numero ng account', holder: 'Pangalan ng may-ari ng account (katakana)' },
  ne: { bankCode: 'बैंक कोड', bankName: 'बैंकको नाम', branchCode: 'शाखा कोड', branchName: 'शाखाको नाम', kind: 'खाताको प्रकार', number: 'खाता नम्बर', holder: 'खातावालाको नाम (काताकाना)' },
  id: { bankCode: 'Kode bank', bankName: 'Nama bank', branchCode: 'Kode cabang', branchName: 'Nama cabang', kind: 'Jenis rekening', number: 'Nomor rekening', holder: 'Nama pemilik rekening (katakana)' },
  'pt-BR': { bankCode: 'Código do banco', bankName: 'Nome do banco', branchCode: 'Código da agência', branchName: 'Nome da agência', kind: 'Tipo de conta', number: 'Número da conta', holder: 'Titular da conta (katakana)' },
  my: { bankCode: 'ဘဏ်ကုဒ်', bankName: 'ဘဏ်အမည်', branchCode: 'ဘဏ်ခွဲကုဒ်', branchName: 'ဘဏ်ခွဲအမည်', kind: 'အကောင့်အမျိုးအစား', number: 'အကောင့်နံပါတ်', holder: 'အကောင့်ပိုင်ရှင်အမည် (ကတာကာနာ)' },
}
export const ACCOUNT_KIND_LABELS: Record<Language, Record<AccountKind, string>> = {
  ja: { futsu: '普通', toza: '当座', chochiku: '貯蓄' },
  'ja-easy': { futsu: '普通', toza: '当座', chochiku: '貯蓄' },
  en: { futsu: 'Ordinary', toza: 'Current', chochiku: 'Savings' },
  'zh-Hans': { futsu: '普通存款', toza: '活期支票存款', chochiku: '储蓄存款' },
  vi: { futsu: 'Thông thường', toza: 'Vãng lai', chochiku: 'Tiết kiệm' },
  ko: { futsu: '보통예금', toza: '당좌예금', chochiku: '저축예금' },
  tl: { futsu: 'Ordinary', toza: 'Current', chochiku: 'Savings' },
  ne: { futsu: 'साधारण', toza: 'चल्ती', chochiku: 'बचत' },
  id: { futsu: 'Biasa', toza: 'Giro', chochiku: 'Tabungan' },
  'pt-BR': { futsu: 'Comum', toza: 'Corrente', chochiku: 'Poupança' },
  my: { futsu: 'သာမန်', toza: 'လက်ရှိ', chochiku: 'စုဆောင်း' },
}

export function emptyBankAccount(): BankAccountAnswer {
  return { bankCode: '', bankName: '', branchCode: '', branchName: '', kind: '', number: '', holder: '' }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Whether a stored or decoded value has the shape of an account answer (every part a string). */
export function isBankAccountShape(value: unknown): value is BankAccountAnswer {
  return isObject(value) && BANK_PARTS.every((p) => value[p] === undefined || typeof value[p] === 'string')
}

/** The parts in a fixed order, missing ones empty (a draft or code may lack some). */
export function bankAccountOf(value: unknown): BankAccountAnswer {
  const out = emptyBankAccount()
  if (isObject(value)) for (const p of BANK_PARTS) if (typeof value[p] === 'string') out[p] = value[p] as string
  return out
}

export function isBankAccountEmpty(value: unknown): boolean {
  const account = bankAccountOf(value)
  return BANK_PARTS.every((p) => account[p].trim() === '')
}

/** Digits of either width, without the spaces and hyphens people put between them. */
function codeDigits(text: string): string {
  return toHalfWidthAscii(stripInvisible(text)).replace(/[\s\-‐‑‒–—―−ー－]/g, '')
}

/**
 * 口座名義 as banks hold it: full-width katakana. Hiragana and half-width katakana become
 * full-width katakana; spaces of either width one full-width space; ( ) . and hyphen-like marks
 * their full-width forms （ ） ． ー.
 */
export function normalizeAccountHolder(text: string): string {
  const kana = toKatakana(stripInvisible(text))
  return kana
    .replace(/[(（]/g, '（')
    .replace(/[)）]/g, '）')
    .replace(/[.．。]/g, '．')
    .replace(/[-‐‑‒–—―−－ｰ]/g, 'ー')
}

/** Full-width katakana (with ヴ ヵ ヶ and small kana), ー, a full-width space, （ ） and ．, with at least one kana. */
export function isAccountHolder(text: string): boolean {
  return /^[\u30A1-\u30F6\u30FC\u3000（）．]+$/.test(text) && /[\u30A1-\u30F6]/.test(text)
}

/** The answer as stored and shown: codes and number as half-width digits (口座番号 padded to 7), names trimmed, 名義 in katakana. */
export function normalizeBankAccount(value: unknown): BankAccountAnswer {
  const a = bankAccountOf(value)
  const digits = (text: string, width: number, pad: boolean) => {
    const d = codeDigits(text)
    return pad && /^\d+$/.test(d) && d.length < width ? d.padStart(width, '0') : d
  }
  const tidy = (text: string) => stripInvisible(text).replace(/[ \u3000]+/g, (s) => (s.includes('\u3000') ? '\u3000' : ' ')).trim()
  return {
    bankCode: digits(a.bankCode, BANK_DIGITS.bankCode, false),
    bankName: tidy(a.bankName),
    branchCode: digits(a.branchCode, BANK_DIGITS.branchCode, false),
    branchName: tidy(a.branchName),
    kind: a.kind,
    number: digits(a.number, BANK_DIGITS.number, true),
    holder: normalizeAccountHolder(a.holder),
  }
}

/** What is wrong with one part, as a problem code of its own (the message says what the part needs). */
export type BankProblemCode = 'bankCode' | 'bankName' | 'branchCode' | 'branchName' | 'accountKind' | 'accountNumber' | 'accountHolder'
export const BANK_PROBLEM_CODES: readonly BankProblemCode[] = ['bankCode', 'bankName', 'branchCode', 'branchName', 'accountKind', 'accountNumber', 'accountHolder']
const CODE_OF: Record<BankPart, BankProblemCode> = { bankCode: 'bankCode', bankName: 'bankName', branchCode: 'branchCode', branchName: 'branchName', kind: 'accountKind', number: 'accountNumber', holder: 'accountHolder' }

/**
 * The first part that is missing or wrong, in the form's order, or undefined when the account is
 * complete. (An empty account is the caller's business: required or not.) Checks the value as
 * `normalizeBankAccount` leaves it, so full-width digits, hiragana and a short 口座番号 pass.
 */
export function bankAccountProblem(value: unknown): { part: BankPart; code: BankProblemCode | 'invisible' } | undefined {
  const raw = bankAccountOf(value)
  for (const p of BANK_PARTS) if (hasInvisible(raw[p])) return { part: p, code: 'invisible' }
  const a = normalizeBankAccount(raw)
  const ok: Record<BankPart, boolean> = {
    bankCode: /^\d{4}$/.test(a.bankCode),
    bankName: a.bankName !== '' && [...a.bankName].length <= BANK_NAME_MAX,
    branchCode: /^\d{3}$/.test(a.branchCode),
    branchName: a.branchName !== '' && [...a.branchName].length <= BANK_NAME_MAX,
    kind: (ACCOUNT_KINDS as readonly string[]).includes(a.kind),
    number: /^\d{7}$/.test(a.number),
    holder: isAccountHolder(a.holder) && [...a.holder].length <= ACCOUNT_HOLDER_MAX,
  }
  const part = BANK_PARTS.find((p) => !ok[p])
  return part ? { part, code: CODE_OF[part] } : undefined
}

/** One line for a table cell: 「〇〇銀行（0005） 〇〇支店（123） 普通 0123456 ヤマダ　タロウ」. */
export function bankAccountLine(value: unknown, lang: Language = 'ja'): string {
  const a = bankAccountOf(value)
  if (isBankAccountEmpty(a)) return ''
  const kind = ACCOUNT_KIND_LABELS[lang][a.kind as AccountKind] ?? a.kind
  const named = (name: string, code: string) => (code ? `${name}（${code}）` : name)
  return [named(a.bankName, a.bankCode), named(a.branchName, a.branchCode), kind, a.number, a.holder].filter(Boolean).join(' ')
}

/** Each part as its own line for the staff replica and the CSV (staff copy one part at a time into the core system). */
export function bankAccountParts(value: unknown, lang: Language = 'ja'): { part: BankPart; label: string; value: string }[] {
  const a = bankAccountOf(value)
  return BANK_PARTS.map((part) => ({ part, label: BANK_PART_LABELS[lang][part], value: part === 'kind' ? (ACCOUNT_KIND_LABELS[lang][a.kind as AccountKind] ?? a.kind) : a[part] }))
}
