import AxeBuilder from '@axe-core/playwright'
import { expect, type BrowserContext, type Page, type ConsoleMessage } from '@playwright/test'
import type { Answers } from '../src/domain/forms/types'
import { VISIT_APPLICATIONS } from '../test/fixtures/visit-applications'

/**
 * Every route the sweeps (axe, layout, offline, CSP) walk. `/counter/qr?draft=…&draft=…` is the
 * one visit, several applications page: the sweeps seed its drafts (SWEEP_DRAFTS); elsewhere,
 * with drafts this browser does not have, it names each one as not found.
 */
export const ROUTES = ['/', '/classes', '/guides', '/guides/mynumber-pins', '/guides/mynumber-pins/lock', '/guides/mynumber-pins/done', '/counter', '/counter/qr?draft=visit-a&draft=visit-b&draft=visit-c', '/life', '/life/event?id=moving-in&step=foreign', '/life/checklist?id=moving-in', '/volunteer', '/staff', '/settings'] as const
export const LANGS = ['ja', 'ja-easy', 'en'] as const
/**
 * Pages reached from a route rather than by a menu, walked by the sweeps too (axe, layout,
 * Content-Security-Policy): a class, the profile, the volunteer's plan, presenter and record,
 * and an unknown address.
 */
export const MORE_PAGES = ['/classes/999990-0001', '/counter/profile', '/counter/form?draft=visit-a', '/counter/check?draft=visit-a', '/volunteer/plan', '/volunteer/present', '/volunteer/record', '/no-such-page'] as const

/**
 * The drafts the sweeps' counter pages show (`visit-a`, `visit-b` in ROUTES and MORE_PAGES): a
 * two-person 住民異動届 with its optional postal codes left empty (so the check page shows
 * 「未入力」), a 住民票の写し request, and one without its requester's name (the QR page names it
 * as not ready, with a link to finish it).
 */
export const SWEEP_DRAFTS: { id: string; formId: string; answers: Answers }[] = [
  { id: 'visit-a', formId: 'jumin-ido', answers: { ...VISIT_APPLICATIONS['jumin-ido'], newPostalCode: '', oldPostalCode: '' } },
  { id: 'visit-b', formId: 'jumin-hyo', answers: VISIT_APPLICATIONS['jumin-hyo'] },
  { id: 'visit-c', formId: 'jumin-hyo', answers: { ...VISIT_APPLICATIONS['jumin-hyo'], requesterName: '' } },
]

/**
 * Has the app create its database, with its own schema: /volunteer reads the volunteer's classes
 * as it opens. (The resident's pages make it only once they have something to keep.)
 */
export async function openAppDatabase(page: Page): Promise<void> {
  await page.goto('/volunteer')
  await ready(page)
  await waitForAppDatabase(page)
}

/** Writes drafts straight into the resident's database (made by the app, see openAppDatabase), newest first; ends on /counter. */
export async function seedDraftRows(page: Page, rows: { id: string; formId: string; answers: Answers }[]): Promise<void> {
  await openAppDatabase(page)
  await page.evaluate(async (rows) => {
    const open = indexedDB.open('yorisoi')
    await new Promise((r) => (open.onsuccess = r))
    const tx = open.result.transaction('drafts', 'readwrite')
    const now = Date.now()
    rows.forEach((d, i) => tx.objectStore('drafts').put({ id: d.id, formId: d.formId, formVersion: 1, answers: d.answers, language: 'ja', createdAt: now, updatedAt: now - i * 1000, shownAt: 0 }))
    await new Promise((r) => (tx.oncomplete = r))
    open.result.close()
  }, rows)
  // on the drafts list, where the tests go on (a reload shows what was written)
  await page.goto('/counter')
  await ready(page)
}

export type Violation = { url: string; directive: string; blocked: string; sample: string }
/**
 * Records every Content-Security-Policy violation in the context's pages (the
 * securitypolicyviolation event), reported through an exposed function so it survives navigations.
 */
export async function recordViolations(context: BrowserContext): Promise<Violation[]> {
  const seen: Violation[] = []
  await context.exposeFunction('__yorisoiCsp', (v: Violation) => void seen.push(v))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ;(window as unknown as { __yorisoiCsp: (v: unknown) => void }).__yorisoiCsp({ url: location.pathname, directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample })
    })
  })
  return seen
}

/** Collects console errors and page errors (a missing i18n key logs one). */
export function watchConsole(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m: ConsoleMessage) => {
    // a spec that blocks the service worker (test.use) hears Playwright itself say so: not the app
    if (/^Service Worker registration blocked by Playwright/.test(m.text())) return
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

/**
 * Waits until the page's heading is in place and the app runs the page: it has mounted and
 * loaded its messages, or taken over the prerendered page (build/prerender.ts), whose heading is
 * visible before the app can act on a tap or a keystroke.
 */
export async function ready(page: Page): Promise<void> {
  await expect(page.locator('main h1')).toBeVisible()
  await expect(page.locator('html')).not.toHaveAttribute('data-prerender', /^(show|hide)$/)
}

/** Waits for the service worker to be active and in control of this page. */
export async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await page.waitForFunction(() => navigator.serviceWorker.ready.then((r) => r.active?.state === 'activated'))
}

export async function setSettings(page: Page, settings: Record<string, unknown>): Promise<void> {
  await page.evaluate((s) => {
    localStorage.setItem('yorisoi.settings.v1', JSON.stringify({ language: 'ja', textSize: 'standard', highContrast: false, readAloud: false, ...s }))
  }, settings)
}

/**
 * Opens `url` and sums the layout shifts (CLS, as Lighthouse counts them: shifts not caused by
 * input) from the first paint until `loaded` is visible and two more frames have been drawn.
 */
export async function layoutShiftWhileLoading(page: Page, url: string, loaded: (page: Page) => ReturnType<Page['locator']>): Promise<number> {
  await page.addInitScript(() => {
    const w = window as unknown as { __layoutShift: number }
    w.__layoutShift = 0
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__layoutShift += e.value
    }).observe({ type: 'layout-shift', buffered: true })
  })
  await page.goto(url)
  await expect(loaded(page)).toBeVisible({ timeout: 15_000 })
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  return page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift)
}

/**
 * Starts a 住民異動届 on /counter and writes `answers` into its stored draft (as if the resident
 * had typed them), leaving the form first so it cannot save over them; returns the draft id.
 */
export async function filledJuminIdoDraft(page: Page, answers: Record<string, unknown>): Promise<string> {
  await page.goto('/counter')
  await ready(page)
  await page.getByTestId('start-jumin-ido').click()
  await expect(page.locator('input[name="kind"]').first()).toBeVisible()
  const id = new URL(page.url()).searchParams.get('draft')!
  await page.goto('/')
  await page.evaluate(
    async ({ id, answers }) => {
      const open = indexedDB.open('yorisoi')
      await new Promise((r) => (open.onsuccess = r))
      const tx = open.result.transaction('drafts', 'readwrite')
      const store = tx.objectStore('drafts')
      const row: Record<string, unknown> = await new Promise((r) => {
        const q = store.get(id)
        q.onsuccess = () => r(q.result)
      })
      store.put({ ...row, answers })
      await new Promise((r) => (tx.oncomplete = r))
      open.result.close()
    },
    { id, answers },
  )
  return id
}

/** The WCAG levels every page is held to: 2.2 A and AA (contrast included). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** axe's violations of AXE_TAGS on the page as it is now (one place for every spec's axe run). */
export async function axeViolations(page: Page): Promise<Awaited<ReturnType<AxeBuilder['analyze']>>['violations']> {
  return (await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations
}

/**
 * Waits until the app has created its database: it opens it a moment after a page shows (lazily),
 * and a test opening it first would create an empty one without the app's tables.
 */
export async function waitForAppDatabase(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'yorisoi' && (d.version ?? 0) > 1)), { timeout: 15_000 }).toBe(true)
}
