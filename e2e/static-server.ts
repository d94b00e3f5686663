/**
 * A plain static file server, as a town's web server would be with no rewrite rules: a path
 * maps to a file, a folder to its index.html (after a redirect to the slash form, as Apache and
 * nginx do), anything else is a 404 with the site's 404.html. Used by the e2e tests instead of `vite preview`, which
 * would hide a missing route page behind its SPA fallback.
 */
import { createServer, type Server } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'
import type { AddressInfo } from 'node:net'

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

export interface StaticServer {
  url: string
  server: Server
  close(): Promise<void>
}

export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const base = resolve(root)
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = normalize(decodeURIComponent(url.pathname))
    const file = join(base, path)
    if (!file.startsWith(base)) {
      res.writeHead(403).end()
      return
    }
    try {
      let target = file
      const info = await stat(target)
      if (info.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end()
          return
        }
        target = join(target, 'index.html')
      }
      const body = await readFile(target)
      res.writeHead(200, {
        'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      })
      res.end(body)
    } catch {
      // like GitHub Pages, Netlify, S3 websites, or Apache/nginx with ErrorDocument/error_page:
      // the site's own 404.html, with status 404
      const page = await readFile(join(base, '404.html')).catch(() => undefined)
      if (page) res.writeHead(404, { 'Content-Type': TYPES['.html']! }).end(page)
      else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not Found')
    }
  })
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done))
  const { port: actual } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${actual}`,
    server,
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}

// `tsx e2e/static-server.ts dist 4174` serves a folder from the command line (Playwright's webServer).
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const [root = 'dist', port = '4174'] = process.argv.slice(2)
  const s = await startStaticServer(root, Number(port))
  console.log(`serving ${root} on ${s.url}`)
}
