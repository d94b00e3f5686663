import { expect, test, type Page } from '@playwright/test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { decodePayload, type DecodedApplication } from '../src/domain/payload'
import { validateAnswers } from '../src/domain/forms/validate'
import type { FormDefinition, AnswerItem } from '../src/domain/forms/types'
import ido from '../src/content/forms/jumin-ido.v1.json' with { type: 'json' }
import { axeViolations, ready, serviceWorkerReady, setSettings, watchConsole } from './helpers'

const FORMS = [ido as unknown as FormDefinition]

async function axe(page: Page, where: string): Promise<void> {
  const result = await axeViolations(page)
  expect(result.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), where).toEqual([])
}

async function fillDate(page: Page, scope: string, era: string, y: string, m: string, d: string): Promise<void> {
  const box = page.locator(`#${scope}`)
  await box.locator('select').selectOption(era)
  await box.locator('input').nth(0).fill(y)
  await box.locator('input').nth(1).fill(m)
  await box.locator('input').nth(2).fill(d)
}

test('a resident prepares a 住民異動届 for two people from their profile, offline, and the QR carries exactly the answers', async ({ page, context }) => {
  // the whole journey, with axe on four screens: past 60 s on a loaded 2-core CI machine (a limit for hangs, not speed)
  test.setTimeout(150_000)
  const errors = watchConsole(page)
  const requests: string[] = []
  context.on('request', (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`))

  // わたしの情報, entered once
  await page.goto('/counter/profile')
  await ready(page)
  await serviceWorkerReady(page)
  await page.locator('input[name="name"]').fill('髙橋 太郎')
  await page.locator('input[name="kana"]').fill('たかはし　たろう')
  await fillDate(page, 'f-birthDate', 'showa', '25', '3', '4')
  await expect(page.getByTestId('date-both')).toHaveText('＝ 昭和25年（1950年）3月4日')
  await page.locator('input[name="postalCode"]').fill('１２３ー４５６７')
  await page.locator('input[name="address"]').fill('見本県サンプル市本町三丁目12番地の34')
  await page.locator('input[name="phone"]').fill('０９０ー１２３４ー５６７８')
  await page.getByTestId('save-profile').click()
  await expect(page.getByRole('status')).toHaveText('わたしの情報を保存しました。')
  // said on screen too, not only to screen readers
  await expect(page.getByTestId('profile-outcome')).toBeVisible()
  await expect(page.getByTestId('profile-outcome')).toHaveText(/わたしの情報を保存しました/)
  await expect(page.locator('input[name="kana"]')).toHaveValue('タカハシ　タロウ')

  // start the form: profile fields are already filled
  await page.goto('/counter')
  await ready(page)
  await axe(page, 'counter list')
  await page.getByTestId('start-jumin-ido').click()
  await expect(page).toHaveURL(/\/counter\/form\?draft=/)
  const person1 = page.getByTestId('persons-0')
  await expect(person1.locator('input[name="name"]')).toHaveValue('髙橋 太郎')
  await expect(person1.locator('input[name="kana"]')).toHaveValue('タカハシ　タロウ')
  await expect(page.locator('input[name="phone"]')).toHaveValue('090-1234-5678')
  // the saved address is where the resident is registered today: the 前の住所, never the new one
  await expect(page.locator('input[name="oldAddress"]')).toHaveValue('見本県サンプル市本町三丁目12番地の34')
  await expect(page.locator('input[name="oldPostalCode"]')).toHaveValue('123-4567')
  await expect(page.locator('input[name="newAddress"]')).toHaveValue('')
  // and each field filled from わたしの情報 says so, by the field
  await expect(page.locator('#f-oldAddress').locator('xpath=../following-sibling::p[1]')).toHaveText(/わたしの情報から入れました/)
  await expect(page.getByTestId('from-profile')).toHaveCount(6)
  // a screen reader says it with the field: the input names the note in aria-describedby
  const note = await page.locator('input[name="oldAddress"]').getAttribute('aria-describedby')
  expect(note?.split(' ')).toContain('from-profile-oldAddress')
  await expect(page.locator('#from-profile-oldAddress')).toHaveText(/わたしの情報から入れました/)
  await expect(person1.locator('input[name="name"]')).toHaveAccessibleDescription(/わたしの情報から入れました/)

  // asking too early shows the error summary, focused, linking to fields
  await page.getByTestId('to-check').click()
  const summary = page.locator('.error-summary')
  await expect(summary).toBeFocused()
  await expect(summary).toContainText('「届出の種類」を選んでください。')
  await summary.getByRole('link', { name: /異動日/ }).click()
  await expect(page.locator('#f-moveDate select')).toBeFocused()

  await page.locator('input[name="kind"][value="tenkyo"]').check()
  await fillDate(page, 'f-moveDate', 'reiwa', '8', '11', '20')
  await page.locator('input[name="newAddress"]').fill('見本県サンプル市南町5-6')
  await page.locator('input[name="newAddressExtra"]').fill('サンプルハイツ南棟 1203号室')
  await page.locator('input[name="oldAddress"]').fill('見本県サンプル市北町1-2-3')
  // changing a filled field takes its mark away; the others keep theirs
  await expect(page.getByTestId('from-profile')).toHaveCount(5)
  await page.locator('input[name="headName"]').fill('髙橋 太郎')
  await page.locator('input[name="filer"][value="self"]').check()
  await person1.locator('input[name="sex"][value="male"]').check()
  await person1.locator('select[name="relationship"]').selectOption('head')

  // the second person
  await page.getByTestId('add-item').click()
  const person2 = page.getByTestId('persons-1')
  await person2.locator('input[name="name"]').fill('𠮷田 﨑子')
  await person2.locator('input[name="kana"]').fill('よしだ さきこ')
  await person2.locator('input[name="kana"]').blur()
  await expect(person2.locator('input[name="kana"]')).toHaveValue('ヨシダ　サキコ')
  await fillDate(page, 'f-persons-1-birthDate', 'heisei', '元', '1', '8')
  await expect(person2.getByTestId('date-both')).toHaveText('＝ 平成元年（1989年）1月8日')
  // radios of the two persons are separate groups
  await person2.locator('input[name="sex"][value="female"]').check()
  await expect(person1.locator('input[name="sex"][value="male"]')).toBeChecked()
  await person2.locator('select[name="relationship"]').selectOption('child')
  await axe(page, 'form')

  // autosaved: a reload keeps everything
  await expect(page.getByTestId('saved-at')).toContainText('保存しました')
  await page.waitForTimeout(400)
  await page.reload()
  await ready(page)
  await expect(page.getByTestId('persons-1').locator('input[name="name"]')).toHaveValue('𠮷田 﨑子')
  await expect(page.locator('input[name="kind"][value="tenkyo"]')).toBeChecked()

  // a killed tab: 300 ms after the last keystroke the page dies with no unload handler run
  await page.locator('input[name="oldAddressExtra"]').fill('北町ハイツ 101')
  const url = page.url()
  await page.waitForTimeout(300)
  await page.close({ runBeforeUnload: false })
  const page2 = await context.newPage()
  await page2.goto(url)
  await ready(page2)
  await expect(page2.locator('input[name="oldAddressExtra"]')).toHaveValue('北町ハイツ 101')

  // offline from here on
  await context.setOffline(true)
  await page2.reload()
  await ready(page2)
  await page2.getByTestId('to-check').click()
  await expect(page2).toHaveURL(/\/counter\/check/)
  await expect(page2.locator('main')).toContainText('令和8年（2026年）11月20日')
  await expect(page2.locator('main')).toContainText('𠮷田 﨑子')
  await axe(page2, 'check')
  // 「修正する」 takes the resident to that very field, and back
  await page2.getByRole('link', { name: /修正する.*前の住所の方書/ }).click()
  await expect(page2.locator('input[name="oldAddressExtra"]')).toBeFocused()
  await page2.getByTestId('to-check').click()
  await expect(page2).toHaveURL(/\/counter\/check/)
  await page2.getByTestId('show-qr').click()
  await expect(page2.locator('.qr-card__staff')).toContainText('住民異動届')
  const qr = page2.getByTestId('qr')
  await expect(qr).toBeVisible()
  expect(Number(await qr.getAttribute('data-version'))).toBeLessThanOrEqual(16)
  await axe(page2, 'qr')

  // an independent decoder (jsQR) reads the rendered code; our decoder turns it back into answers
  const png = PNG.sync.read(await qr.screenshot())
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(read?.data).toMatch(/^\d+$/)
  const decoded = decodePayload([read!.data], FORMS) as DecodedApplication
  expect(decoded.ok).toBe(true)
  expect(validateAnswers(FORMS[0]!, decoded.answers)).toEqual([])
  expect(decoded.answers).toMatchObject({ kind: 'tenkyo', moveDate: '2026-11-20', phone: '090-1234-5678', oldAddressExtra: '北町ハイツ 101', headName: '髙橋 太郎' })
  const persons = decoded.answers.persons as AnswerItem[]
  expect(persons).toHaveLength(2)
  expect(persons[0]).toMatchObject({ name: '髙橋 太郎', kana: 'タカハシ　タロウ', birthDate: '1950-03-04', sex: 'male', relationship: 'head' })
  expect(persons[1]).toMatchObject({ name: '𠮷田 﨑子', kana: 'ヨシダ　サキコ', birthDate: '1989-01-08', sex: 'female', relationship: 'child' })

  // nothing typed left the device: every request went to this origin and none carried an answer
  const origin = new URL(url).origin
  for (const r of requests) {
    expect(r.split(' ')[1]!.startsWith(origin) || r.split(' ')[1]!.startsWith('data:'), r).toBe(true)
    for (const secret of ['髙橋', '%E9%AB%99', 'タカハシ', '1234-5678', '本町']) expect(r, r).not.toContain(secret)
  }
  expect(requests.every((r) => r.startsWith('GET '))).toBe(true)
  expect(errors).toEqual([])
})

test('drafts: list shows state, duplicate and delete; the retention notice; erase everything', async ({ page }) => {
  await page.goto('/counter')
  await ready(page)
  await page.getByTestId('start-inkan-toroku').click()
  await page.locator('input[name="name"]').fill('佐藤 花子')
  await expect(page.getByTestId('saved-at')).toContainText('保存しました')
  await page.goto('/counter')
  await expect(page.getByTestId('draft')).toHaveCount(1)
  await expect(page.getByTestId('draft')).toContainText('印鑑登録申請書')
  await expect(page.getByTestId('draft')).toContainText('入力途中')
  await page.getByTestId('draft').getByRole('button', { name: '複製する' }).click()
  await expect(page.getByTestId('draft')).toHaveCount(2)
  page.once('dialog', (d) => void d.accept())
  await page.getByTestId('draft').first().getByRole('button', { name: '削除する' }).click()
  await expect(page.getByTestId('draft')).toHaveCount(1)

  // age the draft: 28 of 30 days old → warned; 31 days → deleted at the next start
  const age = async (days: number) =>
    page.evaluate(async (d) => {
      const open = indexedDB.open('yorisoi')
      await new Promise((r) => (open.onsuccess = r))
      const tx = open.result.transaction('drafts', 'readwrite')
      const store = tx.objectStore('drafts')
      const all: { updatedAt: number }[] = await new Promise((r) => {
        const q = store.getAll()
        q.onsuccess = () => r(q.result)
      })
      for (const row of all) store.put({ ...row, updatedAt: Date.now() - d * 86_400_000 })
      await new Promise((r) => (tx.oncomplete = r))
      open.result.close()
    }, days)
  await age(28)
  await page.reload()
  await expect(page.getByTestId('expires')).toHaveText(/あと2日で消えます/)
  await age(31)
  await page.goto('/')
  await ready(page)
  await page.goto('/counter')
  await ready(page)
  await expect(page.locator('#start-title')).toBeVisible()
  await expect(page.getByTestId('draft')).toHaveCount(0)

  // erase everything from settings
  await page.getByTestId('start-inkan-toroku').click()
  await page.locator('input[name="name"]').fill('佐藤 花子')
  await expect(page.getByTestId('saved-at')).toContainText('保存しました')
  await page.goto('/settings')
  await page.getByRole('radio', { name: '特大' }).check()
  await page.getByTestId('erase').click()
  await page.getByTestId('erase-yes').click()
  await expect(page.getByTestId('erase-result')).toContainText('すべて消しました')
  await expect(page.getByRole('radio', { name: '標準' })).toBeChecked()
  await page.goto('/counter')
  await ready(page)
  await expect(page.locator('#start-title')).toBeVisible()
  await expect(page.getByTestId('draft')).toHaveCount(0)
  expect(await page.evaluate(() => localStorage.getItem('yorisoi.settings.v1'))).not.toContain('xlarge')
})

test('a full disk: the resident is told plainly and nothing typed is lost', async ({ page }) => {
  await page.goto('/counter')
  await ready(page)
  await page.getByTestId('start-jumin-hyo').click()
  await expect(page.locator('input[name="requesterName"]')).toBeVisible()
  // from now on every write to IndexedDB fails as a full disk does
  await page.evaluate(() => {
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
    IDBObjectStore.prototype.put = full
    IDBObjectStore.prototype.add = full
    IDBCursor.prototype.update = full
  })
  await page.locator('input[name="requesterName"]').fill('山田 花子')
  await expect(page.getByTestId('storage-problem')).toContainText('保存容量がいっぱい')
  await expect(page.getByTestId('storage-problem')).toContainText('画面の内容は消えていません')
  await expect(page.locator('input[name="requesterName"]')).toHaveValue('山田 花子')
  // typing goes on; the text stays on screen
  await page.locator('input[name="subjectName"]').fill('山田 太郎')
  await expect(page.locator('input[name="requesterName"]')).toHaveValue('山田 花子')
  await expect(page.locator('input[name="subjectName"]')).toHaveValue('山田 太郎')
  await axe(page, 'form with storage problem')
})

test('English: the form speaks the resident\'s language, the QR card names the form in Japanese for staff', async ({ page }) => {
  const errors = watchConsole(page)
  await page.goto('/counter?lang=en')
  await ready(page)
  await page.getByTestId('start-inkan-toroku').click()
  await page.getByTestId('to-check').click()
  await expect(page.locator('.error-summary')).toContainText('Enter “Full name”.')
  await page.locator('input[name="name"]').fill('Nguyen Van An')
  await page.locator('input[name="kana"]').fill('グエン　ヴァン　アン')
  await fillDate(page, 'f-birthDate', 'seireki', '1995', '7', '21')
  await expect(page.getByTestId('date-both')).toHaveText('＝ 21 July 1995 (Heisei 7)')
  await page.locator('input[name="address"]').fill('1-2-3 Honmachi, Sample City')
  await page.locator('input[name="phone"]').fill('080 1111 2222')
  await page.locator('input[name="identification"][value="photoId"]').check()
  await page.locator('input[name="ownSeal"]').check()
  await page.getByTestId('to-check').click()
  await expect(page.locator('main h1')).toHaveText('Check your answers')
  await axe(page, 'check (en)')
  await page.getByTestId('show-qr').click()
  await expect(page.locator('.qr-card__staff')).toContainText('印鑑登録申請書')
  await expect(page.locator('main')).toContainText('Please turn up your screen brightness')
  await axe(page, 'qr (en)')
  await page.goto('/counter')
  await expect(page.getByTestId('shown')).toContainText('QR code shown')
  expect(errors).toEqual([])
})

test('form page at 特大: touch targets ≥ 44 px and nothing cut off at 375 px', async ({ page }) => {
  await page.goto('/settings')
  await page.getByRole('radio', { name: '特大' }).check()
  await page.goto('/counter')
  await ready(page)
  await page.getByTestId('start-jumin-ido').click()
  await expect(page.locator('input[name="kind"]').first()).toBeVisible()
  await page.getByTestId('add-item').click()
  const report = await page.evaluate(() => {
    const small: string[] = []
    for (const el of document.querySelectorAll<HTMLElement>('main a[href], main button, main input, main select')) {
      const target = (el.closest('label') as HTMLElement | null) ?? el
      const box = target.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      if (box.height < 44 || box.width < 44) small.push(`${el.outerHTML.slice(0, 70)} ${Math.round(box.width)}×${Math.round(box.height)}`)
    }
    return { small, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth }
  })
  expect(report.small).toEqual([])
  expect(report.overflow).toBeLessThanOrEqual(0)
  await axe(page, 'form at 特大')
})

test('わたしの情報: saving nothing says there is nothing to save, on screen, and keeps nothing', async ({ page }) => {
  await page.goto('/counter/profile')
  await ready(page)
  await page.getByTestId('save-profile').click()
  await expect(page.getByTestId('profile-outcome')).toHaveText(/保存するものがありません/)
  await page.goto('/counter')
  await ready(page)
  await page.getByTestId('start-inkan-toroku').click()
  await expect(page.locator('input[name="name"]')).toHaveValue('')
  await expect(page.getByTestId('use-profile')).toHaveCount(0)
})

test('dates at 375 px: a four-digit year shows whole and 元号/年/月/日 stay one row (at 特大 a 元号 row, then 年/月/日), in every language and size', async ({ page }) => {
  test.setTimeout(240_000)
  await page.goto('/counter')
  await ready(page)
  await page.getByTestId('start-jumin-ido').click()
  await expect(page).toHaveURL(/\/counter\/form\?draft=/)
  const url = page.url()
  for (const language of ['ja', 'ja-easy', 'en']) {
    for (const textSize of ['standard', 'large', 'xlarge']) {
      const where = `${language} ${textSize}`
      await setSettings(page, { language, textSize })
      await page.goto(url)
      await ready(page)
      const box = page.locator('#f-persons-0-birthDate')
      await box.locator('select').selectOption('seireki')
      await box.locator('input').nth(0).fill('1990')
      await box.locator('input').nth(1).fill('12')
      await box.locator('input').nth(2).fill('31')
      const m = await box.evaluate((el) => {
        const year = el.querySelectorAll('input')[0]!
        const select = el.querySelector('select')!
        const parts = [...el.querySelectorAll<HTMLElement>('.date-input__part')].map((p) => p.getBoundingClientRect())
        const row = el.getBoundingClientRect()
        return {
          yearCut: year.scrollWidth - year.clientWidth,
          eraCut: select.scrollWidth - select.clientWidth,
          tops: parts.map((p) => Math.round(p.bottom)),
          inside: parts.every((p) => p.left >= row.left - 1 && p.right <= row.right + 1),
        }
      })
      expect(m.yearCut, `${where}: year cut by ${m.yearCut}px`).toBeLessThanOrEqual(0)
      expect(m.inside, `${where}: a box sticks out`).toBe(true)
      const [era, y, mo, d] = m.tops
      // 年・月・日 always share a row; the 元号 shares it too except at 特大, where it sits above
      expect(new Set([y, mo, d]).size, `${where}: ${m.tops}`).toBe(1)
      if (textSize === 'xlarge') expect(era!, where).toBeLessThan(y!)
      else expect(era, `${where}: ${m.tops}`).toBe(y)
      await expect(box.getByTestId('date-both')).toContainText('1990')
    }
  }
})
