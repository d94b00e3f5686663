import { expect, test } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { decodePayload, encodePayload, type DecodedApplication } from '../src/domain/payload'
import { visibleAnswers } from '../src/domain/forms/validate'
import type { AnswerItem, Answers, FormDefinition } from '../src/domain/forms/types'
import ido from '../src/content/forms/jumin-ido.v1.json' with { type: 'json' }
import { REFERENCE_JUMIN_IDO } from '../test/fixtures/reference-application'
import { filledJuminIdoDraft, ready, setSettings } from './helpers'

const FORM = ido as unknown as FormDefinition
const TWO_PERSONS: Answers = { ...REFERENCE_JUMIN_IDO, persons: (REFERENCE_JUMIN_IDO.persons as AnswerItem[]).slice(0, 2) }

test.describe.configure({ timeout: 120_000 })

/** The PDF's pages as 150-dpi images (poppler's pdftoppm: what a counter's flatbed scan of the paper would give). */
function renderPages(pdf: Buffer): PNG[] {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-paper-'))
  try {
    writeFileSync(join(dir, 'application.pdf'), pdf)
    execFileSync('pdftoppm', ['-r', '150', '-png', join(dir, 'application.pdf'), join(dir, 'page')])
    const pages: PNG[] = []
    for (let n = 1; ; n++) {
      const file = [`page-${n}.png`, `page-0${n}.png`].map((f) => join(dir, f)).find((f) => {
        try {
          readFileSync(f)
          return true
        } catch {
          return false
        }
      })
      if (!file) break
      pages.push(PNG.sync.read(readFileSync(file)))
    }
    return pages
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

test('the paper path: 「印刷する」 prints the two-person 住民異動届 on one A4 page in Japanese, and its QR decodes from a 150-dpi render', async ({ page }) => {
  const id = await filledJuminIdoDraft(page, TWO_PERSONS)
  // a resident using the app in English still prints the Japanese application the counter reads
  await setSettings(page, { language: 'en' })
  await page.goto(`/counter/check?draft=${id}`)
  await ready(page)
  await page.evaluate(() => {
    window.print = () => document.documentElement.setAttribute('data-printed', 'yes')
  })
  await page.getByTestId('print-paper').click()
  await expect(page.locator('html')).toHaveAttribute('data-printed', 'yes')

  await page.emulateMedia({ media: 'print' })
  const sheet = page.getByTestId('counter-print')
  await expect(sheet).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden()
  await expect(sheet.locator('.replica__title')).toHaveText('住民異動届')
  await expect(sheet.locator('[data-path="kind"]')).toContainText('転入')
  await expect(sheet.locator('[data-path="persons.1.name"]')).toContainText('髙橋 花子')
  await expect(sheet.locator('.replica__sign')).toContainText('署名欄')
  await expect(sheet.getByTestId('office-use')).toContainText('本人確認書類')
  await expect(sheet.getByRole('button')).toHaveCount(0)
  await expect(sheet.getByTestId('counter-print-qr')).toHaveCount(1)

  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  // YORISOI_PAPER_PDF=/tmp/x.pdf keeps the printed application to look at
  if (process.env.YORISOI_PAPER_PDF) writeFileSync(process.env.YORISOI_PAPER_PDF, pdf)
  const pages = renderPages(pdf)
  expect(pages).toHaveLength(1)
  const { width, height, data } = pages[0]!
  expect(width).toBeGreaterThan(1200) // A4 at 150 dpi is 1240 × 1754
  const found = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width, height)
  expect(found, 'jsQR found no code in the 150-dpi render').not.toBeNull()
  // the code sits in the top right corner of the sheet
  expect(found!.location.topLeftCorner.x).toBeGreaterThan(width / 2)
  expect(found!.location.bottomLeftCorner.y).toBeLessThan(height / 3)
  expect(found!.data).toBe(encodePayload(FORM, TWO_PERSONS)[0])
  const decoded = decodePayload([found!.data], [FORM]) as DecodedApplication
  expect(decoded.ok).toBe(true)
  expect(decoded.answers).toEqual(visibleAnswers(FORM, TWO_PERSONS))
})
