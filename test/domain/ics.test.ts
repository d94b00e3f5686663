import { describe, expect, it } from 'vitest'
import { classToIcs, icsUid } from '../../src/domain/schedule/ics'
import { importSchedule, type ClassEvent } from '../../src/domain/schedule/import'

const ALLOWED = new Set(['BEGIN', 'VERSION', 'PRODID', 'CALSCALE', 'METHOD', 'TZID', 'DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO', 'TZNAME', 'END', 'UID', 'DTSTAMP', 'DTEND', 'SUMMARY', 'LOCATION', 'GEO', 'DESCRIPTION', 'URL'])
const now = new Date('2026-11-22T00:00:00Z')

/** Unfolds and splits the file into [name (without parameters), value] pairs. */
function properties(ics: string): [string, string][] {
  expect(ics).not.toMatch(/\r(?!\n)|(?<!\r)\n/)
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':')
      return [line.slice(0, colon).split(';')[0]!, line.slice(colon + 1)]
    })
}

const BREAKS = ['\r\n', '\r', '\n']
const hostile = (i: number): ClassEvent => {
  const br = BREAKS[i % 3]!
  const inject = `x${br}ATTACH:https://evil.example/payload.exe${br}X-EVIL:1`
  return {
    id: `999990${br}ATTACH:https://evil.example/a.exe${br}-1`,
    line: 2,
    name: `講座${br}BEGIN:VALARM${br}TRIGGER:-PT1M`,
    summary: inject,
    category: '',
    startDate: '2026-12-10',
    endDate: '2026-12-10',
    startTime: '13:30',
    endTime: '15:30',
    timeNote: inject,
    venue: `会場;x=1,${br}ORGANIZER:mailto:evil@example`,
    address: inject,
    lat: 35.6,
    lon: 139.6,
    organizer: '',
    target: '',
    capacity: '',
    fee: '',
    applyMethod: inject,
    applyDeadline: '',
    url: `javascript:alert(1)${br}ATTACH:x`,
    contactName: inject,
    contactPhone: `0000${br}RRULE:FREQ=SECONDLY`,
    notes: '',
    topics: [],
  }
}

describe('.ics from hostile open data', () => {
  it('no CR or LF from a ClassEvent value reaches a property line; only the expected properties appear', () => {
    for (let i = 0; i < 3; i++) {
      const props = properties(classToIcs(hostile(i), { url: `https://yorisoi.example/classes/x${BREAKS[i]}ATTACH:y`, now }))
      expect(props.map(([name]) => name).filter((n) => !ALLOWED.has(n))).toEqual([])
      const event = props.slice(props.findIndex(([n, v]) => n === 'BEGIN' && v === 'VEVENT'))
      const names = event.map(([n]) => n)
      for (const one of ['UID', 'SUMMARY', 'LOCATION', 'DESCRIPTION', 'URL', 'DTSTART', 'DTEND']) expect(names.filter((n) => n === one), one).toHaveLength(1)
      const value = Object.fromEntries(props.filter(([n]) => n !== 'BEGIN' && n !== 'END'))
      expect(value['SUMMARY']).toBe('講座\\nBEGIN:VALARM\\nTRIGGER:-PT1M')
      expect(value['LOCATION']).toContain('会場\\;x=1\\,\\nORGANIZER:mailto:evil@example')
      expect(value['UID']).toMatch(/^[0-9a-f]{16}@yorisoi$/)
      expect(value['URL']).not.toMatch(/[\s]/)
    }
  })

  it('a CR/LF in the town-code column (the id) cannot inject an ATTACH line: the UID is a hex hash', () => {
    const csv = 'NO,都道府県コード又は市区町村コード,名称,開始日,終了日,開始時刻,終了時刻\r\n0002,"999990\r\nATTACH:https://evil.example/a.exe\r\nX",スマホ教室,2026-12-10,2026-12-10,13:30,15:30\r\n'
    const [event] = importSchedule(csv, { keywords: ['スマホ'] }).classes
    const ics = classToIcs(event!, { url: 'https://yorisoi.example/classes/x', now })
    expect(properties(ics).map(([n]) => n)).not.toContain('ATTACH')
    expect(ics).not.toMatch(/\r\nATTACH/)
    expect(icsUid(event!.id)).toBe(icsUid(event!.id))
    expect(icsUid('a')).not.toBe(icsUid('b'))
  })

  it('control characters are dropped, backslashes escaped; a non-http page address is left out', () => {
    const e = { ...hostile(0), name: 'a\u0000b\u001bc\\d\te' }
    const props = Object.fromEntries(properties(classToIcs(e, { url: 'javascript:alert(1)', now })))
    // a tab is allowed in TEXT (RFC 5545 WSP)
    expect(props['SUMMARY']).toBe('abc\\\\d\te')
    expect(props['URL']).toBeUndefined()
  })
})
