import { expect, test } from '@playwright/test'
import Papa from 'papaparse'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { axeViolations, layoutShiftWhileLoading, ready, serviceWorkerReady, waitForAppDatabase, watchConsole } from './helpers'


test('a volunteer picks their classes, records one offline, and exports the report', async ({ page, context }) => {
  const errors = watchConsole(page)
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+09:00'))
  await page.goto('/volunteer')
  await ready(page)
  await serviceWorkerReady(page)
  await page.locator('#organizer').selectOption('デジタル推進委員の会')
  await expect(page.getByTestId('my-class')).toHaveCount(2)
  await expect(page.getByTestId('my-class').first()).toContainText('LINEの使い方講座')
  expect((await axeViolations(page)).map((v) => v.id)).toEqual([])

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
  expect((await axeViolations(page)).map((v) => v.id)).toEqual([])

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
  expect((await axeViolations(page)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
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
  expect((await axeViolations(page)).map((v) => v.id)).toEqual([])

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
  expect((await axeViolations(page)).map((v) => v.id)).toEqual([])
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

test('opening 記録する stores nothing; the first tap creates the record, which can be edited and deleted after a confirmation', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+09:00'))
  await page.goto('/volunteer/record?class=999990-0002')
  await expect(page.getByTestId('record-class')).toHaveText('LINEの使い方講座', { timeout: 15_000 })
  // opened, looked at, left: no record (a 0-participant line would reach the town's report)
  await page.waitForTimeout(1000)
  await expect(page).toHaveURL(/\?class=999990-0002$/)
  await expect(page.getByTestId('record-saved')).not.toContainText('保存しました')
  await page.goto('/volunteer')
  await ready(page)
  await expect(page.getByTestId('record')).toHaveCount(0)
  await expect(page.getByTestId('export-csv')).toHaveCount(0)

  // the first real change creates it
  await page.goto('/volunteer/record?class=999990-0002')
  await page.getByTestId('plus').click()
  await expect(page.getByTestId('record-saved')).toContainText('保存しました')
  await expect(page).toHaveURL(/\/volunteer\/record\?id=\d+/)
  await page.goto('/volunteer')
  await expect(page.getByTestId('record')).toHaveCount(1)
  await expect(page.getByTestId('record')).toContainText('参加者 1人')

  // edited
  await page.getByTestId('record').getByRole('link', { name: '記録を開く' }).click()
  await expect(page.getByTestId('attendees')).toHaveText('1')
  await page.getByTestId('plus').click()
  await expect(page.getByTestId('attendees')).toHaveText('2')
  await expect(page.getByTestId('record-saved')).toContainText('保存しました')
  await page.reload()
  await expect(page.getByTestId('attendees')).toHaveText('2')

  // deleted, after a confirmation that can be declined
  await page.getByRole('button', { name: 'この記録を削除する' }).click()
  await expect(page.getByTestId('record-delete-confirm')).toBeFocused()
  await expect(page.getByTestId('record-delete-confirm')).toContainText('この記録を削除しますか？')
  expect((await axeViolations(page)).map((v) => v.id)).toEqual([])
  await page.getByRole('button', { name: 'やめる' }).click()
  await expect(page.getByTestId('attendees')).toHaveText('2')
  await page.getByRole('button', { name: 'この記録を削除する' }).click()
  await page.getByRole('button', { name: '削除する', exact: true }).click()
  await expect(page).toHaveURL(/\/volunteer$/)
  await expect(page.getByTestId('record')).toHaveCount(0)
  await page.reload()
  await expect(page.locator('main h1')).toBeVisible()
  await expect(page.getByTestId('record')).toHaveCount(0)
})

test('age bands adding up to more than the attendees are not saved nor exported, and say so in the user’s language', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+09:00'))
  await page.goto('/volunteer/record?class=999990-0002')
  for (let i = 0; i < 7; i++) await page.getByTestId('plus').click()
  await expect(page.getByTestId('record-saved')).toContainText('保存しました')
  for (let i = 0; i < 12; i++) await page.getByTestId('age-plus-75plus').click()
  await expect(page.getByTestId('ages-over')).toHaveText('⚠ 年代の合計（12人）が参加者数（7人）をこえています。参加者数をふやすか、年代をへらしてください。')
  await expect(page.getByTestId('record-saved')).toHaveText('年代の合計と参加者数が合うまで、保存していません。')
  await page.reload()
  await expect(page.getByTestId('attendees')).toHaveText('7')
  const saved75 = Number(await page.locator('.age-row__value').nth(2).textContent())
  expect(saved75).toBeLessThanOrEqual(7)

  // in English, the same check in English
  await page.goto(`${page.url()}&lang=en`)
  for (let i = saved75; i < 12; i++) await page.getByTestId('age-plus-75plus').click()
  await expect(page.getByTestId('ages-over')).toHaveText('⚠ The age groups add up to 12, but the attendee count is 7. Raise the count or lower the age groups.')
  // raising the count to agree saves it
  for (let i = 0; i < 5; i++) await page.getByTestId('plus').click()
  await expect(page.getByTestId('ages-over')).toHaveCount(0)
  await expect(page.getByTestId('record-saved')).toContainText('Saved on this phone')
  await page.reload()
  await expect(page.getByTestId('attendees')).toHaveText('12')
  await expect(page.locator('.age-row__value').nth(2)).toHaveText('12')
})

test('a stored record whose ages exceed its attendees blocks the report until it is corrected', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+09:00'))
  await page.goto('/volunteer')
  await ready(page)
  await waitForAppDatabase(page)
  // a record kept by an earlier version, before the check existed
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('yorisoi')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('classRecords', 'readwrite')
          tx.objectStore('classRecords').add({ classId: '999990-0002', className: 'LINEの使い方講座', date: '2026-11-20', startTime: '', endTime: '', attendees: 7, ages: { under65: 0, '65to74': 0, '75plus': 12, unknown: 0 }, topics: [], troubles: [], notes: '', createdAt: 1, updatedAt: 1 })
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
        }
      }),
  )
  await page.reload()
  await expect(page.getByTestId('record')).toHaveCount(1)
  await expect(page.getByTestId('record-ages-over')).toContainText('年代の合計が参加者数をこえています')
  await expect(page.getByTestId('export-blocked')).toHaveText('年代の合計が参加者数をこえている記録が1件あります。記録を開いて直してから、書き出してください。')
  await expect(page.getByTestId('export-csv')).toBeDisabled()
  await expect(page.getByTestId('export-json')).toBeDisabled()
  expect((await axeViolations(page)).map((v) => v.id)).toEqual([])

  await page.getByTestId('record').getByRole('link', { name: '記録を開く' }).click()
  for (let i = 0; i < 5; i++) await page.getByTestId('plus').click()
  await expect(page.getByTestId('record-saved')).toContainText('保存しました')
  await page.goto('/volunteer')
  await expect(page.getByTestId('export-blocked')).toHaveCount(0)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  const csv = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'))
  const [, row] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data
  expect(row!.slice(5, 10)).toEqual(['12', '0', '0', '12', '0'])
})

test('the plan names what the class will cover (扱う内容) and says 保存しました only after a change', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+09:00'))
  await page.goto('/volunteer/plan?class=999990-0002')
  await expect(page.getByTestId('plan-class')).toHaveText('LINEの使い方講座')
  await expect(page.getByRole('group', { name: '扱う内容' })).toBeVisible()
  await expect(page.getByText('扱った内容')).toHaveCount(0)
  await expect(page.getByRole('checkbox', { name: 'LINE', exact: true })).toBeChecked()
  await page.waitForTimeout(500)
  await expect(page.getByTestId('plan-saved')).toHaveText('')
  await page.getByTestId('plan-guide-basics-wifi').check()
  await expect(page.getByTestId('plan-saved')).toHaveText('このスマホに保存しました')
})

test('loading the plan shifts nothing on screen (CLS ≤ 0.01)', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+09:00'))
  const shift = await layoutShiftWhileLoading(page, '/volunteer/plan?class=999990-0002', (p) => p.getByTestId('plan-guide-basics-wifi'))
  test.info().annotations.push({ type: 'CLS /volunteer/plan', description: shift.toFixed(4) })
  console.log(`CLS /volunteer/plan: ${shift.toFixed(4)}`)
  expect(shift).toBeLessThanOrEqual(0.01)
})

test('the handout is titled with the class, numbers its steps, and no drawing overlaps a ヒント box (print and presenter)', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+09:00'))
  await page.goto('/volunteer/plan?class=999990-0002')
  await page.getByTestId('plan-guide-basics-wifi').check()
  await page.getByTestId('plan-guide-mynumber-pins').check()
  const overlaps = () =>
    page.evaluate(() => {
      const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1
      const out: string[] = []
      for (const step of document.querySelectorAll('.guide-step')) {
        const art = step.querySelector('.guide-illustration')?.getBoundingClientRect()
        if (!art || !art.width) continue
        for (const box of step.querySelectorAll('.guide-tip, .guide-troubles')) if (hit(art, box.getBoundingClientRect())) out.push(step.getAttribute('data-step')!)
      }
      return out
    })
  await page.setViewportSize({ width: 794, height: 1123 })
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByTestId('handout-title')).toHaveText('LINEの使い方講座')
  await expect(page.locator('main h1')).toBeHidden()
  const titles = page.getByTestId('handout').locator('.guide-step__title')
  await expect(titles.first()).toHaveText('ステップ1: 署名用電子証明書のパスワード（6〜16文字）')
  // the step word is really visible on paper, at the heading's left edge
  const word = (await titles.first().locator('.visually-hidden').boundingBox())!
  const heading = (await titles.first().boundingBox())!
  expect(word.width).toBeGreaterThan(20)
  expect(Math.abs(word.x - heading.x)).toBeLessThanOrEqual(1)
  expect(await overlaps()).toEqual([])
  await page.screenshot({ path: test.info().outputPath('handout-print.png'), fullPage: true })
  await page.emulateMedia({ media: 'screen' })

  await page.setViewportSize({ width: 1280, height: 720 })
  await page.getByTestId('present-basics-wifi').click()
  for (let i = 0; i < 5; i++) {
    await expect(page.getByTestId('present-count')).toHaveText(`${i + 1} / 5`)
    expect(await overlaps(), `presenter step ${i + 1}`).toEqual([])
    await page.keyboard.press('ArrowRight')
  }
  await page.screenshot({ path: test.info().outputPath('presenter-1280x720.png') })
})
