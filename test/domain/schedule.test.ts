import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeCsv, importSchedule, parseDate, parseTime, topicsOf } from '../../src/domain/schedule/import'
import { municipality } from '../../src/content/registry'

const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/opendata/${name}`))
const keywords = municipality.schedule.keywords

describe('schedule import: the real files towns publish', () => {
  it('中野区: every one of its smartphone events is found', () => {
    const r = importSchedule(fixture('event-131148-nakano.csv'), { keywords })
    expect(r.variant).toBe('standard')
    expect(r.rowsRead).toBe(42)
    expect(r.skipped).toEqual([])
    expect(r.classes).toHaveLength(19)
    expect(r.classes.every((c) => /スマートフォン|スマホ/.test(c.name + c.summary))).toBe(true)
    const range = r.classes.find((c) => c.startDate !== c.endDate)!
    expect(range.timeNote).toContain('各日12時~16時')
    expect(range.venue).toBe('各区民活動センター及び中野区役所')
    const one = r.classes.find((c) => c.venue === '昭和区民活動センター')!
    expect(one).toMatchObject({ startTime: '12:00', endTime: '16:00', address: '東京都中野区中野6-16-20', capacity: '10', contactPhone: '(03)3804-3381' })
    expect(one.id).toMatch(/^131148-/)
    expect(new Set(r.classes.map((c) => c.id)).size).toBe(19)
  })

  it('川越市 and the multi-town file import without error', () => {
    const kawagoe = importSchedule(fixture('event-112011-kawagoe.csv'), { keywords })
    expect(kawagoe.rowsRead).toBe(22)
    expect(kawagoe.skipped).toEqual([])
    const multi = importSchedule(fixture('event-latest-multi.csv'), { keywords })
    expect(multi.rowsRead).toBe(23)
    expect(multi.events + multi.skipped.length).toBe(multi.rowsRead)
    // a town that publishes a classes-only file: every valid row is a class
    expect(importSchedule(fixture('event-112011-kawagoe.csv'), { keywords, allRowsAreClasses: true }).classes).toHaveLength(kawagoe.events)
  })
})

describe('schedule import: other headers and encodings', () => {
  it('the older 推奨データセット header in Shift_JIS, CRLF, a multi-line field, blank trailing lines, bad rows skipped with line numbers', () => {
    const bytes = fixture('recommended-sjis.csv')
    expect(decodeCsv(bytes).encoding).toBe('shift_jis')
    const r = importSchedule(bytes, { keywords })
    expect(r.variant).toBe('recommended')
    expect(r.rowsRead).toBe(4)
    expect(r.classes.map((c) => c.name)).toEqual(['はじめてのスマホ教室'])
    expect(r.classes[0]).toMatchObject({ startDate: '2026-12-05', startTime: '10:00', endTime: '12:00', venue: '見本市公民館', address: '見本県見本市1-1', fee: '無料', organizer: '見本市', url: 'https://example.jp/a' })
    expect(r.classes[0]!.summary.replace(/\r/g, '')).toBe('電源の入れ方から\n電話のかけ方まで')
    expect(r.skipped).toEqual([
      { line: 5, reason: 'no-name', detail: '' },
      { line: 6, reason: 'bad-date', detail: '2026/13/01' },
    ])
  })

  it('the 79-column header, UTF-8 without BOM', () => {
    const r = importSchedule(fixture('columns79.csv'), { keywords })
    expect(r.variant).toBe('columns79')
    expect(r.classes).toHaveLength(1)
    expect(r.classes[0]).toMatchObject({ id: '888888-E-01', name: 'マイナンバーカード申請サポート', address: '見本県見本町3-4-5', venue: '見本町役場 2階 会議室', capacity: '20', url: 'https://example.jp/apply', topics: ['mynumber'] })
  })

  it('dates and times as towns write them', () => {
    expect(parseDate('2026/8/4')).toBe('2026-08-04')
    expect(parseDate('2026-08-04')).toBe('2026-08-04')
    expect(parseDate('２０２６年８月４日')).toBe('2026-08-04')
    expect(parseDate('2026-02-30')).toBeUndefined()
    expect(parseTime('9:00')).toBe('09:00')
    expect(parseTime('13:30:00')).toBe('13:30')
    expect(parseTime('12時')).toBe('12:00')
    expect(parseTime('午後')).toBeUndefined()
  })

  it('keyword and topic matching', () => {
    expect(topicsOf('LINEの使い方 はじめての方')).toEqual(['basics', 'line'])
    expect(topicsOf('マイナポータルでオンライン申請')).toEqual(['myportal'])
    expect(topicsOf('特殊詐欺にあわないために')).toEqual(['safety'])
    const csv = 'NO,都道府県コード又は市区町村コード,名称,概要,イベント種類,開始日\n1,999999,健康講座,,健康,2026-12-01\n2,999999,ふれあい講座,line でつながろう,,2026-12-02\n3,999999,講座,,デジタル,2026-12-03\n'
    expect(importSchedule(csv, { keywords }).classes.map((c) => c.id)).toEqual(['999999-2', '999999-3'])
  })
})

import { classToIcs, foldLine } from '../../src/domain/schedule/ics'

/** A small RFC 5545 reader for the test: unfold, split properties. */
function readIcs(ics: string): Record<string, string> {
  const unfolded = ics.replace(/\r\n[ \t]/g, '')
  const props: Record<string, string> = {}
  for (const line of unfolded.split('\r\n').filter(Boolean)) {
    const i = line.indexOf(':')
    props[line.slice(0, i)] ??= line.slice(i + 1)
  }
  return props
}

describe('カレンダーに追加 (.ics)', () => {
  const sample = importSchedule(new Uint8Array(readFileSync('public/data/classes.csv')), { keywords })
  it('a timed class in Asia/Tokyo, with location and CRLF lines no longer than 75 octets', () => {
    const line = sample.classes.find((c) => c.name === 'LINEの使い方講座')!
    const ics = classToIcs(line, { url: 'https://example.jp/classes/x', now: new Date('2026-11-22T00:00:00Z') })
    expect(ics.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true)
    expect(ics).not.toMatch(/[^\r]\n/)
    const p = readIcs(ics)
    expect(p['DTSTART;TZID=Asia/Tokyo']).toBe('20261210T133000')
    expect(p['DTEND;TZID=Asia/Tokyo']).toBe('20261210T153000')
    expect(p['TZID']).toBe('Asia/Tokyo')
    expect(p['SUMMARY']).toBe('LINEの使い方講座')
    expect(p['LOCATION']).toBe('北地区センター 会議室 見本県サンプル市北町4-5-6')
    expect(p['UID']).toMatch(/^[0-9a-f]{16}@yorisoi$/)
  })
  it('a date range without times is all-day, DTEND the day after', () => {
    const range = sample.classes.find((c) => c.startDate !== c.endDate)!
    const p = readIcs(classToIcs(range, { url: 'u', now: new Date() }))
    expect(p['DTSTART;VALUE=DATE']).toBe('20261214')
    expect(p['DTEND;VALUE=DATE']).toBe('20261219')
    expect(p['DESCRIPTION']).toContain('各日10時~12時')
  })
  it('folding never splits a character', () => {
    const folded = foldLine(`SUMMARY:${'あ'.repeat(60)}`)
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'あ'.repeat(60)}`)
  })
})

import { filterClasses, groupByDay, matchClasses, MAX_LISTED_DAYS, todayInJapan, upcomingClasses, whatToBring } from '../../src/domain/schedule/filter'

describe('finding classes', () => {
  const { classes } = importSchedule(new Uint8Array(readFileSync('public/data/classes.csv')), { keywords })
  const today = '2026-12-15'
  it('upcoming only, soonest first; a running range is listed today', () => {
    const list = filterClasses(classes, {}, today)
    expect(list[0]!.name).toBe('スマホ相談会（毎日開催）')
    expect(list.every((c) => c.endDate >= today)).toBe(true)
    expect(list.some((c) => c.startDate === '2026-12-03')).toBe(false)
    expect(groupByDay(list, today)[0]!.day).toBe(today)
  })
  it('each filter narrows the list', () => {
    expect(filterClasses(classes, { topic: 'line' }, '2026-12-01').map((c) => c.name)).toEqual(['LINEの使い方講座'])
    expect(filterClasses(classes, { venue: '北地区センター 会議室' }, '2026-12-01')).toHaveLength(2)
    expect(filterClasses(classes, { period: 'week' }, '2026-12-01').map((c) => c.startDate)).toEqual(['2026-12-03'])
    expect(filterClasses(classes, { period: 'month' }, '2026-12-01').every((c) => c.startDate <= '2026-12-31')).toBe(true)
    expect(filterClasses(classes, { text: '詐欺' }, '2026-12-01').map((c) => c.name)).toEqual(['スマホの詐欺・トラブル対策講座'])
    // level, where the data says so (はじめて / 初心者 / 入門 in the name or the audience)
    expect(filterClasses(classes, { beginner: true }, '2026-12-01').map((c) => c.startDate)).toEqual(['2026-12-03', '2027-02-04'])
  })
  it('filtering the ordered upcoming list keeps its order, so a keystroke never sorts again (same result as filtering and sorting)', () => {
    const upcoming = upcomingClasses(classes, '2026-12-01')
    const filters = [{}, { text: 'スマホ' }, { period: 'month' as const }, { topic: 'line' as const }, { beginner: true }]
    for (const f of filters) expect(matchClasses(upcoming, f, '2026-12-01')).toEqual(filterClasses(classes, f, '2026-12-01'))
    // same day, same time: by name in Japanese order; the input order does not matter
    expect(upcomingClasses([...classes].reverse(), '2026-12-01')).toEqual(upcoming)
  })
  it('word search matches across hiragana, katakana, half and full width and case', () => {
    const found = (text: string) => filterClasses(classes, { text }, '2026-12-01').map((c) => c.name)
    const mynaFull = found('マイナ')
    expect(mynaFull).toHaveLength(3)
    expect(found('まいな')).toEqual(mynaFull)
    expect(found('ﾏｲﾅ')).toEqual(mynaFull)
    expect(found('ｍａｉｎａ')).toEqual([])
    expect(found('ＬＩＮＥ')).toEqual(found('line'))
    expect(found('line')).toContain('LINEの使い方講座')
    expect(found('ﾗｲﾝ　')).toEqual(found('らいん'))
  })
  it('a class running over several days is listed under each day still ahead', () => {
    const range = classes.filter((c) => c.name === 'スマホ相談会（毎日開催）')
    expect(range).toHaveLength(1)
    expect(range[0]!.startDate).toBe('2026-12-14')
    const daysOf = (today: string, period?: 'all' | 'week' | 'month') =>
      groupByDay(filterClasses(classes, { period }, today), today, period)
        .filter((g) => g.classes.some((c) => c.name === 'スマホ相談会（毎日開催）'))
        .map((g) => g.day)
    expect(daysOf('2026-12-01')).toEqual(['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18'])
    // on 12/16 the days already gone are not listed
    expect(daysOf('2026-12-16')).toEqual(['2026-12-16', '2026-12-17', '2026-12-18'])
    // the week from 12/10 reaches 12/16 only
    expect(daysOf('2026-12-10', 'week')).toEqual(['2026-12-14', '2026-12-15', '2026-12-16'])
    // 12/17 lists the range with the day's other class, untimed first
    const dec17 = groupByDay(filterClasses(classes, {}, '2026-12-01'), '2026-12-01').find((g) => g.day === '2026-12-17')!
    expect(dec17.classes.map((c) => c.name)).toEqual(['スマホ相談会（毎日開催）', 'マイナポータルでオンライン申請'])
    // days stay in order and each appears once
    const days = groupByDay(filterClasses(classes, {}, '2026-12-01'), '2026-12-01').map((g) => g.day)
    expect(days).toEqual([...new Set(days)].sort())
  })
  it('a range of a whole year is listed on at most a month of days', () => {
    const long = { ...classes[0]!, id: 'long', startDate: '2026-04-01', endDate: '2027-03-31' }
    const days = groupByDay([long], '2026-12-01').map((g) => g.day)
    expect(days).toHaveLength(MAX_LISTED_DAYS)
    expect(days[0]).toBe('2026-12-01')
  })
  it('today is the date in Japan; what to bring', () => {
    expect(todayInJapan(new Date('2026-12-14T15:30:00Z'))).toBe('2026-12-15')
    const card = classes.find((c) => c.name.startsWith('マイナポータル'))!
    expect(whatToBring(card)).toEqual(['phone', 'card', 'pin'])
    expect(whatToBring(classes.find((c) => c.name === 'LINEの使い方講座')!)).toEqual(['phone'])
  })
})

import { decideSchedule, scheduleProblem } from '../../src/domain/schedule/import'

describe('a broken schedule file never replaces a good copy', () => {
  const good = importSchedule(new Uint8Array(readFileSync('public/data/classes.csv')), { keywords })
  const header = readFileSync('public/data/classes.csv', 'utf8').split(/\r?\n/)[0]!
  const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256)
  const broken = {
    'random bytes': importSchedule(random, { keywords }),
    'an empty file': importSchedule(new Uint8Array(0), { keywords }),
    'an HTML error page': importSchedule('<!doctype html><html><body>404 Not Found</body></html>', { keywords }),
    'a header-only file': importSchedule(`${header}\r\n`, { keywords }),
    'a valid header and only non-class events': importSchedule(`${header}\r\n1,999999,冬のふれあい音楽会,,,,,,,,イベント,,,,,,2026-12-05,2026-12-05\r\n`, { keywords }),
  }

  it('says what is wrong with a file: unreadable, or readable with no classes', () => {
    expect(scheduleProblem(good)).toBeUndefined()
    expect(scheduleProblem(broken['random bytes'])).toBe('unreadable')
    expect(scheduleProblem(broken['an empty file'])).toBe('unreadable')
    expect(scheduleProblem(broken['an HTML error page'])).toBe('unreadable')
    expect(scheduleProblem(broken['a header-only file'])).toBe('no-classes')
    expect(scheduleProblem(broken['a valid header and only non-class events'])).toBe('no-classes')
  })

  it('a good fresh file replaces the kept copy and is stored', () => {
    expect(decideSchedule(undefined, good)).toEqual({ show: 'fresh', store: true })
    expect(decideSchedule(good, good)).toEqual({ show: 'fresh', store: true })
  })

  for (const [what, fresh] of Object.entries(broken)) {
    it(`${what} after a good copy: the good copy stays in use, is not overwritten, and the resident is told`, () => {
      expect(decideSchedule(good, fresh)).toEqual({ show: 'kept', store: false, notice: 'stale' })
    })
  }

  it('a broken first load shows nothing and says why, in plain words', () => {
    expect(decideSchedule(undefined, broken['random bytes'])).toEqual({ show: 'none', store: false, notice: 'unreadable' })
    expect(decideSchedule(undefined, broken['a header-only file'])).toEqual({ show: 'none', store: false, notice: 'no-classes' })
    expect(decideSchedule(undefined, 'http')).toEqual({ show: 'none', store: false, notice: 'unavailable' })
    expect(decideSchedule(undefined, 'offline')).toEqual({ show: 'none', store: false, notice: 'error' })
  })

  it('a server error or no connection keeps the good copy; a broken kept copy counts as none', () => {
    expect(decideSchedule(good, 'http')).toEqual({ show: 'kept', store: false, notice: 'stale' })
    expect(decideSchedule(good, 'offline')).toEqual({ show: 'kept', store: false, notice: 'offline' })
    // an older app version may have cached a broken file: it is not shown as a schedule
    expect(decideSchedule(broken['a header-only file'], 'offline')).toEqual({ show: 'none', store: false, notice: 'error' })
    expect(decideSchedule(broken['random bytes'], good)).toEqual({ show: 'fresh', store: true })
  })
})
