/**
 * The large schedule in real Chromium, on the built app: (a) the longest main-thread task while
 * /classes imports and lists it (PerformanceObserver 'longtask', from navigation until the list
 * shows and the page is idle), (b) filter keystrokes on /classes: Event Timing's duration of each
 * keystroke, from the key press to the next paint after the list updated.
 */
import { chromium } from '@playwright/test'
import { launchOptions } from '../e2e/browser.ts'
import { startStaticServer } from '../e2e/static-server.ts'

declare global {
  interface Window {
    __longtasks: { start: number; duration: number }[]
    __events: { name: string; duration: number; interactionId: number }[]
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

export async function scheduleInBrowser(dist: string, csv: Uint8Array, keys = 'line', runs = 3) {
  const server = await startStaticServer(dist)
  const browser = await chromium.launch(launchOptions())
  try {
    const longest: number[] = []
    const keystrokes: number[] = []
    let listed = 0
    for (let run = 0; run < runs; run++) {
      // no service worker: every run imports the file the same way, straight from the network
      const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 375, height: 667 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })
      const page = await context.newPage()
      await page.route('**/data/classes.csv', (route) => route.fulfill({ status: 200, contentType: 'text/csv', body: Buffer.from(csv) }))
      await page.addInitScript(() => {
        window.__longtasks = []
        window.__events = []
        new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longtasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true })
        new PerformanceObserver((list) =>
          list.getEntries().forEach((e) => window.__events.push({ name: e.name, duration: e.duration, interactionId: (e as PerformanceEventTiming).interactionId })),
        ).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit)
      })
      await page.goto(`${server.url}/classes`)
      await page.getByTestId('class-count').waitFor({ timeout: 120_000 })
      // let every task that follows the list (rendering, bookmarks) finish
      await page.waitForTimeout(1500)
      listed = await page.getByTestId('class-item').count()
      longest.push(await page.evaluate(() => Math.max(0, ...window.__longtasks.map((t) => t.duration))))

      await page.locator('#filter-text').focus()
      for (const key of keys) {
        await page.evaluate(() => (window.__events = []))
        await page.keyboard.press(key)
        // two frames: the list has updated and painted
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
        await page.waitForTimeout(300)
        const ms = await page.evaluate(() => Math.max(0, ...window.__events.filter((e) => e.interactionId > 0 || e.name === 'input').map((e) => e.duration)))
        keystrokes.push(ms || 16) // below Event Timing's 16 ms threshold
      }
      await context.close()
    }
    return {
      longestTaskMs: Math.round(Math.max(...longest)),
      longestTaskRunsMs: longest.map(Math.round),
      keystrokeMedianMs: Math.round(median(keystrokes)),
      keystrokeMaxMs: Math.round(Math.max(...keystrokes)),
      keystrokes: keystrokes.length,
      listed,
    }
  } finally {
    await browser.close()
    await server.close()
  }
}
