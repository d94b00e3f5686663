/**
 * Seeded random answers for every field type, shared by the codec, hidden-field and fuzz tests
 * (and scripts/fuzz.ts). Hidden fields get values too: nothing here looks at `showIf`.
 */
import type { AnswerItem, AnswerValue, Field } from '../../src/domain/forms/types'

/** A small deterministic PRNG, so a failure can be replayed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32)
}

export const HARD = ['𠮷', '髙', '﨑', '𩸽', '葛󠄀', '😀', 'é', 'か\u3099', '　', '-', 'ー', 'ヴ', 'Ａ', '〒', '①', '\u{E0100}', 'a', '9', '漢', 'ﾊﾞ']

export function randomText(r: () => number, max: number): string {
  const n = Math.floor(r() * Math.min(max, 30))
  let out = ''
  while ([...out].length < n) {
    const pick = r()
    const piece = pick < 0.4 ? HARD[Math.floor(r() * HARD.length)]! : pick < 0.7 ? String.fromCodePoint(0x4e00 + Math.floor(r() * 0x5000)) : String.fromCodePoint(0x3041 + Math.floor(r() * 0xb0))
    if ([...out + piece].length > n) break
    out += piece
  }
  return out
}

export function randomValue(r: () => number, field: Field): AnswerValue {
  switch (field.type) {
    case 'text':
    case 'kana':
    case 'address':
      return randomText(r, field.maxLength)
    case 'postalCode':
    case 'phone':
      return r() < 0.2 ? '' : String(Math.floor(r() * 1e10)).padStart(10, '0')
    case 'date':
      return r() < 0.2 ? '' : new Date(Date.UTC(1868, 0, 1) + Math.floor(r() * 60000) * 86_400_000).toISOString().slice(0, 10)
    case 'select':
    case 'radio':
      return r() < 0.2 ? '' : field.options[Math.floor(r() * field.options.length)]!.value
    case 'checkbox':
      return field.options ? field.options.filter(() => r() < 0.5).map((o) => o.value) : r() < 0.5
    case 'number':
      return r() < 0.2 ? null : field.min + Math.floor(r() * (field.max - field.min + 1))
    case 'group':
      return Array.from({ length: Math.floor(r() * (field.max + 1)) }, () => randomItem(r, field.fields))
  }
}

export const randomItem = (r: () => number, fields: Field[]): AnswerItem => Object.fromEntries(fields.map((f) => [f.id, randomValue(r, f)]))
