import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import Papa from 'papaparse'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { ready, serviceWorkerReady, watchConsole } from './helpers'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

test('a volunteer picks their classes, records one offline, and exports the report', async ({ page, context }) => {
  const errors = watchConsole(page)
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+09:00'))
  await page.goto('/volunteer')
  await ready(page)
  await serviceWorkerReady(page)
  await page.locator('#organizer').selectOption('デジタル推進委員の会')
  await expect(page.getByTestId('my-class')).toHaveCount(2)
  await expect(page.getByTestId('my-class').first()).toContainText('LINEの使い方講座')
  expect((await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map((v) => v.id)).toEqual([])

  await context.setOffline(true)
  await page.getByTestId('my-class').first().getByRole('link', { name: '記録する' }).click()
  await expect(page.getByTestId('record-class')).toHaveText('LINEの使い方講座')
  for (let i = 0; i < 7; i++) await page.getByTestId('plus').click()
  await page.getByTestId('minus').click()
  await expect(page.getByTestId('attendees')).toHaveText('6')
  await page.getByTestId('trouble-forgotPassword').click()
  await page.getByTestId('trouble-textTooSmall').click()
  await expect(page.getByTestId('trouble-textTooSmall')).toHaveAttribute('aria-pressed', 'true')
  await page.getByTestId('age-plus-75plus').click()
  await page.getByTestId('age-plus-75plus').click()
  // topics start from what the class announced; the volunteer adjusts them
  await expect(page.locator('input[name="topics"][value="line"]')).toBeChecked()
  await page.locator('input[name="topics"][value="photo"]').uncheck()
  await page.locator('input[name="topics"][value="safety"]').check()
  await page.locator('#record-notes').fill('写真の送り方, "スタンプ" の質問\n次回は詐欺対策も')
  await expect(page.getByTestId('record-saved')).toContainText('保存しました')
  await expect(page).toHaveURL(/\/volunteer\/record\?id=\d+/)
  expect((await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map((v) => v.id)).toEqual([])

  // kept across a reload (still offline)
  await page.reload()
  await expect(page.getByTestId('attendees')).toHaveText('6')
  await expect(page.locator('#record-notes')).toHaveValue('写真の送り方, "スタンプ" の質問\n次回は詐欺対策も')
  await expect(page.getByTestId('trouble-forgotPassword')).toHaveAttribute('aria-pressed', 'true')

  await page.goto('/volunteer')
  await expect(page.getByTestId('record')).toHaveCount(1)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  const csv = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'))
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const [header, row, ...rest] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data
  expect(rest).toEqual([])
  const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]))
  expect(record).toEqual({
    教室ID: '999990-0002',
    教室名: 'LINEの使い方講座',
    実施日: '2026-12-10',
    開始時刻: '13:30',
    終了時刻: '15:30',
    参加者数: '6',
    '64歳以下': '0',
    '65〜74歳': '0',
    '75歳以上': '2',
    年代不明: '0',
    扱った内容: '基本操作・LINE・安全・詐欺対策',
    よくあった困りごと: 'パスワードを忘れた・文字が小さい',
    メモ: '写真の送り方, "スタンプ" の質問\n次回は詐欺対策も',
  })
  // offline, the browser itself logs the schedule's failed refresh; nothing else may appear
  expect(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([])
})

test('volunteer pages in English have no axe violations', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+09:00'))
  await page.goto('/volunteer/record?class=999990-0002&lang=en')
  await expect(page.getByTestId('record-class')).toHaveText('LINEの使い方講座')
  expect((await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
})

test('a volunteer plans a class, presents a guide with the keyboard, prints the handout, and the record starts from the plan', async ({ page, context }) => {
  const errors = watchConsole(page)
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+09:00'))
  await page.goto('/volunteer')
  await ready(page)
  await serviceWorkerReady(page)
  await page.locator('#organizer').selectOption('デジタル推進委員の会')
  const item = page.getByTestId('my-class').first()
  await expect(item).toContainText('LINEの使い方講座')
  await item.getByTestId('plan-link').click()
  await expect(page.getByTestId('plan-class')).toHaveText('LINEの使い方講座')

  // offline from here: a community hall without Wi-Fi
  await context.setOffline(true)
  await page.getByTestId('plan-guide-basics-wifi').check()
  await page.getByTestId('plan-guide-basics-qr').check()
  // topics start from what the class announced; this class will skip LINE and photos
  await expect(page.getByRole('checkbox', { name: 'LINE', exact: true })).toBeChecked()
  await page.getByRole('checkbox', { name: 'LINE', exact: true }).uncheck()
  await page.getByRole('checkbox', { name: '写真', exact: true }).uncheck()
  await page.locator('#plan-language').selectOption('ja-easy')
  await expect(page.getByTestId('plan-saved')).toHaveText('このスマホに保存しました')
  await page.reload()
  await expect(page.getByTestId('plan-guide-basics-wifi')).toBeChecked()
  await expect(page.getByTestId('plan-guide-basics-qr')).toBeChecked()
  await expect(page.locator('#plan-language')).toHaveValue('ja-easy')
  await expect(page.getByRole('checkbox', { name: 'LINE', exact: true })).not.toBeChecked()
  await expect(page.getByTestId('planned-guide')).toHaveCount(2)
  expect((await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map((v) => v.id)).toEqual([])

  // the handout: both guides, every step, a QR code per guide
  await page.emulateMedia({ media: 'print' })
  const handout = page.getByTestId('handout')
  await expect(handout).toBeVisible()
  await expect(handout.locator('.handout-guide')).toHaveCount(2)
  await expect(handout.locator('.guide-step')).toHaveCount(5 + 4)
  await expect(handout.locator('.qr-code')).toHaveCount(2)
  await expect(handout.locator('.guide-tip__label').first()).toHaveText('ヒント')
  await page.emulateMedia({ media: 'screen' })

  // presenter mode, driven like a clicker
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.getByTestId('present-basics-wifi').click()
  const count = page.getByTestId('present-count')
  await expect(count).toHaveText('1 / 5')
  await expect(page.locator('.site-header')).toBeHidden()
  const qrUrl = async () => {
    const png = PNG.sync.read(await page.getByTestId('present-qr').screenshot())
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
  }
  const origin = new URL(page.url()).origin
  expect(await qrUrl()).toBe(`${origin}/guides/basics-wifi/settings?lang=ja-easy`)
  await page.keyboard.press('ArrowRight')
  await expect(count).toHaveText('2 / 5')
  await page.keyboard.press('PageDown')
  await expect(count).toHaveText('3 / 5')
  await page.keyboard.press('Space')
  await expect(count).toHaveText('4 / 5')
  await expect(page).toHaveURL(/step=password/)
  expect(await qrUrl()).toBe(`${origin}/guides/basics-wifi/password?lang=ja-easy`)
  await page.keyboard.press('PageUp')
  await expect(count).toHaveText('3 / 5')
  await page.keyboard.press('ArrowLeft')
  await expect(count).toHaveText('2 / 5')
  await page.keyboard.press('End')
  await expect(count).toHaveText('5 / 5')
  await page.keyboard.press('ArrowRight')
  await expect(count).toHaveText('5 / 5')
  await page.reload()
  await expect(count).toHaveText('5 / 5')
  await page.screenshot({ path: test.info().outputPath('presenter-1280x720.png') })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  expect((await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map((v) => v.id)).toEqual([])
  await page.getByRole('link', { name: 'おわる' }).click()
  await expect(page.getByTestId('plan-class')).toHaveText('LINEの使い方講座')
  await expect(page.locator('.site-header')).toBeVisible()
  // presenting in やさしい日本語 left the volunteer's own screens in Japanese
  await expect(page.locator('main h1')).toHaveText('教室の計画')

  // the record's topics start from the plan
  await page.goto('/volunteer')
  await page.getByTestId('my-class').first().getByRole('link', { name: '記録する' }).click()
  await expect(page.getByRole('checkbox', { name: '基本操作' })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'LINE', exact: true })).not.toBeChecked()
  await expect(page.getByRole('checkbox', { name: '写真', exact: true })).not.toBeChecked()
  expect(errors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([])
})
