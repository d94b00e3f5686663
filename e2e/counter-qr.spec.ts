import { expect, test, type Page } from '@playwright/test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { decodePayload, type DecodedApplication } from '../src/domain/payload'
import type { Answers, FormDefinition } from '../src/domain/forms/types'
import hyo from '../src/content/forms/jumin-hyo.v1.json' with { type: 'json' }
import { LANGS, openAppDatabase, ready, serviceWorkerReady, setSettings } from './helpers'

const FORMS = [hyo as unknown as FormDefinition]
const ANSWERS: Answers = {
  requesterName: '山田 花子',
  requesterKana: 'ヤマダ　ハナコ',
  requesterAddress: '見本県サンプル市本町三丁目12番地の34 サンプルハイツ南棟1203号室',
  requesterPhone: '090-1234-5678',
  relation: 'self',
  subjectName: '山田 花子',
  subjectBirthDate: '1950-03-04',
  subjectAddress: '見本県サンプル市本町三丁目12番地の34 サンプルハイツ南棟1203号室',
  certType: 'copy',
  scope: 'all',
  entries: ['householdHead'],
  copies: 2,
  purpose: 'work',
  purposeOther: '',
}

/** Puts a finished 住民票の写し draft straight into the app's database; returns its id. */
async function seedDraft(page: Page): Promise<string> {
  await openAppDatabase(page)
  return page.evaluate(async (answers) => {
    const open = indexedDB.open('yorisoi')
    await new Promise((r) => (open.onsuccess = r))
    const tx = open.result.transaction('drafts', 'readwrite')
    const now = Date.now()
    tx.objectStore('drafts').put({ id: 'qr-first-screen', formId: 'jumin-hyo', formVersion: 1, answers, language: 'ja', createdAt: now, updatedAt: now, shownAt: 0 })
    await new Promise((r) => (tx.oncomplete = r))
    open.result.close()
    return 'qr-first-screen'
  }, ANSWERS)
}

/** Decodes a QR code from a screenshot of what the resident sees: the viewport, not the element. */
async function decodeViewport(page: Page): Promise<Answers | undefined> {
  const png = PNG.sync.read(await page.screenshot())
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  if (!read) return undefined
  const decoded = decodePayload([read.data], FORMS) as DecodedApplication
  return decoded.ok ? decoded.answers : undefined
}

async function expectWholeCodeOnFirstScreen(page: Page, where: string): Promise<void> {
  const qr = page.getByTestId('qr')
  await expect(qr, where).toBeVisible()
  expect(await page.evaluate(() => window.scrollY), where).toBe(0)
  const box = (await qr.boundingBox())!
  const view = page.viewportSize()!
  expect(box.y, `${where}: top`).toBeGreaterThanOrEqual(0)
  expect(box.x, `${where}: left`).toBeGreaterThanOrEqual(0)
  expect(box.y + box.height, `${where}: bottom ${box.y + box.height} > ${view.height}`).toBeLessThanOrEqual(view.height)
  expect(box.x + box.width, `${where}: right`).toBeLessThanOrEqual(view.width)
  // the form's Japanese name, for staff, is on the first screen too
  const name = (await page.getByTestId('qr-form-name').boundingBox())!
  expect(name.y + name.height, `${where}: form name`).toBeLessThanOrEqual(view.height)
  expect(await decodeViewport(page), `${where}: decodes from the viewport`).toMatchObject({ requesterName: '山田 花子', copies: 2 })
}

for (const offline of [false, true]) {
  test(`the whole QR code and the form's name are on the first screen at 375×667 in every language at 標準 and 大 (${offline ? 'offline' : 'online'})`, async ({ page, context }) => {
    test.setTimeout(180_000)
    const id = await seedDraft(page)
    if (offline) {
      await serviceWorkerReady(page)
      await context.setOffline(true)
    }
    for (const language of LANGS) {
      for (const textSize of ['standard', 'large']) {
        await setSettings(page, { language, textSize })
        await page.goto(`/counter/qr?draft=${id}`)
        await ready(page)
        if (offline) await expect(page.getByTestId('offline-notice')).toBeVisible()
        await expectWholeCodeOnFirstScreen(page, `${language} ${textSize} ${offline ? 'offline' : 'online'}`)
      }
    }
  })
}

test('at 特大 the code comes first after the title, before any explanation, in every language', async ({ page }) => {
  const id = await seedDraft(page)
  for (const language of LANGS) {
    await setSettings(page, { language, textSize: 'xlarge' })
    await page.goto(`/counter/qr?draft=${id}`)
    await ready(page)
    await expect(page.getByTestId('qr-card')).toBeVisible()
    const next = await page.evaluate(() => document.querySelector('main h1')?.nextElementSibling?.getAttribute('data-testid'))
    expect(next, language).toBe('qr-card')
    // inside it only the form's name stands above the code; every explanation comes after
    const qrTop = (await page.getByTestId('qr').boundingBox())!.y
    const nameBottom = await page.getByTestId('qr-form-name').evaluate((el) => el.getBoundingClientRect().bottom)
    expect(nameBottom).toBeLessThanOrEqual(qrTop)
    expect((await page.locator('main .lead').boundingBox())!.y, language).toBeGreaterThan(qrTop)
    await page.getByTestId('qr').scrollIntoViewIfNeeded()
    expect(await decodeViewport(page), language).toMatchObject({ requesterName: '山田 花子' })
  }
})

test('「窓口で見せる」 shows only the form name and the code, as large as the screen allows, and goes back', async ({ page }) => {
  const id = await seedDraft(page)
  await setSettings(page, { language: 'en', textSize: 'xlarge' })
  await page.goto(`/counter/qr?draft=${id}`)
  await ready(page)
  await page.getByTestId('qr-present').click()
  const shown = page.getByTestId('qr-presenter')
  await expect(shown).toBeVisible()
  await expect(shown).toContainText('住民票の写し等交付申請書')
  const box = (await page.getByTestId('qr-presented').boundingBox())!
  expect(box.width).toBeGreaterThanOrEqual(340)
  expect(box.y + box.height).toBeLessThanOrEqual(667)
  expect(await decodeViewport(page)).toMatchObject({ requesterName: '山田 花子' })
  await page.getByTestId('qr-present-close').click()
  await expect(shown).toHaveCount(0)
  await expect(page.getByTestId('qr')).toBeVisible()
})

test('below the code: the counter from the form\'s data with its place and hours, and what to bring, in the resident\'s language', async ({ page }) => {
  const id = await seedDraft(page)
  const expected = {
    ja: { counter: ['市民課 窓口', '市役所本庁舎 1階 3番窓口'], hours: '平日 8:30〜17:15', bring: ['本人確認書類', '委任状'] },
    en: { counter: ['Residents Division counter', 'City Hall main building, 1st floor'], hours: 'Weekdays 8:30–17:15', bring: ['Photo ID', 'Letter of authorisation'] },
  } as const
  for (const language of ['ja', 'en'] as const) {
    await setSettings(page, { language })
    await page.goto(`/counter/qr?draft=${id}`)
    await ready(page)
    const visit = page.getByTestId('qr-visit')
    for (const words of expected[language].counter) await expect(page.getByTestId('qr-counter'), language).toContainText(words)
    await expect(visit, language).toContainText(expected[language].hours)
    const bring = page.getByTestId('qr-bring').locator('li')
    await expect(bring, language).toHaveCount(2)
    for (const [i, words] of expected[language].bring.entries()) await expect(bring.nth(i), language).toContainText(words)
    // the code stays whole on the first screen: the visit details come after it
    const qr = (await page.getByTestId('qr').boundingBox())!
    expect((await visit.boundingBox())!.y, language).toBeGreaterThan(qr.y + qr.height)
  }
  await setSettings(page, { language: 'ja-easy' })
  await page.goto(`/counter/qr?draft=${id}`)
  await ready(page)
  await expect(page.getByTestId('qr-bring').locator('rt').first()).toHaveText('ほんにん')
})
