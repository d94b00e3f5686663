/**
 * Furigana markup for やさしい日本語: `{漢字|かんじ}`. In vue-i18n messages, where `{ } |` are
 * syntax, the same markup is written with full-width characters: `｛漢字｜かんじ｝` (what a
 * Japanese IME types anyway). Both parse to the same segments; the UI renders them as
 * <ruby>漢字<rp>（</rp><rt>かんじ</rt><rp>）</rp></ruby> without v-html.
 */
export type RubySegment = { text: string; ruby?: string }

/**
 * Marks the next character as plain text for the parser. Private-use, so it never occurs in
 * real text; the parser drops it, so it never reaches the screen, a title or speech.
 */
const LITERAL = '\uE000'
const MARKUP = /[{}|｛｜｝\uE000]/g

/**
 * Text from data (the open-data CSV, a resident's answer): its braces and bars are shown as
 * they are and never read as furigana, even when it is put inside a translated message.
 */
export function rubyLiteral(text: string): string {
  return text.replace(MARKUP, (c) => LITERAL + c)
}

/** Text whose furigana markup is meant: the town's own content (guides, forms). */
export class RubyMarkup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}
export const withFurigana = (text: string): RubyMarkup => new RubyMarkup(text)

/**
 * The values put into a translated message (named or list): every string is made literal
 * (data can never create ruby); only values wrapped with `withFurigana` keep their markup.
 * Numbers and other values pass unchanged. The i18n set-up applies this to every `t()`.
 */
export function interpolationValues<T>(values: T): T {
  const one = (v: unknown) => (typeof v === 'string' ? rubyLiteral(v) : v instanceof RubyMarkup ? v.text : v)
  if (Array.isArray(values)) return values.map(one) as T
  if (values && typeof values === 'object' && Object.getPrototypeOf(values) === Object.prototype) {
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, one(v)])) as T
  }
  return values
}

const OPEN = new Set(['{', '｛'])
const BAR = new Set(['|', '｜'])
const CLOSE = new Set(['}', '｝'])

/**
 * Splits text into plain runs and base/reading pairs. A brace that does not open a complete
 * `{base|reading}` pair is kept as text, so text without furigana passes through unchanged.
 * Nested braces inside a base are not markup: `{{漢字|かんじ}}` keeps the outer braces as text.
 */
export function parseRuby(input: string): RubySegment[] {
  const segments: RubySegment[] = []
  let plain = ''
  const chars = Array.from(input)
  let i = 0
  while (i < chars.length) {
    const ch = chars[i]!
    if (ch === LITERAL) {
      plain += chars[i + 1] ?? ''
      i += 2
      continue
    }
    if (OPEN.has(ch)) {
      const pair = readPair(chars, i + 1)
      if (pair) {
        if (plain) segments.push({ text: plain })
        plain = ''
        segments.push({ text: pair.base, ruby: pair.reading })
        i = pair.end
        continue
      }
    }
    plain += ch
    i++
  }
  if (plain) segments.push({ text: plain })
  return segments
}

function readPair(chars: string[], start: number): { base: string; reading: string; end: number } | null {
  let base = ''
  let i = start
  while (i < chars.length && !BAR.has(chars[i]!)) {
    if (OPEN.has(chars[i]!) || CLOSE.has(chars[i]!)) return null
    if (chars[i] === LITERAL) i++
    base += chars[i] ?? ''
    i++
  }
  if (i >= chars.length || base.trim() === '') return null
  i++ // the bar
  let reading = ''
  while (i < chars.length && !CLOSE.has(chars[i]!)) {
    if (OPEN.has(chars[i]!) || BAR.has(chars[i]!)) return null
    if (chars[i] === LITERAL) i++
    reading += chars[i] ?? ''
    i++
  }
  if (i >= chars.length || reading.trim() === '') return null
  return { base, reading, end: i + 1 }
}

/** The text as read: readings instead of kanji (for speech in ja-easy). */
export function rubyToReading(input: string): string {
  return parseRuby(input)
    .map((s) => s.ruby ?? s.text)
    .join('')
}

/** The text as written: kanji only (for titles, attributes, search). */
export function rubyToPlain(input: string): string {
  return parseRuby(input)
    .map((s) => s.text)
    .join('')
}
