/**
 * The few lines that run in `<head>` before the first paint of every page (the build inlines
 * `earlyBoot` as an inline script, allowed by its hash in the Content-Security-Policy). A page
 * built with its content already in it (prerendered, in the town's default language) is shown
 * at once only when it is what the app would show: the same address, no query, and the
 * resident's language, furigana and read-aloud settings as the page was built with, and online. Otherwise
 * the content stays hidden until the app has rendered the right one, so nobody sees a flash of
 * Japanese on an English phone. The stored text size and contrast are applied here too, so the
 * first frame already has them (no layout shift when the app starts).
 *
 * It is stringified into the page (with `preloadApp` as its fourth argument): no imports, no
 * closures, nothing but what the browser has.
 * test/domain/prerender.test.ts checks that it decides the language exactly as the settings
 * store does (negotiateLanguage, parseSettings).
 */
export interface EarlyConfig {
  /** localStorage key of the settings. */
  key: string
  /** The languages the town offers. */
  offered: string[]
  /** The town's default language (a browser asking for none of the offered ones). */
  fallback: string
  /** Lower-case browser tag or primary subtag → language (language.ts BROWSER_TAGS and the languages' own tags). */
  tags: Record<string, string>
  /** Browser tags that must not match by their primary subtag (Traditional Chinese). */
  notOffered: string
  sizes: string[]
  /** The settings a prerendered page was built with. */
  built: { furigana: boolean; readAloud: boolean }
}

export type PrerenderState = 'show' | 'hide' | 'none'

export interface EarlyDecision {
  language: string
  textSize: string
  contrast: 'high' | 'normal'
  prerender: PrerenderState
}

/**
 * Fetches the app's files (listed in the page's `yorisoi-start` <meta>) as module preloads. The
 * head script calls it at once for a page the app must render (another language, no prerendered
 * content); a page shown as built calls it only after its first paint (main.ts), so on a slow
 * connection the app never takes bandwidth from the stylesheet that paint waits for.
 */
export function preloadApp(doc: Document): void {
  const meta = doc.querySelector('meta[name="yorisoi-start"]')
  const files = ((meta && meta.getAttribute('content')) || '').split(' ')
  for (let i = 0; i < files.length; i++) {
    if (!files[i]) continue
    const link = doc.createElement('link')
    link.rel = 'modulepreload'
    link.crossOrigin = ''
    link.href = files[i]!
    doc.head.appendChild(link)
  }
}

export function earlyBoot(cfg: EarlyConfig, doc: Document = document, win: Window = window, preload: (doc: Document) => void = preloadApp): EarlyDecision {
  let stored: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(win.localStorage.getItem(cfg.key) || '{}')
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>
  } catch {
    // storage blocked or a broken value: the defaults, as the settings store does
  }
  let language = typeof stored.language === 'string' && cfg.offered.indexOf(stored.language) >= 0 ? stored.language : ''
  const asked = win.navigator.languages || [win.navigator.language]
  for (let i = 0; !language && i < asked.length; i++) {
    const tag = String(asked[i]).toLowerCase()
    if (new RegExp(cfg.notOffered).test(tag)) continue
    const lang = cfg.tags[tag] || cfg.tags[tag.split('-')[0]!]
    if (lang && cfg.offered.indexOf(lang) >= 0) language = lang
  }
  if (!language) language = cfg.fallback
  const textSize = typeof stored.textSize === 'string' && cfg.sizes.indexOf(stored.textSize) >= 0 ? stored.textSize : cfg.sizes[0]!
  const contrast = stored.highContrast === true ? 'high' : 'normal'
  const furigana = typeof stored.furigana === 'boolean' ? stored.furigana : true
  const readAloud = typeof stored.readAloud === 'boolean' ? stored.readAloud : false

  const meta = doc.querySelector('meta[name="yorisoi-prerender"]')
  let prerender: PrerenderState = 'none'
  if (meta) {
    const built = (meta.getAttribute('content') || '').split(' ')
    const path = win.location.pathname.replace(/(.)\/$/, '$1')
    // (offline, the page starts with a notice above its content that the built page has not)
    const same = built[0] === path && built[1] === language && !win.location.search && furigana === cfg.built.furigana && readAloud === cfg.built.readAloud && win.navigator.onLine !== false
    prerender = same ? 'show' : 'hide'
  }
  const root = doc.documentElement
  root.setAttribute('data-text-size', textSize)
  root.setAttribute('data-contrast', contrast)
  root.setAttribute('data-prerender', prerender)
  if (prerender !== 'show') preload(doc)
  return { language, textSize, contrast, prerender }
}
