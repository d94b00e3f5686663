import { expect, test, type Page } from '@playwright/test'
import { axeViolations, LANGS, ready, setSettings, watchConsole } from './helpers'

/**
 * The counter's start list: grouped by what the resident wants to do (src/content/form-purposes.json),
 * each form with its official Japanese name beside it, and a search box that finds forms by
 * everyday words across kana and widths.
 */
async function open(page: Page, language: string, textSize = 'standard'): Promise<void> {
  await page.setViewportSize({ width: 375, height: 667 })
  await page.goto('/counter')
  await setSettings(page, { language, textSize })
  await page.goto('/counter')
  await ready(page)
  await expect(page.getByTestId('purpose-group').first()).toBeVisible()
}

async function noAxe(page: Page, where: string): Promise<void> {
  const result = await axeViolations(page)
  expect(result.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), where).toEqual([])
}

test('the list is grouped by purpose, and 「ひっこし」 finds 住民異動届 first', async ({ page }) => {
  const errors = watchConsole(page)
  await open(page, 'ja')
  const groups = page.getByTestId('purpose-group')
  expect(await groups.count()).toBeGreaterThanOrEqual(5)
  await expect(groups.first().locator('h3')).toHaveText(/証明書がほしい/)
  await expect(page.getByRole('heading', { name: '引っ越した・引っ越す', level: 3 })).toBeVisible()
  // each form is listed once, under its heading
  const moving = groups.filter({ has: page.getByRole('heading', { name: '引っ越した・引っ越す' }) })
  await expect(moving.getByTestId('start-jumin-ido')).toBeVisible()
  await expect(page.getByTestId('start-jumin-ido')).toHaveCount(1)
  // in Japanese the title is the official name: no second line
  await expect(page.getByTestId('official-name')).toHaveCount(0)

  const search = page.getByRole('searchbox', { name: '書類を探す' })
  await search.fill('ひっこし')
  const results = page.getByTestId('form-results').locator('button.entry')
  await expect(results.first()).toHaveAttribute('data-testid', 'start-jumin-ido')
  await expect(page.getByTestId('form-count')).toHaveText(`${await results.count()}件`)
  await expect(page.getByTestId('purpose-group')).toHaveCount(0)

  // half-width katakana and a katakana keyword typed in hiragana
  await search.fill('ﾊﾝｺ')
  await expect(results).toHaveCount(2)
  await expect(page.getByTestId('form-count')).toHaveText('2件')

  await search.fill('宇宙旅行')
  await expect(page.getByTestId('form-none')).toContainText('「宇宙旅行」に合う書類はありません')
  await expect(page.getByTestId('form-results')).toHaveCount(0)
  await expect(page.getByTestId('purpose-group').first()).toBeVisible()
  await noAxe(page, 'ja, no result')

  await search.fill('ひっこし')
  await page.getByTestId('start-jumin-ido').click()
  await expect(page).toHaveURL(/\/counter\/form\?draft=/)
  expect(errors).toEqual([])
})

test('in English the official Japanese name is beside each title, and English words find forms', async ({ page }) => {
  await open(page, 'en')
  const ido = page.getByTestId('start-jumin-ido')
  await expect(ido.locator('[lang="ja"]')).toHaveText('住民異動届')
  await expect(ido.getByTestId('official-name')).toContainText('Official name:')
  await page.getByRole('searchbox', { name: 'Search for a form' }).fill('MOVING')
  await expect(page.getByTestId('form-results').locator('button.entry').first()).toHaveAttribute('data-testid', 'start-jumin-ido')
  await page.getByRole('searchbox', { name: 'Search for a form' }).fill('ｈａｎｋｏ')
  await expect(page.getByTestId('form-count')).toHaveText('2 forms')
  await page.getByRole('searchbox', { name: 'Search for a form' }).fill('spaceship')
  await expect(page.getByTestId('form-none')).toContainText('No form matches “spaceship”')
})

for (const lang of LANGS) {
  test(`axe finds nothing on the grouped list and on results at 375 px (${lang})`, async ({ page }) => {
    await open(page, lang)
    await noAxe(page, `${lang}, list`)
    await page.locator('#form-search').fill(lang === 'en' ? 'hanko' : 'はんこ')
    await expect(page.getByTestId('form-results')).toBeVisible()
    await noAxe(page, `${lang}, results`)
    // 44 px targets: the search box and every start button
    for (const box of [await page.locator('#form-search').boundingBox(), await page.getByTestId('form-results').locator('button.entry').first().boundingBox()]) {
      expect(box!.height).toBeGreaterThanOrEqual(44)
    }
  })
}

for (const lang of ['ja-easy', 'en'] as const) {
  test(`at 特大 text the list fits 375 px without sideways scrolling (${lang})`, async ({ page }, info) => {
    await open(page, lang, 'xlarge')
    await page.screenshot({ path: info.outputPath(`counter-list-${lang}-xlarge.png`), fullPage: false })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await page.locator('#form-search').fill(lang === 'en' ? 'move' : 'ひっこし')
    await expect(page.getByTestId('form-results')).toBeVisible()
    await page.getByTestId('form-count').evaluate((e) => e.scrollIntoView())
    await page.screenshot({ path: info.outputPath(`counter-list-${lang}-xlarge-search.png`) })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  })
}
