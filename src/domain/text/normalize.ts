/**
 * Normalising what residents type (and what handheld scanners type). Plain functions, no Vue.
 */

/** Full-width ASCII (Ａ-Ｚ, ０-９, ！…) → half-width; the ideographic space → a space. */
export function toHalfWidthAscii(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

/** Every digit, half- or full-width, as 0-9; everything else is dropped. */
export function digitsOnly(text: string): string {
  return toHalfWidthAscii(text).replace(/[^0-9]/g, '')
}

/** Hyphen-like characters a resident or an IME may produce. */
const HYPHENS = /[-‐‑‒–—―−ｰー－﹣⁃]/g

/** Half-width katakana (ｱｲｳ, with ﾞ ﾟ) → full-width. */
const HALF_KANA = 'ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ'
const FULL_KANA = 'ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン'

/**
 * フリガナ as the counter wants it: full-width katakana. Accepts hiragana, katakana (full or
 * half width), spaces of either width (kept as one full-width space between names).
 */
export function toKatakana(text: string): string {
  let out = ''
  const chars = [...text.normalize('NFC')]
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    const half = HALF_KANA.indexOf(c)
    if (half >= 0) {
      let full = FULL_KANA[half]!
      const next = chars[i + 1]
      if (next === 'ﾞ' || next === 'ﾟ') {
        const combined = (full + (next === 'ﾞ' ? '\u3099' : '\u309A')).normalize('NFC')
        if (combined.length === 1) {
          full = combined
          i++
        }
      }
      out += full
    } else if (c >= 'ぁ' && c <= 'ゖ') {
      out += String.fromCharCode(c.charCodeAt(0) + 0x60)
    } else if (c === 'ゝ' || c === 'ゞ') {
      out += String.fromCharCode(c.charCodeAt(0) + 0x60)
    } else {
      out += c
    }
  }
  return out.replace(/[ \u3000]+/g, '\u3000').trim()
}

/** True when the text is katakana (with ー, ・ and spaces) only, after toKatakana. */
export function isKatakana(text: string): boolean {
  return /^[\u30A1-\u30FA\u30FC\u30FD\u30FE\u30FB\u3000]+$/.test(text)
}

/** 〒 postal code: any width, any hyphen → `123-4567`; undefined when it is not 7 digits. */
export function normalizePostalCode(text: string): string | undefined {
  const digits = digitsOnly(text.replace(HYPHENS, ''))
  if (digits.length !== 7 || toHalfWidthAscii(text).replace(HYPHENS, '').replace(/[\s〒]/g, '').replace(/\d/g, '') !== '') return undefined
  return `${digits.slice(0, 3)}-${digits.slice(3)}`
}

/** A phone number: any width, any hyphen or brackets → digits and hyphens; undefined if not 10–11 digits. */
export function normalizePhone(text: string): string | undefined {
  const half = toHalfWidthAscii(text).replace(HYPHENS, '-').replace(/[()\s]/g, (c) => (c === ' ' ? '' : '-'))
  if (/[^0-9-]/.test(half)) return undefined
  const digits = half.replace(/-/g, '')
  if (digits.length < 10 || digits.length > 11 || !digits.startsWith('0')) return undefined
  return half.replace(/-+/g, '-').replace(/^-|-$/g, '')
}

/** Trims and folds runs of spaces, keeping the text otherwise exactly as typed (rare kanji, variation selectors). */
export function tidyText(text: string): string {
  return text.replace(/[ \u3000]+/g, (s) => (s.includes('\u3000') ? '\u3000' : ' ')).trim()
}

/**
 * Text folded for searching: half-width katakana and full-width letters and digits to one width
 * (NFKC), katakana to hiragana, upper to lower case, runs of spaces to one. 「ﾏｲﾅ」「まいな」
 * 「マイナ」 and 「ＬＩＮＥ」「line」 then fold to the same text. For comparing only, never for showing.
 */
export function foldForSearch(text: string): string {
  return withoutLatinMarks(text)
    .normalize('NFKC')
    .replace(/[\u30A1-\u30F6\u30FD\u30FE]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Accents off Latin letters (「qua đời」 → 「qua doi」, 「pensão」 → 「pensao」): many residents type
 * Vietnamese or Portuguese without them. Only marks on Latin letters go: Japanese dakuten
 * (が) and other scripts' marks stay.
 */
export function withoutLatinMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, '$1')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC')
}
