import { expect, test } from '@playwright/test'
import { ready } from './helpers'

// no test here needs the service worker: without it each test skips installing the ~100-file precache
test.use({ serviceWorkers: 'block' })

// axe on every page in every language at 375 and 1280 px, with high contrast and 特大 text,
// 44 px touch targets and 200 % text: sweep.spec.ts

test('focus is visible: tabbing to the first control draws an outline', async ({ page }) => {
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
