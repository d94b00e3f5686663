import { createHash } from 'node:crypto'
import { chromium, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { launchOptions } from './browser'
import { filledJuminIdoDraft, ready, recordViolations, serviceWorkerReady } from './helpers'
import { REFERENCE_JUMIN_IDO } from '../test/fixtures/reference-application'
import { writeQrVideo } from './fakeCamera'

/**
 * The Content-Security-Policy in every built HTML file, and a sweep over every screen and the
 * journeys that load something unusual (QR, camera + wasm, downloads, print) proving the app
 * itself never trips it. Violations are recorded in the page (securitypolicyviolation) and
 * reported to the test through an exposed function, so they survive navigations.
 */
/** A filled 住民異動届 draft in IndexedDB; returns its id. */
const filledDraft = (page: Page) => filledJuminIdoDraft(page, REFERENCE_JUMIN_IDO)

const POLICY_META = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/

test('every built HTML file carries the same Content-Security-Policy, before any script or style', () => {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name))
      else if (e.name.endsWith('.html')) files.push(join(dir, e.name))
    }
  }
  walk('dist')
  expect(files.length).toBeGreaterThan(15)
  const policies = new Set<string>()
  for (const file of files) {
    const html = readFileSync(file, 'utf8')
    const m = html.match(POLICY_META)
    expect(m, relative('dist', file)).not.toBeNull()
    policies.add(m![1]!)
    // a policy only covers what comes after it
    expect(html.indexOf(m![0]), relative('dist', file)).toBeLessThan(html.search(/<script|<link rel="stylesheet"/))
  }
  expect([...policies]).toHaveLength(1)
  // the line README tells a host to copy into its response header
  expect(readFileSync('dist/content-security-policy.txt', 'utf8')).toBe(`${[...policies][0]}; frame-ancestors 'none'\n`)
  const directives = Object.fromEntries([...policies][0]!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]))
  expect(directives).toMatchObject({ 'default-src': "'self'", 'object-src': "'none'", 'base-uri': "'self'", 'form-action': "'none'" })
  // one inline script may run: the head script, named by its hash (build/prerender.ts), and it is
  // the only inline script in every file, so the hash is the one it has
  expect(directives['script-src']).toMatch(/^'self' 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval'$/)
  expect(directives['script-src']).not.toContain('unsafe-inline')
  const hash = directives['script-src']!.split(' ')[1]!.slice(8, -1)
  for (const file of files) {
    const inline = [...readFileSync(file, 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!)
    expect(inline, relative('dist', file)).toHaveLength(1)
    expect(createHash('sha256').update(inline[0]!).digest('base64'), relative('dist', file)).toBe(hash)
  }
  expect(directives['style-src']).not.toContain('unsafe-inline')
})

test('the policy is enforced: an injected inline script does not run and is recorded', async ({ page, context }) => {
  const seen = await recordViolations(context)
  await page.goto('/')
  await ready(page)
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script')
    s.textContent = 'window.__injected = true'
    document.body.append(s)
    const img = document.createElement('img')
    img.src = 'https://example.com/pixel.png'
    document.body.append(img)
    await new Promise((r) => setTimeout(r, 200))
    return (window as unknown as { __injected?: boolean }).__injected === true
  })
  expect(ran).toBe(false)
  await expect.poll(() => seen.map((v) => v.directive).sort()).toEqual(['img-src', 'script-src-elem'])
})

// Every screen in every language is walked with the policy recorder by sweep.spec.ts.

test('no journey trips the policy: a filled form to its QR, class .ics, volunteer CSV, guide print', async ({ page, context }) => {
  test.setTimeout(90_000)
  const seen = await recordViolations(context)
  await page.goto('/')
  await serviceWorkerReady(page)
  const id = await filledDraft(page)
  for (const step of ['form', 'check', 'qr']) {
    await page.goto(`/counter/${step}?draft=${id}`)
    await ready(page)
  }
  await expect(page.getByTestId('qr')).toBeVisible()

  await page.goto('/classes/999990-0002')
  await ready(page)
  const [ics] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ics').click()])
  expect(ics.suggestedFilename()).toMatch(/\.ics$/)

  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+09:00'))
  await page.goto('/volunteer')
  await ready(page)
  await page.locator('#organizer').selectOption('デジタル推進委員の会')
  await page.getByTestId('my-class').first().getByRole('link', { name: '記録する' }).click()
  await page.getByTestId('plus').click()
  await expect(page.getByTestId('record-saved')).toContainText('保存しました')
  await page.goto('/volunteer')
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  expect(csv.suggestedFilename()).toMatch(/\.csv$/)

  await page.goto('/guides/mynumber-pins')
  await ready(page)
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByTestId('guide-print').locator('.qr-code')).toBeVisible()
  await page.emulateMedia({ media: 'screen' })
  expect(seen).toEqual([])
})

// The counter PC's camera reading the resident's QR (the fake camera plays a video of it) loads
// the reader's WebAssembly; then the staff export and print.
let dir: string
let cameraBrowser: Browser

test.describe('the staff page with the camera', () => {
  test.beforeAll(async ({ browser }, info) => {
    dir = mkdtempSync(join(tmpdir(), 'yorisoi-csp-camera-'))
    const page = await browser.newPage({ baseURL: info.project.use.baseURL, viewport: { width: 375, height: 667 } })
    const id = await filledDraft(page)
    await page.goto(`/counter/qr?draft=${id}`)
    const qr = await page.getByTestId('qr').screenshot()
    await page.close()
    const video = join(dir, 'qr.y4m')
    writeQrVideo(qr, video)
    cameraBrowser = await chromium.launch(launchOptions(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]))
  })

  test.afterAll(async () => {
    await cameraBrowser?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  test('no journey trips the policy: camera + wasm reader, CSV and JSON export, print', async ({}, info) => {
    test.setTimeout(60_000)
    const context = await cameraBrowser.newContext({ baseURL: info.project.use.baseURL, viewport: { width: 1280, height: 800 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', permissions: ['camera'], acceptDownloads: true })
    const seen = await recordViolations(context)
    const page = await context.newPage()
    await page.goto('/staff')
    await ready(page)
    await page.getByTestId('camera-start').click()
    // the first read compiles the 1 MB wasm reader: slow on a busy 2-core machine
    await expect(page.getByTestId('application').locator('.replica__title')).toHaveText('住民異動届', { timeout: 45_000 })
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
    expect(csv.suggestedFilename()).toMatch(/\.csv$/)
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()])
    expect(json.suggestedFilename()).toMatch(/\.json$/)
    await page.evaluate(() => (window.print = () => undefined))
    await page.getByTestId('print').click()
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByTestId('application')).toBeVisible()
    await context.close()
    expect(seen).toEqual([])
  })
})
