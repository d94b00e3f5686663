/**
 * Characters that are not seen but act: bidi overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) that make 「山田 \u202E子花」 display as 「山田 花子」, zero-width and other
 * format characters (Unicode category Cf: U+200B–U+200F, U+2060–U+2064, U+FEFF, U+00AD, the
 * tag characters U+E0001–U+E007F …), C0 and C1 controls (Cc), line and paragraph separators
 * (U+2028, U+2029) and lone surrogates.
 *
 * What stays: the variation selectors real names need (U+FE00–FE0F and the ideographic
 * variation selectors U+E0100–E01EF, as in 葛󠄀). They are combining marks (Mn), not Cf, so the
 * pattern below never touches them. The zero-width joiner (U+200D, Cf) is removed too: no
 * Japanese name or address needs it (it only joins emoji), and it is one of the invisible
 * characters a spoofed name could hide in.
 *
 * Residents' input passes through `stripInvisible`; anything that still arrives (a forged or old
 * QR code) is found by `hasInvisible` (a validation problem) and made visible by `revealInvisible`.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu
/** Tabs and line breaks are how a paste from several lines arrives: they become a space, not nothing. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g

export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0
  return INVISIBLE.test(text)
}

/** What a resident typed or pasted, without invisible characters (line breaks and tabs become a space). */
export function stripInvisible(text: string): string {
  return text.replace(BREAKS, ' ').replace(INVISIBLE, '')
}

/** Each invisible character written out as ⟨U+202E⟩, so staff see it and it cannot reorder the text around it. */
export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`)
}

/** The distinct invisible characters in a text, written out (「⟨U+202E⟩」), in order of appearance. */
export function listInvisible(text: string): string[] {
  return [...new Set(text.match(INVISIBLE) ?? [])].map(revealInvisible)
}

/** JSON with every invisible character escaped as \uXXXX: the same data, nothing that acts when the file is opened. */
export function escapeInvisibleInJson(json: string): string {
  // JSON.stringify already escapes C0 controls inside strings, so a raw line feed is layout
  return json.replace(/(?!\n)[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu, (c) => [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''))
}
