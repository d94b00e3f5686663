import type { BitReader, BitWriter } from './bits'

/**
 * Text as a sequence of Unicode code points, each with a short prefix that picks a range:
 *   0   + 7 bits   U+0000–U+007F   ASCII (digits, Latin letters, hyphens)
 *   10  + 8 bits   U+3000–U+30FF   Japanese punctuation, hiragana, katakana
 *   110 + 15 bits  U+4E00–U+CDFF   common CJK ideographs (all 常用漢字 and most names)
 *   111 + 21 bits  any code point  rare kanji (𠮷 𩸽), variation selectors, emoji, marks
 * A kana costs 10 bits against UTF-8's 24; a kanji 18 against 24. Text is kept exactly as typed
 * (no normalisation), so 﨑 stays 﨑 and 葛󠄀 keeps its variation selector.
 */
export function writeText(w: BitWriter, text: string): void {
  const points = [...text].map((c) => c.codePointAt(0)!)
  w.writeVarint(points.length)
  for (const cp of points) {
    if (cp < 0x80) {
      w.write(0, 1)
      w.write(cp, 7)
    } else if (cp >= 0x3000 && cp <= 0x30ff) {
      w.write(0b10, 2)
      w.write(cp - 0x3000, 8)
    } else if (cp >= 0x4e00 && cp <= 0xcdff) {
      w.write(0b110, 3)
      w.write(cp - 0x4e00, 15)
    } else {
      w.write(0b111, 3)
      w.write(cp, 21)
    }
  }
}

export function readText(r: BitReader): string {
  const length = r.readVarint()
  if (length > 10_000) throw new RangeError('text too long')
  let out = ''
  for (let i = 0; i < length; i++) {
    let cp: number
    if (r.read(1) === 0) cp = r.read(7)
    else if (r.read(1) === 0) cp = 0x3000 + r.read(8)
    else if (r.read(1) === 0) cp = 0x4e00 + r.read(15)
    else cp = r.read(21)
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new RangeError('not a code point')
    out += String.fromCodePoint(cp)
  }
  return out
}
