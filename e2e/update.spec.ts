import { expect, test, type Page } from '@playwright/test'
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStaticServer, type StaticServer } from './static-server'
import { ready, serviceWorkerReady } from './helpers'

// A private copy of the build, so shipping a "new release" here does not touch other tests.
let dir: string
let server: StaticServer
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yorisoi-update-'))
  cpSync('dist', dir, { recursive: true })
  server = await startStaticServer(dir)
})
test.afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

test('a waiting new version shows a calm prompt; nothing reloads until 更新する is pressed', async ({ page }) => {
  await page.goto(`${server.url}/counter`)
  await ready(page)
  await serviceWorkerReady(page)
  await expect(page.getByTestId('pwa-prompt')).toHaveCount(0)
  // a marker that a reload would wipe
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'still here'))

  // ship a new release: the worker script changes
  const sw = join(dir, 'sw.js')
  writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// release 2\n`)
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration()
    await reg?.update()
  })

  const prompt = page.getByTestId('pwa-prompt')
  await expect(prompt).toBeVisible({ timeout: 15_000 })
  await expect(prompt).toContainText('新しいバージョンがあります')
  await expect(page.getByTestId('announcer')).toHaveText(/新しいバージョンがあります/)
  // wait a while: the page must not reload by itself
  await page.waitForTimeout(1500)
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here')

  await prompt.getByRole('button', { name: '更新する' }).click()
  await page.waitForFunction(() => (window as unknown as { marker?: string }).marker === undefined, undefined, { timeout: 15_000 })
  await ready(page)
  await expect(page.locator('main h1')).toHaveText('窓口の書類を家で準備する')
  await expect(page.getByTestId('pwa-prompt')).toHaveCount(0)
})

test('あとで dismisses the prompt without reloading', async ({ page }) => {
  await page.goto(`${server.url}/`)
  await ready(page)
  await serviceWorkerReady(page)
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'still here'))
  const sw = join(dir, 'sw.js')
  writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// release 3\n`)
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
  const prompt = page.getByTestId('pwa-prompt')
  await expect(prompt).toBeVisible({ timeout: 15_000 })
  await prompt.getByRole('button', { name: 'あとで' }).click()
  await expect(prompt).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here')
})

/**
 * Ships a real new release into `dir`: every hashed file gets a new name (and the old one is
 * gone from the server, as after a deploy), every reference to it follows, and the worker's
 * precache list changes — so a tab still running the old release can no longer load its lazy pages.
 */
function shipNewRelease(dir: string): void {
  const assets = readdirSync(join(dir, 'assets'))
  const renames = assets.map((f) => [f, f.replace(/(\.[a-z]+)$/, 'r2$1')] as const)
  const rewrite = (path: string) => {
    for (const entry of readdirSync(path)) {
      const file = join(path, entry)
      if (statSync(file).isDirectory()) rewrite(file)
      else if (/\.(js|css|html|webmanifest)$/.test(entry)) {
        let text = readFileSync(file, 'utf8')
        for (const [from, to] of renames) text = text.replaceAll(from, to)
        if (entry === 'sw.js') text = text.replace(/revision:"([0-9a-f]+)"/g, 'revision:"$1r2"')
        writeFileSync(file, text)
      }
    }
  }
  rewrite(dir)
  for (const [from, to] of renames) renameSync(join(dir, 'assets', from), join(dir, 'assets', to))
}

test('several tabs across an update: every other open tab keeps working after 更新する in one', async ({ context }) => {
  test.setTimeout(90_000)
  const own = mkdtempSync(join(tmpdir(), 'yorisoi-tabs-'))
  cpSync('dist', own, { recursive: true })
  const release = await startStaticServer(own)
  try {
    const mark = (page: Page) => page.evaluate(() => ((window as unknown as { marker: string }).marker = 'old release'))
    const marker = (page: Page) => page.evaluate(() => (window as unknown as { marker?: string }).marker)
    // A: a resident on a form; B: a counter PC on the home page all day; C: a third tab
    const [a, b, c] = [await context.newPage(), await context.newPage(), await context.newPage()]
    for (const [page, path] of [[a, '/counter'], [b, '/'], [c, '/guides']] as const) {
      await page.goto(`${release.url}${path}`)
      // three first visits at once on a busy machine: more time than the usual 5 s
      await expect(page.locator('main h1')).toBeVisible({ timeout: 15_000 })
      await serviceWorkerReady(page)
      await mark(page)
    }

    shipNewRelease(own)
    await a.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
    for (const page of [a, b, c]) await expect(page.getByTestId('pwa-prompt')).toBeVisible({ timeout: 15_000 })

    await a.getByTestId('pwa-prompt').getByRole('button', { name: '更新する' }).click()
    await a.waitForFunction(() => (window as unknown as { marker?: string }).marker === undefined, undefined, { timeout: 15_000 })
    await ready(a)

    // B still runs the old release: its lazy page loads after one reload onto the new one
    await b.getByRole('link', { name: /設定/ }).first().click()
    await expect(b.locator('main h1')).toHaveText('設定', { timeout: 15_000 })
    expect(b.url()).toBe(`${release.url}/settings`)
    expect(await marker(b)).toBeUndefined()
    // (cleared once the page has opened, when the browser is idle: waited for, not assumed)
    await expect.poll(() => b.evaluate(() => sessionStorage.getItem('yorisoi.chunkReload'))).toBeNull()
    // and it keeps working on the new release
    await b.goto(`${release.url}/classes`)
    await ready(b)
    await expect(b.locator('main h1')).toHaveText('スマホ教室をさがす')

    // C's own 更新する works although the new version already took over from A
    await c.getByTestId('pwa-prompt').getByRole('button', { name: '更新する' }).click()
    await c.waitForFunction(() => (window as unknown as { marker?: string }).marker === undefined, undefined, { timeout: 15_000 })
    await ready(c)
    await expect(c.locator('main h1')).toHaveText('手続きガイド')
    await expect(c.getByTestId('pwa-prompt')).toHaveCount(0)
    // the new release's files are what C now runs
    expect(await c.evaluate(() => [...document.scripts].map((s) => s.src).filter(Boolean).every((src) => src.includes('r2.')))).toBe(true)
  } finally {
    await release.close()
    rmSync(own, { recursive: true, force: true })
  }
})
