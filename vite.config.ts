/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { VitePWA } from 'vite-plugin-pwa'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { contentCheck, guidePaths } from './build/content-check.ts'
import { vueI18nTreeShake } from './build/vue-i18n-treeshake.ts'
import { LANGUAGE_FILES, LANGUAGE_MODULE, languageModules } from './build/language-modules.ts'
import { STATIC_ROUTE_PATHS } from './src/app/paths.ts'
import type { Municipality } from './src/content/types'
import { ADDED_LANGUAGES } from './src/domain/language.ts'
import { earlyConfigFor, earlyScript, prerenderPages, PRERENDER_MARK } from './build/prerender.ts'

/**
 * The Content-Security-Policy every built HTML file carries (as a <meta>, so it holds on any
 * static host; README lists the response headers a host should add on top, frame-ancestors
 * among them, which a <meta> cannot set). Only Yorisoi's own files run or load: no inline
 * script but the head script whose hash it names (build/prerender.ts), no inline style (Vue
 * sets styles through the CSSOM, which CSP allows), WebAssembly for the staff QR reader,
 * data:/blob: images, blob: downloads are navigations.
 */
export function contentSecurityPolicy(early: { hash: string }): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${early.hash} 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ')
}

/**
 * The app the entry starts (app/boot.ts, what it imports dynamically) and that chunk's own static
 * imports and stylesheets. The stylesheets are <link>ed, render-blocking like the entry's, so a
 * prerendered page never paints unstyled. The scripts are listed in a `yorisoi-start` <meta>,
 * not preloaded by the HTML: the head script preloads them at once when the app must render the
 * page, and main.ts after the first paint when the page is shown as built (see
 * src/domain/prerender/early.ts preloadApp). (Vite's own module preload is off, see
 * build.modulePreload.)
 */
function startFiles(bundle: Record<string, unknown> | undefined, entry: unknown, base: string): { stylesheets: string; meta: string } {
  type Chunk = { type: 'chunk'; fileName: string; imports: string[]; dynamicImports: string[]; viteMetadata?: { importedCss: Set<string> } }
  if (!bundle || !entry) return { stylesheets: '', meta: '' }
  const chunks = bundle as Record<string, Chunk>
  const started = (entry as Chunk).dynamicImports.filter((f) => chunks[f]?.type === 'chunk')
  const scripts = new Set<string>([(entry as Chunk).fileName])
  const css = new Set<string>()
  const walk = (file: string) => {
    const chunk = chunks[file]
    if (!chunk || scripts.has(file)) return
    scripts.add(file)
    chunk.viteMetadata?.importedCss.forEach((c) => css.add(c))
    chunk.imports.forEach(walk)
  }
  started.forEach(walk)
  return {
    stylesheets: [...css].map((f) => `  <link rel="stylesheet" crossorigin href="${base}${f}">\n`).join(''),
    meta: `<meta name="yorisoi-start" content="${[...scripts].slice(1).map((f) => `${base}${f}`).join(' ')}" />`,
  }
}

/**
 * Puts the policy, the page's prerender mark and the head script into index.html at build time
 * (and so into every route's copy of it). Not in `vite` dev: the dev server injects CSS as inline
 * <style> elements and talks over a websocket.
 */
function headOfEveryPage(early: { tag: string; hash: string }): Plugin {
  let base = '/'
  return {
    name: 'yorisoi:head',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    // the policy as a host's response header should carry it (README, Security headers)
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'content-security-policy.txt', source: `${contentSecurityPolicy(early)}; frame-ancestors 'none'\n` })
    },
    transformIndexHtml: {
      order: 'post',
      // right after <meta charset>: a policy only covers what comes after it in the document
      handler: (html, ctx) => {
        const charset = /<meta charset="UTF-8" \/>/i
        if (!charset.test(html)) throw new Error('index.html: no <meta charset="UTF-8" /> to put the Content-Security-Policy after')
        const start = startFiles(ctx.bundle, ctx.chunk, ctx.server ? '/' : base)
        // the marks before the head script, which reads them
        const head = html.replace(charset, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(early)}" />\n    ${PRERENDER_MARK}\n    ${start.meta}\n    ${early.tag}`)
        return head.replace('</head>', `${start.stylesheets}  </head>`)
      },
    },
  }
}

/**
 * The modules the app needs to start: what the entry (main.ts, a few lines) imports
 * dynamically — app/boot.ts — and everything those import statically, transitively. Read from
 * the module graph once the build has parsed every module (buildEnd, before chunks are made), so
 * it follows the code as files move; `build.rolldownOptions` puts them into one chunk, which
 * every page's HTML preloads. Later pages, the database and the service-worker glue stay out.
 */
function firstPaintGroup(): { plugin: Plugin; test: (id: string) => boolean; entry: (id: string) => boolean } {
  const closure = new Set<string>()
  const entryModules = new Set<string>()
  const plugin: Plugin = {
    name: 'yorisoi:first-paint-group',
    apply: 'build',
    buildEnd() {
      closure.clear()
      const statically = (starts: string[]): Set<string> => {
        const seen = new Set<string>()
        const pending = [...starts]
        while (pending.length) {
          const id = pending.pop()!
          if (seen.has(id)) continue
          seen.add(id)
          pending.push(...(this.getModuleInfo(id)?.importedIds ?? []))
        }
        return seen
      }
      const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry)
      if (entries.length === 0) throw new Error('first-paint group: the build has no entry module')
      const entry = statically(entries)
      const started = [...entry].flatMap((id) => [...(this.getModuleInfo(id)?.dynamicallyImportedIds ?? [])])
      if (started.length === 0) throw new Error('first-paint group: the entry imports no app to start')
      for (const id of statically(started)) if (!entry.has(id)) closure.add(id)
      // What the entry itself imports stays in the entry's file, Vite's preload helper included
      // (every chunk that imports dynamically uses it): otherwise the entry would import the
      // started chunk statically, and run it, before the first paint.
      entryModules.clear()
      for (const id of entry) entryModules.add(id)
      for (const id of closure) if (id.includes('vite/preload-helper')) {
        closure.delete(id)
        entryModules.add(id)
      }
    },
  }
  return { plugin, test: (id) => closure.has(id), entry: (id) => entryModules.has(id) }
}
const firstPaint = firstPaintGroup()

const root = dirname(fileURLToPath(import.meta.url))
process.env.TZ = 'Asia/Tokyo'

/**
 * Writes `<route>/index.html` (and 404.html) beside index.html, so a plain static file server
 * with no rewrite rules opens every route directly and on reload. They are not precached: the
 * service worker answers every navigation with index.html anyway.
 */
function staticRoutePages(): Plugin {
  let outDir = 'dist'
  return {
    name: 'yorisoi:static-route-pages',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    writeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        const index = resolve(outDir, 'index.html')
        // Guides too: their addresses are printed on flyers and handouts.
        for (const path of [...STATIC_ROUTE_PATHS, ...guidePaths(resolve(root, 'src/content/guides'))]) {
          const dir = resolve(outDir, `.${path}`)
          mkdirSync(dir, { recursive: true })
          copyFileSync(index, resolve(dir, 'index.html'))
        }
        copyFileSync(index, resolve(outDir, '404.html'))
      },
    },
  }
}

const municipality = JSON.parse(readFileSync(resolve(root, 'src/content/municipality.json'), 'utf8')) as Municipality

/**
 * An added language's files (its UI messages and content translations) are named
 * `assets/lang-<lang>-…js`: not precached for everyone (each resident downloads only the language
 * they choose, see src/app/language.ts), except the town's default language.
 */
const ADDED_LANGUAGE_FILE = new RegExp(`/(?:features/([^/]+)/locales/(${ADDED_LANGUAGES.join('|')})\\.json|content/locales/(${ADDED_LANGUAGES.join('|')})/([^/]+)\\.json)$`)
/** `{ lang, part }` of an added language's file: its module (`index`), a feature's messages (`counter`) or a content group (`guides`). */
function addedLanguageFile(moduleId: string | null | undefined): { lang: string; part: string } | undefined {
  if (!moduleId) return undefined
  for (const [prefix, part] of [[LANGUAGE_MODULE, 'index'], [LANGUAGE_FILES, 'files']] as const) {
    if (!moduleId.startsWith(`\0${prefix}`)) continue
    const lang = moduleId.slice(prefix.length + 1)
    return (ADDED_LANGUAGES as readonly string[]).includes(lang) ? { lang, part } : undefined
  }
  const m = ADDED_LANGUAGE_FILE.exec(moduleId)
  if (!m) return undefined
  return m[2] ? { lang: m[2], part: m[1]! } : { lang: m[3]!, part: `content-${m[4]!}` }
}
/** The head script (src/domain/prerender/early.ts) with the town's languages, and its CSP hash. */
export const EARLY = earlyScript(earlyConfigFor(municipality))

const notPrecachedLanguages = ADDED_LANGUAGES.filter((l) => l !== municipality.defaultLanguage)

export default defineConfig({
  base: process.env.YORISOI_BASE ?? '/',
  plugins: [
    contentCheck({ municipality: resolve(root, 'src/content/municipality.json'), label: 'src/content/municipality.json', formsDir: resolve(root, 'src/content/forms'), guidesDir: resolve(root, 'src/content/guides'), life: { items: resolve(root, 'src/content/items.json'), purposes: resolve(root, 'src/content/form-purposes.json'), eventsDir: resolve(root, 'src/content/life-events'), proceduresDir: resolve(root, 'src/content/procedures'), formsDir: resolve(root, 'src/content/forms'), guidesDir: resolve(root, 'src/content/guides') }, contentRoot: resolve(root, 'src/content') }),
    vueI18nTreeShake(),
    languageModules(root),
    vue(),
    VueI18nPlugin({
      include: [resolve(root, 'src/i18n/locales/**'), resolve(root, 'src/features/*/locales/**')],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      // Messages are compiled at build time, so the browser never needs the message compiler.
      dropMessageCompiler: true,
    }),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // Kill switch: `YORISOI_SW_KILL=1 npm run build` ships a worker that unregisters itself
      // and deletes its caches (see README).
      selfDestroying: process.env.YORISOI_SW_KILL === '1',
      manifest: {
        name: `よりそい（${municipality.name.ja}）`,
        short_name: 'よりそい',
        description: 'スマホ教室、手続きガイド、窓口の書類の準備をお手伝いするアプリ',
        lang: 'ja',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        theme_color: '#00594f',
        background_color: '#fbf8f2',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        globIgnores: ['*/**/index.html', '404.html', 'icons/maskable-512.png', 'icons/icon-512.png', ...notPrecachedLanguages.map((l) => `assets/lang-${l}-*`)],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
        // The QR reader's wasm (1 MB) is not precached for every resident: /staff fetches it
        // when it opens and it is kept here, so the counter's camera also works offline.
        runtimeCaching: [
          {
            // An added language's files, fetched when the resident chooses it, kept for offline use.
            urlPattern: ({ url }) => /\/assets\/lang-[^/]+\.js$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'yorisoi-languages', expiration: { maxEntries: 120 } },
          },
          {
            urlPattern: ({ url }) => url.pathname.endsWith('.wasm'),
            handler: 'CacheFirst',
            options: { cacheName: 'yorisoi-reader-wasm', expiration: { maxEntries: 4 } },
          },
        ],
      },
    }),
    headOfEveryPage(EARLY),
    staticRoutePages(),
    prerenderPages({
      root,
      paths: () => ['/', ...STATIC_ROUTE_PATHS, ...guidePaths(resolve(root, 'src/content/guides'))],
      language: municipality.defaultLanguage,
    }),
    firstPaint.plugin,
  ],
  define: {
    // Every component is <script setup>: Vue's Options API support need not ship.
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: process.env.YORISOI_HYDRATION_DETAILS === '1',
    // No devtools hooks in production (vue-i18n otherwise keeps its devtools glue).
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    target: 'es2022',
    manifest: true,
    // No preload helper in the first chunk (~1 kB gzip): route chunks are small and, after the
    // first visit, come from the service worker's precache anyway.
    modulePreload: false,
    rolldownOptions: {
      output: {
        // Everything the first paint needs in one chunk: without this group, rolldown emits the
        // modules shared with lazy routes (Vue's runtime) as a second file although the entry
        // loads them anyway (rolldown/rolldown#10731), and two files compress worse than one.
        codeSplitting: {
          groups: [
            { name: 'index', test: firstPaint.entry, priority: 2 },
            { name: 'shell', test: firstPaint.test, priority: 1 },
          ],
        },
        chunkFileNames: (chunk) => {
          const file = addedLanguageFile(chunk.facadeModuleId)
          return file ? `assets/lang-${file.lang}-${file.part}-[hash].js` : 'assets/[name]-[hash].js'
        },
      },
    },
  },
  preview: {
    port: 4173,
    strictPort: true,
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    restoreMocks: true,
  },
})
