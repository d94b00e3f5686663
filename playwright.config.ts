import { defineConfig, devices } from '@playwright/test'
import { launchOptions } from './e2e/browser'

/**
 * End-to-end journeys in real Chromium against the built app (`dist/`), served by a plain
 * static file server with no rewrite rules — as a town's web server would be.
 * `npm test` builds first; run `npm run build` before `npx playwright test` by hand.
 */
/** YORISOI_E2E_PORT lets two checkouts run their suites side by side without sharing a server. */
const PORT = Number(process.env.YORISOI_E2E_PORT ?? 4174)

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Journeys walk many screens on a 2-core CI machine: time limits catch hangs, they do not measure speed.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 375, height: 667 },
    launchOptions: launchOptions(),
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 375, height: 667 }, launchOptions: launchOptions() } }],
  webServer: {
    command: `npx tsx e2e/static-server.ts dist ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
  },
})
