import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { ready, serviceWorkerReady, setSettings, watchConsole } from './helpers'

const NOW = new Date('2026-12-01T09:00:00+09:00')
const count = (page: Page) => page.getByTestId('step-count')
const heading = (page: Page) => page.locator('main h1')

/** Records what the page asks speechSynthesis to say (Chromium here has no voices to play it). */
async function spyOnSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const said: { text: string; lang: string }[] = []
    ;(window as unknown as { __said: typeof said }).__said = said
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      said.push({ text: u.text, lang: u.lang })
    }
    window.speechSynthesis.cancel = () => undefined
  })
}
const said = (page: Page) => page.evaluate(() => (window as unknown as { __said: { text: string; lang: string }[] }).__said)

test('a resident finds a guide, steps through it, reloads in the middle, goes offline and finishes', async ({ page, context }) => {
  const errors = watchConsole(page)
  await page.clock.setFixedTime(NOW)
  await page.goto('/guides')
  await ready(page)
  await serviceWorkerReady(page)
  await expect(page.getByTestId('guide-count')).toHaveText('13件のガイド')
  await page.getByTestId('guide-search').fill('暗証番号 ロック')
  await expect(page.getByTestId('guide-count')).toHaveText(/^\d件のガイド$/)
  await page.getByTestId('guide-mynumber-pins').click()

  await expect(heading(page)).toHaveText('暗証番号の種類')
  await expect(page.getByTestId('guide-reviewed')).toHaveText('内容を確かめた日：2026年11月22日')
  await expect(page.locator('.guide-sources a').first()).toHaveAttribute('href', 'https://www.jpki.go.jp/')
  await page.getByTestId('guide-start').click()
  await expect(page).toHaveURL(/\/guides\/mynumber-pins\/signature$/)
  await expect(count(page)).toHaveText('1 / 6')
  await expect(heading(page)).toHaveText('ステップ1: 署名用電子証明書のパスワード（6〜16文字）')
  await expect(page.locator('progress')).toHaveAttribute('value', '1')
  await expect(heading(page)).toBeFocused()

  await page.getByTestId('step-next').click()
  await expect(count(page)).toHaveText('2 / 6')
  await page.getByTestId('step-back').click()
  await expect(count(page)).toHaveText('1 / 6')
  await page.getByTestId('step-next').click()
  await page.getByTestId('step-next').click()
  await page.getByTestId('step-next').click()
  await expect(count(page)).toHaveText('4 / 6')
  await expect(page.getByTestId('step-flag')).toHaveText('⚠ 注意')
  // the step list marks where the resident is
  await expect(page.locator('.guide-all-steps a[aria-current="step"]')).toHaveText('間違えられる回数')

  // reload in the middle: the same step, and the overview offers to continue from it
  await page.reload()
  await expect(count(page)).toHaveText('4 / 6')
  await page.goto('/guides/mynumber-pins')
  await expect(page.getByTestId('guide-resume')).toHaveText('つづきから（ステップ4）')
  await expect(page.getByTestId('guide-restart')).toBeVisible()
  await page.goto('/')
  await expect(page.getByTestId('home-guides')).toContainText('暗証番号の種類')
  await expect(page.getByTestId('home-guides')).toContainText('ステップ4 / 6')
  await page.getByTestId('home-guides').getByRole('link').click()
  await expect(count(page)).toHaveText('4 / 6')

  // offline: the rest of the guide, a reload and the finish screen still work
  await context.setOffline(true)
  await page.keyboard.press('ArrowRight')
  await expect(count(page)).toHaveText('5 / 6')
  await page.reload()
  await expect(count(page)).toHaveText('5 / 6')
  await page.keyboard.press('ArrowLeft')
  await expect(count(page)).toHaveText('4 / 6')
  await page.getByTestId('step-next').click()
  await page.getByTestId('step-next').click()
  await expect(page.getByTestId('step-next')).toHaveText('おわる ›')
  await page.getByTestId('step-next').click()
  await expect(page).toHaveURL(/\/guides\/mynumber-pins\/done$/)
  await expect(heading(page)).toHaveText('おつかれさまでした')
  await expect(page.getByTestId('finish-done')).toHaveText('「暗証番号の種類」を最後まで読みました。')
  // offline, with no schedule kept from an earlier visit, the finish screen still points to the classes page
  await expect(page.getByRole('link', { name: 'スマホ教室をさがす' })).toBeVisible()
  await page.getByRole('link', { name: 'ほかのガイドを見る' }).click()
  await expect(page.getByTestId('guide-mynumber-pins').getByTestId('guide-state')).toHaveText('▶ 最後まで読みました')
  await page.goto('/')
  await ready(page)
  await expect(page.getByTestId('home-guides')).toHaveCount(0)
  // the only console errors are the browser's own notes of the schedule fetch failing offline
  expect(errors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([])
})

/** Link words search engines (and Lighthouse's SEO audit) take for saying nothing about the target. */
const VAGUE_LINKS = ['click here', 'click this', 'go', 'here', 'information', 'learn more', 'more', 'more info', 'more information', 'right here', 'read more', 'see more', 'start', 'this', 'ここをクリック', 'こちらをクリック', 'リンク', '続きを読む', '続く', '全文表示']

test('every link on a guide\'s pages says where it goes, in every language (SEO link text)', async ({ page }) => {
  for (const lang of ['ja', 'ja-easy', 'en']) {
    for (const path of ['/guides/mynumber-pins', '/guides/mynumber-pins/lock', '/guides/mynumber-pins/done']) {
      await page.goto(`${path}?lang=${lang}`)
      await ready(page)
      const texts = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase()))
      expect(texts.filter((t) => VAGUE_LINKS.includes(t)), `${lang} ${path}`).toEqual([])
    }
  }
})

test('every guide address is a real file a flyer can print: overview, each step, finish', async ({ page, request }) => {
  for (const path of ['/guides/basics-wifi/', '/guides/basics-wifi/password/', '/guides/basics-wifi/done/']) {
    expect((await request.get(path)).status(), path).toBe(200)
  }
  await page.goto('/guides/basics-wifi/password')
  await expect(heading(page)).toHaveText('ステップ4: パスワードを入れる')
  await page.goto('/guides/basics-wifi/no-such-step')
  await expect(heading(page)).toHaveText('このガイドは見つかりませんでした。')
  await page.goto('/guides/no-such-guide')
  await expect(heading(page)).toHaveText('このガイドは見つかりませんでした。')
})

test('やさしい日本語 shows furigana as ruby, and read-aloud says the readings in ja-JP', async ({ page }) => {
  await spyOnSpeech(page)
  await page.goto('/guides/mynumber-pins/lock?lang=ja-easy')
  await ready(page)
  await expect(heading(page).locator('ruby').first()).toBeVisible()
  await expect(heading(page).locator('rt').first()).toHaveText('まちが')
  await page.getByTestId('step-speak').click()
  const [first] = await said(page)
  expect(first!.lang).toBe('ja-JP')
  expect(first!.text).toContain('ステップ4')
  expect(first!.text).toContain('まちがえて いい かいすう')
  expect(first!.text).not.toMatch(/間違|[{}｛｝|｜]/)
  await expect(page.getByTestId('step-speak')).toHaveAttribute('aria-pressed', 'true')
})

test('with 読み上げ on in settings, each step is read as it opens, in English in en', async ({ page }) => {
  await spyOnSpeech(page)
  await page.goto('/')
  await setSettings(page, { language: 'en', readAloud: true })
  await page.goto('/guides/basics-qr/camera')
  await ready(page)
  await expect.poll(async () => (await said(page)).length).toBe(1)
  await page.getByTestId('step-next').click()
  await expect.poll(async () => (await said(page)).length).toBe(2)
  const last = (await said(page))[1]!
  expect(last.lang).toBe('en-GB')
  expect(last.text).toBe('Step 2\nPoint at the QR code\nHold the phone so the whole code is on the screen and wait a moment.')
})

test('the read-aloud button is hidden where the browser cannot speak', async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as unknown as { speechSynthesis?: unknown }).speechSynthesis
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true })
    // 'speechSynthesis' in window must be false
    delete (window as unknown as { speechSynthesis?: unknown }).speechSynthesis
  })
  await page.goto('/guides/basics-qr/camera')
  await ready(page)
  expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(false)
  await expect(page.getByTestId('step-speak')).toHaveCount(0)
})

test('a guide prints as a handout: every step with its drawing, and a QR code that opens the guide', async ({ page }) => {
  await page.goto('/guides/mynumber-apply-phone?lang=ja-easy')
  await ready(page)
  await expect(page.getByTestId('guide-print')).toBeHidden()
  // the QR is drawn for paper only, when the page is printed (not while it opens)
  await expect(page.getByTestId('guide-print').locator('.qr-code')).toHaveCount(0)
  await page.emulateMedia({ media: 'print' })
  const print = page.getByTestId('guide-print')
  await expect(print).toBeVisible()
  const steps = print.locator('.guide-step')
  await expect(steps).toHaveCount(6)
  for (let i = 0; i < 6; i++) {
    await expect(steps.nth(i).locator('h2')).toBeVisible()
    await expect(steps.nth(i).locator('.guide-step__body')).toBeVisible()
  }
  await expect(print.locator('.guide-illustration')).toHaveCount(6)
  await expect(page.getByTestId('guide-start')).toBeHidden()
  const png = PNG.sync.read(await print.locator('.qr-code').screenshot())
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(read?.data).toBe(`${new URL(page.url()).origin}/guides/mynumber-apply-phone?lang=ja-easy`)
  const pdf = await page.pdf({ format: 'A4' })
  expect(pdf.byteLength).toBeGreaterThan(1000)
})

test('printing from the browser itself draws the handout\'s QR before the page is laid out for paper', async ({ page }) => {
  await page.goto('/guides/mynumber-pins')
  await ready(page)
  const qr = page.getByTestId('guide-print').locator('.qr-code')
  await expect(qr).toHaveCount(0)
  // page.pdf() prints as the browser's print does (beforeprint), with the screen media left on;
  // the paper, rendered as a scan would see it (poppler's pdftoppm), carries the QR
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-guide-'))
  writeFileSync(join(dir, 'guide.pdf'), await page.pdf({ format: 'A4' }))
  execFileSync('pdftoppm', ['-r', '100', '-png', join(dir, 'guide.pdf'), join(dir, 'page')])
  const read = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .map((f) => PNG.sync.read(readFileSync(join(dir, f))))
    .map((png) => jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data)
    .filter(Boolean)
  rmSync(dir, { recursive: true, force: true })
  expect(read).toEqual([`${new URL(page.url()).origin}/guides/mynumber-pins?lang=ja`])
  await expect(qr).toHaveCount(1)
})

test('the finish screen offers classes on the topic and the counter form to prepare at home', async ({ page }) => {
  await page.clock.setFixedTime(NOW)
  await page.goto('/guides/convenience-store-certificate/done')
  await ready(page)
  const classes = page.getByTestId('finish-classes').getByRole('link')
  await expect(classes.first()).toBeVisible()
  for (const name of await classes.locator('.guide-card__title').allTextContents()) expect(name).toMatch(/マイナ/)
  await page.getByTestId('finish-form').click()
  await expect(page).toHaveURL(/\/counter\/form\?draft=/)
  await expect(heading(page)).toContainText('住民票の写し')
})

test('a step at 特大 in やさしい日本語 fits the phone: no sideways scroll, large buttons', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 })
  await page.goto('/')
  await setSettings(page, { language: 'ja-easy', textSize: 'xlarge' })
  await page.goto('/guides/mynumber-apply-phone/photo')
  await ready(page)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  for (const id of ['step-back', 'step-next']) {
    const box = (await page.getByTestId(id).boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(56)
    expect(box.x + box.width).toBeLessThanOrEqual(375)
  }
  await page.screenshot({ path: test.info().outputPath('step-ja-easy-xlarge.png'), fullPage: true })
})

test('no step button overflows or overlaps another at 375 px, in every language and text size', async ({ page }) => {
  test.setTimeout(180_000)
  await page.goto('/')
  const problems: string[] = []
  for (const language of ['ja', 'ja-easy', 'en']) {
    for (const textSize of ['standard', 'large', 'xlarge']) {
      await setSettings(page, { language, textSize })
      await page.goto('/guides/mynumber-pins/signature')
      for (let n = 1; n <= 6; n++) {
        await expect(count(page)).toHaveText(`${n} / 6`)
        const found = await page.evaluate(() => {
          const out: string[] = []
          const buttons = [...document.querySelectorAll<HTMLElement>('main .button')].filter((b) => b.offsetParent)
          for (const b of buttons) if (b.scrollWidth > b.clientWidth + 1) out.push(`overflows: ${b.textContent}`)
          const page = document.documentElement
          if (page.scrollWidth > page.clientWidth) out.push('page scrolls sideways')
          for (let i = 0; i < buttons.length; i++)
            for (let j = i + 1; j < buttons.length; j++) {
              const a = buttons[i]!.getBoundingClientRect()
              const b = buttons[j]!.getBoundingClientRect()
              if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push(`overlap: ${buttons[i]!.textContent} / ${buttons[j]!.textContent}`)
            }
          return out
        })
        problems.push(...found.map((f) => `${language} ${textSize} step ${n}: ${f}`))
        if (n < 6) await page.getByTestId('step-next').click()
      }
    }
  }
  expect(problems).toEqual([])
})

test('the done page links the next guide it names, and counts are worded for one and many', async ({ page }) => {
  await page.clock.setFixedTime(NOW)
  await page.goto('/guides/mynumber-pins/done')
  await ready(page)
  const link = page.getByTestId('finish-next').getByRole('link', { name: 'マイナポータルにログインする' })
  await expect(link).toHaveAttribute('href', '/guides/mynaportal-login')
  await link.click()
  await expect(page).toHaveURL(/\/guides\/mynaportal-login$/)
  await expect(page.locator('main h1')).toHaveText('マイナポータルにログインする')

  await page.goto('/guides/mynumber-pins/done?lang=en')
  await expect(page.getByTestId('finish-next').getByRole('link', { name: 'Log in to Myna Portal' })).toHaveAttribute('href', '/guides/mynaportal-login')
  await page.goto('/guides?lang=en')
  await expect(page.getByTestId('guide-count')).toHaveText('13 guides')
  await page.getByTestId('guide-search').fill('Pittari')
  await expect(page.getByTestId('guide-count')).toHaveText('1 guide')
})

test('read-aloud speaks with a voice for the language, and says so where the phone has none', async ({ page }) => {
  await page.addInitScript(() => {
    // Chromium here has no voices: the phone's are stood in for (a Japanese and a Vietnamese one)
    const voices = [{ lang: 'ja-JP', name: 'Japanese voice' }, { lang: 'vi-VN', name: 'Vietnamese voice' }]
    const said: { text: string; lang: string; voice?: string }[] = []
    ;(window as unknown as { __said: typeof said }).__said = said
    class Utterance {
      lang = ''
      voice: { name: string } | null = null
      onend: (() => void) | null = null
      onerror: (() => void) | null = null
      constructor(public text: string) {}
    }
    ;(window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = Utterance
    window.speechSynthesis.getVoices = () => voices as unknown as SpeechSynthesisVoice[]
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void said.push({ text: u.text, lang: u.lang, voice: u.voice?.name })
    window.speechSynthesis.cancel = () => undefined
  })
  await page.goto('/')
  await setSettings(page, { language: 'vi', languageChosen: true, readAloud: true })
  await page.goto('/guides/basics-qr/camera')
  await ready(page)
  await expect.poll(async () => (await said(page)).length).toBe(1)
  expect((await said(page))[0]).toMatchObject({ lang: 'vi-VN', voice: 'Vietnamese voice' })

  await setSettings(page, { language: 'my', languageChosen: true, readAloud: true })
  await page.goto('/guides/basics-qr/camera')
  await ready(page)
  const noVoice = (JSON.parse(readFileSync('src/i18n/locales/my.json', 'utf8')) as { readAloud: { noVoice: string } }).readAloud.noVoice
  await expect(page.getByTestId('read-aloud-no-voice').first()).toHaveText(noVoice)
  await expect(page.getByTestId('step-speak')).toHaveCount(0)
  expect(await said(page)).toEqual([])
})
