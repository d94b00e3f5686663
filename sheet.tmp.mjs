import { chromium } from '@playwright/test'
import { readdirSync, writeFileSync } from 'node:fs'
const [pattern, out, cols = '4', width = '300', height = '0', offset = '0'] = process.argv.slice(2)
const files = readdirSync('screenshots').filter((f) => new RegExp(pattern).test(f)).sort()
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--allow-file-access-from-files'] })
const p = await b.newPage({ viewport: { width: Number(cols) * (Number(width) + 10), height: 800 } })
const html = `<body style="margin:0;display:flex;flex-wrap:wrap;gap:4px;font:11px sans-serif">${files.map((f) => `<figure style="margin:0;width:${width}px"><div style="width:${width}px;${Number(height) ? `height:${height}px;overflow:hidden;` : ''}border:1px solid #888"><img src="file://${process.cwd()}/screenshots/${f}" style="width:${width}px;margin-top:-${offset}px;display:block"></div><figcaption>${f}</figcaption></figure>`).join('')}</body>`
writeFileSync('/tmp/sheet.html', html)
await p.goto('file:///tmp/sheet.html')
await p.waitForTimeout(500)
await p.screenshot({ path: out, fullPage: true })
await b.close()
console.log(files.length)
