/**
 * Filling a counter form through its real fields, as a resident would, and what the staff replica
 * should then show: shared by the form journeys (forms-more.spec.ts) and the language journeys.
 */
import type { Locator, Page } from '@playwright/test'
import { isEmpty, isShown } from '../src/domain/forms/validate'
import { presentValue } from '../src/domain/forms/present'
import { bankAccountOf, bankAccountParts } from '../src/domain/forms/bankAccount'
import type { AnswerItem, AnswerValue, Field, LeafField } from '../src/domain/forms/types'

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
export async function fillLevel(page: Page, scope: Locator, fields: Field[], level: AnswerItem, prefix = ''): Promise<void> {
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
export function japaneseRows(fields: Field[], level: AnswerItem, prefix = ''): [string, string][] {
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

