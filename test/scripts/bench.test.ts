import { describe, expect, it } from 'vitest'
import { firstPaintFiles, precacheUrls } from '../../scripts/bench-lib'

describe('bench: what counts as first paint', () => {
  const manifest = {
    'index.html': { file: 'assets/index-a.js', isEntry: true, imports: ['_shared-b.js'], css: ['assets/index-a.css'] },
    '_shared-b.js': { file: 'assets/shared-b.js', imports: ['_deep-c.js'] },
    '_deep-c.js': { file: 'assets/deep-c.js', css: ['assets/deep-c.css'] },
    'src/Lazy.vue': { file: 'assets/Lazy-d.js', imports: ['_shared-b.js'] },
  }
  it('follows the scripts index.html loads through their static imports, and their CSS', () => {
    const html = '<script type="module" crossorigin src="/assets/index-a.js"></script><link rel="stylesheet" crossorigin href="/assets/index-a.css">'
    expect(firstPaintFiles(html, manifest).sort()).toEqual(['assets/deep-c.css', 'assets/deep-c.js', 'assets/index-a.css', 'assets/index-a.js', 'assets/shared-b.js'])
  })
  it('counts the app the entry starts, which index.html preloads', () => {
    const html = '<script type="module" crossorigin src="/assets/index-a.js"></script><link rel="modulepreload" crossorigin href="/assets/Lazy-d.js">'
    expect(firstPaintFiles(html, manifest)).toContain('assets/Lazy-d.js')
    expect(firstPaintFiles(html, manifest)).toContain('assets/deep-c.css')
  })
  it('counts the app listed in the page\'s yorisoi-start mark, which the page fetches itself', () => {
    const html = '<meta name="yorisoi-start" content="/assets/Lazy-d.js /assets/deep-c.js" /><script type="module" crossorigin src="/assets/index-a.js"></script>'
    expect(firstPaintFiles(html, manifest)).toContain('assets/Lazy-d.js')
    expect(firstPaintFiles(html, manifest)).toContain('assets/deep-c.css')
  })
  it('respects a base path and fails loudly on an empty page', () => {
    expect(firstPaintFiles('<script type="module" src="/town/assets/index-a.js"></script>', manifest)).toContain('assets/deep-c.js')
    expect(() => firstPaintFiles('<p>nothing</p>', manifest)).toThrow(/no script/)
  })
  it('reads the precache list of a generated service worker', () => {
    const sw = 'e.precacheAndRoute([{url:"assets/a.js",revision:null},{url:"index.html",revision:"abc"}],{})'
    expect(precacheUrls(sw)).toEqual(['assets/a.js', 'index.html'])
  })
})
