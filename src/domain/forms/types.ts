import type { Language, Localized } from '../language'
import type { BankAccountAnswer } from './bankAccount'
import type { OfficeUse } from './officeUse'

export type FieldType = 'text' | 'kana' | 'date' | 'postalCode' | 'address' | 'phone' | 'select' | 'radio' | 'checkbox' | 'number' | 'bankAccount' | 'group'

/** Which piece of わたしの情報 fills a field (ワンスオンリー). */
export type ProfileKey = 'name' | 'kana' | 'birthDate' | 'postalCode' | 'address' | 'phone'

export interface ChoiceOption {
  value: string
  label: Localized
}

/** Show a field only when another field of the same level has this value. */
export interface ShowIf {
  field: string
  equals: string | boolean
}

interface FieldBase {
  id: string
  label: Localized
  hint?: Localized
  required?: boolean
  profile?: ProfileKey
  showIf?: ShowIf
}

/**
 * A fixed shape a text answer must have, checked by a shared rule in `formats.ts` (never by a
 * special case on one form). The answer is still carried as text in the QR code.
 * - `residenceCard`: 在留カード番号, 2 letters + 8 digits + 2 letters (AB12345678CD).
 */
export type TextFormat = 'residenceCard'

export interface TextField extends FieldBase {
  type: 'text' | 'kana' | 'address'
  maxLength: number
  format?: TextFormat
}
export interface SimpleField extends FieldBase {
  type: 'date' | 'postalCode' | 'phone'
}
export interface ChoiceField extends FieldBase {
  type: 'select' | 'radio'
  options: ChoiceOption[]
}
/** Without options a single yes/no box (`true`/`false`); with options several boxes (string[]). */
export interface CheckboxField extends FieldBase {
  type: 'checkbox'
  options?: ChoiceOption[]
}
export interface NumberField extends FieldBase {
  type: 'number'
  min: number
  max: number
}
/**
 * A bank account a payment goes to: 金融機関コード・名, 支店コード・名, 種目, 口座番号, 口座名義（カナ）
 * as one answer (`BankAccountAnswer`, see bankAccount.ts). `required` means every part.
 */
export interface BankAccountField extends FieldBase {
  type: 'bankAccount'
}
export interface GroupField extends FieldBase {
  type: 'group'
  min: number
  max: number
  /** 「1人目」: `{n}` is replaced by the item number. */
  itemLabel: Localized
  fields: LeafField[]
}

export type LeafField = TextField | SimpleField | ChoiceField | CheckboxField | NumberField | BankAccountField
export type Field = LeafField | GroupField

export interface FormDefinition {
  id: string
  version: number
  /** Position in the list residents choose from (smaller first). */
  order?: number
  /** The title in each language; `ja` is what the counter staff see and print. */
  title: Localized
  description: Localized
  /** The counter that receives it (an id in municipality.json; required in the form files). */
  counter?: string
  /** What to bring with it (ids in src/content/items.json; required in the form files). */
  bring?: string[]
  /** What the resident wants to do (ids of FormPurpose; required in the form files). The first is the heading it is listed under. */
  purposes?: string[]
  /** Everyday words residents search with, per language (ja words are searched in ja-easy too). */
  keywords?: Partial<Record<Language, string[]>>
  /** 職員記入欄: what the staff-only box holds (every shipped form names it; see officeUse.ts). */
  officeUse?: OfficeUse
  fields: Field[]
}

export type AnswerValue = string | boolean | string[] | number | null | AnswerItem[] | BankAccountAnswer
export type { BankAccountAnswer }
export type AnswerItem = Record<string, AnswerValue>
export type Answers = Record<string, AnswerValue>
