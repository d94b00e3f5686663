import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

/**
 * `src/domain` is logic any town can run: it must not know which town's content ships. Content
 * reaches it only as arguments (forms, procedures…), passed in by the app from
 * `src/content/registry.ts`. This scans every import, re-export and dynamic import under
 * src/domain and fails on one that resolves into src/content.
 */
const root = resolve(__dirname, '../..')
const domain = join(root, 'src', 'domain')
const content = join(root, 'src', 'content')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : /\.(ts|vue|js|mjs)$/.test(name) ? [path] : []
  })
}

/** Every module specifier: `import … from 'x'`, `import 'x'`, `export … from 'x'`, `import('x')`, `import.meta.glob('x')`. */
function specifiers(source: string): string[] {
  const out: string[] = []
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]/g, /import\.meta\.glob(?:<[^>]*>)?\s*\(\s*\[?\s*['"]([^'"]+)['"]/g]
  for (const p of patterns) for (const m of source.matchAll(p)) out.push(m[1]!)
  return out
}

function reachesContent(file: string, specifier: string): boolean {
  if (specifier.startsWith('@/')) return specifier.startsWith('@/content')
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return false
  const target = specifier.startsWith('/') ? join(root, specifier) : resolve(dirname(file), specifier)
  return target === content || target.startsWith(content + sep)
}

describe('src/domain knows no town content', () => {
  const all = files(domain)

  it('finds the domain code', () => {
    expect(all.length).toBeGreaterThan(20)
  })

  it('the scanner sees every kind of import (so an empty list below means something)', () => {
    const probe = join(domain, 'forms', 'x.ts')
    const found = specifiers(`import a from '../../content/forms'\nimport type { B } from "../../content/types"\nexport * from '../../content/registry'\nimport '../../content/side.css'\nconst c = await import('../../content/lifeData')\nconst d = import.meta.glob<X>('../../content/forms/*.json')`)
    expect(found.filter((s) => reachesContent(probe, s))).toHaveLength(6)
    expect(reachesContent(probe, '../validate')).toBe(false)
    expect(reachesContent(probe, 'vue')).toBe(false)
  })

  it('no file under src/domain imports from src/content', () => {
    const offenders = all.flatMap((file) => specifiers(readFileSync(file, 'utf8')).filter((s) => reachesContent(file, s)).map((s) => `${relative(root, file)} → ${s}`))
    expect(offenders).toEqual([])
  })
})
