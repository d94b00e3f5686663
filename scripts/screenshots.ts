/**
 * A screenshot sweep for looking at every screen at once (not a test): `npm run screenshots`
 * builds the app fresh, serves dist/ with the e2e static server, and writes a PNG of every route
 * in ja / ja-easy / en, at 375x667 and 1280x800, at 標準 and 特大, plus the "scenes" that need
 * state (a filled form, the check and QR pages, the staff result after a paste, print media),
 * into screenshots/ with an index.html to browse them.
 *
 * Routes are derived, not hand-kept: the router's fixed paths (STATIC_ROUTE_PATHS), home, and a
 * sample of the guide paths the build writes (one overview, one step, the done page).
 * Add a page that needs state by adding an entry to SCENES (くらしの手続きナビ: a question screen
 * and the answered checklists, as /life/event and /life/checklist need an event and answers).
 *
 *   npm run screenshots                  # everything
 *   npm run screenshots -- --no-build    # reuse dist/
 *   npm run screenshots -- --only=/staff # paths or scene names containing this
 */
import { execSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { launchOptions } from '../e2e/browser'
import { startStaticServer } from '../e2e/static-server'
import { STATIC_ROUTE_PATHS } from '../src/app/paths'
import { guidePaths } from '../build/content-check'
import { encodePayload } from '../src/domain/payload'
import type { FormDefinition } from '../src/domain/forms/types'
import { ADDED_LANGUAGES, LANGUAGES, type Language } from '../src/domain/language'
import ido from '../src/content/forms/jumin-ido.v1.json' with { type: 'json' }
import { REFERENCE_JUMIN_IDO } from '../test/fixtures/reference-application'
import { VISIT_APPLICATIONS } from '../test/fixtures/visit-applications'
import hyo from '../src/content/forms/jumin-hyo.v1.json' with { type: 'json' }
import koseki from '../src/content/forms/koseki-shomei.v1.json' with { type: 'json' }

type Lang = Language
type Size = 'standard' | 'xlarge'
/** Every shipped language; the added ones at 375 px only (the wide layout is the same CSS, and they are many). */
const LANGS: Lang[] = [...LANGUAGES]
const phoneOnly = (lang: Lang, variants: Variant[]): Variant[] => ((ADDED_LANGUAGES as readonly string[]).includes(lang) ? variants.filter((v) => v.viewport.width === 375) : variants)
const VIEWPORTS = [
  { name: '375x667', width: 375, height: 667 },
  { name: '1280x800', width: 1280, height: 800 },
] as const
const SIZES: Size[] = ['standard', 'xlarge']
const OUT = resolve('screenshots')
const PARALLEL = 3

interface Variant {
  viewport: (typeof VIEWPORTS)[number]
  size: Size
}
const ALL_VARIANTS: Variant[] = VIEWPORTS.flatMap((viewport) => SIZES.map((size) => ({ viewport, size })))
const PRINT: Variant[] = [{ viewport: VIEWPORTS[1], size: 'standard' }]

/**
 * A page that needs state. `setup` runs once per language in a fresh browser context (its own
 * storage), starting from a blank page with the language set; then every variant is captured.
 */
interface Scene {
  name: string
  langs?: Lang[]
  variants?: Variant[]
  media?: 'print'
  setup(page: Page, base: string): Promise<void>
}

const FORM = ido as unknown as FormDefinition

async function ready(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor()
  // a prerendered page (build/prerender.ts) is shown before the app runs it
  await page.waitForFunction(() => !['show', 'hide'].includes(document.documentElement.dataset.prerender ?? ''))
}

async function fillDate(page: Page, scope: string, era: string, y: string, m: string, d: string): Promise<void> {
  const box = page.locator(`#${scope}`)
  await box.locator('select').selectOption(era)
  await box.locator('input').nth(0).fill(y)
  await box.locator('input').nth(1).fill(m)
  await box.locator('input').nth(2).fill(d)
}

/** わたしの情報 and a 住民異動届 filled as in e2e/counter.spec.ts; ends on the form. */
async function fillJuminIdo(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/counter/profile`)
  await ready(page)
  await page.locator('input[name="name"]').fill('髙橋 太郎')
  await page.locator('input[name="kana"]').fill('タカハシ　タロウ')
  await fillDate(page, 'f-birthDate', 'showa', '25', '3', '4')
  await page.locator('input[name="postalCode"]').fill('123-4567')
  await page.locator('input[name="address"]').fill('見本県サンプル市本町三丁目12番地の34')
  await page.locator('input[name="phone"]').fill('090-1234-5678')
  await page.getByTestId('save-profile').click()
  // kept before the page is left (the first save also creates the database), as a resident waits for 「保存しました」
  await page.waitForFunction(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'yorisoi')) return false
    const open = indexedDB.open('yorisoi')
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)))
    try {
      if (!db.objectStoreNames.contains('profile')) return false
      const get = db.transaction('profile').objectStore('profile').get('me')
      return await new Promise((r) => (get.onsuccess = () => r(get.result !== undefined)))
    } finally {
      db.close()
    }
  })
  await page.goto(`${base}/counter`)
  await ready(page)
  await page.getByTestId('start-jumin-ido').click()
  await page.waitForURL(/\/counter\/form/)
  await ready(page)
  await page.locator('input[name="kind"][value="tenkyo"]').check()
  await fillDate(page, 'f-moveDate', 'reiwa', '8', '11', '20')
  await page.locator('input[name="newAddress"]').fill('見本県サンプル市本町三丁目12番地の34')
  await page.locator('input[name="oldAddress"]').fill('見本県サンプル市北町1-2-3')
  await page.locator('input[name="headName"]').fill('髙橋 太郎')
  await page.locator('input[name="filer"][value="self"]').check()
  const person = page.getByTestId('persons-0')
  await person.locator('input[name="sex"][value="male"]').check()
  await person.locator('select[name="relationship"]').selectOption('head')
  await page.waitForTimeout(500) // the autosave
}

async function toCheck(page: Page, base: string): Promise<void> {
  await fillJuminIdo(page, base)
  await page.getByTestId('to-check').click()
  await page.waitForURL(/\/counter\/check/)
  await ready(page)
}

async function staffResult(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/staff`)
  await ready(page)
  const [code] = encodePayload(FORM, REFERENCE_JUMIN_IDO)
  await page.getByTestId('reader').fill(code!)
  await page.getByTestId('reader').press('Enter')
  await page.getByTestId('application').waitFor()
}

/** くらしの手続きナビ answered through its screens, as e2e/life.spec.ts does; ends on the checklist. */
async function lifeChecklist(page: Page, base: string, event: string, answers: Record<string, string | string[]>, date: [string, string, string, string]): Promise<void> {
  await page.goto(`${base}/life/event?id=${event}`)
  for (let i = 0; i < 20; i++) {
    await ready(page)
    const url = new URL(page.url())
    if (url.pathname === '/life/checklist') return
    const step = url.searchParams.get('step')
    if (step === 'date') await fillDate(page, 'life-date', ...date)
    else if (step) for (const v of [answers[step] ?? 'unknown'].flat()) await page.locator(`input[name="${step}"][value="${v}"]`).check()
    await page.getByTestId('life-next').click()
    await page.waitForURL((u) => u.href !== url.href)
  }
  throw new Error(`${event}: the questions never ended`)
}
const LIFE_FAMILY = { foreign: 'yes', mynumberCard: 'yes', insurance: 'jobEnded', ages: ['age20to59'], children: 'yes', childStages: ['preschool'], seal: 'no', dog: 'no' }
const LIFE_WIDOW = { deathReportFiled: 'no', relation: 'spouse', wasHead: 'yes', remaining: 'one', deceasedAge: 'age75plus', pension: 'yes', income: 'no', property: 'yes' }

/** One visit, several applications: three finished drafts put straight into the app's database. */
const VISIT_ORDER = ['jumin-hyo', 'jumin-ido', 'koseki-shomei'] as const
async function visitDrafts(page: Page, base: string): Promise<void> {
  // the app creates its database, with its own tables, where there is something to keep: /volunteer
  // reads the volunteer's classes as it opens (a resident's first visit to /counter creates none)
  await page.goto(`${base}/volunteer`)
  await ready(page)
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'yorisoi' && (d.version ?? 0) > 1))
  await page.evaluate(async (rows) => {
    const open = indexedDB.open('yorisoi')
    await new Promise((r) => (open.onsuccess = r))
    const tx = open.result.transaction('drafts', 'readwrite')
    const now = Date.now()
    rows.forEach(([formId, answers], i) => tx.objectStore('drafts').put({ id: `visit-${i + 1}`, formId, formVersion: 1, answers, language: 'ja', createdAt: now, updatedAt: now - i * 1000, shownAt: 0 }))
    await new Promise((r) => (tx.oncomplete = r))
    open.result.close()
  }, VISIT_ORDER.map((id) => [id, VISIT_APPLICATIONS[id]] as const))
  await page.goto(`${base}/counter/qr?draft=visit-1&draft=visit-2&draft=visit-3`)
  await page.getByTestId('qr').waitFor()
}
async function staffVisit(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/staff`)
  await ready(page)
  for (const id of VISIT_ORDER) {
    const [code] = encodePayload(({ 'jumin-hyo': hyo, 'jumin-ido': ido, 'koseki-shomei': koseki } as unknown as Record<string, FormDefinition>)[id]!, VISIT_APPLICATIONS[id])
    await page.getByTestId('reader').fill(code!)
    await page.getByTestId('reader').press('Enter')
  }
  await page.getByTestId('visit-entry').nth(2).waitFor()
}

const SCENES: Scene[] = [
  {
    name: 'life-question',
    setup: async (page, base) => {
      await page.goto(`${base}/life/event?id=moving-in&step=foreign`)
      await ready(page)
    },
  },
  { name: 'life-checklist-moving-in', setup: (page, base) => lifeChecklist(page, base, 'moving-in', LIFE_FAMILY, ['reiwa', '8', '11', '28']) },
  { name: 'life-checklist-death', setup: (page, base) => lifeChecklist(page, base, 'death', LIFE_WIDOW, ['reiwa', '8', '11', '27']) },
  { name: 'life-checklist-print', media: 'print', variants: PRINT, setup: (page, base) => lifeChecklist(page, base, 'moving-in', LIFE_FAMILY, ['reiwa', '8', '11', '28']) },
  { name: 'counter-qr-visit', setup: visitDrafts },
  {
    name: 'counter-qr-visit-2of3',
    setup: async (page, base) => {
      await visitDrafts(page, base)
      await page.getByTestId('qr-next-draft').click()
      await page.getByTestId('qr-draft-position').filter({ hasText: '2/3' }).waitFor()
    },
  },
  { name: 'staff-visit', langs: ['ja'], setup: staffVisit },
  { name: 'staff-visit-print-all', langs: ['ja'], media: 'print', variants: PRINT, setup: async (page, base) => {
    await staffVisit(page, base)
    await page.evaluate(() => (window.print = () => undefined))
    await page.getByTestId('print-all').click()
    await page.getByTestId('print-all-pages').waitFor({ state: 'attached' })
  } },
  { name: 'counter-form-filled', setup: fillJuminIdo },
  { name: 'counter-check', setup: toCheck },
  {
    name: 'counter-qr',
    setup: async (page, base) => {
      await toCheck(page, base)
      await page.getByTestId('show-qr').click()
      await page.getByTestId('qr').waitFor()
    },
  },
  { name: 'staff-result', langs: ['ja'], setup: staffResult },
  { name: 'staff-result-print', langs: ['ja'], media: 'print', variants: PRINT, setup: staffResult },
  {
    name: 'guide-print',
    media: 'print',
    variants: PRINT,
    setup: async (page, base) => {
      await page.goto(`${base}${guidePaths('src/content/guides')[0]}`)
      await ready(page)
    },
  },
]

/** Home, every fixed route, and one guide overview, step and done page. */
function routes(): string[] {
  const guides = guidePaths('src/content/guides')
  const first = guides[0]!.split('/').slice(0, 3).join('/')
  const sample = [first, guides.find((p) => p.startsWith(`${first}/`) && !p.endsWith('/done')), `${first}/done`].filter((p): p is string => !!p)
  return ['/', ...STATIC_ROUTE_PATHS, ...sample]
}

interface Shot {
  page: string
  lang: Lang
  variant: string
  file?: string
  error?: string
}

const slug = (s: string): string => s.replace(/^\//, '').replace(/[^\w-]+/g, '_') || 'home'

async function capture(page: Page, name: string, lang: Lang, variants: Variant[], shots: Shot[], media?: 'print'): Promise<void> {
  if (media) await page.emulateMedia({ media })
  for (const v of variants) {
    const variant = `${v.viewport.name}-${v.size}${media ? '-print' : ''}`
    await page.setViewportSize({ width: v.viewport.width, height: v.viewport.height })
    // The text-size setting is this attribute and rem (main.ts): no reload needed.
    await page.evaluate((size) => (document.documentElement.dataset.textSize = size), v.size)
    await page.evaluate(() => document.fonts.ready)
    const file = `${slug(name)}--${lang}--${variant}.png`
    await page.screenshot({ path: join(OUT, file), fullPage: true, animations: 'disabled', caret: 'hide' })
    shots.push({ page: name, lang, variant, file })
  }
}

async function withPage(browser: Browser, lang: Lang, job: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', serviceWorkers: 'block' })
  await context.addInitScript((language) => {
    localStorage.setItem('yorisoi.settings.v1', JSON.stringify({ language, languageChosen: true, textSize: 'standard', highContrast: false, readAloud: false }))
  }, lang)
  const page = await context.newPage()
  try {
    await job(page)
  } catch (e) {
    // where a scene stopped is the first thing to look at
    const file = `failed-${slug(page.url().replace(/^https?:\/\/[^/]+/, ''))}-${lang}.png`
    await page.screenshot({ path: join(OUT, file), fullPage: true }).catch(() => undefined)
    throw e
  } finally {
    await context.close()
  }
}

async function pool<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await run(items[next++]!)
  }))
}

function indexHtml(shots: Shot[]): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  const pages = [...new Set(shots.map((s) => s.page))]
  const sections = pages.map((p) => {
    const cells = shots
      .filter((s) => s.page === p)
      .map((s) =>
        s.file
          ? `<figure><a href="${esc(s.file)}"><img src="${esc(s.file)}" loading="lazy" alt=""></a><figcaption>${esc(s.lang)} · ${esc(s.variant)}</figcaption></figure>`
          : `<figure class="error"><figcaption>${esc(s.lang)} · ${esc(s.variant)}</figcaption><pre>${esc(s.error ?? '')}</pre></figure>`,
      )
      .join('\n')
    return `<section id="${esc(slug(p))}"><h2>${esc(p)}</h2><div class="grid">${cells}</div></section>`
  })
  const nav = pages.map((p) => `<a href="#${esc(slug(p))}">${esc(p)}</a>`).join(' · ')
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Yorisoi screenshots</title>
<style>body{font:14px system-ui,sans-serif;margin:1rem}.grid{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
figure{margin:0;width:200px}img{width:200px;border:1px solid #999}figcaption{font-size:12px}.error pre{white-space:pre-wrap;color:#b00020;font-size:11px}</style>
<h1>Yorisoi screenshots (${shots.filter((s) => s.file).length})</h1><p>${new Date().toISOString()}</p><nav>${nav}</nav>${sections.join('\n')}</html>\n`
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length)
  if (!args.includes('--no-build')) execSync('npx vite build --logLevel warn', { stdio: 'inherit' })
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })

  const started = Date.now()
  const server = await startStaticServer('dist')
  let browser = await chromium.launch(launchOptions())
  // On a busy machine Chromium may be killed (out of memory): start a new one and go on.
  let relaunch: Promise<Browser> | undefined
  const liveBrowser = async (): Promise<Browser> => {
    if (browser.isConnected()) return browser
    relaunch ??= chromium.launch(launchOptions()).then((b) => ((browser = b), (relaunch = undefined), b))
    return relaunch
  }
  const shots: Shot[] = []
  type Job = { name: string; lang: Lang; run: (page: Page) => Promise<void> }
  const jobs: Job[] = []
  for (const path of routes()) {
    for (const lang of LANGS) {
      jobs.push({
        name: path,
        lang,
        run: async (page) => {
          await page.goto(`${server.url}${path}`)
          await ready(page)
          await capture(page, path, lang, phoneOnly(lang, ALL_VARIANTS), shots)
        },
      })
    }
  }
  for (const scene of SCENES) {
    for (const lang of scene.langs ?? LANGS) {
      jobs.push({
        name: `scene: ${scene.name}`,
        lang,
        run: async (page) => {
          await page.goto(`${server.url}/404.html`) // an origin to hold the settings before the scene starts
          await scene.setup(page, server.url)
          await capture(page, `scene: ${scene.name}`, lang, scene.media ? (scene.variants ?? ALL_VARIANTS) : phoneOnly(lang, scene.variants ?? ALL_VARIANTS), shots, scene.media)
        },
      })
    }
  }
  const selected = only ? jobs.filter((j) => j.name.includes(only)) : jobs
  try {
    await pool(selected, PARALLEL, async (job) => {
      try {
        await withPage(await liveBrowser(), job.lang, job.run)
        process.stdout.write('.')
      } catch (e) {
        shots.push({ page: job.name, lang: job.lang, variant: 'failed', error: String(e instanceof Error ? e.message : e).slice(0, 600) })
        process.stdout.write('x')
      }
    })
  } finally {
    await browser.close()
    await server.close()
  }
  shots.sort((a, b) => a.page.localeCompare(b.page) || LANGS.indexOf(a.lang) - LANGS.indexOf(b.lang) || a.variant.localeCompare(b.variant))
  writeFileSync(join(OUT, 'index.html'), indexHtml(shots))
  const failed = shots.filter((s) => s.error)
  console.log(`\n${shots.length - failed.length} screenshots in ${Math.round((Date.now() - started) / 1000)} s → ${join(OUT, 'index.html')}`)
  for (const f of failed) console.log(`failed: ${f.page} (${f.lang}): ${f.error?.split('\n')[0]}`)
  if (failed.length) process.exitCode = 1
}

void main()
