import { expect, test, type Page } from '@playwright/test'
import { encodePayload } from '../src/domain/payload'
import type { AnswerItem, Answers, FormDefinition, LeafField } from '../src/domain/forms/types'
import ido from '../src/content/forms/jumin-ido.v1.json' with { type: 'json' }
import { REFERENCE_JUMIN_IDO } from '../test/fixtures/reference-application'
import { axeViolations, ready } from './helpers'

// no test here needs the service worker: without it each test skips installing the ~100-file precache
test.use({ serviceWorkers: 'block' })

/**
 * What the resident checked is exactly what the counter receives; the counter checks what it
 * reads; nothing typed can hide or act.
 */
const FORM = ido as unknown as FormDefinition
const axe = async (page: Page, where: string) => {
  const result = await axeViolations(page)
  expect(result.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), where).toEqual([])
}

/** The same field layout without showIf: the real encoder then writes a hidden field's value, as an old or forged code would. */
const WITHOUT_SHOW_IF = { ...FORM, fields: FORM.fields.map((f) => (f.type === 'group' ? { ...f, fields: f.fields.map(({ showIf: _drop, ...rest }) => rest as LeafField) } : f)) } as FormDefinition

/** Pastes one code into the staff reader and ends it with Enter. */
async function paste(page: Page, code: string): Promise<void> {
  await page.goto('/staff')
  await ready(page)
  await expect(page.getByTestId('reader')).toBeFocused()
  await page.keyboard.insertText(code)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('application')).toBeVisible()
}

test.describe.configure({ timeout: 120_000 })

test('staff: a correctly check-summed code that breaks the form\'s rules is shown with a Japanese warning list naming every field', async ({ page }) => {
  const answers: Answers = structuredClone(REFERENCE_JUMIN_IDO)
  const persons = answers.persons as AnswerItem[]
  Object.assign(persons[0]!, { name: '山田 \u202E子花', kana: '=HYPERLINK("http://example.com","x")' })
  persons[1]!.nationality = 'どこか' // 外国籍 not ticked: a hidden field with a value
  answers.newPostalCode = '123\u00004567'
  answers.newAddress = 'あ'.repeat(5000)
  answers.phone = ''
  // encodePayload does not validate: this is a code the real encoder makes, in one (long) part
  const [code] = encodePayload(WITHOUT_SHOW_IF, answers, { maxDigitsPerPart: 40_000 })
  await paste(page, code!)

  const list = page.getByTestId('staff-problems')
  await expect(list).toBeVisible()
  await expect(list.locator('h2')).toContainText('確認が必要な点（6件）')
  for (const text of [
    '「新しい住所の郵便番号」に見えない制御文字（⟨U+0000⟩）が含まれています',
    '「新しい住所」が80文字を超えています',
    '「日中の連絡先電話番号」が未記入です',
    '「異動する人 1人目 氏名」に見えない制御文字（⟨U+202E⟩）が含まれています',
    '「異動する人 1人目 フリガナ」がカタカナではありません',
    '「異動する人 2人目 国籍・地域」は住民の画面では表示されない項目ですが、値が入っていました',
  ])
    await expect(list).toContainText(text)
  await expect(page.getByTestId('staff-message')).toContainText('確認が必要な点が6件あります')

  // the override is shown, not obeyed: 「山田 ⟨U+202E⟩子花」, never 「山田 花子」
  const app = page.getByTestId('application')
  await expect(app.locator('[data-path="persons.0.name"]')).toContainText('山田 ⟨U+202E⟩子花')
  await expect(app.locator('[data-path="persons.0.name"]')).toContainText('要確認')
  await expect(app).not.toContainText('どこか')
  await axe(page, 'staff with problems')
})

test('staff: a clean application shows no warning list', async ({ page }) => {
  await paste(page, encodePayload(FORM, REFERENCE_JUMIN_IDO)[0]!)
  await expect(page.getByTestId('staff-problems')).toHaveCount(0)
  await expect(page.getByTestId('application').locator('[data-path="persons.3.residenceCard"]')).toHaveText(/AB12345678CD/)
})

test('resident: 在留カード番号 is checked, lower case becomes upper case, invisible characters never enter, every text box has a maxlength, unticked answers vanish', async ({ page }) => {
  await page.goto('/counter')
  await ready(page)
  await page.getByTestId('start-jumin-ido').click()
  await expect(page).toHaveURL(/\/counter\/form\?draft=/)
  const draft = new URL(page.url()).searchParams.get('draft')!
  const person = page.getByTestId('persons-0')

  // every text-like box has a maxlength (from the form, or a fixed limit)
  const limits = await page.locator('main input[type="text"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('name')}:${e.getAttribute('maxlength')}`))
  expect(limits.length).toBeGreaterThan(10)
  expect(limits.filter((l) => l.endsWith(':null'))).toEqual([])
  expect(limits).toEqual(expect.arrayContaining(['newAddress:80', 'newPostalCode:10', 'phone:20', 'name:40', 'kana:60', 'moveDate:4', 'moveDate-month:2', 'moveDate-day:2']))
  await page.locator('input[name="newAddress"]').fill('あ'.repeat(100))
  await expect(page.locator('input[name="newAddress"]')).toHaveValue('あ'.repeat(80))

  // a pasted bidi override and zero-width space are gone from the box and the draft
  await person.locator('input[name="name"]').click()
  await page.keyboard.insertText('山田 \u202E子花\u200B')
  await expect(person.locator('input[name="name"]')).toHaveValue('山田 子花')

  await person.locator('input[name="foreign"]').check()
  await person.locator('input[name="nationality"]').fill('ベトナム')
  const card = person.locator('input[name="residenceCard"]')
  await expect(card).toHaveAttribute('maxlength', '12')
  await card.fill('AB1234567CD')
  await card.blur()
  await expect(person).toContainText('「在留カード番号」は英字2文字・数字8桁・英字2文字（例：AB12345678CD）で入力してください。')
  await card.fill('ab12345678cd')
  await card.blur()
  await expect(card).toHaveValue('AB12345678CD')
  await expect(person).not.toContainText('英字2文字・数字8桁')

  await page.waitForTimeout(400) // autosave
  await page.goto(`/counter/check?draft=${draft}`)
  await ready(page)
  await expect(page.locator('main')).toContainText('AB12345678CD')
  await expect(page.locator('main')).toContainText('山田 子花')

  // untick 外国籍: 国籍 and 在留カード番号 vanish from the check page; ticking again brings them back
  await page.goto(`/counter/form?draft=${draft}`)
  await ready(page)
  await page.getByTestId('persons-0').locator('input[name="foreign"]').uncheck()
  await page.waitForTimeout(400)
  await page.goto(`/counter/check?draft=${draft}`)
  await ready(page)
  await expect(page.locator('main')).not.toContainText('AB12345678CD')
  await expect(page.locator('main')).not.toContainText('ベトナム')
  await page.goto(`/counter/form?draft=${draft}`)
  await ready(page)
  await page.getByTestId('persons-0').locator('input[name="foreign"]').check()
  await expect(page.getByTestId('persons-0').locator('input[name="residenceCard"]')).toHaveValue('AB12345678CD')
})

test('English: dates read 「20 July 1990 (Heisei 2)」 under the date and on the check page; ja keeps 和暦（西暦）', async ({ page }) => {
  await page.goto('/counter?lang=en')
  await ready(page)
  await page.getByTestId('start-jumin-ido').click()
  await expect(page).toHaveURL(/\/counter\/form\?draft=/)
  const draft = new URL(page.url()).searchParams.get('draft')!
  const box = page.locator('#f-persons-0-birthDate')
  await box.locator('select').selectOption('seireki')
  await box.locator('input').nth(0).fill('1990')
  await box.locator('input').nth(1).fill('7')
  await box.locator('input').nth(2).fill('20')
  await expect(page.getByTestId('persons-0').getByTestId('date-both')).toHaveText('＝ 20 July 1990 (Heisei 2)')
  await page.waitForTimeout(400)
  await page.goto(`/counter/check?draft=${draft}`)
  await ready(page)
  await expect(page.locator('main')).toContainText('20 July 1990 (Heisei 2)')
  await expect(page.locator('main')).not.toContainText('平成2年')
  await axe(page, 'check (en)')

  await page.goto(`/counter/check?draft=${draft}&lang=ja`)
  await ready(page)
  await expect(page.locator('main')).toContainText('平成2年（1990年）7月20日')
})

test('staff replica at 1280×800: label and value cells line up, and no value of the 4-person table wraps inside a token', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  const answers: Answers = structuredClone(REFERENCE_JUMIN_IDO)
  ;(answers.persons as AnswerItem[])[3]!.residenceCard = 'ab12345678cd'
  await paste(page, encodePayload(FORM, answers)[0]!)
  const layout = await page.getByTestId('application').evaluate((app) => {
    const rows = [...app.querySelectorAll<HTMLElement>('.replica__table--single tr')]
    const edges = (sel: string) => [...new Set(rows.map((r) => Math.round(r.querySelector<HTMLElement>(sel)!.getBoundingClientRect().left)))]
    const group = app.querySelector<HTMLElement>('.replica__group')!
    const lines = (el: HTMLElement) => {
      const range = document.createRange()
      range.selectNodeContents(el)
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
    }
    const cell = (path: string) => app.querySelector<HTMLElement>(`[data-path="${path}"] .replica__value`)!
    return {
      thLeft: edges('th'),
      tdLeft: edges('td'),
      tdRight: [...new Set(rows.map((r) => Math.round(r.querySelector<HTMLElement>('td')!.getBoundingClientRect().right)))],
      groupOverflow: group.scrollWidth - group.clientWidth,
      cardText: cell('persons.3.residenceCard').textContent,
      cardLines: lines(cell('persons.3.residenceCard')),
      nameLines: lines(cell('persons.0.name')),
      dateLines: lines(cell('persons.2.birthDate')),
    }
  })
  expect(layout.thLeft).toHaveLength(1)
  expect(layout.tdLeft).toHaveLength(1)
  expect(layout.tdRight).toHaveLength(1)
  expect(layout.groupOverflow).toBeLessThanOrEqual(0)
  expect([layout.cardLines, layout.nameLines, layout.dateLines]).toEqual([1, 1, 1])
  expect(layout.cardText).toBe('AB12345678CD')
})
