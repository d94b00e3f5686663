/**
 * `npx tsx scripts/first-paint-requests.ts [path…]`: a cheap subset of the bench — opens each
 * path of the built app (`dist/`) once in Chromium on a first visit (no cache, no stored data)
 * and prints the JS+CSS requests with their gzip size, split into those finished before the
 * first contentful paint and those by network idle. No throttling: the order of requests, not
 * their timing, is what it shows (Lighthouse's figures are in `npm run bench`).
 */
import { chromium } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { launchOptions } from '../e2e/browser.ts'
import { startStaticServer } from '../e2e/static-server.ts'

const root = resolve(import.meta.dirname, '..')
const dist = join(root, 'dist')
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length

export interface RequestFigures {
  path: string
  beforeFcp: { files: string[]; bytes: number }
  byIdle: { files: string[]; bytes: number }
  requests: number
}

export async function firstPaintRequests(paths: string[], lang = 'ja'): Promise<RequestFigures[]> {
  const server = await startStaticServer(dist)
  const browser = await chromium.launch(launchOptions([`--lang=${lang}`]))
  try {
    const out: RequestFigures[] = []
    for (const path of paths) {
      const context = await browser.newContext({ locale: lang, serviceWorkers: 'block' })
      const page = await context.newPage()
      const requests: { url: string; end: number }[] = []
      page.on('requestfinished', (r) => {
        const t = r.timing()
        requests.push({ url: r.url(), end: t.startTime + t.responseEnd })
      })
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' })
      await page.waitForTimeout(1500) // idle callbacks and what they load
      const fcp = await page.evaluate(() => {
        const e = performance.getEntriesByName('first-contentful-paint')[0]
        return e ? performance.timeOrigin + e.startTime : Infinity
      })
      const code = requests.filter((r) => /\.(js|css)$/.test(new URL(r.url).pathname))
      const file = (u: string) => new URL(u).pathname.slice(1)
      const sum = (rs: typeof code) => ({ files: rs.map((r) => file(r.url)), bytes: rs.reduce((n, r) => n + gz(join(dist, file(r.url))), 0) })
      out.push({ path, beforeFcp: sum(code.filter((r) => r.end <= fcp)), byIdle: sum(code), requests: requests.length })
      await context.close()
    }
    return out
  } finally {
    await browser.close()
    await server.close()
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const paths = process.argv.slice(2)
  for (const f of await firstPaintRequests(paths.length ? paths : ['/', '/staff'])) {
    console.log(`${f.path}: before FCP ${(f.beforeFcp.bytes / 1000).toFixed(1)} kB (${f.beforeFcp.files.length} files), by idle ${(f.byIdle.bytes / 1000).toFixed(1)} kB (${f.byIdle.files.length} files), ${f.requests} requests`)
    for (const file of f.byIdle.files) console.log(`   ${f.beforeFcp.files.includes(file) ? '*' : ' '} ${file}`)
  }
}
