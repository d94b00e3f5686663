import { expect, type BrowserContext, type Page, type ConsoleMessage } from '@playwright/test'

/**
 * Every route the sweeps (axe, layout, offline, CSP) walk. `/counter/qr?draft=…&draft=…` is the
 * one visit, several applications page; with drafts this browser does not have it names each
 * one as not found (the page with real drafts is checked in e2e/visit.spec.ts).
 */
export const ROUTES = ['/', '/classes', '/guides', '/guides/mynumber-pins', '/guides/mynumber-pins/lock', '/guides/mynumber-pins/done', '/counter', '/counter/qr?draft=visit-a&draft=visit-b', '/life', '/life/event?id=moving-in&step=foreign', '/life/checklist?id=moving-in', '/volunteer', '/staff', '/settings'] as const
export const LANGS = ['ja', 'ja-easy', 'en'] as const
/**
 * Pages reached from a route rather than by a menu, walked by the sweeps too (axe, layout,
 * Content-Security-Policy): a class, the profile, the volunteer's plan, presenter and record,
 * and an unknown address.
 */
export const MORE_PAGES = ['/classes/999990-0001', '/counter/profile', '/volunteer/plan', '/volunteer/present', '/volunteer/record', '/no-such-page'] as const

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
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

/** Waits until the page's heading is in place (the app has mounted and loaded its messages). */
export async function ready(page: Page): Promise<void> {
  await expect(page.locator('main h1')).toBeVisible()
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
