import { expect, test, type Page } from '@playwright/test'
import jsQR from 'jsqr'
import Papa from 'papaparse'
import { PNG } from 'pngjs'
import { decodePayload, encodePayload, type DecodedApplication } from '../src/domain/payload'
import type { Answers, FormDefinition } from '../src/domain/forms/types'
import hyo from '../src/content/forms/jumin-hyo.v1.json' with { type: 'json' }
import ido from '../src/content/forms/jumin-ido.v1.json' with { type: 'json' }
import koseki from '../src/content/forms/koseki-shomei.v1.json' with { type: 'json' }
import { VISIT_APPLICATIONS } from '../test/fixtures/visit-applications'
import { axeViolations, LANGS, ready, seedDraftRows, serviceWorkerReady, setSettings } from './helpers'
import { layoutProblems } from './layout'

/**
 * One visit, several applications (issues 14 and 15): a resident shows several drafts one after
 * another; the counter reads them into one list, prints them in one job and exports them together.
 */
const FORMS = { 'jumin-hyo': hyo, 'jumin-ido': ido, 'koseki-shomei': koseki } as unknown as Record<string, FormDefinition>
const TITLES = { 'jumin-hyo': '住民票の写し等交付申請書', 'jumin-ido': '住民異動届', 'koseki-shomei': '戸籍証明書等交付申請書' } as const
type VisitForm = keyof typeof TITLES

test.describe.configure({ timeout: 180_000 })

/**
 * Delivers a code as a busy PC delivers a scanner's keys, in runs of 40 characters, ending with
 * Enter (staff.spec.ts types one whole code key by key; three codes that way took over a minute).
 */
async function scan(page: Page, code: string): Promise<void> {
  await page.getByTestId('reader').focus()
  for (const run of code.match(/[^]{1,40}/g) ?? []) await page.keyboard.insertText(run)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('reader')).toHaveValue('')
}

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
const readDownload = async (download: import('@playwright/test').Download) => Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8')

/** The staff side, given the codes as read from the resident's screens (in the order shown). */
export async function staffReadsVisit(page: Page, codes: string[], order: VisitForm[]): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/staff')
  await ready(page)
  await expect(page.getByTestId('reader')).toBeFocused()
  const entries = page.getByTestId('visit-entry')
  for (const [i, code] of codes.entries()) {
    await scan(page, code)
    await expect(entries).toHaveCount(i + 1)
    // the one just read is the one shown
    await expect(page.locator('.staff-current .replica__title')).toHaveText(TITLES[order[i]!])
  }
  await expect(page.getByTestId('visit')).toContainText('この来庁で読み取った申請（3件）')
  await expect(page.getByTestId('visit-form')).toHaveText(order.map((id) => TITLES[id]))
  const names = { 'jumin-hyo': '山田 花子', 'jumin-ido': '髙橋 太郎', 'koseki-shomei': '山田 一郎' }
  for (const [i, id] of order.entries()) await expect(page.getByTestId('visit-person').nth(i)).toContainText(names[id])

  // a code read again is recognised: shown, said, not listed twice
  await scan(page, codes[0]!)
  await expect(entries).toHaveCount(3)
  await expect(page.getByTestId('staff-message')).toContainText('この申請は読み取り済みです（一覧の1件目')
  await expect(page.locator('.staff-current .replica__title')).toHaveText(TITLES[order[0]!])
  await expect(entries.nth(0)).toHaveAttribute('aria-current', 'true')

  // any one can be shown again from the list
  await entries.nth(2).getByTestId('visit-show').click()
  await expect(page.locator('.staff-current .replica__title')).toHaveText(TITLES[order[2]!])
  await expect(entries.nth(2)).toHaveAttribute('aria-current', 'true')

  // all of them in one print job: one application per A4 page
  await page.evaluate(() => (window.print = () => undefined))
  await page.getByTestId('print-all').click()
  await expect(page.getByTestId('print-all-pages').getByTestId('application')).toHaveCount(3)
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByTestId('visit')).toBeHidden()
  const all = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  expect(pdfPages(all)).toBe(3)
  // every page is A4 (595 × 842 pt)
  const boxes = all.toString('latin1').match(/\/MediaBox\s*\[[^\]]*\]/g) ?? []
  expect(boxes).toHaveLength(3)
  for (const box of boxes) expect(box).toMatch(/\[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/)
  await page.emulateMedia({ media: 'screen' })
  // the single print stays: the shown application alone, on one page
  await page.getByTestId('print').click()
  await expect(page.getByTestId('print-all-pages')).toHaveCount(0)
  await page.emulateMedia({ media: 'print' })
  expect(pdfPages(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }))).toBe(1)
  await page.emulateMedia({ media: 'screen' })

  // one CSV and one JSON with the three applications
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-visit-csv').click()])
  expect(csv.suggestedFilename()).toMatch(/^visit-3-\d+\.csv$/)
  const csvText = await readDownload(csv)
  expect(csvText.startsWith('\uFEFF申請番号,読み取り日時,項目ID,項目,値,値（コード）\r\n')).toBe(true)
  const rows = Papa.parse<string[]>(csvText.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
  expect(rows.filter((r) => r[2] === 'formId').map((r) => [r[0], r[4]])).toEqual(order.map((id, i) => [String(i + 1), TITLES[id]]))
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-visit-json').click()])
  const data = JSON.parse(await readDownload(json))
  expect(data.applications.map((a: { formId: string }) => a.formId)).toEqual(order)
  for (const [i, id] of order.entries()) expect(data.applications[i].answers).toEqual(VISIT_APPLICATIONS[id])

  // クリア empties the list
  await page.getByTestId('clear').click()
  await expect(page.getByTestId('visit')).toHaveCount(0)
  await expect(page.getByTestId('application')).toHaveCount(0)
  expect(await page.content()).not.toContain('山田 花子')
}

test('staff: three codes make a list of three, a re-read code is not listed twice, one print job of three A4 pages, one CSV, クリア empties it', async ({ page }) => {
  const order: VisitForm[] = ['jumin-hyo', 'jumin-ido', 'koseki-shomei']
  const codes = order.map((id) => encodePayload(FORMS[id]!, VISIT_APPLICATIONS[id])[0]!)
  await staffReadsVisit(page, codes, order)
})

/** The three drafts a resident prepared, put straight into the app's database (newest first in the list). */
const DRAFTS: { id: string; formId: VisitForm; answers: Answers }[] = [
  { id: 'visit-hyo', formId: 'jumin-hyo', answers: VISIT_APPLICATIONS['jumin-hyo'] },
  { id: 'visit-ido', formId: 'jumin-ido', answers: VISIT_APPLICATIONS['jumin-ido'] },
  { id: 'visit-koseki', formId: 'koseki-shomei', answers: VISIT_APPLICATIONS['koseki-shomei'] },
]
async function seedDrafts(page: Page, extra: { id: string; formId: string; answers: Answers }[] = []): Promise<void> {
  await seedDraftRows(page, [...DRAFTS, ...extra])
}

/** Reads the QR code from what the resident's screen shows (the viewport, not the element): its digits and what they carry. */
async function readViewport(page: Page): Promise<{ digits: string; decoded: DecodedApplication } | undefined> {
  const png = PNG.sync.read(await page.screenshot())
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  if (!read) return undefined
  const decoded = decodePayload([read.data], Object.values(FORMS))
  return decoded.ok ? { digits: read.data, decoded } : undefined
}

/** The whole code and the form's Japanese name with its place in the visit are on the first screen, and the code reads. */
async function expectOnFirstScreen(page: Page, n: number, id: VisitForm, where: string): Promise<string> {
  const qr = page.getByTestId('qr')
  await expect(page.getByTestId('qr-form-name'), where).toHaveText(`${n}/3 ${TITLES[id]}`)
  await expect(page.getByTestId('qr-draft-position'), where).toHaveText(`${n}/3`)
  await expect(qr, where).toBeVisible()
  expect(await page.evaluate(() => window.scrollY), where).toBe(0)
  const box = (await qr.boundingBox())!
  const view = page.viewportSize()!
  expect(box.y, `${where}: top`).toBeGreaterThanOrEqual(0)
  expect(box.x, `${where}: left`).toBeGreaterThanOrEqual(0)
  expect(box.y + box.height, `${where}: bottom ${box.y + box.height} > ${view.height}`).toBeLessThanOrEqual(view.height)
  expect(box.x + box.width, `${where}: right`).toBeLessThanOrEqual(view.width)
  const name = (await page.getByTestId('qr-form-name').boundingBox())!
  expect(name.y + name.height, `${where}: form name`).toBeLessThanOrEqual(view.height)
  const read = await readViewport(page)
  expect(read?.decoded.formId, `${where}: decodes from the viewport`).toBe(id)
  expect(read?.decoded.answers, where).toEqual(VISIT_APPLICATIONS[id])
  return read!.digits
}

test('one visit: a resident picks three drafts, shows 1/3, 2/3, 3/3 on the first screen, and the counter reads them into one list, prints and exports them together', async ({ page }) => {
  test.setTimeout(300_000)
  await seedDrafts(page)
  await page.reload()
  await ready(page)
  const order: VisitForm[] = ['jumin-hyo', 'jumin-ido', 'koseki-shomei']
  await expect(page.getByTestId('show-picked')).toHaveCount(0)
  for (const d of DRAFTS) await page.getByTestId('draft').filter({ hasText: { 'jumin-hyo': '住民票の写し', 'jumin-ido': '住民異動届', 'koseki-shomei': '戸籍証明書' }[d.formId] }).getByTestId('pick-draft').check()
  await expect(page.getByTestId('show-picked')).toContainText('選んだ3件のQRコードを見せる')
  await page.getByTestId('show-picked').click()
  await page.waitForURL(/\/counter\/qr\?draft=visit-hyo&draft=visit-ido&draft=visit-koseki$/)
  await ready(page)

  const codes: string[] = []
  for (const [i, id] of order.entries()) {
    if (i > 0) await page.getByTestId('qr-next-draft').click()
    codes.push(await expectOnFirstScreen(page, i + 1, id, `${i + 1}/3`))
  }
  await expect(page.getByTestId('qr-next-draft')).toBeDisabled()
  // the buttons are real touch targets
  for (const b of ['qr-prev-draft', 'qr-next-draft']) {
    const box = (await page.getByTestId(b).boundingBox())!
    expect(box.height, b).toBeGreaterThanOrEqual(44)
    expect(box.width, b).toBeGreaterThanOrEqual(44)
  }
  await page.getByTestId('qr-prev-draft').click()
  await expect(page.getByTestId('qr-form-name')).toHaveText('2/3 住民異動届')

  // 窓口で見せる: the name with n/N and the code, stepping through every draft
  await page.getByTestId('qr-present').click()
  await expect(page.getByTestId('qr-presenter')).toContainText('2/3 住民異動届')
  await page.getByTestId('qr-presented-next').click()
  await expect(page.getByTestId('qr-presenter')).toContainText('3/3 戸籍証明書等交付申請書')
  const big = (await page.getByTestId('qr-presented').boundingBox())!
  expect(big.y + big.height).toBeLessThanOrEqual(667)
  expect((await readViewport(page))?.digits).toBe(codes[2])
  await page.getByTestId('qr-present-close').click()

  // every draft is marked as shown in the list
  await page.goto('/counter')
  await ready(page)
  await expect(page.getByTestId('shown')).toHaveCount(3)

  await staffReadsVisit(page, codes, order)
})

for (const offline of [false, true]) {
  test(`several drafts: each code and its form's name with n/N are on the first screen at 375×667 in every language at 標準 and 大 (${offline ? 'offline' : 'online'})`, async ({ page, context }) => {
    test.setTimeout(300_000)
    await seedDrafts(page)
    if (offline) {
      await serviceWorkerReady(page)
      await context.setOffline(true)
    }
    for (const language of LANGS) {
      for (const textSize of ['standard', 'large']) {
        await setSettings(page, { language, textSize })
        await page.goto('/counter/qr?draft=visit-hyo&draft=visit-ido&draft=visit-koseki')
        await ready(page)
        if (offline) await expect(page.getByTestId('offline-notice')).toBeVisible()
        for (const [i, d] of DRAFTS.entries()) {
          if (i > 0) await page.getByTestId('qr-next-draft').click()
          await expectOnFirstScreen(page, i + 1, d.formId, `${language} ${textSize} ${i + 1}/3`)
        }
      }
    }
  })
}

test('a draft that cannot be shown is named with a link to fix it; the others still show', async ({ page }) => {
  const unfinished = { ...VISIT_APPLICATIONS['jumin-hyo'], requesterName: '' }
  await seedDrafts(page, [{ id: 'visit-unfinished', formId: 'jumin-hyo', answers: unfinished }])
  for (const language of LANGS) {
    await setSettings(page, { language })
    await page.goto('/counter/qr?draft=visit-ido&draft=visit-gone&draft=visit-unfinished&draft=visit-koseki')
    await ready(page)
    await expect(page.getByTestId('qr-draft-position'), language).toHaveText('1/2')
    await expect(page.getByTestId('qr-form-name'), language).toContainText('住民異動届')
    const problems = page.getByTestId('qr-unshowable-draft')
    await expect(problems, language).toHaveCount(2)
    if (language === 'ja') {
      await expect(problems.nth(0)).toContainText('名前の分からない書類：この書類は見つかりませんでした')
      await expect(problems.nth(1)).toContainText('住民票の写し')
      await expect(problems.nth(1)).toContainText('まだ入力が必要な項目があります')
      await expect(problems.nth(1).getByRole('link')).toHaveText('確認して直す')
    }
    await expect(problems.nth(1).getByRole('link'), language).toHaveAttribute('href', '/counter/check?draft=visit-unfinished')
    await expect(problems.nth(0).getByRole('link'), language).toHaveAttribute('href', '/counter')
    await page.getByTestId('qr-next-draft').click()
    await expect(page.getByTestId('qr-form-name')).toHaveText('2/2 戸籍証明書等交付申請書')
    expect((await readViewport(page))?.decoded.formId).toBe('koseki-shomei')
  }
  // the link takes the resident to the check page that says what is missing
  await setSettings(page, { language: 'ja' })
  await page.reload()
  await ready(page)
  await page.getByTestId('qr-unshowable-draft').nth(1).getByRole('link').click()
  await page.waitForURL(/\/counter\/check\?draft=visit-unfinished/)
})

// the several-drafts page with real drafts (one not ready) is in every sweep: sweep.spec.ts
test('the drafts list with a draft chosen: no axe violation, nothing wider than the phone, ruby on one line, in every language at 標準 and 特大', async ({ page }) => {
  test.setTimeout(120_000)
  await seedDrafts(page)
  const found: string[] = []
  for (const language of LANGS) {
    await setSettings(page, { language })
    await page.goto('/counter')
    await ready(page)
    await page.getByTestId('pick-draft').first().check()
    await page.evaluate(() => document.fonts.ready)
    const axe = await axeViolations(page)
    found.push(...axe.map((v) => `${language}: axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`))
    for (const size of ['standard', 'xlarge']) {
      await page.evaluate((s) => (document.documentElement.dataset.textSize = s), size)
      for (const p of await layoutProblems(page, { rubies: language === 'ja-easy' })) found.push(`${language} ${size}: ${p}`)
    }
    await page.evaluate(() => (document.documentElement.dataset.textSize = 'standard'))
  }
  expect(found).toEqual([])
})
