import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { axeViolations, ready, serviceWorkerReady, setSettings } from './helpers'

const NOW = new Date('2026-12-01T09:00:00+09:00')
const GOOD = readFileSync('public/data/classes.csv')
const HEADER = GOOD.toString('utf8').split(/\r?\n/)[0]!
const BAD: Record<string, Buffer> = {
  'random bytes': Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)),
  'an empty file': Buffer.alloc(0),
  'a header-only file': Buffer.from(`\uFEFF${HEADER}\r\n`),
}
const STALE = '最新の予定を読み込めませんでした。前回の予定を表示しています。'

async function serve(page: Page, body: Buffer): Promise<void> {
  await page.unroute('**/data/classes.csv')
  await page.route('**/data/classes.csv', (route) => route.fulfill({ status: 200, contentType: 'text/csv', body }))
}

async function open(page: Page): Promise<void> {
  await page.goto('/classes')
  await ready(page)
}

for (const [what, body] of Object.entries(BAD)) {
  test(`${what} after a good load: the last good schedule stays listed, online and offline, with a notice`, async ({ page, context }) => {
    await page.clock.setFixedTime(NOW)
    await open(page)
    await expect(page.getByTestId('class-count')).toHaveText('10件の教室があります')
    await serviceWorkerReady(page)
    const updated = await page.getByTestId('classes-updated').textContent()

    await serve(page, body)
    await page.reload()
    await ready(page)
    await expect(page.getByTestId('classes-notice')).toHaveText(STALE)
    await expect(page.getByTestId('class-count')).toHaveText('10件の教室があります')
    await expect(page.getByTestId('classes-updated')).toHaveText(updated!)

    // the broken file did not replace the kept copy: offline, the good one is still there
    await page.unroute('**/data/classes.csv')
    await context.setOffline(true)
    await page.reload()
    await ready(page)
    await expect(page.getByTestId('classes-offline')).toBeVisible()
    await expect(page.getByTestId('class-count')).toHaveText('10件の教室があります')
  })
}

test('a broken file on the first visit says what is wrong, in every language, with no axe violations', async ({ page }) => {
  test.setTimeout(90_000)
  await page.clock.setFixedTime(NOW)
  await serve(page, BAD['random bytes']!)
  await open(page)
  await expect(page.getByTestId('classes-notice')).toHaveText('教室の予定のファイルを読み取れませんでした。ファイルの形が正しくないようです。時間をおいて、もう一度開いてください。')
  await expect(page.getByTestId('class-item')).toHaveCount(0)

  await serve(page, BAD['a header-only file']!)
  for (const [lang, text] of [
    ['ja', '教室の予定のファイルに、教室が1件も入っていませんでした。'],
    ['ja-easy', 'よていの ファイルに'],
    ['en', 'The class schedule file has no classes in it.'],
  ] as const) {
    await setSettings(page, { language: lang })
    await page.reload()
    await ready(page)
    await expect(page.getByTestId('classes-notice')).toContainText(text)
    const violations = await axeViolations(page)
    expect(violations.map((v) => v.id), lang).toEqual([])
  }
})
