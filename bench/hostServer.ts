/**
 * A static server that behaves like a real host for Lighthouse: gzip for text, a long cache for
 * Vite's hashed `/assets/`, `no-cache` for the rest, the site's 404.html for unknown paths.
 * (A server without compression or caching makes Lighthouse report problems a real host would
 * not have — see STACK-NOTES.) Files are read once and kept compressed in memory.
 */
import { createServer } from 'node:http'
import { readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve } from 'node:path'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { TYPES } from '../e2e/static-server.ts'

const COMPRESS = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.csv', '.txt', '.wasm'])

export async function startHostServer(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const base = resolve(root)
  const cache = new Map<string, { raw: Buffer; gz?: Buffer } | null>()
  const read = (file: string) => {
    if (!cache.has(file)) {
      try {
        const raw = readFileSync(file)
        cache.set(file, { raw, gz: COMPRESS.has(extname(file)) ? gzipSync(raw, { level: 6 }) : undefined })
      } catch {
        cache.set(file, null)
      }
    }
    return cache.get(file)!
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    let file = join(base, normalize(decodeURIComponent(url.pathname)))
    if (!file.startsWith(base)) return void res.writeHead(403).end()
    let status = 200
    try {
      if (statSync(file).isDirectory()) {
        if (!url.pathname.endsWith('/')) return void res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end()
        file = join(file, 'index.html')
      }
    } catch {
      /* not found: below */
    }
    let body = read(file)
    if (!body) {
      status = 404
      file = join(base, '404.html')
      body = read(file)
      if (!body) return void res.writeHead(404).end('Not Found')
    }
    const gzip = body.gz && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    res.writeHead(status, {
      'Content-Type': (extname(file) === '.ico' ? 'image/x-icon' : TYPES[extname(file)]) ?? 'application/octet-stream',
      'Cache-Control': url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    })
    res.end(gzip ? body.gz : body.raw)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}
