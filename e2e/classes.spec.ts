import { expect, test, type Page } from '@playwright/test'
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStaticServer } from './static-server'
import { axeViolations, layoutShiftWhileLoading, ready, serviceWorkerReady, setSettings, watchConsole } from './helpers'

const NOW = new Date('2026-12-01T09:00:00+09:00')

async function openList(page: Page, url = '/classes'): Promise<void> {
  await page.clock.setFixedTime(NOW)
  await page.goto(url)
  await ready(page)
  await expect(page.getByTestId('class-item').first()).toBeVisible()
}
const names = (page: Page) => page.getByTestId('class-item').locator('.class-item__name').allTextContents()
async function openFilters(page: Page): Promise<void> {
  const toggle = page.getByTestId('filters-toggle')
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
}

test('the list: upcoming classes by day, only classes, with the count announced', async ({ page }) => {
  const errors = watchConsole(page)
  await openList(page)
  await expect(page.getByTestId('class-count')).toHaveText('10件の教室があります')
  await expect(page.getByTestId('class-count')).toHaveAttribute('role', 'status')
  expect((await names(page))[0]).toBe('はじめてのスマホ教室（基本操作）')
  expect(await names(page)).not.toContain('冬のふれあい音楽会')
  await expect(page.locator('.class-day__title').first()).toHaveText('12月3日(木)')
  await expect(page.getByTestId('classes-updated')).toContainText('最終更新：')
  expect(errors).toEqual([])
})

test('each filter narrows the list', async ({ page }) => {
  await openList(page)
  await openFilters(page)
  await page.locator('#filter-topic').selectOption('line')
  await expect(page.getByTestId('class-count')).toHaveText('1件の教室があります')
  expect(await names(page)).toEqual(['LINEの使い方講座'])
  await page.getByRole('button', { name: '条件をもとに戻す' }).click()
  await page.locator('#filter-venue').selectOption('北地区センター 会議室')
  await expect(page.getByTestId('class-count')).toHaveText('2件の教室があります')
  await page.getByRole('button', { name: '条件をもとに戻す' }).click()
  await page.locator('input[name="period"][value="week"]').check()
  expect(await names(page)).toEqual(['はじめてのスマホ教室（基本操作）'])
  await page.locator('input[name="period"][value="month"]').check()
  await expect(page.getByTestId('class-count')).toHaveText('5件の教室があります')
  await page.getByRole('button', { name: '条件をもとに戻す' }).click()
  await page.locator('input[name="beginner"]').check()
  await expect(page.getByTestId('class-count')).toHaveText('2件の教室があります')
  await page.getByRole('button', { name: '条件をもとに戻す' }).click()
  await page.locator('#filter-text').fill('詐欺')
  expect(await names(page)).toEqual(['スマホの詐欺・トラブル対策講座'])
  await page.locator('#filter-text').fill('存在しない言葉')
  await expect(page.getByTestId('class-count')).toHaveText('条件に合う教室はありません。条件を変えてみてください。')
})

test('the count and the first class are on the first screen at 375x667, standard and 特大', async ({ page }) => {
  for (const textSize of ['standard', 'xlarge']) {
    await page.goto('/')
    await setSettings(page, { textSize })
    await openList(page)
    const viewport = page.viewportSize()!
    const count = (await page.getByTestId('class-count').boundingBox())!
    const first = (await page.getByTestId('class-item').first().boundingBox())!
    expect(count.y + count.height, `count, ${textSize}`).toBeLessThanOrEqual(viewport.height)
    expect(first.y, `first class, ${textSize}`).toBeLessThan(viewport.height)
    // the filters fold away behind one 44 px disclosure button
    const toggle = page.getByTestId('filters-toggle')
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await expect(page.locator('#filter-topic')).toBeHidden()
    expect((await toggle.boundingBox())!.height).toBeGreaterThanOrEqual(44)
  }
})

test('active filters are chips: each one removes its own filter and the count changes on screen', async ({ page }) => {
  await openList(page)
  await page.getByRole('button', { name: 'しぼりこむ' }).click()
  await expect(page.getByTestId('filters-toggle')).toHaveAttribute('aria-expanded', 'true')
  await page.locator('input[name="beginner"]').check()
  await page.locator('#filter-venue').selectOption('中央公民館 2階 講座室')
  await page.getByTestId('filters-done').click()
  await expect(page.getByTestId('filters-toggle')).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByTestId('class-count')).toHaveText('1件の教室があります')
  await expect(page.getByTestId('class-count')).toBeInViewport()
  const chip = page.getByRole('button', { name: 'はじめての方向けだけ の しぼりこみを外す' })
  await expect(chip).toBeInViewport()
  expect((await chip.boundingBox())!.height).toBeGreaterThanOrEqual(44)
  await chip.click()
  await expect(chip).toHaveCount(0)
  await expect(page.getByTestId('class-count')).toHaveText('3件の教室があります')
  await expect(page.getByTestId('class-count')).toBeFocused()
  await page.getByRole('button', { name: '中央公民館 2階 講座室 の しぼりこみを外す' }).click()
  await expect(page.getByTestId('class-count')).toHaveText('10件の教室があります')
  await expect(page.getByTestId('filter-chips')).toHaveCount(0)
  const r = await axeViolations(page)
  expect(r.map((v) => v.id)).toEqual([])
})

test('word search ignores kana type, width and case: まいな, ﾏｲﾅ and マイナ find the same classes', async ({ page }) => {
  await openList(page)
  await openFilters(page)
  await page.locator('#filter-text').fill('マイナ')
  await expect(page.getByTestId('class-count')).toHaveText('3件の教室があります')
  const katakana = await names(page)
  for (const typed of ['まいな', 'ﾏｲﾅ']) {
    await page.locator('#filter-text').fill(typed)
    await expect(page.getByTestId('class-count')).toHaveText('3件の教室があります')
    expect(await names(page)).toEqual(katakana)
  }
  await page.locator('#filter-text').fill('ｌｉｎｅ')
  expect(await names(page)).toEqual(['LINEの使い方講座'])
})

test('a class running 12/14〜12/18 is listed under each day still ahead', async ({ page }) => {
  const daysOf = async () => {
    const out: string[] = []
    for (const section of await page.locator('.class-day').all()) {
      if (await section.getByTestId('class-item').filter({ hasText: 'スマホ相談会（毎日開催）' }).count()) out.push((await section.locator('.class-day__title').textContent())!)
    }
    return out
  }
  await openList(page)
  expect(await daysOf()).toEqual(['12月14日(月)', '12月15日(火)', '12月16日(水)', '12月17日(木)', '12月18日(金)'])
  await expect(page.getByTestId('class-count')).toHaveText('10件の教室があります')
  await page.clock.setFixedTime(new Date('2026-12-16T09:00:00+09:00'))
  await page.reload()
  await expect(page.getByTestId('class-item').first()).toBeVisible()
  expect(await daysOf()).toEqual(['12月16日(水)', '12月17日(木)', '12月18日(金)'])
  await expect(page.getByTestId('class-item').first().getByTestId('class-range')).toHaveText('12月14日(月)〜12月18日(金)')
})

test('loading the list shifts nothing on screen (CLS ≤ 0.01), standard and 特大', async ({ page }) => {
  await page.clock.setFixedTime(NOW)
  for (const textSize of ['standard', 'xlarge']) {
    await page.goto('/settings')
    await setSettings(page, { textSize })
    const shift = await layoutShiftWhileLoading(page, '/classes', (p) => p.getByTestId('class-item').first())
    test.info().annotations.push({ type: 'CLS /classes', description: `${textSize}: ${shift.toFixed(4)}` })
    console.log(`CLS /classes ${textSize}: ${shift.toFixed(4)}`)
    expect(shift, textSize).toBeLessThanOrEqual(0.01)
  }
})

test('detail: when, where with map links, what to bring, phone, and a calendar file that reads back', async ({ page }) => {
  await openList(page)
  await page.getByTestId('class-item').filter({ hasText: 'マイナポータルでオンライン申請' }).click()
  await expect(page.locator('main h1')).toHaveText('マイナポータルでオンライン申請')
  await expect(page.getByTestId('class-when')).toHaveText('12月17日(木) 14:00〜16:00')
  await expect(page.getByTestId('bring')).toContainText('スマートフォン')
  await expect(page.getByTestId('bring')).toContainText('マイナンバーカード')
  await expect(page.getByTestId('class-tel')).toHaveAttribute('href', 'tel:0000000002')
  await expect(page.getByRole('link', { name: /地図で見る/ })).toHaveAttribute('href', /openstreetmap\.org\/\?mlat=35\.6&mlon=139\.6/)
  await expect(page.getByRole('link', { name: '地図アプリで開く（Android）' })).toHaveAttribute('href', /^geo:35\.6,139\.6/)
  await expect(page.getByRole('link', { name: '地図アプリで開く（iPhone）' })).toHaveAttribute('href', /^https:\/\/maps\.apple\.com\/\?ll=35\.6,139\.6&q=/)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ics').click()])
  const ics = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'))
  const props = Object.fromEntries(
    ics
      .replace(/\r\n[ \t]/g, '')
      .split('\r\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]),
  )
  expect(props['DTSTART;TZID=Asia/Tokyo']).toBe('20261217T140000')
  expect(props['DTEND;TZID=Asia/Tokyo']).toBe('20261217T160000')
  expect(props['SUMMARY']).toBe('マイナポータルでオンライン申請')
  expect(props['LOCATION']).toContain('中央公民館')
  for (const lang of ['ja', 'en'] as const) {
    await page.goto(`${page.url().split('?')[0]}?lang=${lang}`)
    await expect(page.getByTestId('class-when')).toBeVisible()
    const r = await axeViolations(page)
    expect(r.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `detail ${lang}`).toEqual([])
  }
})

test('気になる: a bookmark survives reload and the home page shows the next one', async ({ page }) => {
  await openList(page)
  await page.getByTestId('class-item').filter({ hasText: 'LINEの使い方講座' }).click()
  await page.getByTestId('bookmark').click()
  await expect(page.getByTestId('bookmark')).toHaveAttribute('aria-pressed', 'true')
  await page.reload()
  await expect(page.getByTestId('bookmark')).toHaveAttribute('aria-pressed', 'true')
  await page.goto('/')
  await expect(page.getByTestId('home-next')).toContainText('LINEの使い方講座')
  await expect(page.getByTestId('home-next')).toContainText('12月10日(木) 13:30〜15:30')
})

test('axe: the list in ja and en, no violations', async ({ page }) => {
  for (const lang of ['ja', 'en']) {
    await openList(page, `/classes?lang=${lang}`)
    const r = await axeViolations(page)
    expect(r.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), lang).toEqual([])
  }
})

test('offline: the last copy is listed with its last-updated time', async ({ page, context }) => {
  await openList(page)
  await serviceWorkerReady(page)
  const updated = await page.getByTestId('classes-updated').textContent()
  await context.setOffline(true)
  await page.reload()
  await ready(page)
  await expect(page.getByTestId('class-item').first()).toBeVisible()
  await expect(page.getByTestId('classes-offline')).toBeVisible()
  await expect(page.getByTestId('classes-updated')).toHaveText(updated!)
})

test('a town replaces its CSV on the server: the new class shows after a reload, no rebuild', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-csv-'))
  cpSync('dist', dir, { recursive: true })
  const server = await startStaticServer(dir)
  try {
    await openList(page, `${server.url}/classes`)
    expect(await names(page)).not.toContain('タブレット入門講座')
    appendFileSync(join(dir, 'data/classes.csv'), `0099,999990,タブレット入門講座,,,,,タブレットの基本,,,講座・教室,,,,,,2026-12-05,2026-12-05,10:00,11:00,,中央公民館 2階 講座室,,,見本県,サンプル市,本町,1-2-3,,,,サンプル市,,,,10,0,,,,,電話,,,,,,,,\r\n`)
    await page.reload()
    await expect(page.getByTestId('class-item').filter({ hasText: 'タブレット入門講座' })).toBeVisible()
  } finally {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

test('a long schedule shows 30 classes at a time: 「次の30件を見る」 adds the next ones, focus moves to the first new class, a new filter starts over', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-csv-'))
  cpSync('dist', dir, { recursive: true })
  // 70 more classes, one a day from 2028-01-01, after all the town's own 10
  const extra = Array.from({ length: 70 }, (_, i) => {
    const day = new Date(Date.UTC(2028, 0, 1 + i)).toISOString().slice(0, 10)
    return `${String(1000 + i)},999990,追加講座${String(i + 1).padStart(2, '0')},,,,,スマホの基本,,,講座・教室,,,,,,${day},${day},10:00,11:00,,中央公民館 2階 講座室,,,見本県,サンプル市,本町,1-2-3,,,,サンプル市,,,,10,0,,,,,電話,,,,,,,,\r\n`
  }).join('')
  appendFileSync(join(dir, 'data/classes.csv'), extra)
  const server = await startStaticServer(dir)
  try {
    await openList(page, `${server.url}/classes`)
    await expect(page.getByTestId('class-count')).toHaveText('80件の教室があります')
    const items = page.getByTestId('class-item')
    const more = page.getByTestId('class-more')
    const added = (n: number) => items.filter({ hasText: `追加講座${String(n).padStart(2, '0')}` })
    // the town's 10 and 20 added ones (a class running many days is listed under each of them)
    await expect(added(20)).toHaveCount(1)
    await expect(added(21)).toHaveCount(0)
    await expect(more).toHaveText('次の30件を見る（残り50件）')
    await more.click()
    await expect(added(50)).toHaveCount(1)
    await expect(added(51)).toHaveCount(0)
    await expect(added(21)).toBeFocused()
    await more.click()
    await expect(more).toHaveCount(0)
    await expect(added(70)).toHaveCount(1)
    // a new word starts over from the first page of what it finds
    await openFilters(page)
    await page.locator('#filter-text').fill('追加講座')
    await expect(page.getByTestId('class-count')).toHaveText('70件の教室があります')
    await expect(added(30)).toHaveCount(1)
    await expect(added(31)).toHaveCount(0)
    await expect(more).toHaveText('次の30件を見る（残り40件）')
  } finally {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
