import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { baseCompile } from '@intlify/message-compiler'
import { flattenMessages } from '../../scripts/l10n-lib'
import { LANGUAGES, SOURCE_LANGUAGES, isJapanese, type Language } from '../../src/domain/language'

type Tree = { [key: string]: string | Tree }

/** Every folder of locale files: the shell's and one per feature. */
const localeDirs = [
  'src/i18n/locales',
  ...readdirSync('src/features')
    .map((f) => join('src/features', f, 'locales'))
    .filter((d) => existsSync(d)),
]

const read = (dir: string, lang: string): Tree => JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) as Tree

const flatten = flattenMessages

/** The named values a message uses (once each: the plural forms of an en message repeat them). */
const placeholders = (message: string): string[] => [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort()

/** Staff screens are Japanese whatever the resident chose: their messages need only the source languages. */
const languagesOf = (dir: string): readonly Language[] => (dir.includes('/staff/') ? SOURCE_LANGUAGES : LANGUAGES)

describe.each(localeDirs)('%s', (dir) => {
  const ja = flatten(read(dir, 'ja'))

  it('has a file for every shipped language', () => {
    for (const lang of languagesOf(dir)) expect(existsSync(join(dir, `${lang}.json`)), `${dir}/${lang}.json`).toBe(true)
  })

  it.each(languagesOf(dir).filter((l) => l !== 'ja'))('%s has exactly the keys of ja, with the same placeholders', (lang) => {
    const other = flatten(read(dir, lang))
    expect([...other.keys()].filter((k) => !ja.has(k)), 'extra keys').toEqual([])
    expect([...ja.keys()].filter((k) => !other.has(k)), 'missing keys').toEqual([])
    for (const [key, message] of ja) expect(placeholders(other.get(key)!), `${lang} ${key}`).toEqual(placeholders(message))
  })

  it.each(languagesOf(dir))('every %s message compiles (no stray { } | @, furigana written full-width)', (lang) => {
    for (const [key, message] of flatten(read(dir, lang))) {
      expect(message.trim(), `${lang} ${key} is empty`).not.toBe('')
      // vue-i18n splits a message at "|" into plural forms ("{count} guide | {count} guides"). Japanese
      // has none, so in ja and ja-easy a "|" is a furigana bar written half-width by mistake.
      if (isJapanese(lang)) expect(message.includes('|'), `${lang} ${key} has a "|" (plural separator): write ｜`).toBe(false)
      else for (const form of message.split('|')) expect(form.trim(), `${lang} ${key} has an empty plural form`).not.toBe('')
      expect(() => baseCompile(message, { onError: (e) => { throw e } }), `${lang} ${key}: ${message}`).not.toThrow()
    }
  })
})

describe('keys used in code', () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((n) => {
      const p = join(dir, n)
      return statSync(p).isDirectory() ? files(p) : /\.(vue|ts)$/.test(p) ? [p] : []
    })
  }
  const all = new Map<string, string>()
  for (const dir of localeDirs) {
    const feature = dir.startsWith('src/features/') ? dir.split('/')[2] : ''
    for (const [k, v] of flatten(read(dir, 'ja'))) all.set(feature ? `${feature}.${k}` : k, v)
  }

  it('every literal key in t()/tt()/titleKey exists in ja', () => {
    const pattern = /(?:\btt?\('|titleKey: '|-key=")([a-zA-Z]+(?:\.[a-zA-Z-]+)+)/g
    const used = files('src').flatMap((f) => [...readFileSync(f, 'utf8').matchAll(pattern)].map((m) => ({ f, key: m[1]! })))
    expect(used.length).toBeGreaterThan(20)
    expect(used.filter(({ key }) => !all.has(key))).toEqual([])
  })
})
