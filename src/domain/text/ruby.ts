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
/** A pair or a literal can only start where one of these is. */
const OPENS = /[{｛\uE000]/

/**
 * Splits text into plain runs and base/reading pairs. A brace that does not open a complete
 * `{base|reading}` pair is kept as text, so text without furigana passes through unchanged.
 * Nested braces inside a base are not markup: `{{漢字|かんじ}}` keeps the outer braces as text.
 */
/** Whether the text carries any furigana markup or literal mark at all (most text does not). */
export function hasRubyMarkup(input: string): boolean {
  return OPENS.test(input)
}

export function parseRuby(input: string): RubySegment[] {
  // most text carries no markup at all: one plain run, without walking it character by character
  if (!hasRubyMarkup(input)) return input ? [{ text: input }] : []
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

/**
 * How a text with furigana is laid out in lines: runs of plain text, and "kept" runs that must
 * not be cut at a line end. A browser may break a line on either side of a <ruby> (it is laid
 * out as a box of its own), which left 「見 / て ください」 and 「近 / くの」 on two lines even with
 * `word-break: keep-all`. So each ruby is kept together with the character right before and
 * right after it (not a space, bracket or 、。・): only those two neighbours are held, so a phrase longer than the
 * line can still wrap elsewhere as a last resort.
 */
export type RubyRun = { keep: false; text: string } | { keep: true; parts: RubySegment[] }

/** Brackets and the marks that end a phrase. */
const PUNCTUATION = /^[「『（(【〈《［[」』）)】〉》］\]、。，．・！？]$/u

export function rubyRuns(segments: readonly RubySegment[]): RubyRun[] {
  if (!segments.some((s) => s.ruby)) {
    const text = segments.map((s) => s.text).join('')
    return text ? [{ keep: false, text }] : []
  }
  type Atom = { text: string; ruby?: string }
  const atoms: Atom[] = []
  for (const s of segments) {
    if (s.ruby) atoms.push({ text: s.text, ruby: s.ruby })
    else for (const ch of Array.from(s.text)) atoms.push({ text: ch })
  }
  // Brackets and 、。・ are never held: the line-breaking rules themselves keep an opening bracket
  // before a ruby and a closing one (or 、。・) after it (no line ends after 「（」 or starts with
  // 「）」), and on their other side a line may end, as a phrase ends there. Holding them chained a
  // whole bracketed list into one unbreakable box wider than a phone at 特大:
  // 「（｛基礎年金番号通知書｜…｝・｛年金手帳｜…｝）」 may now break after its 「・」.
  const holdable = (a: Atom | undefined): boolean => !!a && !a.ruby && !/^\s$/u.test(a.text) && !PUNCTUATION.test(a.text)
  // Each ruby with its neighbours, as [from, to] atom ranges; two ranges that share an atom
  // (「｛日｜ひ｝と｛場所｜ばしょ｝」) or touch rubies are one run, as a break between them would
  // fall on a ruby's edge.
  const ranges: [number, number][] = []
  atoms.forEach((a, i) => {
    if (!a.ruby) return
    const from = holdable(atoms[i - 1]) ? i - 1 : i
    const to = holdable(atoms[i + 1]) ? i + 1 : i
    const last = ranges.at(-1)
    if (last && from <= last[1]) last[1] = to
    else ranges.push([from, to])
  })
  const runs: RubyRun[] = []
  const plain = (from: number, to: number): void => {
    const text = atoms.slice(from, to).map((a) => a.text).join('')
    if (text) runs.push({ keep: false, text })
  }
  let next = 0
  for (const [from, to] of ranges) {
    plain(next, from)
    const parts: RubySegment[] = []
    for (const a of atoms.slice(from, to + 1)) {
      const prev = parts.at(-1)
      if (a.ruby) parts.push({ text: a.text, ruby: a.ruby })
      else if (prev && !prev.ruby) prev.text += a.text
      else parts.push({ text: a.text })
    }
    runs.push({ keep: true, parts })
    next = to + 1
  }
  plain(next, atoms.length)
  return runs
}
