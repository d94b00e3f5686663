/**
 * Japanese inside text of another language — 「住民票」, “マイナポータル”, a class title from the
 * town's open data — is marked `lang="ja"` where it is shown (WCAG 3.1.2 Language of Parts), so a
 * screen reader reads it as Japanese and the phone picks a Japanese font for it.
 */
import type { Language } from '../language'

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}ー]/u
const HAN = /[\p{Script=Han}々〆]/u
/** Characters that belong to a Japanese phrase: kana, kanji, Japanese punctuation and full-width letters. */
const JAPANESE_RUN = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}ー々〆〜～「」『』【】〔〕、。・（）！？：；＝＋－／　０-９Ａ-Ｚａ-ｚ]+/gu

export interface ScriptRun {
  text: string
  japanese: boolean
}

/**
 * `text` cut into Japanese and other runs. In Chinese, Han characters are Chinese: there a run
 * is Japanese only when it has kana.
 */
export function japaneseRuns(text: string, lang: Language): ScriptRun[] {
  const isJapanese = (run: string): boolean => KANA.test(run) || (lang !== 'zh-Hans' && HAN.test(run))
  const out: ScriptRun[] = []
  let last = 0
  for (const m of text.matchAll(JAPANESE_RUN)) {
    if (!isJapanese(m[0])) continue
    if (m.index > last) out.push({ text: text.slice(last, m.index), japanese: false })
    out.push({ text: m[0], japanese: true })
    last = m.index + m[0].length
  }
  if (last < text.length) out.push({ text: text.slice(last), japanese: false })
  return out
}

/** Whether `text` shows Japanese to a reader of `lang` (for checks: Chinese counts kana only). */
export function hasJapanese(text: string, lang: Language): boolean {
  return japaneseRuns(text, lang).some((r) => r.japanese)
}
