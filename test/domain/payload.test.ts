import { describe, expect, it } from 'vitest'
import QRCode from 'qrcode'
import { findForm } from '../../src/domain/forms'
import type { AnswerItem, Answers, FormDefinition } from '../../src/domain/forms/types'
import { QR_V25_M_NUMERIC_DIGITS, decodePayload, encodePayload, inspectPart, type DecodedApplication } from '../../src/domain/payload'
import { bytesToDigits, digitsToBytes } from '../../src/domain/payload/digits'
import { REFERENCE_JUMIN_IDO } from '../fixtures/reference-application'
import { randomItem, rng } from './random-answers'
import { visibleAnswers } from '../../src/domain/forms/validate'
import { loadForms } from '../../src/content/registry'

const forms = await loadForms()
const ido = findForm(forms, 'jumin-ido', 1)!

describe('payload codec', () => {
  it.each(forms.map((f) => [`${f.id} v${f.version}`, f] as const))('round-trips 200 random applications of %s exactly (shown fields; hidden ones travel empty)', (_name, form: FormDefinition) => {
    const r = rng(form.id.length * 7919 + form.version)
    for (let i = 0; i < 200; i++) {
      const answers = randomItem(r, form.fields) as Answers
      const parts = encodePayload(form, answers)
      for (const p of parts) {
        expect(p).toMatch(/^\d+$/)
        expect(p.length).toBeLessThanOrEqual(QR_V25_M_NUMERIC_DIGITS)
      }
      const decoded = decodePayload([...parts].reverse(), forms) as DecodedApplication
      expect(decoded.ok, JSON.stringify(decoded)).toBe(true)
      expect(decoded.formId).toBe(form.id)
      expect(decoded.formVersion).toBe(form.version)
      expect(decoded.answers).toEqual(visibleAnswers(form, answers))
    }
  })

  it('keeps rare kanji, variation selectors, emoji and combining marks byte for byte', () => {
    const answers = structuredClone(REFERENCE_JUMIN_IDO)
    const tricky = '𠮷野 髙橋 﨑 𩸽 葛󠄀飾 😀 か\u3099 e\u0301'
    ;(answers.persons as AnswerItem[])[0]!.name = tricky
    answers.newAddressExtra = ''
    const decoded = decodePayload(encodePayload(ido, answers), forms) as DecodedApplication
    expect((decoded.answers.persons as AnswerItem[])[0]!.name).toBe(tricky)
    expect(decoded.answers.newAddressExtra).toBe('')
    expect(decoded.answers).toEqual(answers)
  })

  it('the 4-person reference fits one QR of version ≤ 16 at level M, in numeric mode', () => {
    const parts = encodePayload(ido, REFERENCE_JUMIN_IDO)
    expect(parts).toHaveLength(1)
    const qr = QRCode.create([{ data: parts[0]!, mode: 'numeric' }], { errorCorrectionLevel: 'M' })
    expect(qr.version).toBeLessThanOrEqual(16)
    expect(qr.segments.every((s: { mode: { id: string } }) => s.mode.id === 'Numeric')).toBe(true)
  })

  it('the capacity constant is what a version-25 QR holds at M', () => {
    const digits = (n: number) => [{ data: '7'.repeat(n), mode: 'numeric' as const }]
    expect(QRCode.create(digits(QR_V25_M_NUMERIC_DIGITS), { errorCorrectionLevel: 'M', version: 25 }).version).toBe(25)
    expect(() => QRCode.create(digits(QR_V25_M_NUMERIC_DIGITS + 1), { errorCorrectionLevel: 'M', version: 25 })).toThrow()
  })

  it('splits a long application into numbered parts that decode in any order', () => {
    const parts = encodePayload(ido, REFERENCE_JUMIN_IDO, { maxDigitsPerPart: 250 })
    expect(parts.length).toBeGreaterThanOrEqual(4)
    expect(parts.map((p) => (inspectPart(p) as { index: number }).index)).toEqual(parts.map((_, i) => i + 1))
    const shuffled = [parts[2]!, parts[0]!, ...parts.slice(3), parts[1]!, parts[0]!]
    expect((decodePayload(shuffled, forms) as DecodedApplication).answers).toEqual(REFERENCE_JUMIN_IDO)
    const missing = decodePayload([parts[0]!, parts[2]!], forms)
    expect(missing).toMatchObject({ ok: false, code: 'incomplete', received: [1, 3], total: parts.length })
  })

  it('accepts what a scanner with the IME on types: full-width digits, spaces, newlines', () => {
    const [part] = encodePayload(ido, REFERENCE_JUMIN_IDO)
    const typed = part!.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/(.{50})/g, '$1\n ')
    expect((decodePayload([typed], forms) as DecodedApplication).answers).toEqual(REFERENCE_JUMIN_IDO)
  })

  describe('each error code', () => {
    const [part] = encodePayload(ido, REFERENCE_JUMIN_IDO)
    const p = part!
    it('not-yorisoi: a URL, letters, another number', () => {
      expect(decodePayload(['https://example.jp/'], forms)).toMatchObject({ code: 'not-yorisoi' })
      expect(decodePayload(['4901234567894'], forms)).toMatchObject({ code: 'not-yorisoi' })
      expect(decodePayload([''], forms)).toMatchObject({ code: 'not-yorisoi' })
    })
    it('damaged: one digit misread, truncated', () => {
      const flipped = p.slice(0, 40) + ((Number(p[40]) + 1) % 10) + p.slice(41)
      expect(decodePayload([flipped], forms)).toMatchObject({ code: 'damaged' })
      expect(decodePayload([p.slice(0, -20)], forms)).toMatchObject({ code: 'damaged' })
      expect(decodePayload([p.slice(0, 8)], forms)).toMatchObject({ code: 'damaged' })
    })
    it('mixed: parts of two applications', () => {
      const other = structuredClone(REFERENCE_JUMIN_IDO)
      other.phone = '090-0000-0000'
      const a = encodePayload(ido, REFERENCE_JUMIN_IDO, { maxDigitsPerPart: 400 })
      const b = encodePayload(ido, other, { maxDigitsPerPart: 400 })
      expect(decodePayload([a[0]!, b[1]!], forms)).toMatchObject({ code: 'mixed' })
    })
    it('unknown-form: a form or version this build does not ship', () => {
      const future = { ...ido, version: 99 }
      expect(decodePayload(encodePayload(future, REFERENCE_JUMIN_IDO), forms)).toMatchObject({ code: 'unknown-form', formId: 'jumin-ido', formVersion: 99 })
    })
    it('newer-format: a format digit above 1', () => {
      expect(decodePayload([`412${p.slice(3)}`], forms)).toMatchObject({ code: 'newer-format' })
    })
    it('incomplete: nothing scanned yet', () => {
      expect(decodePayload([], forms)).toMatchObject({ code: 'incomplete' })
    })
  })

  it('bytes ⇄ digits round-trips every length', () => {
    const r = rng(5)
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(r() * 256))
      expect(digitsToBytes(bytesToDigits(bytes))).toEqual(bytes)
    }
    expect(digitsToBytes('99999999999999999999')).toBeUndefined()
  })

  it('refuses to encode an answer that does not fit its field', () => {
    expect(() => encodePayload(ido, { ...REFERENCE_JUMIN_IDO, moveDate: '2026-13-01' })).toThrow(/moveDate/)
    expect(() => encodePayload(ido, { ...REFERENCE_JUMIN_IDO, kind: 'nope' })).toThrow(/kind/)
  })
})
