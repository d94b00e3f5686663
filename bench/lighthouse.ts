/**
 * What a phone sees on a first visit: Lighthouse's mobile defaults (simulated slow 4G, 4× CPU
 * slowdown) on the built app and on the floor app (a bare Vite + Vue + vue-router page built in
 * the same run), served like a real host (see hostServer.ts), in Debian's Chromium. Each page is
 * measured `runs` times; the median run (by LCP) is reported, as Lighthouse advises on a noisy
 * machine. The browser's language is the town's default (ja): Lighthouse's Chromium would
 * otherwise ask for English.
 */
import lighthouse from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'
import { chromium } from '@playwright/test'
import { existsSync } from 'node:fs'
import { SYSTEM_CHROMIUM } from '../e2e/browser.ts'
import { startHostServer } from './hostServer.ts'

export interface PageFigures {
  path: string
  lcpMs: number
  fcpMs: number
  score: number
  tbtMs: number
  cls: number
  /** JS+CSS bytes on the wire (gzip) that finished loading before the first contentful paint. */
  bytesBeforeFcp: number
  /** JS+CSS bytes on the wire by network idle. */
  bytesByIdle: number
  accessibility: number
  bestPractices: number
  seo: number
  /** Every run's score and TBT, in the order run (TBT varies most from run to run). */
  runs?: { score: number; tbtMs: number }[]
}

type Lhr = {
  categories: Record<string, { score: number | null }>
  audits: Record<string, { numericValue?: number; details?: { items?: Record<string, unknown>[] } }>
}

function figures(path: string, lhr: Lhr): PageFigures {
  const a = lhr.audits
  const observed = (a.metrics?.details?.items?.[0] ?? {}) as { observedFirstContentfulPaint?: number }
  const fcpAt = observed.observedFirstContentfulPaint ?? Infinity
  const requests = (a['network-requests']?.details?.items ?? []) as { resourceType?: string; transferSize?: number; networkEndTime?: number }[]
  const code = requests.filter((r) => r.resourceType === 'Script' || r.resourceType === 'Stylesheet')
  const sum = (rs: typeof code) => rs.reduce((n, r) => n + (r.transferSize ?? 0), 0)
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
  return {
    path,
    lcpMs: Math.round(a['largest-contentful-paint']?.numericValue ?? NaN),
    fcpMs: Math.round(a['first-contentful-paint']?.numericValue ?? NaN),
    score: score('performance'),
    tbtMs: Math.round(a['total-blocking-time']?.numericValue ?? NaN),
    cls: Number((a['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(4)),
    bytesBeforeFcp: sum(code.filter((r) => (r.networkEndTime ?? Infinity) <= fcpAt)),
    bytesByIdle: sum(code),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
  }
}

const median = (runs: PageFigures[]) => [...runs].sort((x, y) => x.lcpMs - y.lcpMs)[Math.floor(runs.length / 2)]!

/** Lighthouse on each path of the site in `dist`, `runs` times each (median by LCP). */
export async function lighthouseRoutes(dist: string, paths: string[], runs = 3, lang = 'ja'): Promise<PageFigures[]> {
  const server = await startHostServer(dist)
  const chrome = await chromeLauncher.launch({
    chromePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : chromium.executablePath(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', `--lang=${lang}`, `--accept-lang=${lang}`],
  })
  try {
    const out: PageFigures[] = []
    for (const path of paths) {
      const measured: PageFigures[] = []
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`${server.url}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        })
        if (!result) throw new Error(`Lighthouse returned nothing for ${path}`)
        measured.push(figures(path, result.lhr as unknown as Lhr))
      }
      out.push({ ...median(measured), runs: measured.map((m) => ({ score: m.score, tbtMs: m.tbtMs })) })
    }
    return out
  } finally {
    await chrome.kill()
    await server.close()
  }
}
