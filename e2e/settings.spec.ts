import { expect, test, type Page } from '@playwright/test'
import { ready, watchConsole } from './helpers'

// no test here needs the service worker: without it each test skips installing the ~100-file precache
test.use({ serviceWorkers: 'block' })

const fontSize = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))

test('body text is at least 18 px at 標準', async ({ page }) => {
  await page.goto('/')
  await ready(page)
  expect(await fontSize(page, 'main .lead')).toBeGreaterThanOrEqual(18)
})

test('text size 特大 scales the whole UI at once and survives a reload', async ({ page }) => {
  await page.goto('/settings')
  await ready(page)
  const before = {
    body: await fontSize(page, 'main .lead'),
    heading: await fontSize(page, 'main h1'),
    header: await fontSize(page, '.site-header a'),
  }
  await page.getByRole('radio', { name: '特大' }).check()
  await expect.poll(() => fontSize(page, 'main .lead')).toBeGreaterThan(before.body * 1.4)
  const after = {
    body: await fontSize(page, 'main .lead'),
    heading: await fontSize(page, 'main h1'),
    header: await fontSize(page, '.site-header a'),
  }
  // the header and headings grow too, not only body text
  expect(after.heading).toBeGreaterThan(before.heading * 1.4)
  expect(after.header).toBeGreaterThan(before.header * 1.4)

  await page.reload()
  await ready(page)
  await expect(page.getByRole('radio', { name: '特大' })).toBeChecked()
  expect(await fontSize(page, 'main .lead')).toBe(after.body)

  // nothing is cut off: no horizontal scrolling at 375 px on any main page
  for (const path of ['/', '/settings', '/classes', '/counter', '/staff']) {
    await page.goto(path)
    await ready(page)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, path).toBeLessThanOrEqual(0)
  }
})

test('high contrast and language apply at once and persist', async ({ page }) => {
  const errors = watchConsole(page)
  await page.goto('/settings')
  await ready(page)
  const bg = () => page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor)
  const normal = await bg()
  await page.getByRole('checkbox', { name: /コントラスト/ }).check()
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high')
  await expect.poll(bg).not.toBe(normal)

  await page.locator('input[name="language"][value="en"]').check()
  await expect(page.locator('main h1')).toHaveText('Settings')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.locator('input[name="language"][value="ja-easy"]').check()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  await expect(page.locator('main h1 rt')).toHaveText('せってい')

  await page.reload()
  await ready(page)
  await expect(page.locator('main h1 rt')).toHaveText('せってい')
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high')
  expect(errors).toEqual([])
})

test('read aloud: off by default; when on, the home page speaks in the chosen language', async ({ page }) => {
  await page.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = []
    ;(window as unknown as { spoken: typeof spoken }).spoken = spoken
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push({ text: u.text, lang: u.lang })
  })
  await page.goto('/')
  await ready(page)
  await expect(page.getByRole('button', { name: /読み上げ/ })).toHaveCount(0)
  await page.goto('/settings?lang=ja-easy')
  await ready(page)
  await page.locator('input[name="readAloud"]').check()
  await page.goto('/')
  await ready(page)
  await page.locator('.read-aloud').click()
  const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken)
  expect(spoken).toHaveLength(1)
  expect(spoken[0]!.lang).toBe('ja-JP')
  // furigana are read, not the kanji and the reading twice
  expect(spoken[0]!.text).not.toMatch(/[{}｛｝|｜]/)
  expect(spoken[0]!.text.length).toBeGreaterThan(10)
})

test('furigana can be switched off in やさしい日本語, and the choice persists', async ({ page }) => {
  test.setTimeout(60_000) // several visits in a row
  const errors = watchConsole(page)
  await page.goto('/settings?lang=ja-easy')
  await ready(page)
  expect(await page.locator('main rt').count()).toBeGreaterThan(5)
  const furigana = page.locator('input[name="furigana"]')
  await expect(furigana).toBeChecked() // on by default in やさしい日本語
  await furigana.uncheck()
  await expect(page.locator('rt')).toHaveCount(0)
  await expect(page.locator('main h1')).toHaveText('設定')
  await page.goto('/')
  await ready(page)
  await expect(page.locator('rt')).toHaveCount(0)
  await expect(page.getByTestId('entry-classes').locator('.entry__title')).toHaveText('スマホ教室を さがす')
  await page.reload()
  await ready(page)
  await expect(page.locator('rt')).toHaveCount(0)
  expect(errors).toEqual([])
})
