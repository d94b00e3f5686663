import { expect, test, type Page } from '@playwright/test'
import Papa from 'papaparse'
import { encodePayload } from '../src/domain/payload'
import type { FormDefinition } from '../src/domain/forms/types'
import hyo from '../src/content/forms/jumin-hyo.v1.json' with { type: 'json' }
import ido from '../src/content/forms/jumin-ido.v1.json' with { type: 'json' }
import koseki from '../src/content/forms/koseki-shomei.v1.json' with { type: 'json' }
import { VISIT_APPLICATIONS } from '../test/fixtures/visit-applications'
import { ready } from './helpers'

/**
 * One visit, several applications (issues 14 and 15): a resident shows several drafts one after
 * another; the counter reads them into one list, prints them in one job and exports them together.
 */
const FORMS = { 'jumin-hyo': hyo, 'jumin-ido': ido, 'koseki-shomei': koseki } as unknown as Record<string, FormDefinition>
const TITLES = { 'jumin-hyo': '住民票の写し等交付申請書', 'jumin-ido': '住民異動届', 'koseki-shomei': '戸籍証明書等交付申請書' } as const
type VisitForm = keyof typeof TITLES

// Typing three codes key by key takes a while on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 })

/** Types a code key by key as a handheld scanner does, ending with Enter. */
async function scan(page: Page, code: string): Promise<void> {
  await page.getByTestId('reader').focus()
  await page.keyboard.type(code)
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
