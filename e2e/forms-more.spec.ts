/**
 * The counter forms added for issue 15, each once end to end at 375 px in Japanese: a resident
 * fills it in (the fixture application, typed through the form's own fields), checks it, shows the
 * QR code; an independent decoder (jsQR) reads the rendered code, the staff page takes it as a
 * scanner types it and shows every answer in Japanese. axe finds nothing on each form's own pages
 * (the form and the staff replica), and no screen trips the Content-Security-Policy.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { decodePayload, type DecodedApplication } from '../src/domain/payload'
import { visibleAnswers } from '../src/domain/forms/validate'
import { rubyToPlain } from '../src/domain/text/ruby'
import type { FormDefinition } from '../src/domain/forms/types'
import { VISIT_APPLICATIONS, type ShippedFormId } from '../test/fixtures/visit-applications'
import { axeViolations, ready, recordViolations, watchConsole } from './helpers'
import { fillLevel, japaneseRows } from './fill'

const dir = resolve('src/content/forms')
const FORMS = readdirSync(dir)
  .filter((n) => /\.v\d+\.json$/.test(n))
  .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as FormDefinition)
const NEW: ShippedFormId[] = ['inkan-shomei', 'zei-shomei', 'kokuho-shikaku', 'kokumin-nenkin', 'kaigo-soshitsu', 'koki-soshitsu', 'inu-toroku', 'tennyugaku', 'kodomo-iryohi', 'jido-teate', 'shussan-ikuji', 'sosaihi']
/**
 * One journey per family of forms (certificates; insurance and pension, with a group of persons;
 * school, with a group of children; the dog; a bank account with children): every field type and layout they use goes through
 * the real screens. Each form is round-tripped and presented in Japanese in the unit tests
 * (test/domain/forms-roundtrip.test.ts), and every form's own page is checked by axe below.
 */
const JOURNEYS: ShippedFormId[] = ['zei-shomei', 'kokuho-shikaku', 'tennyugaku', 'inu-toroku', 'jido-teate']

// A filled form and two axe runs per test on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 })
// nothing here is offline: without the service worker each test skips installing the precache
test.use({ serviceWorkers: 'block' })

async function axe(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page)
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), where).toEqual([])
}

test('every new form’s page, empty and with its error summary: no axe violation at 375 px', async ({ page }) => {
  const found: string[] = []
  for (const id of NEW) {
    await page.goto('/counter')
    await ready(page)
    await page.getByTestId(`start-${id}`).click()
    await expect(page).toHaveURL(/\/counter\/form\?draft=/)
    await ready(page)
    for (const v of await axeViolations(page)) found.push(`${id}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    await page.getByTestId('to-check').click()
    await expect(page.locator('.error-summary')).toBeVisible()
    for (const v of await axeViolations(page)) found.push(`${id} (errors): ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }
  expect(found).toEqual([])
})

for (const id of JOURNEYS) {
  test(`${id}: filled at 375 px in Japanese, its QR code read at /staff shows the answers in Japanese`, async ({ page, context }) => {
    const form = FORMS.find((f) => f.id === id)!
    const answers = VISIT_APPLICATIONS[id]
    const csp = await recordViolations(context)
    const errors = watchConsole(page)

    await page.goto('/counter')
    await ready(page)
    await page.getByTestId(`start-${id}`).click()
    await expect(page).toHaveURL(/\/counter\/form\?draft=/)
    await expect(page.locator('main h1')).toContainText(rubyToPlain(form.title.ja))
    await fillLevel(page, page.locator('main'), form.fields, answers)
    await expect(page.getByTestId('saved-at')).toContainText('保存しました')
    await axe(page, `${id} form`)

    await page.getByTestId('to-check').click()
    // the check and QR pages are one template for every form, swept with content by sweep.spec.ts
    await expect(page).toHaveURL(/\/counter\/check/)
    await page.getByTestId('show-qr').click()
    await expect(page.locator('.qr-card__staff')).toContainText(rubyToPlain(form.title.ja))
    const qr = page.getByTestId('qr')
    await expect(qr).toBeVisible()
    expect(Number(await qr.getAttribute('data-version'))).toBeLessThanOrEqual(20)

    // an independent decoder reads the rendered code: exactly the shown answers travel
    const png = PNG.sync.read(await qr.screenshot())
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
    expect(code).toMatch(/^\d+$/)
    const decoded = decodePayload([code!], FORMS) as DecodedApplication
    expect(decoded.ok).toBe(true)
    expect(decoded.answers).toEqual(visibleAnswers(form, answers))

    // the counter: a scanner types the code into /staff
    await page.goto('/staff')
    await ready(page)
    await expect(page.getByTestId('reader')).toBeFocused()
    for (const run of code!.match(/[^]{1,40}/g) ?? []) await page.keyboard.insertText(run)
    await page.keyboard.press('Enter')
    const app = page.getByTestId('application')
    await expect(app.locator('.replica__title')).toHaveText(rubyToPlain(form.title.ja))
    const rows = japaneseRows(form.fields, answers)
    expect(rows.length).toBeGreaterThan(5)
    for (const [path, value] of rows) await expect(app.locator(`[data-path="${path}"]`), path).toContainText(value)
    await axe(page, `${id} staff`)

    expect(csp).toEqual([])
    expect(errors).toEqual([])
  })
}
