import { chromium, expect, test, type Browser } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchOptions } from './browser'
import { filledJuminIdoDraft, ready, serviceWorkerReady } from './helpers'
import { REFERENCE_JUMIN_IDO } from '../test/fixtures/reference-application'
import { writeQrVideo } from './fakeCamera'

// A real camera stream: Chromium's fake camera plays a video of the QR code the resident side
// rendered (e2e/fakeCamera.ts turns the screenshot into a .y4m).
let dir: string
let video: string
let cameraBrowser: Browser

test.beforeAll(async ({ browser }, info) => {
  const baseURL = info.project.use.baseURL!
  dir = mkdtempSync(join(tmpdir(), 'yorisoi-camera-'))
  const page = await browser.newPage({ baseURL, viewport: { width: 375, height: 667 } })
  const id = await filledJuminIdoDraft(page, REFERENCE_JUMIN_IDO)
  await page.goto(`/counter/qr?draft=${id}`)
  const qr = await page.getByTestId('qr').screenshot()
  await page.close()
  video = join(dir, 'qr.y4m')
  writeQrVideo(qr, video)
  cameraBrowser = await chromium.launch(launchOptions(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]))
})

test.afterAll(async () => {
  await cameraBrowser?.close()
  rmSync(dir, { recursive: true, force: true })
})

test('the camera reads the resident\'s QR and shows the application — online, then offline', async ({}, info) => {
  const context = await cameraBrowser.newContext({ baseURL: info.project.use.baseURL, viewport: { width: 1280, height: 800 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', permissions: ['camera'] })
  const page = await context.newPage()
  await page.goto('/staff')
  await ready(page)
  await serviceWorkerReady(page)
  // the reader wasm comes from Yorisoi itself, and is cached on the first visit
  await expect.poll(() => page.evaluate(async () => (await caches.open('yorisoi-reader-wasm')).keys().then((k) => k.length))).toBe(1)

  const read = async () => {
    const started = Date.now()
    await page.getByTestId('camera-start').click()
    const app = page.getByTestId('application')
    await expect(app.locator('.replica__title')).toHaveText('住民異動届', { timeout: 15_000 })
    const ms = Date.now() - started
    await expect(app.locator('[data-path="persons.2.name"]')).toContainText('髙橋 﨑子')
    await expect(app.locator('[data-path="moveDate"]')).toContainText('令和8年（2026年）11月20日')
    await expect(app.locator('[data-path="persons.3.residenceCard"]')).toContainText('AB12345678CD')
    return ms
  }
  const online = await read()
  await expect(page.locator('video')).toHaveAttribute('playsinline', '')

  await context.setOffline(true)
  await page.reload()
  await ready(page)
  const offline = await read()
  info.annotations.push({ type: 'camera: click → application (ms)', description: `online ${online}, offline ${offline}` })
  console.log(`camera: click → application on screen: online ${online} ms, offline ${offline} ms`)
  await context.close()
})

test('no camera permission: a plain message and the other ways in', async ({ browser }, info) => {
  const context = await browser.newContext({ baseURL: info.project.use.baseURL })
  const page = await context.newPage()
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))
  })
  await page.goto('/staff')
  await ready(page)
  await page.getByTestId('camera-start').click()
  await expect(page.getByTestId('camera-state')).toContainText('カメラの使用が許可されていません')
  await page.getByTestId('camera-stop').click()
  await expect(page.getByTestId('reader')).toBeFocused()
  await context.close()
})
