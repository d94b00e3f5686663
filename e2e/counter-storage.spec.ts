import { expect, test, type Page } from '@playwright/test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { decodePayload, type DecodedApplication } from '../src/domain/payload'
import type { FormDefinition } from '../src/domain/forms/types'
import hyo from '../src/content/forms/jumin-hyo.v1.json' with { type: 'json' }
import { ready } from './helpers'

// no test here needs the service worker: without it each test skips installing the ~100-file precache
test.use({ serviceWorkers: 'block' })

const FORMS = [hyo as unknown as FormDefinition]

/** Fills every required field of 住民票の写し except the requester's name. */
async function fillJuminHyo(page: Page): Promise<void> {
  await page.locator('input[name="requesterKana"]').fill('ヤマダ　ハナコ')
  await page.locator('input[name="requesterAddress"]').fill('見本県サンプル市本町1-2-3')
  await page.locator('input[name="requesterPhone"]').fill('090-1234-5678')
  await page.locator('input[name="relation"][value="self"]').check()
  await page.locator('input[name="subjectName"]').fill('山田 花子')
  await page.locator('input[name="subjectAddress"]').fill('見本県サンプル市本町1-2-3')
  await page.locator('input[name="certType"][value="copy"]').check()
  await page.locator('input[name="scope"][value="all"]').check()
  await page.locator('input[name="copies"]').fill('1')
  await page.locator('select[name="purpose"]').selectOption('work')
}

/** Reads the QR code on screen with an independent decoder and turns it back into answers. */
async function decodeShownQr(page: Page): Promise<Record<string, unknown>> {
  const png = PNG.sync.read(await page.getByTestId('qr').screenshot())
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(read?.data).toMatch(/^\d+$/)
  const decoded = decodePayload([read!.data], FORMS) as DecodedApplication
  expect(decoded.ok).toBe(true)
  return decoded.answers
}

/** From now on every write to IndexedDB fails as a full disk does. */
async function failWrites(page: Page): Promise<void> {
  await page.evaluate(() => {
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
    IDBObjectStore.prototype.put = full
    IDBObjectStore.prototype.add = full
    IDBCursor.prototype.update = full
  })
}

test('after a failed save the check page and the QR carry the name on screen, never the older stored one', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto('/counter')
  await ready(page)
  await page.getByTestId('start-jumin-hyo').click()
  await page.locator('input[name="requesterName"]').fill('旧姓 花子')
  await fillJuminHyo(page)
  await expect(page.getByTestId('saved-at')).toContainText('保存しました')
  await page.waitForTimeout(400)

  await failWrites(page)
  await page.locator('input[name="requesterName"]').fill('新姓 花子')
  await expect(page.getByTestId('storage-problem')).toContainText('保存容量がいっぱい')
  await page.getByTestId('to-check').click()
  await expect(page).toHaveURL(/\/counter\/check/)
  await expect(page.locator('main')).toContainText('新姓 花子')
  await expect(page.locator('main')).not.toContainText('旧姓 花子')
  await page.getByTestId('show-qr').click()
  await expect(page.getByTestId('qr')).toBeVisible()
  expect(await decodeShownQr(page)).toMatchObject({ requesterName: '新姓 花子' })
  expect(errors).toEqual([])
})

test('without IndexedDB at all: the notice says nothing is kept, yet a form opens, checks and shows its QR; leaving asks first', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true })
  })
  await page.goto('/counter')
  await ready(page)
  await expect(page.getByTestId('storage-problem')).toContainText('何も保存されません')
  await page.getByTestId('start-jumin-hyo').click()
  await expect(page).toHaveURL(/\/counter\/form\?draft=/)
  await page.locator('input[name="requesterName"]').fill('山田 花子')
  await fillJuminHyo(page)
  await page.getByTestId('to-check').click()
  await expect(page.locator('main')).toContainText('山田 花子')
  await page.getByTestId('show-qr').click()
  expect(await decodeShownQr(page)).toMatchObject({ requesterName: '山田 花子', purpose: 'work' })

  // leaving the counter pages asks first, in the resident's language; saying no stays
  const asked: string[] = []
  page.once('dialog', (d) => {
    asked.push(d.message())
    void d.dismiss()
  })
  await page.locator('.site-header a').first().click()
  await expect.poll(() => asked.length).toBe(1)
  expect(asked[0]).toContain('保存されていません')
  await expect(page).toHaveURL(/\/counter\/qr/)
  // closing or reloading the page asks too (the browser's own beforeunload dialog)
  const unload = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.type())
      void d.accept()
    }),
  )
  const closed = new Promise((resolve) => page.once('close', resolve))
  await page.close({ runBeforeUnload: true })
  expect(await unload).toBe('beforeunload')
  await closed
})

test('when opening IndexedDB throws, a form still opens and works in memory', async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('blocked', 'SecurityError')
    }
  })
  await page.goto('/counter')
  await ready(page)
  await expect(page.getByTestId('storage-problem')).toContainText('何も保存されません')
  await page.getByTestId('start-inkan-toroku').click()
  await expect(page.locator('input[name="name"]')).toBeVisible()
  await page.locator('input[name="name"]').fill('佐藤 花子')
  await page.locator('input[name="kana"]').fill('サトウ　ハナコ')
  const born = page.locator('#f-birthDate')
  await born.locator('select').selectOption('showa')
  await born.locator('input').nth(0).fill('40')
  await born.locator('input').nth(1).fill('1')
  await born.locator('input').nth(2).fill('2')
  await page.locator('input[name="address"]').fill('見本県サンプル市本町1-2-3')
  await page.locator('input[name="phone"]').fill('090-1234-5678')
  await page.locator('input[name="identification"][value="photoId"]').check()
  await page.locator('input[name="ownSeal"]').check()
  await page.getByTestId('to-check').click()
  await expect(page).toHaveURL(/\/counter\/check/)
  await expect(page.locator('main')).toContainText('佐藤 花子')
  await page.getByTestId('show-qr').click()
  await expect(page.getByTestId('qr')).toBeVisible()
})

test('when every write fails from the start, tapping a form still opens it', async ({ page }) => {
  await page.goto('/counter')
  await ready(page)
  await failWrites(page)
  await page.getByTestId('start-jumin-hyo').click()
  await expect(page).toHaveURL(/\/counter\/form\?draft=/)
  await expect(page.locator('input[name="requesterName"]')).toBeVisible()
  await expect(page.getByTestId('storage-problem')).toContainText('保存容量がいっぱい')
})

test('damaged stored drafts are listed in plain words and can be deleted; the other drafts still work', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto('/counter')
  await ready(page)
  await page.getByTestId('start-inkan-toroku').click()
  await page.locator('input[name="name"]').fill('佐藤 花子')
  await expect(page.getByTestId('saved-at')).toContainText('保存しました')
  await page.waitForTimeout(400)
  await page.evaluate(async () => {
    const open = indexedDB.open('yorisoi')
    await new Promise((r) => (open.onsuccess = r))
    const tx = open.result.transaction('drafts', 'readwrite')
    const store = tx.objectStore('drafts')
    const now = Date.now()
    const base = { formId: 'jumin-ido', formVersion: 1, language: 'ja', createdAt: now, updatedAt: now, shownAt: 0 }
    store.put({ ...base, id: 'bad-no-answers' })
    store.put({ ...base, id: 'bad-persons', answers: { kind: 'tenkyo', persons: null } })
    store.put({ ...base, id: 'bad-version', formVersion: 0, answers: {} })
    await new Promise((r) => (tx.oncomplete = r))
    open.result.close()
  })
  await page.goto('/counter')
  await ready(page)
  await expect(page.getByTestId('damaged-draft')).toHaveCount(3)
  await expect(page.getByTestId('damaged-drafts')).toContainText('入力した内容が残っていません')
  await expect(page.getByTestId('damaged-drafts')).toContainText('様式は新しくなり')
  await expect(page.getByTestId('draft')).toHaveCount(1)
  await expect(page.locator('#start-title')).toBeVisible()

  // a damaged draft opened by its address says so instead of a blank page
  await page.goto('/counter/form?draft=bad-persons')
  await ready(page)
  await expect(page.getByTestId('not-found')).toContainText('一部が壊れています')

  // deleting one leaves the rest
  await page.goto('/counter')
  await ready(page)
  page.once('dialog', (d) => void d.accept())
  await page.getByTestId('damaged-draft').first().getByTestId('delete-damaged').click()
  await expect(page.getByTestId('damaged-draft')).toHaveCount(2)
  await page.reload()
  await ready(page)
  await expect(page.getByTestId('damaged-draft')).toHaveCount(2)

  // the good draft still opens and keeps its text
  await page.getByTestId('draft').getByRole('link', { name: '続きを書く' }).click()
  await expect(page.locator('input[name="name"]')).toHaveValue('佐藤 花子')
  expect(errors).toEqual([])
})
