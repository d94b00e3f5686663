import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { LANGS, MORE_PAGES, ROUTES, ready, recordViolations } from './helpers'
import { layoutProblems } from './layout'

/**
 * Every page, in every language, in one walk per language and width (a fresh page per route
 * would install the service worker and its precache again each time):
 * - axe (WCAG 2.2 A/AA, contrast on): no violation, at 375 and 1280 px;
 * - at 375 px, at 標準 and 特大: nothing wider than the phone, no control whose text spills out of
 *   it or lies over another, and in やさしい日本語 every ruby on one line (see layout.ts);
 * - no Content-Security-Policy violation on any screen.
 * A failure names its page, size and problem.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const SIZES = ['standard', 'xlarge'] as const
const PAGES = [...ROUTES, ...MORE_PAGES]

for (const lang of LANGS) {
  for (const width of [375, 1280] as const) {
    const layout = width === 375
    test(`every page in ${lang} at ${width} px: axe${layout ? ', layout at 標準 and 特大' : ''}, no CSP violation`, async ({ page, context }) => {
      test.setTimeout(300_000)
      const csp = await recordViolations(context)
      await page.setViewportSize({ width, height: layout ? 667 : 800 })
      await page.goto('/settings')
      await page.evaluate((language) => localStorage.setItem('yorisoi.settings.v1', JSON.stringify({ language, textSize: 'standard', highContrast: false, readAloud: false })), lang)
      const problems: string[] = []
      for (const route of PAGES) {
        await page.goto(route)
        // a class page fetches and parses the schedule first: slower on a busy machine
        await expect(page.locator('main h1')).toBeVisible({ timeout: 15_000 })
        await ready(page)
        const result = await new AxeBuilder({ page }).withTags(TAGS).analyze()
        problems.push(...result.violations.map((v) => `${route}: axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`))
        if (!layout) continue
        await page.evaluate(() => document.fonts.ready)
        // both sizes on one load: the text-size setting is this attribute and rem (main.ts)
        for (const size of SIZES) {
          await page.evaluate((s) => (document.documentElement.dataset.textSize = s), size)
          for (const p of await layoutProblems(page, { rubies: lang === 'ja-easy' && route !== '/staff' })) problems.push(`${route} at ${size}: ${p}`)
        }
      }
      expect(problems, `${lang} at ${width} px`).toEqual([])
      expect(csp).toEqual([])
    })
  }
}
