/**
 * The counter form list, organised by what the resident wants to do, and searched by everyday
 * words. Pure: callers pass the forms and the purposes (src/content/form-purposes.json).
 *
 * Matching folds both sides with `foldForSearch` (the same folding the class schedule search
 * uses): hiragana ⇄ katakana, half-/full-width, upper/lower case. Furigana markup is searched
 * both as written (引っ越し) and as read (ひっこし).
 */
import { isJapanese, type Language, type Localized } from '../language'
import { foldForSearch } from '../text/normalize'
import { rubyToPlain, rubyToReading } from '../text/ruby'
import type { FormDefinition } from './types'

/** A heading of the form list: 「証明書がほしい」「引っ越した・引っ越す」… */
export interface FormPurpose {
  id: string
  label: Localized
}

export interface PurposeGroup {
  /** Undefined for forms whose purpose is unknown (the content check refuses them; kept so no form is ever hidden). */
  purpose: FormPurpose | undefined
  forms: FormDefinition[]
}

/**
 * Each form once, under its first purpose, groups in the purposes' order, forms in the order
 * given. Purposes without forms are left out.
 */
export function groupByPurpose(forms: readonly FormDefinition[], purposes: readonly FormPurpose[]): PurposeGroup[] {
  const known = new Set(purposes.map((p) => p.id))
  const groups: PurposeGroup[] = purposes.map((purpose) => ({ purpose, forms: forms.filter((f) => f.purposes?.[0] === purpose.id) }))
  const rest = forms.filter((f) => !f.purposes?.[0] || !known.has(f.purposes[0]))
  if (rest.length) groups.push({ purpose: undefined, forms: rest })
  return groups.filter((g) => g.forms.length > 0)
}

/** The languages whose text a resident using `lang` may type: ja-easy readers type Japanese too. */
const searched = (lang: Language): Language[] => (lang === 'ja-easy' ? ['ja-easy', 'ja'] : isJapanese(lang) || lang === 'en' ? [lang] : [lang, 'en'])

/**
 * How much a match in each place counts. A keyword the town wrote that equals the word typed is
 * the strongest sign (「ひっこし」 is 住民異動届's word, even if the dog form's title says 引っ越し);
 * then the title, part of a keyword, the purpose label, the description.
 */
const WEIGHT = { exactKeyword: 5, title: 4, keyword: 3, purpose: 2, description: 1 } as const

function folded(text: string): string {
  const plain = foldForSearch(rubyToPlain(text))
  const read = foldForSearch(rubyToReading(text))
  return read === plain ? plain : `${plain} ${read}`
}

interface Haystack {
  title: string
  keywords: string[]
  purpose: string
  description: string
}

function haystack(form: FormDefinition, purposes: ReadonlyMap<string, FormPurpose>, lang: Language): Haystack {
  const langs = searched(lang)
  // the official Japanese name is on every counter sign and letter: findable in every language
  const titles = [...langs.map((l) => form.title[l]), form.title.ja]
  return {
    title: folded(titles.join(' ')),
    keywords: langs.flatMap((l) => form.keywords?.[l] ?? []).map(folded),
    purpose: folded(
      (form.purposes ?? [])
        .map((id) => purposes.get(id))
        .flatMap((p) => (p ? langs.map((l) => p.label[l]) : []))
        .join(' '),
    ),
    description: folded(langs.map((l) => form.description[l]).join(' ')),
  }
}

/** The folded words of a query; empty when it has none. */
export function queryWords(query: string): string[] {
  return foldForSearch(query).split(' ').filter(Boolean)
}

/** How well one form matches every word (0 = some word matches nothing). */
function score(hay: Haystack, words: readonly string[]): number {
  let total = 0
  for (const w of words) {
    let best = 0
    for (const k of hay.keywords) {
      if (k.split(' ').includes(w)) best = Math.max(best, WEIGHT.exactKeyword)
      else if (k.includes(w)) best = Math.max(best, WEIGHT.keyword)
    }
    if (best < WEIGHT.title && hay.title.includes(w)) best = WEIGHT.title
    if (!best && hay.purpose.includes(w)) best = WEIGHT.purpose
    if (!best && hay.description.includes(w)) best = WEIGHT.description
    if (!best) return 0
    total += best
  }
  return total
}

/**
 * Forms matching every word of the query in the resident's language (title, official Japanese
 * name, everyday keywords, purpose labels, description), best first; ties keep the given order.
 * An empty query matches nothing (the caller shows the grouped list instead).
 */
export function searchForms(forms: readonly FormDefinition[], purposes: readonly FormPurpose[], query: string, lang: Language): FormDefinition[] {
  const words = queryWords(query)
  if (!words.length) return []
  const byId = new Map(purposes.map((p) => [p.id, p]))
  return forms
    .map((form, i) => ({ form, i, s: score(haystack(form, byId, lang), words) }))
    .filter((r) => r.s > 0)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((r) => r.form)
}
