/**
 * Renders the PNG app icons from public/icons/*.svg with Chromium. Run once after changing an
 * icon (`npx tsx scripts/make-icons.ts`); the PNGs are committed.
 */
import { chromium } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { launchOptions } from '../e2e/browser.ts'

const jobs = [
  { svg: 'public/icons/icon.svg', size: 192, out: 'public/icons/icon-192.png' },
  { svg: 'public/icons/icon.svg', size: 512, out: 'public/icons/icon-512.png' },
  { svg: 'public/icons/maskable.svg', size: 512, out: 'public/icons/maskable-512.png' },
  { svg: 'public/icons/icon.svg', size: 180, out: 'public/icons/apple-touch-icon-180.png' },
]

const browser = await chromium.launch(launchOptions())
for (const job of jobs) {
  const page = await browser.newPage({ viewport: { width: job.size, height: job.size } })
  const svg = readFileSync(job.svg, 'utf8')
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${job.size}px;height:${job.size}px}</style>${svg}`)
  await page.screenshot({ path: job.out, omitBackground: true })
  await page.close()
  console.log(`${job.out} (${job.size}px)`)
}
await browser.close()
