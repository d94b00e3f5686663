/** The town's own data types. Language and Localized are the domain's (src/domain/language.ts). */
import type { Language, Localized } from '../domain/language'

export interface Counter {
  id: string
  name: Localized
  place: Localized
  hours: Localized
  phone?: string
}

export interface Municipality {
  id: string
  name: Localized
  prefecture: Localized
  logo: string
  mainPhone: string
  website?: string
  defaultLanguage: Language
  /** The languages residents may choose (each must ship complete); every shipped language when absent. */
  languages?: Language[]
  draftRetentionDays: number
  counters: Counter[]
  schedule: {
    csvUrl: string
    allRowsAreClasses: boolean
    keywords: string[]
  }
}
