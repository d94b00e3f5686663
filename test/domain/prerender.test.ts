import { describe, expect, it } from 'vitest'
import { earlyBoot, type EarlyDecision } from '../../src/domain/prerender/early'
import { earlyConfigFor, earlyScript, prerenderedHtml, scriptsOf, stylesheetsOf, PRERENDER_MARK } from '../../build/prerender'
import { defaultSettings, negotiateLanguage, parseSettings, SETTINGS_STORAGE_KEY } from '../../src/domain/settings/settings'
import { LANGUAGES, offeredLanguagesOf, type Language } from '../../src/domain/language'

/** A page as the head script sees it: stored settings, browser languages, address, and the prerender mark. */
function fakePage(stored: string | null, languages: string[], url: string, mark?: string, onLine = true) {
  const attributes: Record<string, string> = {}
  const u = new URL(url, 'https://town.example')
  const win = {
    localStorage: { getItem: (key: string) => (key === SETTINGS_STORAGE_KEY ? stored : null) },
    navigator: { languages, language: languages[0], onLine },
    location: { pathname: u.pathname, search: u.search },
  }
  const doc = {
    querySelector: (selector: string) => (selector === 'meta[name="yorisoi-prerender"]' && mark !== undefined ? { getAttribute: () => mark } : null),
    documentElement: { setAttribute: (name: string, value: string) => (attributes[name] = value) },
  }
  return { win: win as unknown as Window, doc: doc as unknown as Document, attributes }
}

/** What the settings store decides (src/stores/settings.ts readStored), for comparison. */
function storeLanguage(stored: string | null, browser: string[], offered: Language[], fallback: Language): Language {
  const defaults = defaultSettings(negotiateLanguage(browser, fallback, offered))
  const s = parseSettings(stored, defaults)
  return offered.includes(s.language) ? s.language : defaults.language
}

const towns = [{ defaultLanguage: 'ja' as Language }, { defaultLanguage: 'ja' as Language, languages: ['ja', 'ja-easy', 'en', 'vi'] as Language[] }, { defaultLanguage: 'en' as Language, languages: ['en', 'ja'] as Language[] }]
const browsers = [[], ['ja'], ['ja-JP'], ['en-US', 'ja'], ['zh-TW', 'zh-CN'], ['zh-Hant', 'ko'], ['zh'], ['fil-PH'], ['pt-PT'], ['pt-BR'], ['in'], ['de-DE', 'fr'], ['de-DE', 'vi-VN'], ['my-MM'], ['ne'], ['ja-easy'], ['EN-gb']]
const storedValues = [null, '', '{', 'null', '[]', '"en"', JSON.stringify({ language: 'en' }), JSON.stringify({ language: 'ko', textSize: 'xlarge' }), JSON.stringify({ language: 'xx', highContrast: true }), JSON.stringify({ textSize: 'huge', furigana: false }), JSON.stringify({ language: 'ja', readAloud: true }), JSON.stringify({ language: 'tl', languageChosen: false })]

describe('the head script (earlyBoot)', () => {
  it('chooses the language exactly as the settings store does, for every town, browser and stored value', () => {
    let cases = 0
    for (const town of towns) {
      const cfg = earlyConfigFor(town)
      const offered = offeredLanguagesOf(town.languages)
      for (const browser of browsers)
        for (const stored of storedValues) {
          const page = fakePage(stored, browser, '/')
          expect(earlyBoot(cfg, page.doc, page.win).language, `${JSON.stringify(town)} ${browser} ${stored}`).toBe(storeLanguage(stored, browser, offered, town.defaultLanguage))
          cases++
        }
    }
    expect(cases).toBe(towns.length * browsers.length * storedValues.length)
  })

  it('applies the stored text size and contrast before the first paint, and only known values', () => {
    const cfg = earlyConfigFor(towns[0]!)
    const big = fakePage(JSON.stringify({ textSize: 'xlarge', highContrast: true }), ['ja'], '/')
    earlyBoot(cfg, big.doc, big.win)
    expect(big.attributes).toMatchObject({ 'data-text-size': 'xlarge', 'data-contrast': 'high' })
    const odd = fakePage(JSON.stringify({ textSize: 'x" onload="', highContrast: 'yes' }), ['ja'], '/')
    earlyBoot(cfg, odd.doc, odd.win)
    expect(odd.attributes).toMatchObject({ 'data-text-size': 'standard', 'data-contrast': 'normal' })
  })

  it('shows a prerendered page only when it is what the app would show', () => {
    const cfg = earlyConfigFor(towns[0]!)
    const decide = (stored: string | null, browser: string[], url: string, mark: string | undefined, onLine = true): EarlyDecision['prerender'] => {
      const page = fakePage(stored, browser, url, mark, onLine)
      const decision = earlyBoot(cfg, page.doc, page.win)
      expect(page.attributes['data-prerender']).toBe(decision.prerender)
      return decision.prerender
    }
    expect(decide(null, ['ja-JP'], '/', '/ ja')).toBe('show')
    expect(decide(null, ['ja-JP'], '/guides/', '/guides ja')).toBe('show') // a host's trailing slash
    expect(decide(null, [], '/guides', '/guides ja')).toBe('show') // no browser language: the town's
    expect(decide(null, ['en-US'], '/guides', '/guides ja')).toBe('hide')
    expect(decide(JSON.stringify({ language: 'ja-easy' }), ['ja'], '/', '/ ja')).toBe('hide')
    expect(decide(JSON.stringify({ language: 'ja', furigana: false }), ['ja'], '/', '/ ja')).toBe('hide')
    expect(decide(JSON.stringify({ language: 'ja', readAloud: true }), ['ja'], '/', '/ ja')).toBe('hide')
    expect(decide(JSON.stringify({ language: 'ja', textSize: 'xlarge', highContrast: true }), ['en'], '/', '/ ja')).toBe('show') // size and contrast are CSS
    expect(decide(null, ['ja'], '/guides?lang=en', '/guides ja')).toBe('hide')
    expect(decide(null, ['ja'], '/counter/form', '/ ja')).toBe('hide') // the worker answers every address with index.html
    expect(decide(null, ['ja'], '/counter/form', undefined)).toBe('none') // a page built empty
    expect(decide(null, ['ja'], '/', '/ ja', false)).toBe('hide') // offline: the page starts with a notice
  })

  it('asks for the app\'s files at once only when the app must render the page; a page shown as built fetches them after its paint', () => {
    const cfg = earlyConfigFor(towns[0]!)
    const preloadsFor = (stored: string | null): string[] => {
      const page = fakePage(stored, ['ja'], '/', '/ ja')
      const hrefs: string[] = []
      const start = { getAttribute: () => '/assets/shell-a.js /assets/runtime-b.js' }
      const doc = {
        ...page.doc,
        documentElement: page.doc.documentElement,
        querySelector: (selector: string) => (selector === 'meta[name="yorisoi-start"]' ? start : page.doc.querySelector(selector)),
        createElement: () => ({}) as HTMLLinkElement,
        head: { appendChild: (link: HTMLLinkElement) => hrefs.push(`${link.rel} ${link.href} ${link.crossOrigin}`) },
      } as unknown as Document
      earlyBoot(cfg, doc, page.win)
      return hrefs
    }
    expect(preloadsFor(null)).toEqual([])
    expect(preloadsFor(JSON.stringify({ language: 'en' }))).toEqual(['modulepreload /assets/shell-a.js ', 'modulepreload /assets/runtime-b.js '])
  })

  it('is inlined as one self-contained script whose hash the policy names', async () => {
    const { tag, hash } = earlyScript(earlyConfigFor(towns[0]!))
    const code = /^<script>([\s\S]*)<\/script>$/.exec(tag)![1]!
    const { createHash } = await import('node:crypto')
    expect(hash).toBe(`'sha256-${createHash('sha256').update(code).digest('base64')}'`)
    // it runs with nothing but the page's own document and window
    const page = fakePage(JSON.stringify({ language: 'en' }), ['ja'], '/', '/ ja')
    new Function('document', 'window', code)(page.doc, page.win)
    expect(page.attributes['data-prerender']).toBe('hide')
  })
})

describe('prerendered files', () => {
  const shell = `<!doctype html>\n<html lang="ja">\n<head>${PRERENDER_MARK}<title>よりそい</title>\n</head><body><div id="app"></div></body></html>`
  it('carry the content, the title, the mark and the page’s stylesheets', () => {
    const html = prerenderedHtml(shell, { path: '/guides', language: 'ja', html: '<main><h1>ガイド</h1></main>', title: 'ガイド <一覧> | よりそい', stylesheets: ['/assets/guides-1.css'] })
    expect(html).toContain('<meta name="yorisoi-prerender" content="/guides ja" />')
    expect(html).toContain('<title>ガイド &lt;一覧> | よりそい</title>')
    expect(html).toContain('<html lang="ja" data-lang="ja" dir="ltr">')
    expect(html).toContain('<div id="app"><main><h1>ガイド</h1></main></div>')
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/guides-1.css">\n  </head>')
  })
  it('refuse a shell without the mark or the empty app element', () => {
    expect(() => prerenderedHtml(shell.replace(PRERENDER_MARK, ''), { path: '/', language: 'ja', html: '<p>x</p>', title: 't', stylesheets: [] })).toThrow(/prerender/)
    expect(() => prerenderedHtml(shell.replace('<div id="app"></div>', ''), { path: '/', language: 'ja', html: '<p>x</p>', title: 't', stylesheets: [] })).toThrow(/prerender/)
  })
  it('link the stylesheets of the rendered components’ chunks and of their static imports', () => {
    const manifest = {
      'src/features/guides/GuidesView.vue': { file: 'assets/GuidesView.js', css: ['assets/guides.css'], imports: ['_fields.js'] },
      '_fields.js': { file: 'assets/fields.js', css: ['assets/fields.css'], imports: ['_fields.js'] },
      'src/other.vue': { file: 'assets/other.js', css: ['assets/other.css'] },
    }
    expect(stylesheetsOf(manifest, ['src/features/guides/GuidesView.vue', 'src/components/ui/UiRuby.vue']).sort()).toEqual(['assets/fields.css', 'assets/guides.css'])
    expect(scriptsOf(manifest, ['src/features/guides/GuidesView.vue']).sort()).toEqual(['assets/GuidesView.js', 'assets/fields.js'])
  })
  it('add the page’s own scripts to the files it fetches after its first paint, once each', () => {
    const withStart = shell.replace('<title>', '<meta name="yorisoi-start" content="/assets/shell.js /assets/runtime.js" /><title>')
    const html = prerenderedHtml(withStart, { path: '/guides', language: 'ja', html: '<p>x</p>', title: 't', stylesheets: [], scripts: ['/assets/shell.js', '/assets/GuidesView.js'] })
    expect(html).toContain('<meta name="yorisoi-start" content="/assets/shell.js /assets/runtime.js /assets/GuidesView.js" />')
  })
})

// every language is a valid stored value
it.each(LANGUAGES)('a stored %s is kept when the town offers it', (lang) => {
  const page = fakePage(JSON.stringify({ language: lang }), ['ja'], '/')
  expect(earlyBoot(earlyConfigFor({ defaultLanguage: 'ja' }), page.doc, page.win).language).toBe(lang)
})
