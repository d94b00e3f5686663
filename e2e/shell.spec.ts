import { expect, test } from '@playwright/test'
import { LANGS, ready, watchConsole } from './helpers'

// no test here needs the service worker: without it each test skips installing the ~100-file precache
test.use({ serviceWorkers: 'block' })

const HOME = {
  ja: { h1: 'よりそい', entry: 'スマホ教室をさがす', lang: 'ja' },
  'ja-easy': { h1: 'よりそい', entry: 'スマホ教室をさがす', lang: 'ja' },
  en: { h1: 'Yorisoi', entry: 'Find a smartphone class', lang: 'en' },
} as const

for (const lang of LANGS) {
  test(`home renders in ${lang} via ?lang= with no missing key`, async ({ page }) => {
    const errors = watchConsole(page)
    await page.goto(`/?lang=${lang}`)
    await ready(page)
    await expect(page.locator('main h1')).toHaveText(HOME[lang].h1)
    // ruby text nodes are read without the furigana for the comparison
    const entry = page.getByTestId('entry-classes')
    await expect(entry).toBeVisible()
    const entryTitle = await entry.locator('.entry__title').evaluate((el) => {
      const clone = el.cloneNode(true) as HTMLElement
      clone.querySelectorAll('rt, rp').forEach((n) => n.remove())
      return clone.textContent?.replace(/\s+/g, '')
    })
    expect(entryTitle).toBe(HOME[lang].entry.replace(/\s+/g, ''))
    await expect(page.locator('html')).toHaveAttribute('lang', HOME[lang].lang)
    if (lang === 'ja-easy') expect(await page.locator('main ruby rt').count()).toBeGreaterThan(5)
    else expect(await page.locator('main ruby').count()).toBe(0)
    expect(errors).toEqual([])
  })
}

test('the ?lang= choice is stored: a later visit without it keeps the language', async ({ page }) => {
  await page.goto('/guides?lang=en')
  await expect(page.locator('main h1')).toHaveText('Step-by-step guides')
  await page.goto('/')
  await expect(page.locator('main h1')).toHaveText('Yorisoi')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test('a ?lang= link does not overwrite the language the resident chose, and the header leads back to it', async ({ page }) => {
  test.setTimeout(60_000) // several visits in a row
  const errors = watchConsole(page)
  await page.goto('/settings')
  await ready(page)
  await page.locator('input[name="language"][value="en"]').check()
  await expect(page.locator('main h1')).toHaveText('Settings')

  // A presenter's QR in Japanese: this visit is in Japanese…
  await page.goto('/guides?lang=ja')
  await expect(page.locator('main h1')).toHaveText('手続きガイド')
  const back = page.getByTestId('back-to-saved-language')
  await expect(back).toBeVisible()
  await expect(back.locator('[lang="en"]')).toHaveText('Back to English')
  // …across the visit's pages…
  await page.getByRole('link', { name: /よりそい/ }).click()
  await expect(page.locator('main h1')).toHaveText('よりそい')
  // …and the next visit without the link is in English again.
  await page.goto('/')
  await expect(page.locator('main h1')).toHaveText('Yorisoi')
  await expect(page.getByTestId('back-to-saved-language')).toHaveCount(0)

  // One tap back to English, and the link's lang= leaves the address.
  await page.goto('/classes?lang=ja-easy')
  await ready(page)
  await expect(page.locator('html')).toHaveAttribute('data-lang', 'ja-easy')
  await page.getByTestId('back-to-saved-language').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page).toHaveURL(/\/classes\/?$/)
  await expect(page.getByTestId('back-to-saved-language')).toHaveCount(0)
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('yorisoi.settings.v1')!).language)).toBe('en')
  expect(errors).toEqual([])
})

test('staff pages have their own plain header and none of the residents\' wording', async ({ page }) => {
  test.setTimeout(60_000) // several visits in a row
  const errors = watchConsole(page)
  await page.goto('/?lang=ja-easy')
  await ready(page)
  await page.goto('/staff')
  await ready(page)
  const header = page.getByRole('banner')
  await expect(header).toContainText('サンプル市')
  await expect(header).toContainText('職員用')
  await expect(header.getByRole('link', { name: /設定/ })).toHaveCount(0)
  await expect(page.locator('body')).not.toContainText(/この ?スマホの ?中だけ/)
  await expect(page.locator('footer')).toHaveCount(0)
  // Japanese for staff whatever the resident chose: no やさしい日本語 typography or furigana
  await expect(page.locator('html')).toHaveAttribute('data-lang', 'ja')
  await expect(page.locator('rt')).toHaveCount(0)
  // Back on a resident page, the residents' header returns.
  await page.goto('/')
  await ready(page)
  await expect(page.getByTestId('staff-header')).toHaveCount(0)
  await expect(page.locator('html')).toHaveAttribute('data-lang', 'ja-easy')
  expect(errors).toEqual([])
})

test('first visit follows the browser language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' })
  const page = await context.newPage()
  await page.goto('/')
  await expect(page.locator('main h1')).toHaveText('Yorisoi')
  await context.close()
  const de = await browser.newContext({ locale: 'de-DE' })
  const page2 = await de.newPage()
  await page2.goto('/')
  await expect(page2.locator('main h1')).toHaveText('よりそい') // not shipped: the town default
  await de.close()
})

test('home offers the three jobs and the quieter links, each a real page', async ({ page }) => {
  const errors = watchConsole(page)
  await page.goto('/')
  await ready(page)
  const pages = [
    ['entry-classes', '/classes', 'スマホ教室をさがす'],
    ['entry-guides', '/guides', '手続きガイド'],
    ['entry-counter', '/counter', '窓口の書類を家で準備する'],
  ] as const
  for (const [id, path, title] of pages) {
    await page.getByTestId(id).click()
    await expect(page).toHaveURL(path)
    await expect(page.locator('main h1')).toHaveText(title)
    await expect(page.locator('main .lead')).not.toBeEmpty()
    await page.goBack()
    await ready(page)
  }
  await page.getByRole('link', { name: 'ボランティアの方へ' }).click()
  await expect(page.locator('main h1')).toHaveText('ボランティアの方へ')
  await page.goto('/')
  await page.getByRole('link', { name: '職員の方へ' }).click()
  await expect(page.locator('main h1')).toHaveText('職員の方へ')
  expect(errors).toEqual([])
})

test('navigation is announced in the status region and moves focus to the heading', async ({ page }) => {
  await page.goto('/')
  await ready(page)
  // one status region in the shell (pages such as the guide list add their own count)
  await expect(page.getByRole('status')).toHaveCount(1)
  const status = page.getByTestId('announcer')
  await expect(status).toHaveAttribute('role', 'status')
  await page.getByTestId('entry-guides').click()
  await expect(status).toHaveText('手続きガイド ｜ よりそい')
  await expect(page).toHaveTitle('手続きガイド ｜ よりそい')
  await expect(page.locator('main h1')).toBeFocused()
})

test('staff pages stay Japanese whatever the resident chose', async ({ page }) => {
  const errors = watchConsole(page)
  await page.goto('/staff?lang=en')
  await expect(page.locator('main h1')).toHaveText('職員の方へ')
  await expect(page.getByTestId('staff-header')).toContainText('サンプル市')
  await expect(page.locator('.site-footer')).toHaveCount(0) // no residents' wording on staff pages
  await expect(page.locator('main [lang="ja"]')).toHaveCount(1)
  await page.goto('/')
  await expect(page.locator('main h1')).toHaveText('Yorisoi')
  expect(errors).toEqual([])
})

test('an unknown address inside the app shows a real not-found page', async ({ page }) => {
  await page.goto('/')
  await ready(page)
  await page.evaluate(() => {
    history.pushState({}, '', '/no-such-page')
    dispatchEvent(new PopStateEvent('popstate'))
  })
  await expect(page.locator('main h1')).toHaveText('ページが見つかりません')
})
