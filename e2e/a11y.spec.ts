import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { LANGS, ROUTES, ready, withQuery } from './helpers'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const WIDTHS = [375, 1280] as const
for (const lang of LANGS) {
  for (const width of WIDTHS) {
    // One page walks every route: a fresh page per route would install the service worker and
    // its precache again each time (about 10 s a route on 2 cores). A failure names its route.
    test(`axe: no violations on any route, ${lang} at ${width} px`, async ({ page }) => {
      test.setTimeout(240_000)
      await page.setViewportSize({ width, height: width === 375 ? 667 : 800 })
      const problems: string[] = []
      for (const route of ROUTES) {
        await page.goto(withQuery(route, `lang=${lang}`))
        await ready(page)
        const result = await new AxeBuilder({ page }).withTags(TAGS).analyze()
        problems.push(...result.violations.map((v) => `${route}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`))
      }
      expect(problems, `${lang} at ${width} px`).toEqual([])
    })
  }
}

test('axe: high contrast and 特大 text have no violations either', async ({ page }) => {
  test.setTimeout(180_000)
  await page.goto('/settings')
  await ready(page)
  await page.getByRole('radio', { name: '特大' }).check()
  await page.locator('input[name="highContrast"]').check()
  for (const route of ROUTES) {
    await page.goto(route)
    await ready(page)
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze()
    expect(result.violations.map((v) => v.id), route).toEqual([])
  }
})

test('every control is a touch target of at least 44 × 44 px and shows its focus', async ({ page }) => {
  test.setTimeout(180_000)
  for (const route of ROUTES) {
    await page.goto(route)
    await ready(page)
    const small = await page.evaluate(() => {
      const found: string[] = []
      for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary')) {
        if (el.classList.contains('skip-link')) continue
        const target = (el.closest('label') as HTMLElement | null) ?? el
        const box = target.getBoundingClientRect()
        if (box.width === 0 && box.height === 0) continue
        if (box.height < 44 || box.width < 44) found.push(`${el.outerHTML.slice(0, 80)} ${Math.round(box.width)}×${Math.round(box.height)}`)
      }
      return found
    })
    expect(small, route).toEqual([])
  }
  // focus is visible: tabbing to the first control draws an outline
  await page.goto('/')
  await ready(page)
  await page.keyboard.press('Tab')
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement as Element)
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) }
  })
  expect(outline.style).not.toBe('none')
  expect(outline.width).toBeGreaterThanOrEqual(2)
})

test('works at 200 % text size: no horizontal scroll at 375 px on any route', async ({ page }) => {
  test.setTimeout(180_000)
  for (const route of ROUTES) {
    await page.goto(route)
    await ready(page)
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'))
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, route).toBeLessThanOrEqual(0)
  }
})
