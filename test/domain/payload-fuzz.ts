/**
 * A seeded fuzzer for the QR payload decoder, shared by the vitest file (payload.fuzz.test.ts,
 * 20,000+ inputs in `npm test`) and `npm run fuzz` (scripts/fuzz.ts, 200,000+).
 *
 * Inputs are mutations of real encoded applications of every shipped form: digit substitutions,
 * transpositions, deletions, insertions, truncations, parts reordered, duplicated, dropped or
 * taken from another application, random digits, random Unicode, full width, and parts whose
 * own check digits were recomputed after the damage (so only the application CRC stands
 * between them and the bit parser). Two things may never happen:
 * - a crash: decodePayload or inspectPart throws, or returns something other than a result or a
 *   PayloadError with a known code;
 * - a wrong accept: an input decodes ok to anything but exactly the original application
 *   (reordered or repeated parts, full-width digits and spaces are fine and must decode right).
 *   When every part of an input is a genuine part of another application (a part swapped in,
 *   the rest dropped), that application is the original.
 * A last kind, `forgedContent`, changes the application's bytes and recomputes every check (as a
 * forger would): it tests that the bit parser never throws, and a code it makes may decode to
 * another, valid application — counted apart as `acceptedForged`, never as correct — which the
 * staff screen must then present, check and export without throwing.
 */
import type { Answers, FormDefinition } from '../../src/domain/forms/types'
import { MAGIC, FORMAT_VERSION, cleanScan, decodePayload, encodePayload, inspectPart, type DecodedApplication, type PayloadErrorCode } from '../../src/domain/payload'
import { applicationCsv, applicationJson, presentApplication, presentProblems } from '../../src/domain/forms/present'
import { bytesToDigits, crc32, digitsToBytes } from '../../src/domain/payload/digits'
import { randomItem, rng } from './random-answers'

const CODES: PayloadErrorCode[] = ['not-yorisoi', 'damaged', 'incomplete', 'mixed', 'unknown-form', 'newer-format']

export interface FuzzReport {
  inputs: number
  rejected: Record<PayloadErrorCode, number>
  acceptedCorrect: number
  /** forgedContent inputs that parse as some application (what the staff screen's checks are for). */
  acceptedForged: number
  crashes: number
  wrongAccepts: number
  /** The first few failures, to replay. */
  failures: { kind: 'crash' | 'wrong-accept'; mutation: string; parts: string[]; error?: string }[]
  byMutation: Record<string, number>
}

interface Original {
  form: FormDefinition
  parts: string[]
  expected: DecodedApplication
}

/** Real applications of every form, in one part and split into several. */
export function originals(forms: FormDefinition[], seed: number, perForm = 6): Original[] {
  const r = rng(seed)
  const out: Original[] = []
  for (const form of forms) {
    for (let i = 0; i < perForm; i++) {
      const answers = randomItem(r, form.fields) as Answers
      for (const maxDigitsPerPart of [undefined, 400, 180]) {
        let parts: string[]
        try {
          parts = encodePayload(form, answers, maxDigitsPerPart ? { maxDigitsPerPart } : {})
        } catch {
          continue // more than nine parts at this size
        }
        const expected = decodePayload(parts, forms)
        if (!expected.ok) throw new Error(`a fresh ${form.id} code does not decode: ${expected.code}`)
        out.push({ form, parts, expected })
      }
    }
  }
  return out
}

const recheck = (part: string): string => {
  const head = part.slice(0, -6)
  return head + String(crc32(head) % 1_000_000).padStart(6, '0')
}
const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))

function randomUnicode(r: () => number): string {
  const pick = r()
  if (pick < 0.2) return String.fromCharCode(0xd800 + Math.floor(r() * 0x800)) // a lone surrogate
  if (pick < 0.4) return ['\u202E', '\u200B', '\uFEFF', '\u0000', '\n', '\t', '\u3000', '０', '９', 'a', '-', '\u{1F600}', '\u{E0100}'][Math.floor(r() * 13)]!
  return String.fromCodePoint(Math.floor(r() * 0x10ffff + 1) % 0xd800)
}

type Mutation = (parts: string[], r: () => number, other: string[]) => string[]
const at = (r: () => number, n: number) => Math.floor(r() * n)
const onePart = (f: (p: string, r: () => number) => string): Mutation => (parts, r) => {
  const i = at(r, parts.length)
  return parts.map((p, j) => (j === i ? f(p, r) : p))
}

export const MUTATIONS: Record<string, Mutation> = {
  substitute: onePart((p, r) => {
    const i = at(r, p.length)
    return p.slice(0, i) + String((Number(p[i]) + 1 + at(r, 9)) % 10) + p.slice(i + 1)
  }),
  transpose: onePart((p, r) => {
    const i = at(r, p.length - 1)
    return p.slice(0, i) + p[i + 1] + p[i] + p.slice(i + 2)
  }),
  delete: onePart((p, r) => {
    const i = at(r, p.length)
    return p.slice(0, i) + p.slice(i + 1 + (r() < 0.3 ? at(r, 20) : 0))
  }),
  insert: onePart((p, r) => {
    const i = at(r, p.length + 1)
    return p.slice(0, i) + String(at(r, 10)).repeat(r() < 0.3 ? 1 + at(r, 5) : 1) + p.slice(i)
  }),
  truncate: onePart((p, r) => p.slice(0, at(r, p.length))),
  reorder: (parts, r) => [...parts].sort(() => r() - 0.5),
  duplicate: (parts, r) => [...parts, parts[at(r, parts.length)]!].sort(() => r() - 0.5),
  drop: (parts, r) => (parts.length > 1 ? parts.filter((_, i) => i !== at(r, parts.length)) : parts.slice(0, 0)),
  foreignPart: (parts, r, other) => {
    const i = at(r, parts.length)
    return parts.map((p, j) => (j === i ? other[at(r, other.length)]! : p))
  },
  randomDigits: onePart((p, r) => Array.from({ length: p.length }, () => at(r, 10)).join('')),
  randomWithMagic: onePart((p, r) => `${MAGIC}${FORMAT_VERSION}11` + Array.from({ length: Math.max(0, p.length - 5) }, () => at(r, 10)).join('')),
  randomUnicode: onePart((p, r) => {
    const i = at(r, p.length + 1)
    return p.slice(0, i) + randomUnicode(r) + p.slice(i)
  }),
  replaceWithUnicode: onePart((p, r) => {
    const i = at(r, p.length)
    return p.slice(0, i) + randomUnicode(r) + p.slice(i + 1)
  }),
  fullWidthAndSpaces: (parts, r) => parts.map((p) => fullWidth(p).replace(/(.{40})/g, (s) => (r() < 0.5 ? `${s}\n` : `${s}　`))),
  /** Body damage with the part's own check digits recomputed: only the application CRC is left. */
  bodyWithPartCheck: onePart((p, r) => {
    const body = p.slice(9, -6)
    const i = at(r, body.length)
    const damaged = body.slice(0, i) + String((Number(body[i]) + 1 + at(r, 9)) % 10) + body.slice(i + 1)
    return recheck(p.slice(0, 9) + damaged + p.slice(-6))
  }),
  /** Header digits (index, count, tag, version) changed, part check recomputed. */
  headerWithPartCheck: onePart((p, r) => {
    const i = 2 + at(r, 7)
    return recheck(p.slice(0, i) + String(at(r, 10)) + p.slice(i + 1))
  }),
  empty: (parts, r) => (r() < 0.5 ? [] : ['']),
}

/** The application's bytes changed (bytes flipped, cut or added) and every check recomputed, in one part. */
function forgeContent(parts: string[], r: () => number): string[] {
  const sorted = [...parts].sort((a, b) => Number(a[3]) - Number(b[3]))
  const bytes = digitsToBytes(sorted.map((p) => p.slice(9, -6)).join(''))!
  let content = Array.from(bytes.subarray(0, bytes.length - 4))
  for (let k = 1 + at(r, 3); k > 0; k--) {
    const pick = r()
    if (pick < 0.6) content[at(r, content.length)] = at(r, 256)
    else if (pick < 0.8) content = content.slice(0, at(r, content.length + 1))
    else content.splice(at(r, content.length + 1), 0, ...Array.from({ length: 1 + at(r, 8) }, () => at(r, 256)))
  }
  const data = Uint8Array.from(content)
  const check = crc32(data)
  const full = new Uint8Array(data.length + 4)
  full.set(data)
  new DataView(full.buffer).setUint32(data.length, check)
  return [recheck(`${MAGIC}${FORMAT_VERSION}11${String(check % 10_000).padStart(4, '0')}${bytesToDigits(full)}000000`)]
}

export function fuzzPayload(forms: FormDefinition[], inputs: number, seed = 20261128): FuzzReport {
  const r = rng(seed)
  const pool = originals(forms, seed ^ 0x9e37)
  const names = Object.keys(MUTATIONS)
  const owner = new Map<string, Original[]>()
  for (const o of pool) for (const p of o.parts) owner.set(p, [...(owner.get(p) ?? []), o])
  const sameApp = (a: DecodedApplication, b: DecodedApplication) => a.formId === b.formId && a.formVersion === b.formVersion && JSON.stringify(a.answers) === JSON.stringify(b.answers)
  /** The applications an input's parts all genuinely come from (the mutated one, or another whose parts were swapped in). */
  const sources = (parts: string[], original: Original): Original[] => {
    const cleaned = parts.map(cleanScan)
    const candidates = new Set([original, ...(owner.get(cleaned[0] ?? '') ?? [])])
    return [...candidates].filter((o) => cleaned.every((p) => o.parts.includes(p)))
  }
  const report: FuzzReport = {
    inputs: 0,
    rejected: Object.fromEntries(CODES.map((c) => [c, 0])) as Record<PayloadErrorCode, number>,
    acceptedCorrect: 0,
    acceptedForged: 0,
    crashes: 0,
    wrongAccepts: 0,
    failures: [],
    byMutation: Object.fromEntries([...names, 'forgedContent'].map((n) => [n, 0])),
  }
  const fail = (kind: 'crash' | 'wrong-accept', mutation: string, parts: string[], error?: string) => {
    if (kind === 'crash') report.crashes++
    else report.wrongAccepts++
    if (report.failures.length < 5) report.failures.push({ kind, mutation, parts, ...(error ? { error } : {}) })
  }
  for (let n = 0; n < inputs; n++) {
    const original = pool[at(r, pool.length)]!
    const other = pool[at(r, pool.length)]!.parts
    // one to three mutations in a row
    let parts = original.parts
    const applied: string[] = []
    const forged = r() < 0.05
    if (forged) {
      parts = forgeContent(parts, r)
      applied.push('forgedContent')
      report.byMutation.forgedContent!++
    }
    for (let k = forged ? 0 : 1 + (r() < 0.3 ? at(r, 3) : 0); k > 0; k--) {
      const name = names[at(r, names.length)]!
      if (parts.length === 0) break
      parts = MUTATIONS[name]!(parts, r, other)
      applied.push(name)
      report.byMutation[name]!++
    }
    const mutation = applied.join('+')
    report.inputs++
    try {
      for (const p of parts) {
        const info = inspectPart(p)
        if (info.ok !== true && !(info.ok === false && CODES.includes(info.code))) fail('crash', mutation, parts, `inspectPart returned ${JSON.stringify(info)}`)
      }
      const result = decodePayload(parts, forms)
      if (result.ok === true) {
        if (sources(parts, original).some((o) => sameApp(result, o.expected))) report.acceptedCorrect++
        else if (forged) {
          report.acceptedForged++
          // a forged but valid code must still show on the staff screen, with its problems listed
          presentApplication(result.form, result.answers, 'ja')
          presentProblems(result.form, result.answers)
          applicationCsv(result.form, result.answers)
          applicationJson(result.form, result.answers, 'now')
        }
        else fail('wrong-accept', mutation, parts)
      } else if (result.ok === false && CODES.includes(result.code)) {
        report.rejected[result.code]++
      } else {
        fail('crash', mutation, parts, `decodePayload returned ${JSON.stringify(result)}`)
      }
    } catch (e) {
      fail('crash', mutation, parts, String(e))
    }
  }
  return report
}
