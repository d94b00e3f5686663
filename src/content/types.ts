/** Languages Yorisoi ships. `ja` is the source; every one is always complete. */
export const LANGUAGES = ['ja', 'ja-easy', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** Text in every shipped language. `ja-easy` may carry furigana markup. */
export type Localized = Record<Language, string>

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
  draftRetentionDays: number
  counters: Counter[]
  schedule: {
    csvUrl: string
    allRowsAreClasses: boolean
    keywords: string[]
  }
}
