/** Pure helpers of the bench (tested in test/scripts/bench.test.ts). */

export interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
  css?: string[]
}
export type Manifest = Record<string, ManifestChunk>

/**
 * Files the first paint needs: what index.html loads (module scripts, stylesheets, and the app
 * the entry starts, listed in its `yorisoi-start` <meta> or preloaded), plus the
 * static imports of those scripts, transitively, and their CSS, as the build manifest lists them.
 */
export function firstPaintFiles(html: string, manifest: Manifest): string[] {
  const files = new Set<string>()
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]))
  const seen = new Set<string>()
  const walk = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    if (!chunk) throw new Error(`manifest has no chunk ${key}`)
    files.add(chunk.file)
    chunk.css?.forEach((c) => files.add(c))
    chunk.imports?.forEach(walk)
  }
  const loaded = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<meta name="yorisoi-start" content="([^"]*)"/g)].flatMap((m) => m[1]!.split(' ').filter(Boolean)),
  ].map((url) => url.replace(/^.*?\/(assets\/)/, '$1'))
  if (loaded.length === 0) throw new Error('index.html loads no script or stylesheet')
  for (const file of loaded) {
    files.add(file)
    const key = byFile.get(file)
    if (key) walk(key)
  }
  return [...files]
}

/** URLs listed in workbox's precache manifest inside dist/sw.js. */
export function precacheUrls(sw: string): string[] {
  return [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"[^"]*"|null)\}/g)].map((m) => m[1]!)
}

