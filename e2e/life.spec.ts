import { expect, test, type Page } from '@playwright/test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { LANGS, serviceWorkerReady, watchConsole } from './helpers'
import { layoutProblems } from './layout'

/** The clock: 2026-11-28 in Tokyo, so dates this year are shown without the year. */
const NOW = new Date('2026-11-28T09:00:00+09:00')

/** The page's heading is in place and the app runs it (generous: the machine running these is shared and slow). */
async function ready(page: Page): Promise<void> {
  await expect(page.locator('main h1')).toBeVisible({ timeout: 20_000 })
  await expect(page.locator('html')).not.toHaveAttribute('data-prerender', /^(show|hide)$/, { timeout: 20_000 })
}

type Answers = Record<string, string | string[]>

/** (a) of test/domain/life.test.ts: a family from another town, one with a 在留カード, a 5-year-old. */
const FAMILY: Answers = { foreign: 'yes', mynumberCard: 'yes', insurance: 'jobEnded', ages: ['age20to59'], children: 'yes', childStages: ['preschool'], seal: 'no', dog: 'no' }
/** (b): a widow of 78 whose husband (80, 世帯主) leaves her alone. */
const WIDOW: Answers = { deathReportFiled: 'no', relation: 'spouse', wasHead: 'yes', remaining: 'one', deceasedAge: 'age75plus', pension: 'yes', income: 'no', property: 'yes' }

async function fillDate(page: Page, era: string, y: string, m: string, d: string): Promise<void> {
  const box = page.locator('#life-date')
  await box.locator('select').selectOption(era)
  await box.locator('input').nth(0).fill(y)
  await box.locator('input').nth(1).fill(m)
  await box.locator('input').nth(2).fill(d)
}

/** Answers every screen the app shows, through the UI, until the checklist opens; returns the questions asked. */
async function answerAll(page: Page, answers: Answers, date: [string, string, string, string]): Promise<string[]> {
  const asked: string[] = []
  for (let i = 0; i < 20; i++) {
    await ready(page)
    const url = new URL(page.url())
    if (url.pathname === '/life/checklist') return asked
    const step = url.searchParams.get('step')
    if (step === 'date') {
      await fillDate(page, ...date)
    } else {
      expect(step && step in answers, `a question the scenario does not answer: ${step}`).toBeTruthy()
      asked.push(step!)
      const value = answers[step!]!
      // the screen of this question (not the previous one still on its way out)
      for (const v of Array.isArray(value) ? value : [value]) await page.locator(`input[name="${step}"][value="${v}"]`).check()
    }
    await page.getByTestId('life-next').click()
    await expect(page).not.toHaveURL(url.href)
  }
  throw new Error('the questions never ended')
}

const titles = (page: Page) => page.getByTestId('proc-title')

// Journeys through a dozen screens: on this 2-core machine they need more than the default 30 s.
test.describe.configure({ timeout: 120_000 })

test('search finds the moving events by everyday words in Japanese and English', async ({ page }) => {
  await page.goto('/life')
  await ready(page)
  await expect(page.getByTestId('life-event-death')).toBeVisible()
  for (const word of ['ひっこし', 'moving']) {
    await page.getByTestId('life-search').fill(word)
    await expect(page.getByTestId('life-count')).toHaveText('3件見つかりました')
    for (const id of ['moving-in', 'moving-out', 'moving-within']) await expect(page.getByTestId(`life-event-${id}`)).toBeVisible()
    await expect(page.getByTestId('life-event-death')).toHaveCount(0)
  }
  await page.getByTestId('life-search').fill('おくやみ')
  await expect(page.getByTestId('life-event-death')).toBeVisible()
  await expect(page.getByTestId('life-event-moving-in')).toHaveCount(0)
})

test('(a) the moving-in family answers one question per screen and gets exactly its procedures, by counter, with deadlines; the checklist survives reload and offline, and ticks persist', async ({ page, context }) => {
  const errors = watchConsole(page)
  await page.clock.setFixedTime(NOW)
  await page.goto('/')
  await ready(page)
  await serviceWorkerReady(page)
  await page.getByTestId('entry-life').click()
  await ready(page)
  await page.getByTestId('life-event-moving-in').click()
  await expect(page).toHaveURL(/\/life\/event\?id=moving-in&step=date$/)
  await expect(page.getByTestId('life-step-count')).toHaveText('1 / 9')

  // an empty answer is refused with a message, and nothing is lost
  await page.getByTestId('life-next').click()
  await expect(page.getByTestId('life-error')).toBeFocused()
  await fillDate(page, 'reiwa', '8', '11', '28')
  await page.getByTestId('life-next').click()
  await expect(page.getByTestId('life-step-count')).toHaveText('2 / 9')
  await page.getByTestId('life-next').click()
  await expect(page.getByTestId('life-error')).toHaveText('1つえらんでください。わからないときは「わからない」をえらんでください。')
  await page.getByTestId('option-yes').locator('input').check()
  await page.getByTestId('life-next').click()
  await expect(page.getByTestId('life-step-count')).toHaveText('3 / 9')

  // reload in the middle: the same screen, and back shows the answer given
  await page.reload()
  await ready(page)
  await expect(page.getByTestId('life-step-count')).toHaveText('3 / 9')
  await page.getByTestId('life-back').click()
  await expect(page.getByTestId('option-yes').locator('input')).toBeChecked()
  await page.getByTestId('life-back').click()
  await expect(page.locator('#life-date input').nth(1)).toHaveValue('11')
  await page.getByTestId('life-next').click()
  // on the next screen before answering (else, on a slow machine, the date screen is answered again as it leaves)
  await expect(page.getByTestId('life-step-count')).toHaveText('2 / 9')

  const asked = await answerAll(page, FAMILY, ['reiwa', '8', '11', '28'])
  expect(asked).toEqual(['foreign', 'mynumberCard', 'insurance', 'ages', 'children', 'childStages', 'seal', 'dog'])

  await expect(page.locator('main h1')).toHaveText('手続きのチェックリスト')
  await expect(page.getByTestId('life-event-date')).toContainText('11月28日')
  await expect(titles(page)).toHaveText([
    '転入届（住民異動届）',
    '在留カードの住居地の届出',
    'マイナンバーカードの継続利用（転入）',
    '国民健康保険に入る',
    '国民年金の加入・種別変更（第1号）',
    '子ども医療費助成の申請',
    '児童手当の申請',
  ])
  await expect(page.getByText('小・中学校の転入学')).toHaveCount(0)
  // where to go, in visiting order, and what to bring there, each once
  const summary = page.getByTestId('life-summary')
  await expect(summary.locator('.life-summary__where')).toHaveText([/^市民課 窓口\s*12月12日まで$/, /^国保年金課 窓口\s*12月12日まで$/, /^子育て支援課 窓口\s*12月13日まで$/])
  const shimin = summary.getByTestId('summary-counter:shimin').locator('li')
  const items = await shimin.allTextContents()
  expect(new Set(items).size).toBe(items.length)
  expect(items.some((x) => x.startsWith('在留カード'))).toBe(true)
  const tennyu = page.getByTestId('proc-tennyu-todoke')
  await expect(tennyu.getByTestId('proc-due')).toHaveText('12月12日まで')
  await expect(page.getByTestId('stop-counter:shimin')).toContainText('市役所本庁舎 1階 3番窓口')
  await expect(page.getByTestId('stop-counter:shimin')).toContainText('平日 8:30〜17:15')
  await expect(tennyu.locator('.life-online a')).toHaveAttribute('href', /^https:\/\//)
  await expect(tennyu.getByRole('link', { name: /暗証番号/ })).toHaveAttribute('href', '/guides/mynumber-pins')
  await expect(page.getByTestId('proc-check')).toHaveCount(0)

  // ticks persist, also offline after a reload
  await page.getByTestId('tick-tennyu-todoke').check()
  await page.getByTestId('tick-kokuho-join').check()
  await expect(page.getByTestId('life-done-count')).toHaveText('2 / 7 件 済み')
  await context.setOffline(true)
  await page.reload()
  await ready(page)
  await expect(titles(page)).toHaveCount(7)
  await expect(page.getByTestId('tick-tennyu-todoke')).toBeChecked()
  await expect(page.getByTestId('tick-kokuho-join')).toBeChecked()
  await expect(page.getByTestId('tick-jido-teate')).not.toBeChecked()
  await page.getByTestId('tick-kokuho-join').uncheck()
  await page.reload()
  await ready(page)
  await expect(page.getByTestId('life-done-count')).toHaveText('1 / 7 件 済み')

  // the home page shows the checklist in progress and links back to it
  await page.goto('/')
  await ready(page)
  const card = page.getByTestId('home-life-moving-in')
  await expect(card).toContainText('1 / 7 件 済み')
  await card.click()
  await expect(page).toHaveURL(/\/life\/checklist\?id=moving-in$/)
  await expect(titles(page)).toHaveCount(7)
  expect(errors).toEqual([])
})

test('(b) the widow gets the 死亡届, 後期高齢者医療 and 介護保険, the pension office and the inheritance offices, and no 世帯主変更', async ({ page }) => {
  const errors = watchConsole(page)
  await page.clock.setFixedTime(NOW)
  await page.goto('/life/event?id=death')
  await ready(page)
  await expect(page).toHaveURL(/step=date$/)
  const asked = await answerAll(page, WIDOW, ['reiwa', '8', '11', '27'])
  expect(asked).toEqual(['deathReportFiled', 'relation', 'wasHead', 'remaining', 'deceasedAge', 'pension', 'income', 'property'])
  await expect(titles(page)).toHaveCount(8)
  for (const title of ['死亡届（まだ出していなければ）', '後期高齢者医療の資格喪失と葬祭費', '介護保険の資格喪失', '年金の手続き（受給停止・未支給年金・遺族年金）']) await expect(titles(page).filter({ hasText: title })).toHaveCount(1)
  // 死亡届: 7 days counting the day of death
  await expect(page.getByTestId('proc-shibo-todoke').getByTestId('proc-due')).toHaveText('12月3日まで')
  await expect(page.getByTestId('stop-office:pension-office').getByTestId('proc-nenkin-death')).toBeVisible()
  for (const [office, name] of [['legal-affairs-bureau', '法務局'], ['tax-office', '税務署'], ['family-court', '家庭裁判所']] as const) {
    await expect(page.getByTestId(`stop-office:${office}`).locator('h2')).toContainText(name)
  }
  // 相続放棄: 3 months, into next year, so the year is shown
  await expect(page.getByTestId('proc-sozoku-hoki').getByTestId('proc-due')).toHaveText('2027年2月27日まで')
  await expect(page.getByText('世帯主変更届')).toHaveCount(0)
  expect(errors).toEqual([])
})

test('(3) 「書類をじゅんびする」 on the 転入届 opens a counter draft with 転入 and the moving date filled in', async ({ page }) => {
  await page.clock.setFixedTime(NOW)
  await page.goto('/life/event?id=moving-in')
  await ready(page)
  await answerAll(page, FAMILY, ['reiwa', '8', '11', '20'])
  await page.getByTestId('prepare-tennyu-todoke').click()
  await expect(page).toHaveURL(/\/counter\/form\?draft=[\w-]+$/)
  await ready(page)
  await expect(page.locator('input[name="kind"][value="tennyu"]')).toBeChecked()
  const date = page.locator('#f-moveDate')
  await expect(date.locator('select')).toHaveValue('reiwa')
  await expect(date.locator('input').nth(0)).toHaveValue('8')
  await expect(date.locator('input').nth(1)).toHaveValue('11')
  await expect(date.locator('input').nth(2)).toHaveValue('20')
  // the draft is a real one: it is in the list of drafts
  await page.goto('/counter')
  await ready(page)
  await expect(page.locator('.draft')).toHaveCount(1)
})

test('(3b) the prepared 住民異動届, carried from the checklist to its check page, and shown from the checklist\'s 「窓口で見せる」, reads at /staff as 転入 on the moving date answered', async ({ page }) => {
  await page.clock.setFixedTime(NOW)
  await page.goto('/life/event?id=moving-in')
  await ready(page)
  await answerAll(page, FAMILY, ['reiwa', '8', '11', '20'])
  await page.getByTestId('prepare-tennyu-todoke').click()
  await expect(page).toHaveURL(/\/counter\/form\?draft=[\w-]+$/)
  await ready(page)
  await expect(page.locator('input[name="kind"][value="tennyu"]')).toBeChecked()
  // what the checklist cannot know, the resident types
  await page.locator('input[name="newAddress"]').fill('見本県サンプル市南町5-6')
  await page.locator('input[name="oldAddress"]').fill('隣県となり町1-2-3')
  await page.locator('input[name="headName"]').fill('髙橋 太郎')
  await page.locator('input[name="filer"][value="self"]').check()
  await page.locator('input[name="phone"]').fill('090-1234-5678')
  const person = page.getByTestId('persons-0')
  await person.locator('input[name="name"]').fill('髙橋 太郎')
  await person.locator('input[name="kana"]').fill('タカハシ　タロウ')
  const birth = page.locator('#f-persons-0-birthDate')
  await birth.locator('select').selectOption('showa')
  await birth.locator('input').nth(0).fill('60')
  await birth.locator('input').nth(1).fill('4')
  await birth.locator('input').nth(2).fill('1')
  await person.locator('input[name="sex"][value="male"]').check()
  await person.locator('select[name="relationship"]').selectOption('head')
  await page.getByTestId('to-check').click()
  await expect(page).toHaveURL(/\/counter\/check/)
  await expect(page.locator('main')).toContainText('令和8年（2026年）11月20日')
  const draft = new URL(page.url()).searchParams.get('draft')!
  // back on the checklist, the prepared form is one tap from the counter: one visit, its drafts in order
  await page.goto('/life/checklist?id=moving-in')
  await ready(page)
  await expect(page.getByTestId('life-show-prepared')).toHaveText('準備した書類を窓口で見せる（1件）')
  await page.getByTestId('life-show-prepared').click()
  await expect(page).toHaveURL(new RegExp(`/counter/qr\\?draft=${draft}$`))
  await expect(page.getByTestId('qr-part')).toHaveCount(0)
  // the code as the resident shows it, read from the screen
  const png = PNG.sync.read(await page.getByTestId('qr').screenshot())
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
  expect(code).toMatch(/^\d+$/)
  // and as the counter's scanner types it into /staff
  await page.goto('/staff')
  await ready(page)
  await expect(page.getByTestId('reader')).toBeFocused()
  await page.keyboard.insertText(code!)
  await page.keyboard.press('Enter')
  const app = page.getByTestId('application')
  await expect(app.locator('.replica__title')).toHaveText('住民異動届')
  await expect(app.locator('[data-path="kind"]')).toContainText('転入')
  await expect(app.locator('[data-path="moveDate"]')).toContainText('令和8年（2026年）11月20日')
  await expect(app).toContainText('タカハシ　タロウ')
})

test('(5) printed, the checklist is an A4 table with tick boxes and a QR code that opens the checklist', async ({ page }) => {
  await page.clock.setFixedTime(NOW)
  await page.goto('/life/event?id=moving-in')
  await ready(page)
  await answerAll(page, FAMILY, ['reiwa', '8', '11', '28'])
  await page.getByTestId('tick-tennyu-todoke').check()
  await expect(page.getByTestId('life-print')).toBeHidden()
  await page.emulateMedia({ media: 'print' })
  const print = page.getByTestId('life-print')
  await expect(print).toBeVisible()
  await expect(page.getByTestId('life-summary')).toBeHidden()
  const rows = print.getByTestId('print-row')
  await expect(rows).toHaveCount(7)
  await expect(rows.first()).toContainText('☑')
  await expect(rows.first()).toContainText('転入届（住民異動届）')
  await expect(rows.first()).toContainText('市民課 窓口')
  await expect(rows.first()).toContainText('12月12日まで')
  await expect(rows.first()).toContainText('本人確認書類')
  await expect(rows.nth(1)).toContainText('☐')
  const png = PNG.sync.read(await print.locator('.qr-code').screenshot())
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(read?.data).toBe(`${new URL(page.url()).origin}/life/checklist?id=moving-in&lang=ja`)
  const pdf = await page.pdf({ format: 'A4' })
  expect(pdf.byteLength).toBeGreaterThan(1000)
})

test('the checklist and the questions speak the resident’s language: en dates and office names, ja-easy furigana', async ({ page }) => {
  await page.clock.setFixedTime(NOW)
  await page.goto('/life/event?id=death&lang=en')
  await ready(page)
  await answerAll(page, WIDOW, ['reiwa', '8', '11', '27'])
  await expect(page.locator('main h1')).toHaveText('Your checklist')
  await expect(page.getByTestId('proc-shibo-todoke').getByTestId('proc-due')).toHaveText('by 3 December')
  await expect(page.getByTestId('stop-office:pension-office').locator('h2')).toContainText('Pension office')
  // English punctuation, not the Japanese full-width one
  await expect(page.getByTestId('life-event-date')).toHaveText(/^[^：]+: 27\sNovember$/)
  await expect(page.getByTestId('proc-shibo-todoke').locator('.life-proc__rule')).toHaveText(/^\([^（）]+\)$/)
  await page.goto('/life/checklist?id=death&lang=ja-easy')
  await ready(page)
  await expect(page.getByTestId('proc-shibo-todoke').getByTestId('proc-due').locator('rt')).toHaveText(['がつ', 'みっか'])
})

test('the answered checklists fit a 375 px phone in every language at 標準 and 特大, with their sources closed and open: nothing wider than the phone, no control over another, in やさしい日本語 every ruby on one line and breaks only between phrases', async ({ page }) => {
  test.setTimeout(300_000)
  await page.clock.setFixedTime(NOW)
  await page.goto('/life/event?id=moving-in')
  await ready(page)
  await answerAll(page, FAMILY, ['reiwa', '8', '11', '28'])
  await page.goto('/life/event?id=death')
  await ready(page)
  await answerAll(page, WIDOW, ['reiwa', '8', '11', '27'])
  const found: string[] = []
  for (const lang of LANGS) {
    for (const id of ['moving-in', 'death']) {
      await page.goto(`/life/checklist?id=${id}&lang=${lang}`)
      await ready(page)
      await expect(titles(page).first()).toBeVisible()
      await page.evaluate(() => document.fonts.ready)
      // the official sources closed (as the page opens) and open
      for (const sources of ['closed', 'open']) {
        if (sources === 'open') for (const summary of await page.locator('.life-sources summary').all()) await summary.click()
        for (const size of ['standard', 'xlarge']) {
          await page.evaluate((s) => (document.documentElement.dataset.textSize = s), size)
          for (const p of await layoutProblems(page, { rubies: lang === 'ja-easy' })) found.push(`${id} ${lang} ${size}, sources ${sources}: ${p}`)
        }
      }
    }
  }
  expect(found).toEqual([])
})
