/**
 * `npm run check:data [file.csv …]`: reads class schedules as the app will (default: the sample
 * town's public/data/classes.csv) and prints, per file, rows read, classes found and every
 * skipped row with its line number and reason.
 */
import { readFileSync } from 'node:fs'
import { importSchedule } from '../src/domain/schedule/import.ts'

const municipality = JSON.parse(readFileSync('src/content/municipality.json', 'utf8')) as { schedule: { csvUrl: string; keywords: string[]; allRowsAreClasses: boolean } }
const files = process.argv.slice(2)
if (files.length === 0) files.push(`public/${municipality.schedule.csvUrl}`)
const REASONS = { 'no-name': '名称がありません', 'bad-date': '日付が正しくありません', 'end-before-start': '終了日が開始日より前です' }
let bad = 0
for (const file of files) {
  const r = importSchedule(new Uint8Array(readFileSync(file)), { keywords: municipality.schedule.keywords, allRowsAreClasses: municipality.schedule.allRowsAreClasses })
  console.log(`${file}: ${r.rowsRead} rows read (${r.variant} header), ${r.events} events, ${r.classes.length} classes, ${r.skipped.length} skipped`)
  for (const s of r.skipped) console.log(`  line ${s.line}: skipped — ${REASONS[s.reason]}${s.detail ? `（${s.detail}）` : ''}`)
  if (r.variant === 'unknown') {
    console.log('  the header is not one of the イベント一覧 formats')
    bad++
  }
}
process.exitCode = bad ? 1 : 0
