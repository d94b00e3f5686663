/**
 * Reads the Digital Agency's standard イベント一覧 CSV as towns publish it — every header variant,
 * UTF-8 (with or without BOM) or Shift_JIS, quoted fields with line breaks — and picks out the
 * smartphone/digital classes. A bad row is skipped with its line number and reason, never fatal.
 * Plain TypeScript: the app, the tests and `npm run check:data` share it.
 */
import Papa from 'papaparse'
import { TOPICS, type ClassEvent, type ImportOptions, type ImportResult, type SkippedRow, type TopicId } from './model'

export * from './model'

/** Header names by meaning, in every published variant (first found wins). */
const COLUMNS = {
  no: ['NO', 'ID'],
  code: ['都道府県コード又は市区町村コード', '全国地方公共団体コード'],
  name: ['名称', 'イベント名'],
  summary: ['概要', '説明', 'イベント概要', '内容'],
  description: ['説明'],
  category: ['イベント種類', 'カテゴリー', 'カテゴリ', '分類'],
  url: ['URL', 'ホームページ'],
  startDate: ['開始日', '開始日付'],
  endDate: ['終了日', '終了日付'],
  startTime: ['開始時刻', '開始時間'],
  endTime: ['終了時刻', '終了時間'],
  timeNote: ['日時備考', '時間備考', '開催日時備考'],
  venue: ['場所名称', '会場名', '集合場所', '開催場所'],
  address: ['住所', '所在地_連結表記', '所在地'],
  lat: ['緯度'],
  lon: ['経度'],
  organizer: ['主催団体', '主催者', '主催'],
  target: ['対象者', '対象'],
  capacity: ['定員'],
  fee: ['料金(基本)', '料金（基本）', '料金', '参加費'],
  feeDetail: ['料金(詳細)', '料金（詳細）'],
  applyMethod: ['申込方法', '参加申込方法', '申込み方法'],
  applyDeadline: ['申込期限日', '申込期限'],
  applyUrl: ['申込URL', '申込みURL'],
  contactName: ['連絡先名称', '問合せ先', '問い合わせ先'],
  contactPhone: ['連絡先電話番号', '電話番号', '問合せ先電話番号'],
  notes: ['備考'],
} as const
type Column = keyof typeof COLUMNS
const ADDRESS_PARTS = ['住所都道府県', '住所市区町村', '住所町名', '住所丁目以下', '建物名等']


/** UTF-8 (BOM or not) when the bytes are valid UTF-8, else Shift_JIS (CP932). */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'shift_jis' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' }
  }
}

const half = (s: string) => s.replace(/[０-９：／－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

/** `2026-08-04`, `2026/8/4`, `2026年8月4日` → `2026-08-04`; undefined if it is not a real day. */
export function parseDate(value: string): string | undefined {
  const m = half(value.trim()).match(/^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/)
  if (!m) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined
  return date.toISOString().slice(0, 10)
}

/** `9:00`, `09:00:00`, `9時30分` → `09:00`; undefined when empty or free text. */
export function parseTime(value: string): string | undefined {
  const m = half(value.trim()).match(/^(\d{1,2})(?::|時)(\d{2})?(?::\d{2})?分?$/)
  if (!m) return undefined
  const h = Number(m[1])
  const min = Number(m[2] ?? 0)
  if (h > 24 || min > 59) return undefined
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`
}

function hash(text: string): string {
  let h = 0x811c9dc5
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193) >>> 0
  return h.toString(36)
}

export function topicsOf(text: string): TopicId[] {
  const upper = text.toUpperCase()
  const has = (w: string | RegExp) => (typeof w === 'string' ? upper.includes(w.toUpperCase()) : w.test(text))
  return TOPICS.filter((t) => (t.words as readonly (string | RegExp)[]).some(has)).map((t) => t.id)
}

export function isClass(text: string, keywords: string[]): boolean {
  const upper = text.toUpperCase()
  return keywords.some((k) => upper.includes(k.toUpperCase()))
}

export function importSchedule(input: string | Uint8Array, options: ImportOptions): ImportResult {
  const text = typeof input === 'string' ? input : decodeCsv(input).text
  const body = text.replace(/^\uFEFF/, '')
  // line number where each character offset starts, for reporting skipped rows
  const lineStarts: number[] = [0]
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') lineStarts.push(i + 1)
  const lineAt = (offset: number) => {
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lineStarts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }

  const rows: { cells: string[]; line: number }[] = []
  let start = 0
  Papa.parse<string[]>(body, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      const cells = result.data
      // skip leading newlines so a row's line is where its first cell is
      let at = start
      while (body[at] === '\n' || body[at] === '\r') at++
      rows.push({ cells, line: lineAt(at) })
      start = result.meta.cursor
    },
  })
  const header = (rows.shift()?.cells ?? []).map((h) => h.trim())
  // every column that can hold a meaning, in order of preference: a row uses the first one it filled
  const indexes = (names: readonly string[]) => names.map((n) => header.indexOf(n)).filter((i) => i >= 0)
  const col = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, indexes(names)])) as Record<Column, number[]>
  const addressParts = ADDRESS_PARTS.map((n) => header.indexOf(n)).filter((i) => i >= 0)
  const variant: ImportResult['variant'] = header.includes('名称') ? 'standard' : header.includes('所在地_連結表記') || header.includes('全国地方公共団体コード') ? 'columns79' : header.includes('イベント名') ? 'recommended' : 'unknown'

  const classes: ClassEvent[] = []
  const skipped: SkippedRow[] = []
  const ids = new Set<string>()
  let events = 0
  for (const { cells, line } of rows) {
    const get = (c: Column) => {
      for (const i of col[c]) {
        const v = (cells[i] ?? '').trim()
        if (v) return v
      }
      return ''
    }
    const name = get('name')
    if (!name) {
      skipped.push({ line, reason: 'no-name', detail: '' })
      continue
    }
    const startDate = parseDate(get('startDate'))
    if (!startDate) {
      skipped.push({ line, reason: 'bad-date', detail: get('startDate') })
      continue
    }
    const rawEnd = get('endDate')
    const endDate = rawEnd ? parseDate(rawEnd) : startDate
    if (!endDate) {
      skipped.push({ line, reason: 'bad-date', detail: rawEnd })
      continue
    }
    if (endDate < startDate) {
      skipped.push({ line, reason: 'end-before-start', detail: `${startDate} → ${endDate}` })
      continue
    }
    events++
    const summary = get('summary')
    // 概要 and 説明 both feed the summary; keep 説明 too when 概要 was filled
    const description = col.description.length && (cells[col.description[0]!] ?? '').trim() !== summary ? (cells[col.description[0]!] ?? '').trim() : ''
    const category = get('category')
    const haystack = [name, summary, description, category].join('\n')
    if (!options.allRowsAreClasses && !isClass(haystack, options.keywords)) continue
    const code = get('code')
    let id = get('no') ? `${code || 'x'}-${get('no').replace(/[^0-9A-Za-z_-]/g, '')}` : `${code || 'x'}-${hash(`${name}|${startDate}|${get('venue')}`)}`
    while (ids.has(id)) id += '-2'
    ids.add(id)
    const address = get('address') || addressParts.map((i) => (cells[i] ?? '').trim()).join('')
    const num = (s: string) => (s && Number.isFinite(Number(s)) ? Number(s) : undefined)
    const fee = [get('fee'), get('feeDetail')].filter(Boolean).join(' ')
    classes.push({
      id,
      line,
      name,
      summary: [summary, description].filter(Boolean).join('\n'),
      category,
      startDate,
      endDate,
      startTime: parseTime(get('startTime')),
      endTime: parseTime(get('endTime')),
      timeNote: [get('timeNote'), get('startTime') && !parseTime(get('startTime')) ? get('startTime') : ''].filter(Boolean).join('\n'),
      venue: get('venue'),
      address,
      lat: num(get('lat')),
      lon: num(get('lon')),
      organizer: get('organizer'),
      target: get('target'),
      capacity: get('capacity'),
      fee,
      applyMethod: get('applyMethod'),
      applyDeadline: parseDate(get('applyDeadline')) ?? get('applyDeadline'),
      url: get('applyUrl') || get('url'),
      contactName: get('contactName'),
      contactPhone: get('contactPhone'),
      notes: get('notes'),
      topics: topicsOf(haystack),
      level: /はじめて|初めて|初心者|入門|初級|基本操作/.test(`${name}\n${get('target')}`) ? 'beginner' : undefined,
    })
  }
  return { variant, rowsRead: rows.length, events, classes, skipped }
}
