/**
 * Where translations live on disk, and the checks of the UI's message files: shared by the
 * translators' tool (scripts/l10n.ts), the build's content check and the unit tests.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { baseCompile } from '@intlify/message-compiler'
import { contentFileKey } from '../src/domain/text/overlay.ts'

export interface ContentFile {
  key: string
  path: string
  data: unknown
}

/** Every content file that carries text: all JSON under src/content but schemas and the translations themselves. */
export function contentFiles(root = 'src/content'): ContentFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) return name === 'locales' ? [] : walk(path)
        return name.endsWith('.json') && !name.endsWith('.schema.json') ? [path] : []
      })
  return walk(root).map((path) => ({ key: contentFileKey(relative(root, path)), path, data: JSON.parse(readFileSync(path, 'utf8')) as unknown }))
}

/** Folders of UI messages a resident sees: the shell's and each feature's but staff's (staff screens are Japanese). */
export function uiLocaleDirs(): string[] {
  return ['src/i18n/locales', ...readdirSync('src/features').filter((f) => f !== 'staff').map((f) => join('src/features', f, 'locales'))].filter((d) => existsSync(d))
}

type Tree = { [key: string]: string | Tree }

export function flattenMessages(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flattenMessages(value, path)) out.set(k, v)
  }
  return out
}

const placeholders = (message: string): string[] => [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort()
const pluralForms = (message: string): number => message.split('|').length

/** Problems of `dir/<lang>.json` against the English (keys, placeholders, plural forms, syntax). */
export function uiProblems(dir: string, lang: string): { errors: string[]; sameAsEnglish: string[] } {
  const file = join(dir, `${lang}.json`)
  if (!existsSync(file)) return { errors: [`${file}: missing`], sameAsEnglish: [] }
  const read = (l: string) => flattenMessages(JSON.parse(readFileSync(join(dir, `${l}.json`), 'utf8')) as Tree)
  const en = read('en')
  const other = read(lang)
  const errors: string[] = []
  const sameAsEnglish: string[] = []
  for (const key of other.keys()) if (!en.has(key)) errors.push(`${file} ${key}: not in en.json`)
  for (const [key, source] of en) {
    const message = other.get(key)
    if (message === undefined) {
      errors.push(`${file} ${key}: missing`)
      continue
    }
    if (message.trim() === '') errors.push(`${file} ${key}: empty`)
    if (placeholders(message).join() !== placeholders(source).join()) errors.push(`${file} ${key}: keep the placeholders ${placeholders(source).map((p) => `{${p}}`).join(' ') || '(none)'}`)
    if (pluralForms(message) !== pluralForms(source)) errors.push(`${file} ${key}: needs ${pluralForms(source)} forms separated by " | " as in English (repeat the text if your language has no plural)`)
    try {
      baseCompile(message, { onError: (e) => { throw e } })
    } catch (e) {
      errors.push(`${file} ${key}: does not compile (${(e as Error).message}); write @ { } | as {'@'} {'{'} {'}'} {'|'}`)
    }
    if (message === source && /[a-z]{4}/i.test(source) && source.includes(' ')) sameAsEnglish.push(`${file} ${key}: ${source}`)
  }
  return { errors, sameAsEnglish }
}
