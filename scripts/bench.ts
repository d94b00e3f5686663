/**
 * `npm run bench`: builds Yorisoi and the floor app, then prints the figures the issues ask for
 * and writes them as JSON to `.bench/` (git-ignored).
 *
 * - first paint of `/`: gzip bytes of every JS and CSS file the browser loads before the home
 *   page renders — the entry chunk, its static imports (transitively) and their CSS, read from
 *   Vite's build manifest. Lazy chunks (other routes, the service worker glue) do not count.
 * - floor: the same figure for `bench/floor`, a bare Vite + Vue + vue-router page built in the
 *   same run with the same Vite, so the ratio measures what Yorisoi adds on top of the stack.
 * - precache: every URL in the generated service worker's precache manifest, gzip bytes.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import QRCode from 'qrcode'
import { encodePayload } from '../src/domain/payload/index.ts'
import { qrSvgPath } from '../src/domain/payload/qrPath.ts'
import type { FormDefinition } from '../src/domain/forms/types.ts'
import { REFERENCE_JUMIN_IDO } from '../test/fixtures/reference-application.ts'
import { fullApplication } from '../test/fixtures/full-applications.ts'
import { currentForms } from '../src/domain/forms/index.ts'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import { chromium } from '@playwright/test'
import { launchOptions } from '../e2e/browser.ts'
import { importSchedule } from '../src/domain/schedule/import.ts'
import { filterClasses } from '../src/domain/schedule/filter.ts'
import { startStaticServer } from '../e2e/static-server.ts'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { firstPaintFiles, precacheUrls, type Manifest } from './bench-lib.ts'
import { bigSchedule } from '../bench/bigSchedule.ts'
import { scheduleInBrowser } from '../bench/scheduleInBrowser.ts'
import { lighthouseRoutes, type PageFigures } from '../bench/lighthouse.ts'
import { ROUTES } from '../e2e/helpers.ts'
import { existsSync } from 'node:fs'
import { ADDED_LANGUAGES } from '../src/domain/language.ts'


const root = resolve(import.meta.dirname, '..')
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length

function build(args: string[], env: Record<string, string> = {}): void {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  })
}

function firstPaint(dist: string) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest
  const files = firstPaintFiles(readFileSync(join(dist, 'index.html'), 'utf8'), manifest)
  const bytes = files.reduce((sum, f) => sum + gz(join(dist, f)), 0)
  return { files, bytes }
}

/**
 * What each added language costs its user (issue 17), from the built files (vite.config.ts names
 * them lang-<lang>-…): the first paint of `/` in that language — the Japanese first paint plus
 * the language's module, which main.ts waits for before it renders — and every file of the
 * language, which the app fetches once it is chosen so it works offline.
 */
function languageCosts(dist: string, japaneseFirstPaint: number) {
  const assets = readdirSync(join(dist, 'assets'))
  return ADDED_LANGUAGES.map((lang) => {
    const files = assets.filter((n) => n.startsWith(`lang-${lang}-`))
    const index = files.find((n) => n.startsWith(`lang-${lang}-index-`))
    if (!index) throw new Error(`no language module for ${lang} in ${dist}/assets`)
    const firstPaint = japaneseFirstPaint + gz(join(dist, 'assets', index))
    return { lang, firstPaintGzip: firstPaint, overJapaneseGzip: firstPaint - japaneseFirstPaint, files: files.length, allFilesGzip: files.reduce((sum, f) => sum + gz(join(dist, 'assets', f)), 0) }
  })
}

function precache(dist: string) {
  const urls = precacheUrls(readFileSync(join(dist, 'sw.js'), 'utf8'))
  if (urls.length === 0) throw new Error('found no precache entries in dist/sw.js')
  // the worker script and its workbox runtime are downloaded by every installed client too
  const workers = ['sw.js', ...readFileSync(join(dist, 'sw.js'), 'utf8').match(/workbox-[0-9a-f]+/g)!.slice(0, 1).map((w) => `${w}.js`)]
  const all = [...new Set([...urls, ...workers])]
  return { entries: urls.length, bytes: all.reduce((sum, u) => sum + gz(join(dist, u)), 0), raw: all.reduce((s, u) => s + readFileSync(join(dist, u)).length, 0) }
}

/** Every shipped form file (tsx has no import.meta.glob: the same files src/content/forms/index.ts ships). */
function shippedForms(): FormDefinition[] {
  const dir = join(root, 'src/content/forms')
  return readdirSync(dir)
    .filter((f) => /\.v\d+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FormDefinition)
}

/** The reference 住民異動届 (4 persons, full addresses) as our digits and as plain JSON text. */
function payloadFigures() {
  const form = findNewest(shippedForms(), 'jumin-ido')
  const parts = encodePayload(form, REFERENCE_JUMIN_IDO)
  const json = new TextEncoder().encode(JSON.stringify(REFERENCE_JUMIN_IDO))
  const jsonVersion = QRCode.create([{ data: json, mode: 'byte' }], { errorCorrectionLevel: 'M' }).version
  const times: number[] = []
  for (let i = 0; i < 220; i++) {
    const t0 = performance.now()
    encodePayload(form, REFERENCE_JUMIN_IDO).forEach((p) => qrSvgPath(p))
    if (i >= 20) times.push(performance.now() - t0) // the first runs warm up the JIT
  }
  times.sort((a, b) => a - b)
  return {
    parts: parts.length,
    digits: parts.reduce((n, p) => n + p.length, 0),
    qrVersion: Math.max(...parts.map((p) => qrSvgPath(p).version)),
    jsonBytes: json.length,
    jsonQrVersion: jsonVersion,
    encodeRenderMedianMs: Number(times[Math.floor(times.length / 2)]!.toFixed(2)),
    runs: times.length,
  }
}
const findNewest = (forms: FormDefinition[], id: string) => forms.filter((f) => f.id === id).sort((a, b) => b.version - a.version)[0]!

/** Digits one QR code of version 20 holds in numeric mode at M: the per-form target. */
export const QR_V20_M_NUMERIC_DIGITS = 1600

export interface FormFigure {
  id: string
  version: number
  title: string
  /** The largest group filled (persons, children…), 0 when the form has none. */
  items: number
  digits: number
  /** Codes the app makes (it splits only past version 25). */
  parts: number
  qrVersion: number
  /** Codes needed if each must be ≤ version 20 at M (the target: 1 for every form). */
  partsAtV20: number
}

/**
 * For each form (newest version) a full, realistic application (test/fixtures/full-applications.ts, `long`:
 * every field that can show filled, choices that make the code longest, names and text up to 12
 * kanji, addresses up to 32, at most 4 people in a group):
 * its digits and QR version at M, and how many codes it needs to stay ≤ version 20.
 */
export function formFigures(forms: FormDefinition[] = shippedForms()): FormFigure[] {
  return currentForms(forms).map((form) => {
    const answers = fullApplication(form, 'long')
    const parts = encodePayload(form, answers)
    const items = Math.max(0, ...form.fields.map((f) => (f.type === 'group' ? (answers[f.id] as unknown[]).length : 0)))
    return {
      id: form.id,
      version: form.version,
      title: form.title.ja,
      items,
      digits: parts.reduce((n, p) => n + p.length, 0),
      parts: parts.length,
      qrVersion: Math.max(...parts.map((p) => qrSvgPath(p).version)),
      partsAtV20: encodePayload(form, answers, { maxDigitsPerPart: QR_V20_M_NUMERIC_DIGITS }).length,
    }
  })
}

export function formTable(figures: FormFigure[]): string {
  const head = ['form', 'title', 'max items', 'digits', 'QR ver. (M)', '≤ v20?', 'codes at ≤ v20']
  const body = figures.map((f) => [`${f.id} v${f.version}`, f.title, f.items ? String(f.items) : '', String(f.digits), String(f.qrVersion), f.qrVersion <= 20 ? 'yes' : 'NO', f.partsAtV20 > 1 ? `${f.partsAtV20} (needs ${f.partsAtV20} parts)` : '1'])
  // full-width titles take two columns each
  const width = (s: string) => [...s].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0)
  const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))))
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i]!))))
  const fmt = (cells: string[]) => '  ' + cells.map((c, i) => pad(c, widths[i]!, i >= 2 && i <= 4)).join('  ')
  const twoParts = figures.filter((f) => f.partsAtV20 > 1)
  return [
    '',
    '  Per form: the longest realistic application (every field that can show, text 12 kanji, addresses 32, at most 4 people)',
    '  target: one QR code ≤ version 20 at M (1,600 digits) for each form',
    fmt(head),
    ...body.map(fmt),
    `  ${twoParts.length ? `need two or more parts at ≤ v20: ${twoParts.map((f) => `${f.id} (${f.digits} digits, ${f.items} items)`).join(', ')}` : 'every form fits one code ≤ version 20'}`,
  ].join('\n')
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** One 640×480 camera frame holding the code (440 px square, white around), as RGBA. */
function cameraFrame(digits: string): ImageData {
  const qr = QRCode.create([{ data: digits, mode: 'numeric' }], { errorCorrectionLevel: 'M' })
  const W = 640
  const H = 480
  const n = qr.modules.size + 8
  const scale = Math.floor(440 / n)
  const data = new Uint8ClampedArray(W * H * 4).fill(255)
  const ox = Math.floor((W - n * scale) / 2)
  const oy = Math.floor((H - n * scale) / 2)
  for (let y = 0; y < qr.modules.size; y++)
    for (let x = 0; x < qr.modules.size; x++)
      if (qr.modules.get(y, x))
        for (let dy = 0; dy < scale; dy++)
          for (let dx = 0; dx < scale; dx++) {
            const i = ((oy + (y + 4) * scale + dy) * W + ox + (x + 4) * scale + dx) * 4
            data[i] = data[i + 1] = data[i + 2] = 0
          }
  return { data, width: W, height: H, colorSpace: 'srgb' } as ImageData
}

/** The staff side: zxing-wasm (the camera's reader where the browser has none) on one frame. */
async function frameDecode(digits: string) {
  prepareZXingModule({ overrides: { wasmBinary: readFileSync(join(root, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm')).buffer as ArrayBuffer }, fireImmediately: true })
  const frame = cameraFrame(digits)
  const times: number[] = []
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now()
    const found = await readBarcodes(frame, { formats: ['QRCode'], tryHarder: false })
    if (found[0]?.text !== digits) throw new Error('the reference frame did not decode')
    if (i >= 10) times.push(performance.now() - t0)
  }
  return { medianMs: Number(median(times).toFixed(2)), runs: times.length }
}

/** Enter pressed in the reading field → application rendered, in Chromium, from performance marks. */
async function enterToRender(digits: string) {
  const server = await startStaticServer(join(root, 'dist'))
  const browser = await chromium.launch(launchOptions())
  try {
    const page = await browser.newPage()
    await page.goto(`${server.url}/staff`)
    await page.getByTestId('reader').waitFor()
    const times: number[] = []
    for (let i = 0; i < 21; i++) {
      await page.evaluate(() => performance.clearMarks())
      await page.getByTestId('reader').focus()
      await page.keyboard.insertText(digits)
      await page.keyboard.press('Enter')
      await page.getByTestId('application').waitFor()
      const ms = await page.evaluate(() => {
        const enter = performance.getEntriesByName('yorisoi:staff-enter').at(-1)
        const done = performance.getEntriesByName('yorisoi:staff-rendered').at(-1)
        return enter && done ? done.startTime - enter.startTime : NaN
      })
      if (i > 0) times.push(ms)
      await page.getByTestId('clear').click()
    }
    return { medianMs: Number(median(times).toFixed(1)), runs: times.length }
  } finally {
    await browser.close()
    await server.close()
  }
}

/** Importing schedules and filtering classes, on the real 中野区 file and a synthetic 5,000 rows. */
function scheduleFigures() {
  const keywords = (JSON.parse(readFileSync(join(root, 'src/content/municipality.json'), 'utf8')) as { schedule: { keywords: string[] } }).schedule.keywords
  const nakano = new Uint8Array(readFileSync(join(root, 'test/fixtures/opendata/event-131148-nakano.csv')))
  const sample = readFileSync(join(root, 'public/data/classes.csv'), 'utf8').replace(/^\uFEFF/, '').split('\r\n')
  const [header, ...rows] = sample.filter(Boolean)
  const lines = [header!]
  for (let i = 0; i < 5000; i++) {
    const day = new Date(Date.UTC(2027, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10)
    lines.push(rows[i % rows.length]!.replace(/^\d+/, String(10_000 + i)).replace(/20\d\d-\d\d-\d\d,20\d\d-\d\d-\d\d/, `${day},${day}`))
  }
  const big = new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n')
  const time = (fn: () => unknown, runs: number) => {
    const ts: number[] = []
    for (let i = 0; i < runs + 3; i++) {
      const t0 = performance.now()
      fn()
      if (i >= 3) ts.push(performance.now() - t0)
    }
    return Number(median(ts).toFixed(2))
  }
  const imported = importSchedule(big, { keywords, allRowsAreClasses: true }).classes
  if (imported.length !== 5000) throw new Error(`synthetic schedule: ${imported.length} classes`)
  return {
    nakanoImportMs: time(() => importSchedule(nakano, { keywords }), 30),
    import5000Ms: time(() => importSchedule(big, { keywords, allRowsAreClasses: true }), 15),
    filter5000Ms: time(() => filterClasses(imported, { topic: 'line', text: '講座', period: 'month' }, '2027-03-01'), 50),
  }
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`

async function main(): Promise<void> {
  const started = Date.now()
  // `npm run bench -- --forms` (or BENCH_ONLY=forms): only the per-form QR table, in seconds, no build
  if (process.argv.includes('--forms') || process.env.BENCH_ONLY === 'forms') {
    const qr = payloadFigures()
    console.log(`\n  reference 住民異動届 (4 persons): ${qr.digits} digits, ${qr.parts} QR code(s), version ${qr.qrVersion} at M (aim ≤ 16)`)
    console.log(formTable(formFigures()))
    return
  }
  build([])
  build(['bench/floor'])
  const app = firstPaint(join(root, 'dist'))
  const floor = firstPaint(join(root, 'bench/floor/dist'))
  const pre = precache(join(root, 'dist'))
  const languages = languageCosts(join(root, 'dist'), app.bytes)
  const ratio = app.bytes / floor.bytes
  const qr = payloadFigures()
  const perForm = formFigures()
  const reference = encodePayload(findNewest(shippedForms(), 'jumin-ido'), REFERENCE_JUMIN_IDO)[0]!
  const decode = await frameDecode(reference)
  const enter = await enterToRender(reference)
  const schedule = scheduleFigures()
  // a 10 MB file (~12,000 rows) built from the real town files, imported and filtered by the built app
  const big = bigSchedule(root)
  const large = await scheduleInBrowser(join(root, 'dist'), big.bytes, 'line', 2)
  // what a phone sees on a first visit (issue 16): Lighthouse mobile, median of BENCH_LH_RUNS (3); 0 skips Lighthouse
  const lhRuns = Number(process.env.BENCH_LH_RUNS ?? 3)
  const perfPaths = ['/', '/classes', '/guides', '/guides/mynumber-pins', '/counter', '/volunteer/plan', ...(existsSync(join(root, 'dist/life/index.html')) ? ['/life'] : [])]
  const floorLh = lhRuns > 0 ? (await lighthouseRoutes(join(root, 'bench/floor/dist'), ['/'], lhRuns))[0]! : undefined
  const appLh = lhRuns > 0 ? await lighthouseRoutes(join(root, 'dist'), perfPaths, lhRuns) : []
  // every other route once: accessibility, best practices and SEO do not depend on timing
  const otherLh = lhRuns > 0 ? await lighthouseRoutes(join(root, 'dist'), ROUTES.filter((r) => !perfPaths.includes(r)), 1) : []
  const results = {
    date: new Date().toISOString(),
    lighthouse: { runs: lhRuns, floor: floorLh, routes: appLh, otherRoutes: otherLh },
    firstPaint: { bytesGzip: app.bytes, files: app.files },
    floor: { bytesGzip: floor.bytes, files: floor.files },
    firstPaintRatio: Number(ratio.toFixed(3)),
    precache: { entries: pre.entries, bytesGzip: pre.bytes, bytesRaw: pre.raw },
    languages,
    referencePayload: qr,
    forms: perForm,
    schedule,
    largeSchedule: { bytes: big.bytes.length, rows: big.rows, ...large },
    staff: { frameDecodeMedianMs: decode.medianMs, frameDecodeRuns: decode.runs, enterToRenderMedianMs: enter.medianMs, enterToRenderRuns: enter.runs },
  }
  const rows: [string, string, string][] = [
    ['first paint of / (JS+CSS, gzip)', kB(app.bytes), `${app.files.length} files`],
    ['floor app (Vite+Vue+vue-router)', kB(floor.bytes), `${floor.files.length} files`],
    ['ratio first paint / floor', ratio.toFixed(2), 'target ≤ 1.50'],
    ['precache total (gzip)', kB(pre.bytes), `${pre.entries} entries + worker; target ≤ 400 kB`],
    ...languages.map((l): [string, string, string] => [`first paint of / in ${l.lang} (gzip)`, kB(l.firstPaintGzip), `ja + ${kB(l.overJapaneseGzip)}${l.lang === 'vi' ? ' (target: within 2 kB of ja)' : ''}`]),
    ...languages.map((l): [string, string, string] => [`  every ${l.lang} file, fetched once chosen`, kB(l.allFilesGzip), `${l.files} files, not precached`]),
    ['reference 住民異動届 (4 persons): digits', String(qr.digits), `${qr.parts} QR code(s)`],
    ['  QR version at M, numeric mode', String(qr.qrVersion), 'target ≤ 20, aim ≤ 16'],
    ['  same answers as JSON text: bytes', String(qr.jsonBytes), ''],
    ['  QR version at M, byte mode', String(qr.jsonQrVersion), ''],
    ['  encode + render, median', `${qr.encodeRenderMedianMs} ms`, `${qr.runs} runs; target ≤ 50 ms`],
    ['staff: decode one 640×480 frame, median', `${decode.medianMs} ms`, `${decode.runs} runs, zxing-wasm; target ≤ 30 ms`],
    ['staff: Enter → application rendered', `${enter.medianMs} ms`, `${enter.runs} runs in Chromium; target ≤ 100 ms`],
    ['classes: import 中野区 file (42 rows)', `${schedule.nakanoImportMs} ms`, 'median of 30'],
    ['classes: import 5,000 rows', `${schedule.import5000Ms} ms`, 'median of 15; target ≤ 150 ms'],
    ['classes: filter 5,000 classes', `${schedule.filter5000Ms} ms`, 'median of 50; target ≤ 16 ms'],
    [`classes: 10 MB file (${big.rows} rows): longest main-thread task`, `${large.longestTaskMs} ms`, `import + list in Chromium, worst of ${large.longestTaskRunsMs.length}; target ≤ 200 ms`],
    ['  filter keystroke → next paint, median', `${large.keystrokeMedianMs} ms`, `${large.keystrokes} keys (Event Timing); target ≤ 100 ms`],
    ['  filter keystroke → next paint, worst', `${large.keystrokeMaxMs} ms`, 'target ≤ 100 ms'],
  ]
  const w = Math.max(...rows.map((r) => r[0].length))
  const lhTable = floorLh ? lighthouseTable(floorLh, appLh, otherLh, lhRuns) : '\n  Lighthouse skipped (BENCH_LH_RUNS=0)'
  console.log(`\nYorisoi bench (${((Date.now() - started) / 1000).toFixed(1)} s)\n`)
  for (const [name, value, note] of rows) console.log(`  ${name.padEnd(w)}  ${value.padStart(9)}  ${note}`)
  console.log(formTable(perForm))
  console.log(lhTable)
  mkdirSync(join(root, '.bench'), { recursive: true })
  writeFileSync(join(root, '.bench/results.json'), JSON.stringify(results, null, 2) + '\n')
  console.log('\n  written to .bench/results.json')
}

/** The Lighthouse figures as a table: targets LCP ≤ 1.3× floor, score ≥ 98, TBT ≤ 100 ms, CLS ≤ 0.01, a11y/BP/SEO 100. */
function lighthouseTable(floor: PageFigures, routes: PageFigures[], others: PageFigures[], runs: number): string {
  const head = ['route', 'LCP ms', '× floor', 'score', 'TBT ms', 'CLS', 'JS+CSS before FCP', 'by idle', 'a11y/BP/SEO', 'each run: score/TBT']
  const line = (f: PageFigures, floorLcp?: number) => [
    f.path,
    String(f.lcpMs),
    floorLcp ? (f.lcpMs / floorLcp).toFixed(2) : '',
    String(f.score),
    String(f.tbtMs),
    f.cls.toFixed(3),
    kB(f.bytesBeforeFcp),
    kB(f.bytesByIdle),
    `${f.accessibility}/${f.bestPractices}/${f.seo}`,
    f.runs && f.runs.length > 1 ? f.runs.map((r) => `${r.score}/${r.tbtMs}`).join(' ') : '',
  ]
  const body = [line({ ...floor, path: 'floor app /' }), ...routes.map((r) => line(r, floor.lcpMs)), ...others.map((r) => line(r, floor.lcpMs))]
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const fmt = (cells: string[]) => '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [
    '',
    `  Lighthouse mobile (slow 4G, 4× CPU), ja, median of ${runs} by LCP for the first ${routes.length} routes, 1 run for the rest`,
    '  targets: LCP ≤ 1.30× floor, score ≥ 98, TBT ≤ 100 ms, CLS ≤ 0.01; accessibility, best practices, SEO 100 on every route',
    fmt(head),
    ...body.map(fmt),
  ].join('\n')
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main()
