import { expect, test, type Page } from '@playwright/test'
import { encodePayload } from '../src/domain/payload'
import type { Answers, AnswerItem, FormDefinition } from '../src/domain/forms/types'
import ido from '../src/content/forms/jumin-ido.v1.json' with { type: 'json' }
import { REFERENCE_JUMIN_IDO } from '../test/fixtures/reference-application'
import { axeViolations, ready } from './helpers'

// only the privacy test needs the service worker (it checks nothing lands in its caches): the
// others skip installing the ~100-file precache
test.use({ serviceWorkers: 'block' })

const FORM = ido as unknown as FormDefinition
const TWO_PERSONS: Answers = { ...REFERENCE_JUMIN_IDO, persons: (REFERENCE_JUMIN_IDO.persons as AnswerItem[]).slice(0, 2) }
const [REFERENCE] = encodePayload(FORM, REFERENCE_JUMIN_IDO)
const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))

async function openStaff(page: Page): Promise<void> {
  await page.goto('/staff')
  await ready(page)
  await expect(page.getByTestId('reader')).toBeFocused()
}
/**
 * Delivers a code as a scanner would: `keys` key by key (each a trusted keydown/input/keyup, as a
 * USB scanner types), `bursts` in runs of 40 characters (as a busy PC delivers a scanner's
 * keystrokes; far quicker to drive than 785 single keys, so the tests about what a code contains
 * use it), `paste` in one input event.
 */
type Delivery = 'keys' | 'bursts' | 'paste'
async function typeCode(page: Page, text: string, how: Delivery): Promise<void> {
  if (how === 'keys') await page.keyboard.type(text)
  else if (how === 'paste') await page.keyboard.insertText(text)
  else for (const run of text.match(/[^]{1,40}/g) ?? []) await page.keyboard.insertText(run)
}
async function scan(page: Page, text: string, end: 'Enter' | 'Tab' | 'pause' = 'Enter', how: Delivery = 'bursts'): Promise<void> {
  await typeCode(page, text, how)
  if (end !== 'pause') await page.keyboard.press(end)
  await expect(page.getByTestId('reader')).toHaveValue('')
}
const application = (page: Page) => page.getByTestId('application')

async function expectReference(page: Page): Promise<void> {
  const app = application(page)
  await expect(app.locator('.replica__title')).toHaveText('住民異動届')
  await expect(app.locator('[data-path="moveDate"]')).toContainText('令和8年（2026年）11月20日')
  await expect(app.locator('[data-path="kind"]')).toContainText('転入')
  await expect(app.locator('[data-path="persons.2.name"]')).toContainText('髙橋 﨑子')
  await expect(app.locator('[data-path="persons.3.residenceCard"]')).toContainText('AB12345678CD')
  await expect(app.locator('[data-path="persons.2.birthDate"]')).toContainText('平成元年（1989年）1月8日')
}

// Typing 785 digits key by key (the first test) takes a while on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 })

test('a handheld scanner types the code into the focused page; Enter shows the application', async ({ page }) => {
  await openStaff(page)
  // the whole 785-digit code key by key, as the scanner types it
  await scan(page, REFERENCE!, 'Enter', 'keys')
  await expectReference(page)
  // focus is back in the reading field, ready for the next resident
  await expect(page.getByTestId('reader')).toBeFocused()
  await expect(page.getByTestId('reader')).toHaveValue('')
  await axeViolations(page).then((violations) => expect(violations.map((v) => v.id)).toEqual([]))
})

test('the scanner path needs no reader wasm: it is fetched only once the page has been quiet, and kept for offline', async ({ page }) => {
  const wasm: number[] = []
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('.wasm')) wasm.push(Date.now())
  })
  await openStaff(page)
  await page.waitForLoadState('load')
  for (let i = 0; i < 3; i++) {
    // a clerk reading codes one after another, a second or two apart
    await scan(page, REFERENCE!)
    await expectReference(page)
    await page.getByTestId('clear').click()
    await page.waitForTimeout(1500)
    expect(wasm).toEqual([])
  }
  // left alone, the page fetches it into the cache the service worker reads offline
  await expect.poll(() => wasm.length, { timeout: 15_000 }).toBe(1)
  await expect.poll(() => page.evaluate(async () => (await caches.open('yorisoi-reader-wasm')).keys().then((k) => k.length))).toBe(1)
})

test('full-width digits (IME on), newlines and spaces inside, Tab or a pause as the end', async ({ page }) => {
  await openStaff(page)
  await scan(page, fullWidth(REFERENCE!), 'Tab')
  await expectReference(page)
  await page.getByTestId('clear').click()
  await expect(application(page)).toHaveCount(0)
  await expect(page.getByTestId('reader')).toBeFocused()

  // newlines typed as Enter inside the code do not end the scan early
  const chunks = REFERENCE!.match(/.{1,120}/g)!
  for (const [i, chunk] of chunks.entries()) {
    await typeCode(page, i % 2 ? ` ${chunk}` : chunk, 'bursts')
    if (i < chunks.length - 1) await page.keyboard.press('Enter')
  }
  await expect(application(page)).toHaveCount(0)
  await page.keyboard.press('Enter')
  await expectReference(page)
  await page.getByTestId('clear').click()

  // a scanner with no suffix: the 300 ms pause ends the scan
  await scan(page, REFERENCE!, 'pause')
  await expectReference(page)
})

test('a two-part application scanned in reverse order, with progress', async ({ page }) => {
  const parts = encodePayload(FORM, REFERENCE_JUMIN_IDO, { maxDigitsPerPart: 500 })
  expect(parts).toHaveLength(2)
  await openStaff(page)
  await scan(page, parts[1]!)
  await expect(page.getByTestId('staff-progress')).toHaveText('1/2 読み取り済み')
  await expect(application(page)).toHaveCount(0)
  await scan(page, parts[0]!)
  await expectReference(page)
})

test('every error says what to do, and never clears the application on screen', async ({ page }) => {
  const message = page.getByTestId('staff-message')
  await openStaff(page)
  await scan(page, 'https://example.jp/', 'Enter', 'paste')
  await expect(message).toContainText('よりそいのQRコードではありません')
  await scan(page, REFERENCE!)
  await expectReference(page)

  const flipped = REFERENCE!.slice(0, 60) + ((Number(REFERENCE![60]) + 1) % 10) + REFERENCE!.slice(61)
  await scan(page, flipped, 'pause', 'paste')
  await expect(message).toContainText('もう一度読み取ってください')
  await expect(message).toContainText('表示中の申請内容はそのまま残っています')
  await expectReference(page)

  await scan(page, REFERENCE!.slice(0, 300), 'pause', 'paste')
  await expect(message).toContainText('読み取りが不完全でした')

  const [future] = encodePayload({ ...FORM, version: 9 }, REFERENCE_JUMIN_IDO)
  await scan(page, future!, 'Enter', 'paste')
  await expect(message).toContainText('この様式（jumin-ido 第9版）には対応していません')
  await scan(page, `412${REFERENCE!.slice(3)}`, 'pause', 'paste')
  await expect(message).toContainText('新しい形式のQRコードです。よりそいを最新版に更新してください。')

  const a = encodePayload(FORM, REFERENCE_JUMIN_IDO, { maxDigitsPerPart: 500 })
  const b = encodePayload(FORM, { ...REFERENCE_JUMIN_IDO, phone: '03-0000-0000' }, { maxDigitsPerPart: 500 })
  await scan(page, a[0]!, 'Enter', 'paste')
  await scan(page, b[1]!, 'Enter', 'paste')
  await expect(message).toContainText('別の申請のQRコードが混ざっています')
  await expectReference(page)
  await expect(page.getByTestId('reader')).toBeFocused()
})

test('paste is a third way in', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openStaff(page)
  await page.evaluate((t) => navigator.clipboard.writeText(t), REFERENCE!)
  await page.keyboard.press('Control+V')
  await expectReference(page)
})

test.describe(() => {
  test.use({ serviceWorkers: 'allow' })
  test('privacy: no request from load to print, cleared after 3 idle minutes, nothing stored', async ({ page }) => {
    await openStaff(page)
    await page.waitForLoadState('networkidle')
    // the reader wasm is fetched once the page is quiet (it carries nothing of anyone): let it come first
    await expect.poll(() => page.evaluate(async () => (await caches.open('yorisoi-reader-wasm')).keys().then((k) => k.length))).toBe(1)
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await scan(page, encodePayload(FORM, TWO_PERSONS)[0]!)
    await expect(application(page).locator('[data-path="persons.1.name"]')).toContainText('髙橋 花子')
    await page.evaluate(() => (window.print = () => undefined))
    await page.getByTestId('print').click()
    await page.emulateMedia({ media: 'print' })
    await expect(page.locator('.site-header')).toBeHidden()
    await expect(application(page)).toBeVisible()
    expect(requests).toEqual([])
    await page.emulateMedia({ media: 'screen' })

    // nothing of the application was written anywhere
    const stored = await page.evaluate(async () => {
      const out: string[] = []
      for (let i = 0; i < localStorage.length; i++) out.push(localStorage.getItem(localStorage.key(i)!) ?? '')
      for (const name of await caches.keys()) {
        const cache = await caches.open(name)
        for (const req of await cache.keys()) out.push(req.url)
      }
      for (const info of await indexedDB.databases()) {
        const db: IDBDatabase = await new Promise((r) => {
          const o = indexedDB.open(info.name!)
          o.onsuccess = () => r(o.result)
        })
        for (const store of db.objectStoreNames) {
          const rows: unknown[] = await new Promise((r) => {
            const q = db.transaction(store).objectStore(store).getAll()
            q.onsuccess = () => r(q.result)
          })
          out.push(JSON.stringify(rows))
        }
        db.close()
      }
      return out.join('\n')
    })
    for (const secret of ['髙橋', 'タカハシ', '090-1234-5678', '1950-03-04', encodePayload(FORM, TWO_PERSONS)[0]!.slice(10, 40)]) expect(stored).not.toContain(secret)

    // idle: a warning 30 s before, then nothing of the application remains in the DOM.
    // (The clock is faked from here: Playwright's own clicks wait on animation frames.)
    await page.clock.install()
    await page.keyboard.press('Shift') // the last interaction: the idle timers start again
    await page.clock.runFor(149_000)
    await expect(page.getByTestId('idle-warning')).toHaveCount(0)
    await page.clock.runFor(1_500)
    await expect(page.getByTestId('idle-warning')).toBeVisible()
    await page.clock.runFor(30_000)
    await expect(application(page)).toHaveCount(0)
    const html = await page.content()
    for (const secret of ['髙橋', 'タカハシ', '090-1234-5678', '令和8年']) expect(html).not.toContain(secret)
    await expect(page.getByTestId('staff-message')).toContainText('3分間操作がなかったため')
  })
})

test('print: the 2-person 住民異動届 fits one A4 page with every answer', async ({ page }) => {
  await openStaff(page)
  await scan(page, encodePayload(FORM, TWO_PERSONS)[0]!)
  await expect(application(page).locator('[data-path="persons.1.name"]')).toContainText('髙橋 花子')
  await page.emulateMedia({ media: 'print' })
  for (const path of ['kind', 'moveDate', 'newAddress', 'newAddressExtra', 'oldAddress', 'headName', 'phone', 'persons.0.kana', 'persons.1.birthDate']) {
    await expect(application(page).locator(`[data-path="${path}"]`)).toBeVisible()
  }
  // 職員記入欄, printed empty: 本人確認書類 boxes, 受付番号・受付者・入力者 (no 交付枚数 on a 住民異動届)
  const office = application(page).getByTestId('office-use')
  await expect(office).toBeVisible()
  await expect(office.getByRole('heading')).toHaveText('職員記入欄')
  await expect(office.getByTestId('office-identity')).toHaveText(['マイナンバーカード', '運転免許証', '在留カード', 'パスポート', '健康保険証', 'その他'])
  for (const item of ['receiptNumber', 'receivedBy', 'enteredBy']) await expect(office.getByTestId(`office-${item}`)).toBeVisible()
  await expect(office.getByTestId('office-copies')).toHaveCount(0)
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
  expect(pages).toBe(1)
})

test('export: CSV with a BOM and JSON of the answers', async ({ page }) => {
  await openStaff(page)
  await scan(page, REFERENCE!)
  await expectReference(page)
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  const csvText = await (await csv.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'))
  expect(csvText.startsWith('\uFEFF項目ID,項目,値')).toBe(true)
  expect(csvText).toContain('persons.3.name,異動する人 3人目 氏名,髙橋 﨑子,髙橋 﨑子')
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()])
  const data = JSON.parse(await (await json.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')))
  expect(data.answers).toEqual(REFERENCE_JUMIN_IDO)
  await expect(page.getByTestId('reader')).toBeFocused()
})
