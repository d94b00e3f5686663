/**
 * A large schedule for the bench, made from the real town files in test/fixtures/opendata: their
 * rows repeated (new NO, dates spread over the coming year) until the file reaches `targetBytes`
 * — what a prefecture-wide イベント一覧 of about 14,000 rows weighs. UTF-8 with a BOM, CRLF.
 */
import Papa from 'papaparse'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const FIXTURES = ['event-131148-nakano.csv', 'event-112011-kawagoe.csv', 'event-latest-multi.csv']

export function bigSchedule(root: string, targetBytes = 10_000_000, today = new Date()): { bytes: Uint8Array; rows: number } {
  let header: string[] | undefined
  const source: string[][] = []
  for (const name of FIXTURES) {
    const text = readFileSync(join(root, 'test/fixtures/opendata', name), 'utf8').replace(/^\uFEFF/, '')
    const [head, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data
    header ??= head
    if (head!.join() !== header!.join()) throw new Error(`${name}: not the same header`)
    source.push(...rows)
  }
  const col = (n: string) => header!.indexOf(n)
  const [no, start, end] = [col('NO'), col('開始日'), col('終了日')]
  const day = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10)
  const lines = [Papa.unparse([header!])]
  let size = 0
  let i = 0
  while (size < targetBytes) {
    const row = [...source[i % source.length]!]
    row[no] = String(100_000 + i)
    const from = 1 + (i % 365)
    row[start] = day(from)
    row[end] = day(from + (i % 7 === 0 ? 5 : 0))
    const line = Papa.unparse([row])
    lines.push(line)
    size += new TextEncoder().encode(line).length + 2
    i++
  }
  return { bytes: new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n'), rows: i }
}
