/**
 * Translations of the town's content into the languages added beyond ja / やさしい日本語 / en.
 *
 * A content file writes its text inline in the three source languages: every object with both a
 * `ja` and an `en` key is one piece of text (`{ "ja": "…", "ja-easy": "…", "en": "…" }`; the value
 * may be a string, a list of words, or a guide's whole text). An added language lives in its own
 * file, `src/content/locales/<lang>/<group>.json`, which maps each content file (by its path under
 * src/content, without `.json`) to its texts by JSON pointer:
 *
 *     { "guides/basics-qr": { "/text": { "title": "…", … }, "/sources/0/name": "…" } }
 *
 * so a resident downloads only their own language, and a translator works in one file per part of
 * the app. Pure functions: no Vue, no file access.
 */

export type OverlayEntries = Record<string, unknown>
/** One language's translations of one group of content files, by file key then pointer. */
export type Overlay = Record<string, OverlayEntries>

export interface LocalizedNode {
  pointer: string
  node: Record<string, unknown>
}

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1')

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Every piece of text in a content file: each object holding both `ja` and `en`, with its JSON pointer. */
export function localizedNodes(data: unknown, pointer = ''): LocalizedNode[] {
  if (Array.isArray(data)) return data.flatMap((item, i) => localizedNodes(item, `${pointer}/${i}`))
  if (!isRecord(data)) return []
  if ('ja' in data && 'en' in data) return [{ pointer, node: data }]
  return Object.entries(data).flatMap(([key, value]) => (key === '$schema' ? [] : localizedNodes(value, `${pointer}/${escapePointer(key)}`)))
}

/** Writes `lang`'s texts into the content (in place). Pointers the file does not have are ignored; the checks below report them. */
export function applyOverlay(data: unknown, entries: OverlayEntries | undefined, lang: string): void {
  if (!entries) return
  for (const { pointer, node } of localizedNodes(data)) if (pointer in entries) node[lang] = entries[pointer]
}

/** The path of a content file as an overlay names it: `guides/basics-qr`, `forms/jumin-hyo.v1`, `items`. */
export function contentFileKey(pathUnderContent: string): string {
  return pathUnderContent.replace(/^\.?\//, '').replace(/\.json$/, '')
}

/** The overlay file a content file's translations live in: the first part of its key (`guides`, `life-events`, `items`). */
export function contentGroup(fileKey: string): string {
  return fileKey.split('/')[0]!
}

/** `{n}`-style values and furigana markup a text carries: a translation must keep the same ones. */
const braces = (text: string): string[] => [...text.matchAll(/\{[^{}]*\}/g)].map((m) => m[0]).sort()

export interface OverlayReport {
  /** The translation cannot ship: missing, extra, wrong shape, lost `{…}`. */
  errors: string[]
  /** Worth a look: the same as the English (fine for "PIN" or "LINE", not for a sentence). */
  sameAsEnglish: string[]
}

/** Checks one content file's translations against its English text (`label` starts each message). */
export function checkOverlay(data: unknown, entries: OverlayEntries | undefined, label = ''): OverlayReport {
  const report: OverlayReport = { errors: [], sameAsEnglish: [] }
  const nodes = localizedNodes(data)
  const given = entries ?? {}
  const known = new Set(nodes.map((n) => n.pointer))
  for (const pointer of Object.keys(given)) if (!known.has(pointer)) report.errors.push(`${label}${pointer}: no such text in the file`)
  for (const { pointer, node } of nodes) {
    if (!(pointer in given)) {
      report.errors.push(`${label}${pointer}: missing`)
      continue
    }
    compare(node.en, given[pointer], `${label}${pointer}`, report)
  }
  return report
}

function compare(en: unknown, value: unknown, where: string, report: OverlayReport): void {
  if (typeof en === 'string') {
    if (typeof value !== 'string' || value.trim() === '') return void report.errors.push(`${where}: needs text`)
    if (braces(value).join() !== braces(en).join()) report.errors.push(`${where}: keep ${braces(en).join(' ') || 'no { }'} as in English`)
    if (value === en && /[a-z]{4}/i.test(en) && en.includes(' ')) report.sameAsEnglish.push(`${where}: ${en}`)
    return
  }
  if (Array.isArray(en)) {
    if (!Array.isArray(value)) return void report.errors.push(`${where}: needs a list`)
    // A list of words (search keywords, things to bring) may be longer or shorter in another language;
    // a list of steps or sections keeps its length and ids.
    if (en.every((e) => typeof e === 'string')) {
      if (value.length === 0 || value.some((v) => typeof v !== 'string' || v.trim() === '')) report.errors.push(`${where}: needs a list of words`)
      return
    }
    if (value.length !== en.length) return void report.errors.push(`${where}: needs ${en.length} entries`)
    en.forEach((e, i) => compare(e, value[i], `${where}/${i}`, report))
    return
  }
  if (isRecord(en)) {
    if (!isRecord(value)) return void report.errors.push(`${where}: needs an object`)
    for (const key of Object.keys(value)) if (!(key in en)) report.errors.push(`${where}/${key}: not in English`)
    for (const [key, e] of Object.entries(en)) {
      if (key === 'id') {
        if (value[key] !== e) report.errors.push(`${where}/id: keep "${String(e)}"`)
      } else compare(e, value[key], `${where}/${key}`, report)
    }
    return
  }
  if (value !== en) report.errors.push(`${where}: keep ${JSON.stringify(en)}`)
}
