import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { MORE_PAGES, ROUTES, ready } from './helpers'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
// axe on every page in every language at 375 and 1280 px: sweep.spec.ts

test('axe: high contrast and 特大 text have no violations either', async ({ page }) => {
  test.setTimeout(300_000)
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

test('every control is a touch target of at least 44 × 44 px and shows its focus; at 200 % text nothing scrolls sideways', async ({ page }) => {
  test.setTimeout(180_000)
  const problems: string[] = []
  for (const route of [...ROUTES, ...MORE_PAGES]) {
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
    problems.push(...small.map((s) => `${route}: small target ${s}`))
    // the same page at 200 % text (as a browser's text zoom does)
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'))
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    if (overflow > 0) problems.push(`${route}: at 200 % text the page scrolls sideways by ${overflow}px`)
  }
  expect(problems).toEqual([])
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
