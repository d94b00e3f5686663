/**
 * The guide model: one guide in one language, step lookup, where to resume, what to read aloud,
 * search, and the checks a schema cannot make. No Vue here: the volunteer kit and tests use it too.
 */
import { rubyToPlain, rubyToReading } from '../text/ruby.ts'
import { toKatakana, withoutLatinMarks } from '../text/normalize.ts'
import { SOURCE_LANGUAGES } from '../language.ts'
import { type Guide, type GuideFile, type GuideLanguage, type GuideStep } from './types.ts'

/** Word used in URLs for the finish screen; no step may take it. */
export const FINISH = 'done'

export function localizeGuide(file: GuideFile, lang: GuideLanguage): Guide {
  const text = file.text[lang]
  const steps: GuideStep[] = file.steps.map((shape, index) => {
    const words = text.steps[index]!
    const step: GuideStep = { ...shape, index, title: words.title, body: words.body }
    if (words.tip) step.tip = words.tip
    if (words.troubles?.length) step.troubles = words.troubles
    return step
  })
  return {
    id: file.id,
    category: file.category,
    order: file.order,
    minutes: file.minutes,
    title: text.title,
    summary: text.summary,
    needs: text.needs,
    next: text.next,
    steps,
    sources: file.sources.map((s) => ({ name: s.name[lang], url: s.url })),
    reviewed: file.reviewed,
    related: { topics: file.related?.topics ?? [], ...(file.related?.form ? { form: file.related.form } : {}) },
  }
}

/** The guides of one language, by category order then `order`. */
export function guideList(files: GuideFile[], lang: GuideLanguage, categories: readonly string[]): Guide[] {
  return files
    .map((f) => localizeGuide(f, lang))
    .sort((a, b) => categories.indexOf(a.category) - categories.indexOf(b.category) || a.order - b.order || a.id.localeCompare(b.id))
}

/** Index of a step named in a URL, or -1. */
export function stepIndex(guide: Pick<Guide, 'steps'>, stepId: string): number {
  return guide.steps.findIndex((s) => s.id === stepId)
}

export interface SavedProgress {
  step: number
  stepId?: string
  finished: boolean
}

/**
 * Where 「つづきから」 lands. The step is found by id first (content may gain a step before it),
 * else by its old position, kept inside the guide. Finished guides and guides never started
 * have nothing to resume (undefined).
 */
export function resumeIndex(guide: Pick<Guide, 'steps'>, saved: SavedProgress | undefined): number | undefined {
  if (!saved || saved.finished) return undefined
  if (saved.stepId) {
    const byId = stepIndex(guide, saved.stepId)
    if (byId >= 0) return byId
  }
  if (!Number.isInteger(saved.step) || saved.step < 0) return 0
  return Math.min(saved.step, guide.steps.length - 1)
}

/** What the 🔊 button says for a step: in ja-easy the furigana are read instead of the kanji. */
export function speechText(step: Pick<GuideStep, 'index' | 'title' | 'body' | 'tip'>, stepWord: string): string {
  return [stepWord, step.title, step.body, step.tip ?? ''].filter((s) => s !== '').map(rubyToReading).join('\n')
}

/** Lower-case, NFKC, hiragana folded to katakana, so a search matches either script. */
export function searchKey(text: string): string {
  return toKatakana(withoutLatinMarks(text).normalize('NFKC').toLowerCase())
}

function haystack(guide: Guide): string {
  const parts = [guide.title, guide.summary, ...guide.needs, ...guide.steps.flatMap((s) => [s.title, s.body])]
  return parts.map((p) => `${searchKey(rubyToPlain(p))}\n${searchKey(rubyToReading(p))}`).join('\n')
}

/** Guides whose words contain every word of the query (space-separated, any script). */
export function searchGuides(guides: Guide[], query: string): Guide[] {
  const words = searchKey(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return guides
  return guides.filter((g) => {
    const hay = haystack(g)
    return words.every((w) => hay.includes(w))
  })
}

/** The guide online (printed handouts and the presenter's corner QR): `/guides/<id>[/<step>]?lang=`. */
export function guideUrl(origin: string, base: string, id: string, lang: GuideLanguage, stepId?: string): string {
  const path = `${base.replace(/\/$/, '')}/guides/${encodeURIComponent(id)}${stepId ? `/${encodeURIComponent(stepId)}` : ''}`
  return `${origin}${path}?lang=${lang}`
}

/**
 * What the schema cannot check: unique step ids, the same steps in the same order in every
 * language, no step named like the finish screen. Messages name the path, like the schema's.
 */
export function guideLogicProblems(file: GuideFile): string[] {
  const out: string[] = []
  const ids = file.steps.map((s) => s.id)
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) out.push(`field /steps/${i}/id: "${id}" is used twice`)
    if (id === FINISH) out.push(`field /steps/${i}/id: "${FINISH}" is kept for the finish screen`)
  })
  // the languages written in the file; an added language's steps are checked with its translation (text/overlay.ts)
  for (const lang of SOURCE_LANGUAGES) {
    const words = file.text[lang].steps.map((s) => s.id)
    if (words.length !== ids.length) out.push(`field /text/${lang}/steps: has ${words.length} steps, the guide has ${ids.length} (${ids.join(', ')})`)
    words.forEach((id, i) => {
      if (ids[i] !== undefined && id !== ids[i]) out.push(`field /text/${lang}/steps/${i}/id: is "${id}", expected "${ids[i]}" (same steps in the same order in every language)`)
    })
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(file.reviewed) || Number.isNaN(Date.parse(file.reviewed))) out.push(`field /reviewed: "${file.reviewed}" is not a date (YYYY-MM-DD)`)
  return out
}
