/**
 * Languages Yorisoi ships, and text in every one of them. Shared by the domain logic, the app and
 * the town's content (which imports these types; the domain never imports content).
 * `ja` is the source; every language is always complete.
 */
export const LANGUAGES = ['ja', 'ja-easy', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** Text in every shipped language. `ja-easy` may carry furigana markup. */
export type Localized = Record<Language, string>
