import type { Plugin } from 'vite'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { LANGUAGES } from '../src/domain/language.ts'

/**
 * One module per language but Japanese (which the first paint carries): `virtual:yorisoi/language/<lang>`
 * holds what any page's first paint needs in that language — the shell's messages and the town's
 * name, counters and hours — and `virtual:yorisoi/language-files/<lang>` the loaders of its
 * feature messages and content translations, fetched when a page needs one.
 * `virtual:yorisoi/languages` maps each language to its module. So the first paint holds one
 * small loader per language, whatever their number, and a resident who chooses a language
 * downloads that language's files only (vite.config.ts names them lang-<lang>-…).
 */
export const LANGUAGE_MODULE = 'virtual:yorisoi/language/'
export const LANGUAGE_FILES = 'virtual:yorisoi/language-files/'
const INDEX = 'virtual:yorisoi/languages'

export function languageModules(root: string): Plugin {
  const others = LANGUAGES.filter((l) => l !== 'ja')
  const languageOf = (id: string, prefix: string): string => {
    const lang = id.slice(prefix.length + 1)
    if (!others.includes(lang as (typeof others)[number])) throw new Error(`${id}: not a shipped language`)
    return lang
  }
  return {
    name: 'yorisoi:language-modules',
    resolveId(id) {
      if (id === INDEX || id.startsWith(LANGUAGE_MODULE) || id.startsWith(LANGUAGE_FILES)) return `\0${id}`
      return undefined
    },
    load(id) {
      if (id === `\0${INDEX}`) return `export default {\n${others.map((l) => `  ${JSON.stringify(l)}: () => import(${JSON.stringify(LANGUAGE_MODULE + l)}),`).join('\n')}\n}\n`
      if (id.startsWith(`\0${LANGUAGE_FILES}`)) {
        const lang = languageOf(id, LANGUAGE_FILES)
        return [`export const features = import.meta.glob('/src/features/*/locales/${lang}.json')`, `export const content = import.meta.glob(['/src/content/locales/${lang}/*.json', '!**/municipality.json'])`].join('\n')
      }
      if (!id.startsWith(`\0${LANGUAGE_MODULE}`)) return undefined
      const lang = languageOf(id, LANGUAGE_MODULE)
      const town = `/src/content/locales/${lang}/municipality.json`
      return [
        `export { default as shell } from '/src/i18n/locales/${lang}.json'`,
        existsSync(resolve(root, `.${town}`)) ? `export { default as municipality } from '${town}'` : 'export const municipality = undefined',
        `export const files = () => import(${JSON.stringify(LANGUAGE_FILES + lang)})`,
      ].join('\n')
    },
  }
}
