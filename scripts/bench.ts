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
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
  css?: string[]
}
type Manifest = Record<string, ManifestChunk>

const root = resolve(import.meta.dirname, '..')
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length

function build(args: string[], env: Record<string, string> = {}): void {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  })
}

/**
 * Files the first paint needs: what index.html loads (module scripts and stylesheets), plus the
 * static imports of those scripts, transitively, and their CSS, as the build manifest lists them.
 */
export function firstPaintFiles(html: string, manifest: Manifest): string[] {
  const files = new Set<string>()
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]))
  const seen = new Set<string>()
  const walk = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    if (!chunk) throw new Error(`manifest has no chunk ${key}`)
    files.add(chunk.file)
    chunk.css?.forEach((c) => files.add(c))
    chunk.imports?.forEach(walk)
  }
  const loaded = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
  ].map((url) => url.replace(/^.*?\/(assets\/)/, '$1'))
  if (loaded.length === 0) throw new Error('index.html loads no script or stylesheet')
  for (const file of loaded) {
    files.add(file)
    const key = byFile.get(file)
    if (key) walk(key)
  }
  return [...files]
}

function firstPaint(dist: string) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest
  const files = firstPaintFiles(readFileSync(join(dist, 'index.html'), 'utf8'), manifest)
  const bytes = files.reduce((sum, f) => sum + gz(join(dist, f)), 0)
  return { files, bytes }
}

/** URLs listed in workbox's precache manifest inside dist/sw.js. */
export function precacheUrls(sw: string): string[] {
  return [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"[^"]*"|null)\}/g)].map((m) => m[1]!)
}

function precache(dist: string) {
  const urls = precacheUrls(readFileSync(join(dist, 'sw.js'), 'utf8'))
  if (urls.length === 0) throw new Error('found no precache entries in dist/sw.js')
  // the worker script and its workbox runtime are downloaded by every installed client too
  const workers = ['sw.js', ...readFileSync(join(dist, 'sw.js'), 'utf8').match(/workbox-[0-9a-f]+/g)!.slice(0, 1).map((w) => `${w}.js`)]
  const all = [...new Set([...urls, ...workers])]
  return { entries: urls.length, bytes: all.reduce((sum, u) => sum + gz(join(dist, u)), 0), raw: all.reduce((s, u) => s + readFileSync(join(dist, u)).length, 0) }
}

/** The reference 住民異動届 (4 persons, full addresses) as our digits and as plain JSON text. */
function payloadFigures() {
  const dir = join(root, 'src/content/forms')
  const forms = readdirSync(dir)
    .filter((f) => /\.v\d+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FormDefinition)
  const form = forms.filter((f) => f.id === 'jumin-ido').sort((a, b) => b.version - a.version)[0]!
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

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`

function main(): void {
  const started = Date.now()
  build([])
  build(['bench/floor'])
  const app = firstPaint(join(root, 'dist'))
  const floor = firstPaint(join(root, 'bench/floor/dist'))
  const pre = precache(join(root, 'dist'))
  const ratio = app.bytes / floor.bytes
  const qr = payloadFigures()
  const results = {
    date: new Date().toISOString(),
    firstPaint: { bytesGzip: app.bytes, files: app.files },
    floor: { bytesGzip: floor.bytes, files: floor.files },
    firstPaintRatio: Number(ratio.toFixed(3)),
    precache: { entries: pre.entries, bytesGzip: pre.bytes, bytesRaw: pre.raw },
    referencePayload: qr,
  }
  const rows: [string, string, string][] = [
    ['first paint of / (JS+CSS, gzip)', kB(app.bytes), `${app.files.length} files`],
    ['floor app (Vite+Vue+vue-router)', kB(floor.bytes), `${floor.files.length} files`],
    ['ratio first paint / floor', ratio.toFixed(2), 'target ≤ 1.50'],
    ['precache total (gzip)', kB(pre.bytes), `${pre.entries} entries + worker; target ≤ 400 kB`],
    ['reference 住民異動届 (4 persons): digits', String(qr.digits), `${qr.parts} QR code(s)`],
    ['  QR version at M, numeric mode', String(qr.qrVersion), 'target ≤ 20, aim ≤ 16'],
    ['  same answers as JSON text: bytes', String(qr.jsonBytes), ''],
    ['  QR version at M, byte mode', String(qr.jsonQrVersion), ''],
    ['  encode + render, median', `${qr.encodeRenderMedianMs} ms`, `${qr.runs} runs; target ≤ 50 ms`],
  ]
  const w = Math.max(...rows.map((r) => r[0].length))
  console.log(`\nYorisoi bench (${((Date.now() - started) / 1000).toFixed(1)} s)\n`)
  for (const [name, value, note] of rows) console.log(`  ${name.padEnd(w)}  ${value.padStart(9)}  ${note}`)
  mkdirSync(join(root, '.bench'), { recursive: true })
  writeFileSync(join(root, '.bench/results.json'), JSON.stringify(results, null, 2) + '\n')
  console.log('\n  written to .bench/results.json')
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main()
