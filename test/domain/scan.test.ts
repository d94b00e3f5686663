import { describe, expect, it } from 'vitest'
import { findForm } from '../../src/domain/forms'
import { encodePayload } from '../../src/domain/payload'
import { ScanSession } from '../../src/domain/scan/session'
import { applicationCsv, presentApplication } from '../../src/domain/forms/present'
import { REFERENCE_JUMIN_IDO } from '../fixtures/reference-application'
import { loadForms } from '../../src/content/registry'

const forms = await loadForms()
const ido = findForm(forms, 'jumin-ido', 1)!

describe('the counter reading session', () => {
  it('collects parts in any order, with progress, ignoring a repeated part', () => {
    const parts = encodePayload(ido, REFERENCE_JUMIN_IDO, { maxDigitsPerPart: 300 })
    expect(parts.length).toBe(3)
    const s = new ScanSession(forms)
    expect(s.add(parts[2]!)).toEqual({ kind: 'progress', received: [3], total: 3 })
    expect(s.add(parts[2]!)).toMatchObject({ kind: 'duplicate', received: [3] })
    expect(s.add(parts[0]!)).toEqual({ kind: 'progress', received: [1, 3], total: 3 })
    const done = s.add(parts[1]!)
    expect(done.kind).toBe('application')
    expect(s.application?.answers).toEqual(REFERENCE_JUMIN_IDO)
  })

  it('a bad scan changes nothing: the application on screen stays', () => {
    const s = new ScanSession(forms)
    s.add(encodePayload(ido, REFERENCE_JUMIN_IDO)[0]!)
    expect(s.add('https://example.jp')).toEqual({ kind: 'error', code: 'not-yorisoi' })
    expect(s.add('4118')).toEqual({ kind: 'error', code: 'damaged' })
    expect(s.application?.answers).toEqual(REFERENCE_JUMIN_IDO)
  })

  it('a part of another application while one is half read is "mixed"; the next resident after a complete one is fine', () => {
    const other = { ...REFERENCE_JUMIN_IDO, phone: '03-0000-0000' }
    const a = encodePayload(ido, REFERENCE_JUMIN_IDO, { maxDigitsPerPart: 300 })
    const b = encodePayload(ido, other, { maxDigitsPerPart: 300 })
    const s = new ScanSession(forms)
    s.add(a[0]!)
    expect(s.add(b[1]!)).toEqual({ kind: 'error', code: 'mixed' })
    expect(s.received).toEqual([1])
    s.add(a[1]!)
    expect(s.add(a[2]!).kind).toBe('application')
    // next resident
    expect(s.add(b[0]!)).toMatchObject({ kind: 'progress', received: [1] })
    expect(s.application?.answers.phone).toBe('090-1234-5678')
  })

  it('unknown form versions and newer formats are reported with what to do', () => {
    const s = new ScanSession(forms)
    const [future] = encodePayload({ ...ido, version: 7 }, REFERENCE_JUMIN_IDO)
    expect(s.add(future!)).toMatchObject({ kind: 'error', code: 'unknown-form', formId: 'jumin-ido', formVersion: 7 })
    expect(s.add(`412${future!.slice(3)}`)).toEqual({ kind: 'error', code: 'newer-format' })
  })
})

describe('presenting an application in Japanese', () => {
  it('labels, choices and both calendars; persons as table rows', () => {
    const p = presentApplication(ido, REFERENCE_JUMIN_IDO)
    expect(p.title).toBe('住民異動届')
    const rows = p.blocks.flatMap((b) => (b.kind === 'row' ? [b.row] : []))
    expect(rows.find((r) => r.path === 'kind')?.value).toBe('転入（ほかの市区町村から引っ越してきた）')
    expect(rows.find((r) => r.path === 'moveDate')?.value).toBe('令和8年（2026年）11月20日')
    const group = p.blocks.find((b) => b.kind === 'group')
    expect(group?.kind === 'group' && group.group.items).toHaveLength(4)
    if (group?.kind === 'group') {
      expect(group.group.columns.map((c) => c.label)).toContain('在留カード番号')
      expect(group.group.items[3]!.cells.find((c) => c.path === 'persons.3.residenceCard')?.value).toBe('AB12345678CD')
      expect(group.group.items[0]!.cells.find((c) => c.path === 'persons.0.residenceCard')?.value).toBe('')
      expect(group.group.items[2]!.cells.find((c) => c.path === 'persons.2.birthDate')?.value).toBe('平成元年（1989年）1月8日')
    }
  })

  it('CSV: UTF-8 BOM, CRLF, Japanese labels, quoted where needed', () => {
    const csv = applicationCsv(ido, { ...REFERENCE_JUMIN_IDO, newAddressExtra: 'ハイツ "南", 1203' })
    expect(csv.startsWith('\uFEFF項目ID,項目,値,値（コード）\r\n')).toBe(true)
    expect(csv).toContain('\r\nmoveDate,異動日（引っ越した日・引っ越す日）,令和8年（2026年）11月20日,2026-11-20\r\n')
    expect(csv).toContain('"ハイツ ""南"", 1203"')
    expect(csv).toContain('persons.4.residenceCard,異動する人 4人目 在留カード番号,AB12345678CD,AB12345678CD')
    expect(csv).not.toContain('persons.1.residenceCard')
  })
})
