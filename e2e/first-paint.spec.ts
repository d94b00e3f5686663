import { expect, test, type Page } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { filledJuminIdoDraft, ready, watchConsole } from './helpers'

/**
 * What `/` loads on a resident's first visit (issue 16): the first-paint files and the
 * service-worker glue, never the database, the forms or the counter store. Files are named by
 * the build manifest from source paths, so moving a file cannot make the test pass for nothing.
 */
type Chunk = { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[] }
const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../dist/.vite/manifest.json'), 'utf8')) as Record<string, Chunk>

/** The files a manifest entry loads statically: its own, its static imports' (transitively) and their CSS. */
function closure(...keys: string[]): Set<string> {
  const files = new Set<string>()
  const seen = new Set<string>()
  const walk = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    if (!chunk) throw new Error(`dist/.vite/manifest.json has no ${key}`)
    files.add(chunk.file)
    chunk.css?.forEach((c) => files.add(c))
    chunk.imports?.forEach(walk)
  }
  keys.forEach(walk)
  return files
}

/** The entry (a few lines) and the app it starts, which every page's HTML preloads. */
const firstPaint = closure('index.html', ...(manifest['index.html']?.dynamicImports ?? []))
/** Every file the pages that keep data load beyond the first paint: Dexie, the counter store, the forms. */
const dataFiles = [...closure('src/features/home/homeExtras.ts', 'src/features/counter/CounterView.vue')].filter((f) => !firstPaint.has(f))
/** What `/` may load after its first paint: the service-worker registration and its prompt. */
const allowed = new Set([...firstPaint, ...closure('src/app/pwa.ts', 'src/app/ThePwaPrompt.vue')])

// The worker's precache fetches every file by design; the page's own requests are measured.
test.use({ serviceWorkers: 'block' })

function codeRequests(page: Page): string[] {
  const seen: string[] = []
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (/\.(js|css|wasm)$/.test(path)) seen.push(path.replace(/^\//, ''))
  })
  return seen
}

/** Waits until the page has loaded and been idle (what main.ts defers runs then), plus a margin. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle')
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => setTimeout(r, 300), { timeout: 5000 })))
  await page.waitForLoadState('networkidle')
}

test('a page starts with two scripts (and the bundler runtime): the entry and the app it starts, grouped from the module graph', () => {
  // without the group, rolldown splits what the app shares with lazy pages (Vue) into more files
  const scripts = [...firstPaint].filter((f) => f.endsWith('.js') && !/rolldown-runtime/.test(f))
  expect(scripts).toHaveLength(2)
  // the entry stays small: it runs before the first paint, the app after it on a prerendered page
  expect(readFileSync(resolve(import.meta.dirname, '../dist', manifest['index.html']!.file)).length).toBeLessThan(4000)
  // and every page's HTML links its stylesheets and names the app's files, which the page asks
  // for itself (src/domain/prerender/early.ts preloadApp): at once, or after a prerendered page's paint
  const html = readFileSync(resolve(import.meta.dirname, '../dist/index.html'), 'utf8')
  const start = /<meta name="yorisoi-start" content="([^"]*)" \/>/.exec(html)![1]!.split(' ')
  expect(html).not.toContain('rel="modulepreload"')
  for (const f of firstPaint) expect(f.endsWith('.css') ? html.includes(`href="/${f}"`) : start.includes(`/${f}`) || html.includes(`src="/${f}"`), f).toBe(true)
})

/** The pages built with their content in them (router meta.prerender; build/prerender.ts), read from dist/. */
function prerenderedPaths(dir = resolve(import.meta.dirname, '../dist')): string[] {
  const found: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) found.push(...prerenderedPaths(join(dir, e.name)))
    else if (e.name === 'index.html') {
      const mark = /<meta name="yorisoi-prerender" content="([^ "]+) ja" \/>/.exec(readFileSync(join(dir, e.name), 'utf8'))
      if (mark) found.push(mark[1]!)
    }
  }
  return found.sort()
}
const PRERENDERED = prerenderedPaths()

test('the pages residents open first are built with their content: /, /classes, /guides, every guide, /counter, /life', () => {
  const guides = readdirSync(resolve(import.meta.dirname, '../src/content/guides')).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).map((f) => `/guides/${f.replace(/\.json$/, '')}`)
  expect(guides.length).toBeGreaterThan(10)
  expect(PRERENDERED).toEqual(expect.arrayContaining(['/', '/classes', '/guides', '/counter', '/life', ...guides]))
  // a guide's steps are not: they show a read-aloud button only where the phone can speak
  expect(PRERENDERED.filter((p) => p.split('/').length > 3)).toEqual([])
})

for (const path of PRERENDERED) {
  test(`${path} is painted from its HTML before the app runs, then taken over with nothing changed`, async ({ page, request }) => {
    const errors = watchConsole(page)
    // the file itself carries the page: heading and all
    const html = await (await request.get(path)).text()
    expect(html).toMatch(/<main[^>]*>[\s\S]*<h1/)
    expect(html).toContain(`<meta name="yorisoi-prerender" content="${path} ja" />`)
    await recordFrames(page)
    await page.goto(path)
    await ready(page)
    await settle(page)
    const frames = await page.evaluate(() => (window as unknown as { __frames: (Frame & { prerender: string | null })[] }).__frames)
    // the first frame with text was painted before the app ran (while the HTML is still being
    // read, that frame may show the header alone), and so was the first with the page's heading
    expect(frames.find((f) => f.text !== '')!.prerender).toBe('show')
    const withHeading = frames.find((f) => f.text !== '' && f.h1)!
    expect(withHeading.prerender).toBe('show')
    expect(withHeading.h1).toBe(frames.at(-1)!.h1)
    // every part taken over in turn (app/hydrateInTurn.ts)
    await expect(page.locator('html')).toHaveAttribute('data-prerender', 'done')
    // taking over changed nothing: no hydration mismatch (Vue says so in the console), no shift
    expect(errors).toEqual([])
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0)
  })
}

/**
 * Waits until the step's progress is in IndexedDB: on a first visit the first save also loads
 * the database code and creates the database, and a navigation right away would cut it off.
 */
async function guideProgressStored(page: Page): Promise<void> {
  const stored = () =>
    page.evaluate(async () => {
      if (!(await indexedDB.databases()).some((d) => d.name === 'yorisoi')) return 0
      const open = indexedDB.open('yorisoi')
      await new Promise((r) => (open.onsuccess = r))
      const db = open.result
      if (!db.objectStoreNames.contains('guideProgress')) return db.close(), 0
      const q = db.transaction('guideProgress').objectStore('guideProgress').count()
      const n = await new Promise<number>((r) => (q.onsuccess = () => r(q.result)))
      db.close()
      return n
    })
  await expect.poll(stored, { timeout: 15_000 }).toBeGreaterThan(0)
}

/** The page never idles: the parts waiting for their turn (app/hydrateInTurn.ts) wait until something happens. */
async function neverIdle(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0
  })
}

test('a tap or a key before every part was taken over works at once, and nothing is taken over twice', async ({ page }) => {
  const errors = watchConsole(page)
  await neverIdle(page)
  await page.goto('/guides')
  await ready(page)
  const root = page.locator('html')
  await expect(root).toHaveAttribute('data-prerender', 'hydrating')
  const cards = await page.locator('.guide-card').count()
  // typing into the built search box takes every part over before the key arrives
  await page.getByTestId('guide-search').fill('暗証番号')
  await expect(root).toHaveAttribute('data-prerender', 'done')
  await expect(page.locator('.guide-card')).not.toHaveCount(cards)
  await expect(page.getByTestId('guide-mynumber-pins')).toBeVisible()
  await page.getByTestId('guide-search').fill('')
  await expect(page.locator('.guide-card')).toHaveCount(cards)
  // a tap on a part not yet taken over is a navigation by the app, not a page load
  await page.goto('/')
  await ready(page)
  await expect(root).toHaveAttribute('data-prerender', 'hydrating')
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true))
  await page.getByTestId('entry-guides').click()
  await expect(page).toHaveURL(/\/guides$/)
  await expect(page.locator('main h1')).toHaveCount(1)
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true)
  expect(errors).toEqual([])
})

test.describe(() => {
  // the built page, not the worker's index.html, on the second visit too
  test.use({ serviceWorkers: 'block' })
test('a page loads what changes it only once every part was taken over: one copy of everything, no mismatch', async ({ page }) => {
  const errors = watchConsole(page)
  // a guide started: the overview learns it after the app starts, and shows 「つづきから」
  await page.goto('/guides/mynumber-pins/lock')
  await ready(page)
  await expect(page.locator('html')).toHaveAttribute('data-prerender', 'done')
  // the header, the page and the notice below it get their turn; the page's own parts only when
  // something happens: the progress (「つづきから」) waits for them
  await page.addInitScript(() => {
    const idle = window.requestIdleCallback.bind(window)
    let turns = 0
    window.requestIdleCallback = (run, options) => (options?.timeout === 2000 && ++turns > 3 ? 0 : idle(run, options))
  })
  await page.goto('/guides/mynumber-pins')
  await ready(page)
  await expect(page.locator('html')).toHaveAttribute('data-prerender', 'hydrating')
  await page.waitForTimeout(500)
  await expect(page.getByTestId('guide-start')).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.locator('html')).toHaveAttribute('data-prerender', 'done')
  await expect(page.getByTestId('guide-resume')).toBeVisible()
  await expect(page.locator('main h1')).toHaveCount(1)
  await expect(page.locator('main .guide-step-list')).toHaveCount(1)
  await expect(page.getByTestId('guide-print')).toHaveCount(1)
  expect(errors).toEqual([])
})
})

test('settings changed after the head script ran (another tab): the app renders the page afresh in them, no mismatch', async ({ page }) => {
  const errors = watchConsole(page)
  // hold the app's file until the settings have changed under the shown page
  let release!: () => void
  const held = new Promise<void>((r) => (release = r))
  await page.route(/\/assets\/shell-[^/]+\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('data-prerender', 'show')
  await page.evaluate(() => localStorage.setItem('yorisoi.settings.v1', JSON.stringify({ language: 'en', languageChosen: true })))
  release()
  await ready(page)
  await expect(page.locator('main h1')).not.toHaveText(JAPANESE)
  await settle(page)
  expect(errors).toEqual([])
})

test('a page opened with a query, or in another language than it was built in, is not shown until the app has rendered it', async ({ page }) => {
  await recordFrames(page)
  await page.goto('/guides?lang=en')
  await ready(page)
  await settle(page)
  const frames = await page.evaluate(() => (window as unknown as { __frames: (Frame & { prerender: string | null })[] }).__frames)
  const first = frames.find((f) => f.text !== '')!
  expect(first.h1).toBe('Step-by-step guides')
  expect(first.main).not.toMatch(JAPANESE)
})

test('a first visit to / loads the first-paint files and the worker glue, not the database, forms or counter store', async ({ page }) => {
  expect(dataFiles.some((f) => /db-/.test(f))).toBe(true) // the manifest walk found the database chunk
  const requested = codeRequests(page)
  await page.goto('/')
  await ready(page)
  await settle(page)
  expect(requested.filter((f) => dataFiles.includes(f))).toEqual([])
  expect(requested.filter((f) => !allowed.has(f))).toEqual([])
  // nothing created either: opening the database would have made one
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([])
})

test('a first visit to /classes lists the classes with no database code, and no CSV parser on the page (the worker reads the file)', async ({ page }) => {
  const database = dataFiles.filter((f) => /db-/.test(f))
  const parser = [...closure('src/domain/schedule/load.ts')].filter((f) => /papaparse/.test(f))
  expect(database).toHaveLength(1)
  expect(parser).toHaveLength(1)
  const requested = codeRequests(page)
  await page.goto('/classes')
  await ready(page)
  await expect(page.getByTestId('class-item').first()).toBeVisible()
  await settle(page)
  expect(requested.filter((f) => database.includes(f) || parser.includes(f))).toEqual([])
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([])
  // a bookmark still keeps: the database is made when there is something to keep
  await page.getByTestId('class-item').first().click()
  await page.getByTestId('bookmark').click()
  await expect(page.getByTestId('bookmark')).toHaveAttribute('aria-pressed', 'true')
  await page.reload()
  await ready(page)
  await expect(page.getByTestId('bookmark')).toHaveAttribute('aria-pressed', 'true')
})

test('a first visit to /counter lists the forms with no database code; the database comes with the first draft', async ({ page }) => {
  const database = dataFiles.filter((f) => /db-/.test(f))
  expect(database).toHaveLength(1)
  const requested = codeRequests(page)
  await page.goto('/counter')
  await ready(page)
  await settle(page)
  expect(requested.filter((f) => database.includes(f))).toEqual([])
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([])
  await expect(page.getByTestId('storage-problem')).toHaveCount(0)
  await page.getByTestId('start-jumin-hyo').click()
  await page.locator('input[name="requesterName"]').fill('山田 花子')
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual(['yorisoi'])
  expect(requested.filter((f) => database.includes(f))).toHaveLength(1)
})

test('with a guide started, / still shows it; a draft past the retention is deleted once / is idle', async ({ page }) => {
  const retentionDays = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../src/content/municipality.json'), 'utf8')) as { draftRetentionDays: number }).draftRetentionDays
  await page.goto('/guides/mynumber-pins')
  await ready(page)
  await page.getByTestId('guide-start').click()
  await expect(page).toHaveURL(/\/guides\/mynumber-pins\/signature$/)
  await guideProgressStored(page)

  // a draft last changed longer ago than the town keeps drafts (filledJuminIdoDraft ends on /)
  const id = await filledJuminIdoDraft(page, {})
  // aged from a page of the same origin where the app does not run: on an app page its purge
  // (idle, or the home card reading the drafts) could delete it before this test looks
  await page.goto('/icons/icon.svg')
  const old = Date.now() - (retentionDays + 1) * 86_400_000
  const rows = () =>
    page.evaluate(async () => {
      const open = indexedDB.open('yorisoi')
      await new Promise((r) => (open.onsuccess = r))
      const q = open.result.transaction('drafts').objectStore('drafts').getAll()
      const all: { id: string; updatedAt: number }[] = await new Promise((r) => (q.onsuccess = () => r(q.result)))
      open.result.close()
      return all
    })
  await page.evaluate(
    async ({ id, old }) => {
      const open = indexedDB.open('yorisoi')
      await new Promise((r) => (open.onsuccess = r))
      const tx = open.result.transaction('drafts', 'readwrite')
      const store = tx.objectStore('drafts')
      const q = store.get(id)
      await new Promise((r) => (q.onsuccess = r))
      store.put({ ...q.result, createdAt: old, updatedAt: old })
      await new Promise((r) => (tx.oncomplete = r))
      open.result.close()
    },
    { id, old },
  )
  expect((await rows()).map((r) => r.id)).toEqual([id])

  const requested = codeRequests(page)
  await page.goto('/')
  await ready(page)
  await expect(page.getByTestId('home-guides')).toContainText('暗証番号の種類')
  await settle(page)
  // the expired draft gets no card: reading the drafts for it deletes it
  await expect(page.getByTestId('home-drafts')).toHaveCount(0)
  // the purge waits for an idle moment: later on a busy machine
  await expect.poll(async () => (await rows()).length, { timeout: 30_000 }).toBe(0)
  // here the database code is loaded, as it must be
  expect(requested.some((f) => dataFiles.includes(f))).toBe(true)
})

test('with a form in progress, / shows its card (after the first paint) and the card opens the form', async ({ page }) => {
  const id = await filledJuminIdoDraft(page, {})
  await page.goto('/')
  await ready(page)
  const card = page.getByTestId('home-drafts')
  await expect(card).toContainText('住民異動届')
  await expect(page.getByTestId('home-guides')).toHaveCount(0)
  await card.getByRole('link').first().click()
  await expect(page).toHaveURL(new RegExp(`/counter/form\\?draft=${id}$`))
})

/** What each animation frame of a page load shows, from the very first one, and the layout shifts. */
async function recordFrames(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __frames: unknown[]; __shift: number }
    w.__frames = []
    w.__shift = 0
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__shift += e.value
    }).observe({ type: 'layout-shift', buffered: true })
    const tick = () => {
      const root = document.documentElement
      const h1 = document.querySelector('main h1')
      w.__frames.push({
        text: document.body?.innerText.trim() ?? '',
        main: document.querySelector('main')?.innerText.trim() ?? '',
        h1: h1?.textContent ?? null,
        h1Size: h1 ? getComputedStyle(h1).fontSize : null,
        textSize: root.dataset.textSize ?? null,
        prerender: root.dataset.prerender ?? null,
        background: document.body ? getComputedStyle(document.body).backgroundColor : null,
      })
      // until the app runs the page (a prerendered page has its heading from the first frame)
      const running = !['show', 'hide'].includes(root.dataset.prerender ?? '')
      if (w.__frames.length < 600 && !(h1 && running && w.__frames.length > 5)) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
}

type Frame = { text: string; main: string; h1: string | null; h1Size: string | null; textSize: string | null; background: string | null }
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u

for (const [name, saved] of [
  ['English', { language: 'en', languageChosen: true }],
  ['やさしい日本語', { language: 'ja-easy', languageChosen: true }],
  ['特大 text and high contrast', { textSize: 'xlarge', highContrast: true }],
] as const) {
  test(`with ${name} saved, the first frame of / is already in it, and nothing shifts`, async ({ page }) => {
    await page.goto('/404-first')
    await page.evaluate((s) => localStorage.setItem('yorisoi.settings.v1', JSON.stringify({ language: 'ja', textSize: 'standard', highContrast: false, readAloud: false, ...s })), saved)
    await recordFrames(page)
    await page.goto('/')
    await ready(page)
    await settle(page)
    const frames = await page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames)
    const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift)
    const settled = frames.at(-1)!
    const first = frames.find((f) => f.text !== '')!
    expect(first, 'a frame with text').toBeTruthy()
    // the first frame with any text shows the page as it stays: same heading, size and colours
    expect(first.h1).toBe(settled.h1)
    expect(first.h1Size).toBe(settled.h1Size)
    expect(first.text).toBe(settled.text)
    // and no text ever painted in the default colours (the blank frames before the app starts
    // have no content to read: a plain white or cream page)
    expect(frames.filter((f) => f.text !== '').map((f) => f.background).filter((b) => b !== settled.background)).toEqual([])
    // the page in English; only the language control says 「Language / 言語」 on purpose, so a
    // phone left in a language its owner cannot read can still be switched back
    if (saved.language === 'en') {
      expect(first.main).not.toBe('')
      expect(first.main).not.toMatch(JAPANESE)
      expect(first.text.replace('Language / 言語', '')).not.toMatch(JAPANESE)
    }
    expect(shift).toBe(0)
  })
}

test('a returning resident with a guide in progress: its card comes in without moving what was painted', async ({ page }) => {
  await page.goto('/guides/mynumber-pins')
  await ready(page)
  await page.getByTestId('guide-start').click()
  await expect(page).toHaveURL(/\/guides\/mynumber-pins\/signature$/)
  await guideProgressStored(page)
  await recordFrames(page)
  await page.goto('/')
  await expect(page.getByTestId('home-guides')).toBeVisible()
  await settle(page)
  expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0)
})
