/**
 * The counter forms added for issue 15, each once end to end at 375 px in Japanese: a resident
 * fills it in (the fixture application, typed through the form's own fields), checks it, shows the
 * QR code; an independent decoder (jsQR) reads the rendered code, the staff page takes it as a
 * scanner types it and shows every answer in Japanese. axe finds nothing on each form's own pages
 * (the form and the staff replica), and no screen trips the Content-Security-Policy.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { decodePayload, type DecodedApplication } from '../src/domain/payload'
import { isEmpty, isShown, visibleAnswers } from '../src/domain/forms/validate'
import { presentValue } from '../src/domain/forms/present'
import { bankAccountOf, bankAccountParts } from '../src/domain/forms/bankAccount'
import { rubyToPlain } from '../src/domain/text/ruby'
import type { AnswerItem, AnswerValue, Field, FormDefinition, LeafField } from '../src/domain/forms/types'
import { VISIT_APPLICATIONS, type ShippedFormId } from '../test/fixtures/visit-applications'
import { axeViolations, ready, recordViolations, watchConsole } from './helpers'

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

/** Types one answer into its field as a resident would (dates in 西暦 through the era select). */
async function fillLeaf(page: Page, scope: Locator, field: LeafField, path: string, value: AnswerValue): Promise<void> {
  if (isEmpty(value)) return
  const input = scope.locator(`[name="${field.id}"]`)
  switch (field.type) {
    case 'radio':
      await scope.locator(`input[name="${field.id}"][value="${value as string}"]`).check()
      return
    case 'select':
      await scope.locator(`select[name="${field.id}"]`).selectOption(value as string)
      return
    case 'checkbox':
      if (field.options) for (const v of value as string[]) await scope.locator(`input[name="${field.id}"][value="${v}"]`).check()
      else await input.check()
      return
    case 'date': {
      const [y, m, d] = (value as string).split('-')
      const box = page.locator(`#f-${path.replaceAll('.', '-')}`)
      await box.locator('select').selectOption('seireki')
      await box.locator('input').nth(0).fill(y!)
      await box.locator('input').nth(1).fill(String(Number(m)))
      await box.locator('input').nth(2).fill(String(Number(d)))
      return
    }
    case 'bankAccount': {
      // CounterBankAccount: one input per part named `<id>-<part>`, 預金種目 as radios
      const account = bankAccountOf(value)
      for (const part of ['bankCode', 'bankName', 'branchCode', 'branchName', 'number', 'holder'] as const) await scope.locator(`input[name="${field.id}-${part}"]`).fill(account[part])
      await scope.locator(`input[name="${field.id}-kind"][value="${account.kind}"]`).check()
      return
    }
    default:
      await input.fill(String(value))
  }
}

/** Fills every shown answer of `level`, in form order (a choice first, so what it shows is there). */
async function fillLevel(page: Page, scope: Locator, fields: Field[], level: AnswerItem, prefix = ''): Promise<void> {
  for (const field of fields) {
    if (!isShown(field, level)) continue
    if (field.type === 'group') {
      const items = level[field.id] as AnswerItem[]
      for (let i = 0; i < items.length; i++) {
        if (i >= field.min) await page.getByTestId('add-item').click()
        await fillLevel(page, page.getByTestId(`${field.id}-${i}`), field.fields, items[i]!, `${prefix}${field.id}.${i}.`)
      }
    } else await fillLeaf(page, scope, field, prefix + field.id, level[field.id] as AnswerValue)
  }
}

/** Every shown, non-empty answer as the staff replica should show it: [path, Japanese text]. */
function japaneseRows(fields: Field[], level: AnswerItem, prefix = ''): [string, string][] {
  const out: [string, string][] = []
  for (const f of fields) {
    if (!isShown(f, level) || isEmpty(level[f.id])) continue
    if (f.type === 'group') (level[f.id] as AnswerItem[]).forEach((item, i) => out.push(...japaneseRows(f.fields, item, `${prefix}${f.id}.${i}.`)))
    // a bank account is one row per part (金融機関コード, 金融機関名 …), as on the replica
    else if (f.type === 'bankAccount') for (const p of bankAccountParts(level[f.id], 'ja')) out.push([`${prefix}${f.id}.${p.part}`, p.value])
    else out.push([prefix + f.id, presentValue(f, level[f.id], 'ja')])
  }
  return out
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
