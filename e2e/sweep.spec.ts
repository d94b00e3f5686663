import { expect, test, type Page } from '@playwright/test'
import { axeViolations, LANGS, MORE_PAGES, ready, recordViolations, ROUTES, seedDraftRows, SWEEP_DRAFTS } from './helpers'
import { layoutProblems, smallTargets } from './layout'

/**
 * Every page, in every language, in walks of a third of the pages each (a fresh page per route would
 * install the service worker and its precache again each time):
 * - axe (WCAG 2.2 A/AA, contrast on): no violation, at 375 px and, on the same load resized, at
 *   1280 px (the layout is CSS media queries: a resize is what a fresh load at 1280 would show);
 * - at 375 px, at 標準 and 特大: nothing wider than the phone, no control whose text spills out of
 *   it or lies over another, and in やさしい日本語 every ruby on one line (see layout.ts);
 * - no Content-Security-Policy violation on any screen;
 * - in ja (the checks do not depend on the words): axe again with high contrast and 特大 text;
 *   every control a touch target of at least 44 × 44 px; at 200 % text nothing scrolls sideways.
 * A failure names its page, size and problem.
 */
const SIZES = ['standard', 'xlarge'] as const
const PAGES: string[] = [...ROUTES, ...MORE_PAGES]
// a third of the pages per walk: nine walks keep both CI workers busy to the end
const GROUPS = [0, 1, 2].map((g) => PAGES.filter((_, i) => i % 3 === g))

for (const lang of LANGS) {
  for (const [g, pages] of GROUPS.entries()) {
    test(`pages ${g + 1}/${GROUPS.length} in ${lang}: axe at 375 and 1280 px, layout at 標準 and 特大, no CSP violation`, async ({ page, context }) => {
      test.setTimeout(300_000)
      const csp = await recordViolations(context)
      await page.goto('/settings')
      await page.evaluate((language) => localStorage.setItem('yorisoi.settings.v1', JSON.stringify({ language, textSize: 'standard', highContrast: false, readAloud: false })), lang)
      await seedDraftRows(page, SWEEP_DRAFTS)
      const problems: string[] = []
      const axe = async (route: string, width: number) => {
        const result = await axeViolations(page)
        problems.push(...result.map((v) => `${route} at ${width} px: axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`))
      }
      let t0 = Date.now()
      const lap = (what: string) => {
        if (process.env.SWEEP_TIMING) console.log(`${lang} ${what}: ${Date.now() - t0} ms`)
        t0 = Date.now()
      }
      for (const route of pages) {
        lap(`(before ${route})`)
        await page.setViewportSize({ width: 375, height: 667 })
        await page.goto(route)
        // a class page fetches and parses the schedule first: slower on a busy machine
        await expect(page.locator('main h1')).toBeVisible({ timeout: 15_000 })
        await ready(page)
        lap(`${route} load`)
        await axe(route, 375)
        lap(`${route} axe 375`)
        await page.evaluate(() => document.fonts.ready)
        // both sizes on one load: the text-size setting is this attribute and rem (main.ts)
        for (const size of SIZES) {
          await page.evaluate((s) => (document.documentElement.dataset.textSize = s), size)
          for (const p of await layoutProblems(page, { rubies: lang === 'ja-easy' && route !== '/staff' })) problems.push(`${route} at ${size}: ${p}`)
        }
        lap(`${route} layout`)
        await page.evaluate(() => (document.documentElement.dataset.textSize = 'standard'))
        if (lang === 'ja') {
          problems.push(...(await smallTargets(page)).map((s) => `${route}: small target ${s}`))
          await page.evaluate(() => (document.documentElement.style.fontSize = '200%'))
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
          if (overflow > 0) problems.push(`${route}: at 200 % text the page scrolls sideways by ${overflow}px`)
          await page.evaluate(() => {
            const root = document.documentElement
            root.style.fontSize = ''
            root.dataset.textSize = 'xlarge'
            root.dataset.contrast = 'high'
          })
          await axe(`${route} (high contrast, 特大)`, 375)
          await page.evaluate(() => {
            const root = document.documentElement
            root.dataset.textSize = 'standard'
            root.dataset.contrast = 'normal'
          })
        }
        lap(`${route} ja extras`)
        await page.setViewportSize({ width: 1280, height: 800 })
        await axe(route, 1280)
        lap(`${route} axe 1280`)
      }
      expect(problems, lang).toEqual([])
      expect(csp).toEqual([])
    })
  }
}
