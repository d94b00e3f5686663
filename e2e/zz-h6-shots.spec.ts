import { test, expect } from '@playwright/test'
import { setSettings } from './helpers'
const NOW = new Date('2026-12-01T09:00:00+09:00')
const shots = (process.env.SHOTS ?? '/classes').split(',')
const langs = (process.env.LANGS ?? 'ja').split(',')
const sizes = (process.env.SIZES ?? 'standard').split(',')
for (const url of shots) for (const lang of langs) for (const size of sizes) {
  test(`shot ${url} ${lang} ${size}`, async ({ page }) => {
    await page.clock.setFixedTime(NOW)
    await page.goto('/')
    await setSettings(page, { language: lang, textSize: size })
    await page.goto(url)
    await page.waitForTimeout(1200)
    const name = `${url.replace(/[/?=&]/g, '_')}-${lang}-${size}`
    await page.screenshot({ path: `/tmp/h6shots/${name}.png`, fullPage: process.env.FULL === '1' })
  })
}
test('print shots', async ({ page }) => {
  test.setTimeout(120000)
  await page.clock.setFixedTime(NOW)
  await page.goto('/volunteer/plan?class=999990-0002')
  await page.getByTestId('plan-guide-basics-wifi').check()
  await page.getByTestId('plan-guide-mynumber-pins').check()
  await page.emulateMedia({ media: 'print' })
  await page.waitForTimeout(800)
  await page.setViewportSize({ width: 794, height: 1123 })
  await page.waitForTimeout(500)
  for (let i = 0; i < 3; i++) await page.screenshot({ path: `/tmp/h6shots/print-${i}.png`, fullPage: true, clip: { x: 0, y: i * 1100, width: 794, height: 1100 } })
  await page.emulateMedia({ media: 'screen' })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.getByTestId('present-basics-wifi').click()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.waitForTimeout(800)
  await page.screenshot({ path: '/tmp/h6shots/present.png' })
})
