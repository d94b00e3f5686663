/**
 * First visit from a paper flyer (issue 16): every page whose content is the same for every
 * visitor (router `meta.prerender`) is written at build time with that content in its HTML,
 * in the town's default language, so a phone paints it as soon as the HTML and the stylesheet
 * have arrived; the app then takes the page over (hydrates) instead of rendering it again.
 *
 * - `earlyScript`: the inline head script (src/domain/prerender/early.ts) and its CSP hash. It
 *   applies the stored text size and contrast before the first paint and keeps prerendered
 *   content hidden when it is not what this resident would see (another language, a query).
 * - `prerenderPages`: renders the pages through Vite's SSR loader (src/prerender.ts) with a
 *   happy-dom window standing in for the browser, before the service worker's precache list is
 *   made (so index.html's revision is the prerendered file's).
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'
import { earlyBoot, preloadApp, type EarlyConfig } from '../src/domain/prerender/early.ts'
import { BROWSER_TAGS, LANGUAGES, NOT_OFFERED, offeredLanguagesOf, type Language } from '../src/domain/language.ts'
import { SETTINGS_STORAGE_KEY, TEXT_SIZES, defaultSettings } from '../src/domain/settings/settings.ts'

/** The head script's settings, from the same sources as the settings store (src/stores/settings.ts). */
export function earlyConfigFor(town: { defaultLanguage: Language; languages?: string[] }): EarlyConfig {
  const built = defaultSettings(town.defaultLanguage)
  return {
    key: SETTINGS_STORAGE_KEY,
    offered: offeredLanguagesOf(town.languages),
    fallback: town.defaultLanguage,
    tags: { ...Object.fromEntries(LANGUAGES.map((l) => [l.toLowerCase(), l])), ...BROWSER_TAGS },
    notOffered: NOT_OFFERED.source,
    sizes: [...TEXT_SIZES],
    built: { furigana: built.furigana, readAloud: built.readAloud },
  }
}

export function earlyScript(config: EarlyConfig): { tag: string; hash: string } {
  const code = `(${earlyBoot.toString()})(${JSON.stringify(config)},document,window,${preloadApp.toString()})`
  const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`
  return { tag: `<script>${code}</script>`, hash }
}

/** Where index.html gets the page's prerender mark (a <meta> the head script reads). */
export const PRERENDER_MARK = '<!--yorisoi:prerender-->'

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** A route's file with its prerendered content, title and mark; `shell` is the built index.html. */
export function prerenderedHtml(shell: string, page: { path: string; language: string; html: string; title: string; stylesheets: string[]; scripts?: string[] }): string {
  const out = shell
    // the page's own scripts join the app's in the list the page fetches after its first paint
    // (src/domain/prerender/early.ts preloadApp): one round trip less before it is taken over
    .replace(/(<meta name="yorisoi-start" content=")([^"]*)(")/, (_m, open: string, listed: string, close: string) => {
      const files = listed.split(' ').filter(Boolean)
      return `${open}${[...files, ...(page.scripts ?? []).filter((f) => !files.includes(f))].map(escapeAttribute).join(' ')}${close}`
    })
    .replace('</head>', `${page.stylesheets.map((href) => `  <link rel="stylesheet" crossorigin href="${escapeAttribute(href)}">\n`).join('')}  </head>`)
    .replace(PRERENDER_MARK, `<meta name="yorisoi-prerender" content="${escapeAttribute(`${page.path} ${page.language}`)}" />`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeText(page.title)}</title>`)
    .replace(/<html lang="[^"]*">/, `<html lang="${page.language}" data-lang="${page.language}" dir="ltr">`)
    .replace('<div id="app"></div>', `<div id="app">${page.html}</div>`)
  if (!out.includes('name="yorisoi-prerender"') || !out.includes(page.html)) throw new Error(`prerender: index.html has no ${PRERENDER_MARK} or no empty <div id="app"></div>`)
  return out
}

export function prerenderPages(options: { root: string; paths: () => string[]; language: string }): Plugin {
  let outDir = ''
  let base = '/'
  return {
    name: 'yorisoi:prerender',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
      base = config.base
    },
    closeBundle: {
      sequential: true,
      // before vite-plugin-pwa's closeBundle writes the precache list with index.html's revision
      order: 'pre',
      async handler() {
        const shell = readFileSync(resolve(outDir, 'index.html'), 'utf8')
        const manifest = JSON.parse(readFileSync(resolve(outDir, '.vite/manifest.json'), 'utf8')) as Manifest
        const restore = installWindow((await import('happy-dom')).Window)
        const { createServer } = await import('vite')
        const server = await createServer({
          configFile: resolve(options.root, 'vite.config.ts'),
          root: options.root,
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, ws: false },
          optimizeDeps: { noDiscovery: true, include: [] },
        })
        try {
          const { render } = (await server.ssrLoadModule('/src/prerender.ts')) as typeof import('../src/prerender.ts')
          for (const path of options.paths()) {
            const page = await render(path)
            if (!page.prerender) continue
            const stylesheets = stylesheetsOf(manifest, page.modules).map((file) => `${base}${file}`).filter((href) => !shell.includes(`href="${href}"`))
            const scripts = scriptsOf(manifest, page.modules).map((file) => `${base}${file}`)
            const file = resolve(outDir, path === '/' ? 'index.html' : `.${path}/index.html`)
            const address = `${base.replace(/\/$/, '')}${path}` || '/'
            writeFileSync(file, prerenderedHtml(shell, { path: address, language: options.language, html: page.html, title: page.title, stylesheets, scripts }))
          }
          // lazy imports a page started while rendering (not awaited by the render) finish first
          await new Promise((done) => setTimeout(done, 300))
        } finally {
          await server.close()
          restore()
        }
      },
    },
  }
}

type Manifest = Record<string, { file: string; css?: string[]; imports?: string[] }>

/** The chunks of `modules` and their static imports, transitively, as the client build's manifest lists them. */
function closureOf(manifest: Manifest, modules: string[]): Manifest[string][] {
  const chunks: Manifest[string][] = []
  const seen = new Set<string>()
  const walk = (key: string) => {
    if (seen.has(key) || !manifest[key]) return
    seen.add(key)
    chunks.push(manifest[key])
    manifest[key].imports?.forEach(walk)
  }
  modules.forEach(walk)
  return chunks
}

/** The scripts of the rendered components' chunks (the lazy page's own and its static imports'), from the client build's manifest. */
export function scriptsOf(manifest: Manifest, modules: string[]): string[] {
  return [...new Set(closureOf(manifest, modules).map((c) => c.file).filter((f) => f.endsWith('.js')))]
}

/**
 * The stylesheets of the rendered components' chunks (the lazy page's own and its static
 * imports'), from the client build's manifest: linked in the prerendered page so it paints
 * styled, exactly as it will look once its code has loaded.
 */
export function stylesheetsOf(manifest: Manifest, modules: string[]): string[] {
  return [...new Set(closureOf(manifest, modules).flatMap((c) => c.css ?? []))]
}

/** A browser-like global window for the app's modules while they render in Node (no storage, no stored settings). */
function installWindow(Window: typeof import('happy-dom').Window): () => void {
  const win = new Window({ url: 'https://prerender.invalid/' })
  Object.defineProperty(win.navigator, 'languages', { value: [] })
  const names = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'requestAnimationFrame', 'history', 'HTMLElement', 'Element', 'Node'] as const
  const saved = new Map<string, PropertyDescriptor | undefined>()
  for (const name of names) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name))
    Object.defineProperty(globalThis, name, { value: name === 'window' ? win : (win as unknown as Record<string, unknown>)[name], configurable: true, writable: true })
  }
  return () => {
    for (const [name, d] of saved) {
      if (d) Object.defineProperty(globalThis, name, d)
      else delete (globalThis as Record<string, unknown>)[name]
    }
    void win.happyDOM.close()
  }
}
