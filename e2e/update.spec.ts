import { expect, test } from '@playwright/test'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
  await expect(page.getByRole('status')).toHaveText(/新しいバージョンがあります/)
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
