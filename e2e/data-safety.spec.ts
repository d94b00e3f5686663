import { expect, test, type Page } from '@playwright/test'
import Papa from 'papaparse'
import { readFileSync } from 'node:fs'
import { ready, setSettings } from './helpers'

/**
 * The class schedule is a town's open-data CSV: what it holds is data, never code or markup.
 * Every test here serves a hostile classes.csv in place of the town's (the service worker is
 * blocked so the route sees the request).
 */
test.use({ serviceWorkers: 'block' })

const HEADER = Papa.parse<string[]>(readFileSync('public/data/classes.csv', 'utf8').replace(/^\uFEFF/, '')).data[0]!
const BASE: Record<string, string> = {
  都道府県コード又は市区町村コード: '999990',
  イベント種類: '講座・教室',
  開始日: '2026-12-10',
  終了日: '2026-12-10',
  開始時刻: '13:30',
  終了時刻: '15:30',
  場所名称: '中央公民館',
  住所都道府県: '見本県',
  住所市区町村: 'サンプル市',
  住所町名: '本町',
  住所丁目以下: '1-2-3',
  緯度: '35.6',
  経度: '139.6',
  連絡先名称: 'デジタル推進課',
}
const HOSTILE_URLS = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', '   javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)']
const ROWS: Record<string, string>[] = [
  ...HOSTILE_URLS.map((url, i) => ({ ...BASE, NO: `000${i + 1}`, 名称: `スマホ教室 ${i + 1}`, URL: url, 連絡先電話番号: '電話なし', '料金(基本)': '{無料|1万円}', 定員: '｛10｜100｝' })),
  { ...BASE, NO: '0100', 名称: 'スマホ教室 内線', URL: 'https://www.city.sample.example.jp/digital/', 連絡先電話番号: '0000-00-0002（内線123）', 場所名称: '公民館 & "ホール"', 緯度: '', 経度: '' },
]
const CSV = '\uFEFF' + Papa.unparse({ fields: HEADER, data: ROWS.map((r) => HEADER.map((h) => r[h] ?? '')) }, { newline: '\r\n' })

async function serveHostileCsv(page: Page): Promise<void> {
  await page.route('**/data/classes.csv', (route) => route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body: CSV }))
}

/** Every link on the page, as the browser resolved it. */
const hrefs = (page: Page) => page.locator('main a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))

test('links from the CSV are only what they claim: no javascript:, data: or vbscript: link, no tel: from 「電話なし」', async ({ page }) => {
  await serveHostileCsv(page)
  for (let i = 1; i <= HOSTILE_URLS.length; i++) {
    await page.goto(`/classes/999990-000${i}`)
    await expect(page.getByTestId('class-when')).toBeVisible({ timeout: 15_000 })
    await expect(page.locator('main a[href^="javascript" i], main a[href^="data:" i], main a[href^="vbscript" i], main a[href*="script:" i]')).toHaveCount(0)
    for (const href of await hrefs(page)) expect(['http:', 'https:', 'geo:'], href).toContain(new URL(href).protocol)
    // the address is still there, as plain text
    await expect(page.getByTestId('class-url-text')).toContainText(/script:|data:/i)
    await expect(page.getByTestId('class-tel')).toHaveCount(0)
    await expect(page.getByTestId('class-phone-text')).toHaveText('電話なし')
    await expect(page.getByTestId('class-website')).toHaveCount(0)
  }
})

test('a phone number with an extension dials only the number; the website link names its host; map links for iPhone and Android', async ({ page }) => {
  await serveHostileCsv(page)
  await page.goto('/classes/999990-0100')
  await expect(page.getByTestId('class-when')).toBeVisible({ timeout: 15_000 })
  await expect(page.getByTestId('class-tel')).toHaveAttribute('href', 'tel:0000000002')
  await expect(page.getByTestId('class-tel')).toContainText('0000-00-0002（内線123）')
  await expect(page.getByTestId('class-website')).toHaveAttribute('href', 'https://www.city.sample.example.jp/digital/')
  await expect(page.getByTestId('class-website')).toContainText('www.city.sample.example.jp')
  // no coordinates: a search for the address, every piece encoded
  const apple = new URL((await page.getByTestId('map-apple').getAttribute('href'))!)
  expect(apple.origin).toBe('https://maps.apple.com')
  expect(apple.searchParams.get('q')).toBe('見本県サンプル市本町1-2-3')
  await expect(page.getByTestId('map-geo')).toHaveAttribute('href', `geo:0,0?q=${encodeURIComponent('見本県サンプル市本町1-2-3')}`)
  await expect(page.getByTestId('map-web')).toHaveAttribute('href', `https://www.openstreetmap.org/search?query=${encodeURIComponent('見本県サンプル市本町1-2-3')}`)
})

test('furigana markup in the CSV is shown as written, never as ruby (fee and capacity), in every language', async ({ page }) => {
  await serveHostileCsv(page)
  await page.goto('/')
  for (const language of ['ja', 'ja-easy', 'en']) {
    await setSettings(page, { language })
    await page.goto('/classes/999990-0001')
    await expect(page.getByTestId('class-when')).toBeVisible({ timeout: 15_000 })
    const facts = page.locator('.class-facts')
    await expect(facts, language).toContainText('{無料|1万円}')
    await expect(facts, language).toContainText('｛10｜100｝')
    await expect(facts.locator('rt').filter({ hasText: /1万円|100/ })).toHaveCount(0)
  }
})

test('the class page confirms on screen: bookmark, calendar file, link copied — in the user\'s language', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/classes/999990-0002')
  await ready(page)
  // no Web Share here: the link is copied
  expect(await page.evaluate(() => 'share' in navigator)).toBe(false)
  const status = page.getByTestId('class-status')
  await expect(status).toHaveCount(0)
  await page.getByTestId('bookmark').click()
  await expect(status).toHaveText('✓ 気になるに入れました')
  await expect(status).toBeInViewport()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ics').click()])
  expect(download.suggestedFilename()).toBe('999990-0002.ics')
  await expect(status).toContainText('カレンダー用のファイル（.ics）を保存しました')
  await page.getByTestId('share').click()
  await expect(status).toHaveText('✓ リンクをコピーしました')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url())

  await setSettings(page, { language: 'en' })
  await page.reload()
  await expect(page.getByTestId('class-when')).toBeVisible({ timeout: 15_000 })
  await page.getByTestId('bookmark').click()
  await expect(page.getByTestId('class-status')).toHaveText('✓ Removed from interested')
  await page.getByTestId('share').click()
  await expect(page.getByTestId('class-status')).toHaveText('✓ Link copied')

  await setSettings(page, { language: 'ja-easy' })
  await page.reload()
  await expect(page.getByTestId('class-when')).toBeVisible({ timeout: 15_000 })
  await page.getByTestId('ics').click()
  await expect(page.getByTestId('class-status').locator('ruby').first()).toBeVisible()
})

test('when the link cannot be copied the page says so and shows the address to write down', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } }))
  await page.goto('/classes/999990-0002')
  await ready(page)
  await page.getByTestId('share').click()
  await expect(page.getByTestId('class-status')).toContainText('リンクをコピーできませんでした')
  await expect(page.getByTestId('class-status')).toContainText(page.url())
})
