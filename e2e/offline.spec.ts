import { expect, test } from '@playwright/test'
import { ROUTES, ready, serviceWorkerReady } from './helpers'

const TITLES: Record<(typeof ROUTES)[number], string> = {
  '/': 'よりそい',
  '/classes': 'スマホ教室をさがす',
  '/guides': '手続きガイド',
  '/guides/mynumber-pins': '暗証番号の種類',
  '/guides/mynumber-pins/lock': 'ステップ4: 間違えられる回数',
  '/guides/mynumber-pins/done': 'おつかれさまでした',
  '/counter': '窓口の書類を家で準備する',
  '/life': 'くらしの手続きナビ',
  '/life/event?id=moving-in&step=foreign': '在留カードを持っている人はいますか',
  '/life/checklist?id=moving-in': '手続きのチェックリスト',
  '/counter/qr?draft=visit-a&draft=visit-b&draft=visit-c': '窓口で見せるQRコード',
  '/volunteer': 'ボランティアの方へ',
  '/staff': '職員の方へ',
  '/settings': '設定',
}

// Each sweeps every route twice (with くらしの手続きナビ and the visit page): past 60 s on a loaded 2-core machine (limits for hangs, not speed).
test.describe.configure({ timeout: 180_000 })

test('every route opens directly and on reload from a plain static server (no rewrite rules)', async ({ page, request }) => {
  for (const route of ROUTES) {
    // the server itself has a real file for the route: no SPA fallback is needed
    const [path, query] = route.split('?')
    const res = await request.get(route === '/' ? '/' : `${path}/${query ? `?${query}` : ''}`)
    expect(res.status(), route).toBe(200)
    await page.goto(route)
    await expect(page.locator('main h1'), route).toHaveText(TITLES[route])
    await page.reload()
    await expect(page.locator('main h1'), `${route} after reload`).toHaveText(TITLES[route])
  }
  // an unknown address gets the server's 404 page, which is still Yorisoi
  expect((await request.get('/no-such-page')).status()).toBe(404)
  await page.goto('/no-such-page')
  await expect(page.locator('main h1')).toHaveText('ページが見つかりません')
})

test('after one online visit every route opens offline, directly and on reload', async ({ page, context }) => {
  await page.goto('/')
  await ready(page)
  await serviceWorkerReady(page)
  await context.setOffline(true)
  for (const route of ROUTES) {
    await page.goto(route)
    await expect(page.locator('main h1'), route).toHaveText(TITLES[route])
    await page.reload()
    await expect(page.locator('main h1'), `${route} after reload`).toHaveText(TITLES[route])
  }
  // English messages are precached too, not only the language of the first visit
  await page.goto('/guides?lang=en')
  await expect(page.locator('main h1')).toHaveText('Step-by-step guides')
  await expect(page.locator('.offline-notice')).toBeVisible()
})
