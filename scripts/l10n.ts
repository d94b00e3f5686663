/**
 * Translators' tool for the languages added beyond ja / やさしい日本語 / en.
 *
 *   npx tsx scripts/l10n.ts template <lang>   start (or complete) <lang>'s files from the English
 *   npx tsx scripts/l10n.ts check <lang>      what is missing, broken or still English
 *
 * Files: the UI's `src/i18n/locales/<lang>.json` and `src/features/<feature>/locales/<lang>.json`
 * (not staff: staff screens are Japanese), and the content's `src/content/locales/<lang>/<group>.json`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkOverlay, contentGroup, localizedNodes, type Overlay } from '../src/domain/text/overlay.ts'
import { contentFiles, uiLocaleDirs, uiProblems } from './l10n-lib.ts'

const [command, lang] = process.argv.slice(2)
if (!lang || !['template', 'check'].includes(command ?? '')) {
  console.error('usage: tsx scripts/l10n.ts template|check <lang>')
  process.exit(2)
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T
const overlayPath = (group: string): string => join('src/content/locales', lang, `${group}.json`)

const overlays = new Map<string, Overlay>()
for (const { key } of contentFiles()) {
  const group = contentGroup(key)
  if (!overlays.has(group)) overlays.set(group, existsSync(overlayPath(group)) ? readJson<Overlay>(overlayPath(group)) : {})
}

if (command === 'template') {
  for (const { key, data } of contentFiles()) {
    const overlay = overlays.get(contentGroup(key))!
    const entries = (overlay[key] ??= {})
    for (const { pointer, node } of localizedNodes(data)) if (!(pointer in entries)) entries[pointer] = structuredClone(node.en)
  }
  mkdirSync(join('src/content/locales', lang), { recursive: true })
  for (const [group, overlay] of overlays) writeFileSync(overlayPath(group), `${JSON.stringify(overlay, null, 2)}\n`)
  for (const dir of uiLocaleDirs()) {
    const target = join(dir, `${lang}.json`)
    if (!existsSync(target)) writeFileSync(target, readFileSync(join(dir, 'en.json')))
  }
  console.log(`wrote the English as a start: src/content/locales/${lang}/*.json and ${uiLocaleDirs().length} UI files`)
} else {
  let errors = 0
  const same: string[] = []
  for (const { key, data } of contentFiles()) {
    const report = checkOverlay(data, overlays.get(contentGroup(key))?.[key], `${overlayPath(contentGroup(key))} ${key} `)
    errors += report.errors.length
    for (const e of report.errors) console.log(`ERROR ${e}`)
    same.push(...report.sameAsEnglish)
  }
  const keys = new Set(contentFiles().map((f) => f.key))
  for (const [group, overlay] of overlays) for (const key of Object.keys(overlay)) if (!keys.has(key)) console.log(`ERROR ${overlayPath(group)}: no content file ${key}`), errors++
  for (const dir of uiLocaleDirs()) {
    const problems = uiProblems(dir, lang)
    errors += problems.errors.length
    for (const e of problems.errors) console.log(`ERROR ${e}`)
    same.push(...problems.sameAsEnglish)
  }
  for (const s of same) console.log(`SAME AS ENGLISH (check) ${s}`)
  console.log(`${errors} errors, ${same.length} texts the same as in English`)
  process.exit(errors ? 1 : 0)
}
