/**
 * Each added language once through a resident's visit at 375 × 667, in real Chromium:
 * home, classes, a guide step, the life-event checklist, a counter form (empty, then with its error
 * summary, then filled), its check page and QR code — read back by an independent decoder and typed
 * into /staff, which shows the application in Japanese. On every screen: `<html lang>` is the
 * language, axe finds nothing at 375 and 1280 px, nothing overflows at 標準 or 特大 nor at 200 %
 * text, every control is a 44 px target, and no Japanese is visible outside an element marked
 * `lang="ja"`. Then, after that one visit, the same pages work offline in the language.
 * A second test per language walks every other page (as e2e/sweep.spec.ts does for ja, ja-easy
 * and en) with axe, the layout checks and the Japanese-marking check.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { ADDED_LANGUAGES, LANGUAGE_INFO, type Language } from '../src/domain/language'
import { decodePayload, type DecodedApplication } from '../src/domain/payload'
import { visibleAnswers } from '../src/domain/forms/validate'
import { rubyToPlain } from '../src/domain/text/ruby'
import type { FormDefinition } from '../src/domain/forms/types'
import type { Overlay } from '../src/domain/text/overlay'
import { VISIT_APPLICATIONS } from '../test/fixtures/visit-applications'
import { axeViolations, MORE_PAGES, ready, recordViolations, ROUTES, seedDraftRows, serviceWorkerReady, SWEEP_DRAFTS, watchConsole } from './helpers'
import { layoutProblems, smallTargets } from './layout'
import { fillLevel, japaneseRows } from './fill'

const FORMS = readdirSync('src/content/forms')
  .filter((n) => /\.v\d+\.json$/.test(n))
  .map((n) => JSON.parse(readFileSync(join('src/content/forms', n), 'utf8')) as FormDefinition)
const FORM = FORMS.find((f) => f.id === 'jumin-hyo')!
const ANSWERS = VISIT_APPLICATIONS['jumin-hyo']
const overlay = (lang: Language, group: string): Overlay => JSON.parse(readFileSync(`src/content/locales/${lang}/${group}.json`, 'utf8')) as Overlay
const messages = (lang: Language, feature: string) => JSON.parse(readFileSync(`src/features/${feature}/locales/${lang}.json`, 'utf8')) as Record<string, unknown>
/** The built files of one language (named by vite.config.ts): what a resident of it downloads. */
const languageFiles = (lang: Language): string[] => readdirSync(resolve('dist/assets')).filter((n) => n.startsWith(`lang-${lang}-`))

// eight screens, each checked at two widths, two text sizes and 200 %, on a 2-core machine
test.describe.configure({ timeout: 240_000 })

/** Text a reader sees that is Japanese but not inside an element marked lang="ja" (in Chinese, kana only). */
function unmarkedJapanese(page: Page, lang: Language): Promise<string[]> {
  return page.evaluate((lang) => {
    const japanese = lang === 'zh-Hans' ? /[\p{Script=Hiragana}\p{Script=Katakana}]/u : /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u
    const found: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || !japanese.test(node.textContent ?? '') || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue
      // marked Japanese, or marked Chinese (the picker's 简体中文): the reader's screen reader knows
      if (/^(ja|zh)/.test(el.closest('[lang]')?.getAttribute('lang') ?? '')) continue
      found.push(`${el.tagName.toLowerCase()}: ${(node.textContent ?? '').trim().slice(0, 50)}`)
    }
    return [...new Set(found)]
  }, lang)
}

for (const lang of ADDED_LANGUAGES) {
  test(`${lang}: a resident's visit at 375 px — every screen in ${lang}, axe and layout clean, the QR read at /staff in Japanese, then offline`, async ({ page, context }) => {
    const csp = await recordViolations(context)
    const errors = watchConsole(page)
    const problems: string[] = []

    const check = async (where: string): Promise<void> => {
      await ready(page)
      expect(await page.evaluate(() => document.documentElement.lang), where).toBe(LANGUAGE_INFO[lang].tag)
      await page.evaluate(() => document.fonts.ready)
      problems.push(...(await unmarkedJapanese(page, lang)).map((t) => `${where}: Japanese not marked lang=ja: ${t}`))
      for (const size of ['standard', 'xlarge']) {
        await page.evaluate((s) => (document.documentElement.dataset.textSize = s), size)
        problems.push(...(await layoutProblems(page)).map((p) => `${where} at ${size}: ${p}`))
      }
      await page.evaluate(() => (document.documentElement.dataset.textSize = 'standard'))
      problems.push(...(await smallTargets(page)).map((s) => `${where}: small target ${s}`))
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'))
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      if (overflow > 0) problems.push(`${where}: at 200 % text the page scrolls sideways by ${overflow}px`)
      await page.evaluate(() => (document.documentElement.style.fontSize = ''))
      // the wide layout is the same CSS in every language: axe at 1280 px on the home page, at 375 everywhere
      for (const width of where === '/' ? [375, 1280] : [375]) {
        await page.setViewportSize({ width, height: width === 375 ? 667 : 800 })
        problems.push(...(await axeViolations(page)).map((v) => `${where} at ${width} px: axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`))
      }
      await page.setViewportSize({ width: 375, height: 667 })
    }

    await page.goto('/')
    await page.evaluate((language) => localStorage.setItem('yorisoi.settings.v1', JSON.stringify({ language, languageChosen: true })), lang)
    await page.goto('/')
    await expect(page.getByTestId('review-notice')).toBeVisible()
    await check('/')

    await page.goto('/classes')
    await check('/classes')

    const guide = overlay(lang, 'guides')['guides/mynumber-pins']!['/text'] as { steps: { id: string; title: string }[] }
    await page.goto('/guides/mynumber-pins/lock')
    await expect(page.locator('main h1, main h2').filter({ hasText: guide.steps.find((s) => s.id === 'lock')!.title }).first()).toBeVisible()
    await check('guide step')

    const event = overlay(lang, 'life-events')['life-events/moving-in']!
    await page.goto('/life/checklist?id=moving-in')
    await expect(page.locator('main')).toContainText(String(event['/title']))
    await check('life checklist')

    // the counter form: empty, with its error summary, then filled through its fields
    await page.goto('/counter')
    await ready(page)
    await page.getByTestId(`start-${FORM.id}`).click()
    await expect(page).toHaveURL(/\/counter\/form\?draft=/)
    await expect(page.locator('main h1')).toContainText(String(overlay(lang, 'forms')[`forms/${FORM.id}.v1`]!['/title']))
    await page.getByTestId('to-check').click()
    await expect(page.locator('.error-summary')).toBeVisible()
    await check('form with its error summary')
    await fillLevel(page, page.locator('main'), FORM.fields, ANSWERS)
    await page.getByTestId('to-check').click()
    await expect(page).toHaveURL(/\/counter\/check/)
    await check('check page')
    await page.getByTestId('show-qr').click()
    const qr = page.getByTestId('qr')
    await expect(qr).toBeVisible()
    await check('QR page')
    const png = PNG.sync.read(await qr.screenshot())
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
    expect(code).toMatch(/^\d+$/)
    const decoded = decodePayload([code!], FORMS) as DecodedApplication
    expect(decoded.answers).toEqual(visibleAnswers(FORM, ANSWERS))

    // the counter PC: the application in Japanese whatever the resident's language
    await page.goto('/staff')
    await ready(page)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja')
    for (const run of code!.match(/[^]{1,40}/g) ?? []) await page.keyboard.insertText(run)
    await page.keyboard.press('Enter')
    const app = page.getByTestId('application')
    await expect(app.locator('.replica__title')).toHaveText(rubyToPlain(FORM.title.ja))
    for (const [path, value] of japaneseRows(FORM.fields, ANSWERS)) await expect(app.locator(`[data-path="${path}"]`), path).toContainText(value)

    // offline after this one visit: every file of the language is kept, and pages not yet opened show in it
    await page.goto('/')
    await serviceWorkerReady(page)
    const files = languageFiles(lang)
    expect(files.length).toBeGreaterThan(8)
    await expect
      .poll(() => page.evaluate(async () => (await (await caches.open('yorisoi-languages')).keys()).map((r) => new URL(r.url).pathname.split('/').pop()!)), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(files))
    await context.setOffline(true)
    await page.goto('/guides')
    await expect(page.locator('main h1')).toHaveText(String((messages(lang, 'guides') as { title: string }).title))
    await page.goto('/life/checklist?id=moving-out')
    await expect(page.locator('main')).toContainText(String(overlay(lang, 'life-events')['life-events/moving-out']!['/title']))
    await page.goto('/counter')
    await expect(page.locator('main h1')).toHaveText(String((messages(lang, 'counter') as { title: string }).title))
    await context.setOffline(false)

    expect(problems).toEqual([])
    expect(csp).toEqual([])
    expect(errors).toEqual([])
  })
}

/** The pages the journey above does not open (staff pages are Japanese whatever the language). */
const JOURNEY = ['/', '/classes', '/guides/mynumber-pins/lock', '/life/checklist?id=moving-in', '/staff']
const OTHER_PAGES = [...ROUTES, ...MORE_PAGES].filter((p) => !JOURNEY.includes(p))

for (const lang of ADDED_LANGUAGES) {
  test(`${lang}: every other page at 375 px — axe, layout at 標準 and 特大, Japanese marked lang=ja`, async ({ page, context }) => {
    const csp = await recordViolations(context)
    const errors = watchConsole(page)
    await page.goto('/')
    await page.evaluate((language) => localStorage.setItem('yorisoi.settings.v1', JSON.stringify({ language, languageChosen: true })), lang)
    await seedDraftRows(page, SWEEP_DRAFTS)
    const problems: string[] = []
    for (const route of OTHER_PAGES) {
      await page.goto(route)
      await expect(page.locator('main h1')).toBeVisible({ timeout: 15_000 })
      expect(await page.evaluate(() => document.documentElement.lang), route).toBe(LANGUAGE_INFO[lang].tag)
      await page.evaluate(() => document.fonts.ready)
      problems.push(...(await unmarkedJapanese(page, lang)).map((t) => `${route}: Japanese not marked lang=ja: ${t}`))
      for (const size of ['standard', 'xlarge']) {
        await page.evaluate((s) => (document.documentElement.dataset.textSize = s), size)
        problems.push(...(await layoutProblems(page)).map((p) => `${route} at ${size}: ${p}`))
      }
      await page.evaluate(() => (document.documentElement.dataset.textSize = 'standard'))
      problems.push(...(await axeViolations(page)).map((v) => `${route}: axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`))
    }
    expect(problems).toEqual([])
    expect(csp).toEqual([])
    expect(errors).toEqual([])
  })
}

test.describe('a first visit from a phone set to Vietnamese', () => {
  test.use({ locale: 'vi-VN', serviceWorkers: 'block' })
  test('opens in Tiếng Việt, and the picker names every language in its own script', async ({ page }) => {
    await page.goto('/')
    await ready(page)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi')
    await expect(page.locator('main h1')).toHaveText(String((JSON.parse(readFileSync('src/i18n/locales/vi.json', 'utf8')) as { home: { title: string } }).home.title))
    await page.goto('/settings')
    await ready(page)
    for (const l of ['ja', 'ja-easy', 'en', ...ADDED_LANGUAGES] as Language[]) await expect(page.getByTestId(`language-${l}`).locator(`[lang="${LANGUAGE_INFO[l].tag}"]`)).toHaveText(LANGUAGE_INFO[l].name)
    await page.getByTestId('language-ne').click()
    await expect(page.locator('main h1')).toHaveText(String((JSON.parse(readFileSync('src/features/settings/locales/ne.json', 'utf8')) as { title: string }).title))
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ne')
  })
})

test('a language chosen offline before its files were ever on the phone: Japanese meanwhile, with a line saying why; the language once online', async ({ page, context }) => {
  const ja = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>
  await page.goto('/')
  await serviceWorkerReady(page)
  await context.setOffline(true)
  await page.goto('/settings')
  await ready(page)
  await page.getByTestId('language-vi').click()
  const notice = page.getByTestId('language-unavailable')
  await expect(notice).toContainText(ja('src/i18n/locales/ja.json').app!.languageUnavailable!)
  await expect(notice.locator('[lang="vi"]')).toHaveText('Tiếng Việt')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  await expect(page.locator('main h1')).toHaveText(String(ja('src/features/settings/locales/ja.json').title))
  // reloaded offline: never a blank page
  await page.reload()
  await ready(page)
  await expect(notice).toBeVisible()
  // back online: one tap on the language's name loads it
  await context.setOffline(false)
  await page.getByTestId('language-retry').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
  await expect(page.locator('main h1')).toHaveText(String(JSON.parse(readFileSync('src/features/settings/locales/vi.json', 'utf8')).title))
  await expect(notice).toHaveCount(0)
})
