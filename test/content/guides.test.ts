import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { assertGuide, ContentError, guideProblems } from '../../src/content/validate'
import schema from '../../src/content/guides/guide.schema.json'
import { SCENES, type GuideFile } from '../../src/domain/guides/types'
import { SOURCE_LANGUAGES } from '../../src/domain/language'
import { TOPICS } from '../../src/domain/schedule/import'
import { parseRuby } from '../../src/domain/text/ruby'
import { guideFileNames, guidePaths } from '../../build/content-check'

const dir = resolve(__dirname, '../../src/content/guides')
const files = guideFileNames(dir).map((name) => ({ name, guide: JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as GuideFile }))
const formIds = readdirSync(resolve(__dirname, '../../src/content/forms'))
  .filter((n) => /\.v\d+\.json$/.test(n))
  .map((n) => n.replace(/\.v\d+\.json$/, ''))

/** Every string under a value, keys like `id` left out. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === 'id' ? [] : strings(v)))
  return []
}

describe('shipped guides', () => {
  it('ship the ten guides the issue names, plus the smartphone basics', () => {
    const ids = files.map((f) => f.guide.id)
    for (const id of ['mynumber-apply-phone', 'mynumber-apply-other', 'mynumber-receive', 'mynumber-pins', 'mynaportal-login', 'smartphone-certificate', 'health-insurance', 'public-account', 'convenience-store-certificate', 'pittari-service', 'basics-typing', 'basics-wifi', 'basics-qr']) {
      expect(ids).toContain(id)
    }
  })

  it.each(files.map((f) => [f.name, f.guide] as const))('%s passes the schema and the logic checks, and is named after its id', (name, guide) => {
    expect(guideProblems(guide)).toEqual([])
    expect(() => assertGuide(guide, `src/content/guides/${name}`)).not.toThrow()
  })

  it.each(files.map((f) => [f.name, f.guide] as const))('%s has the same step ids in the same order in every language', (_name, guide) => {
    const ids = guide.steps.map((s) => s.id)
    for (const lang of SOURCE_LANGUAGES) expect(guide.text[lang].steps.map((s) => s.id)).toEqual(ids)
  })

  it.each(files.map((f) => [f.name, f.guide] as const))('%s: every kanji in やさしい日本語 carries furigana', (_name, guide) => {
    const bare = [...strings(guide.text['ja-easy']), ...guide.sources.map((s) => s.name['ja-easy'])]
      .map((text) => ({ text, kanji: parseRuby(text).filter((s) => !s.ruby).map((s) => s.text).join('').match(/\p{Script=Han}/gu) }))
      .filter((x) => x.kanji)
    expect(bare).toEqual([])
  })

  it.each(files.map((f) => [f.name, f.guide] as const))('%s names official sources (https, go.jp) and a review date', (_name, guide) => {
    expect(guide.sources.length).toBeGreaterThan(0)
    for (const s of guide.sources) expect(new URL(s.url).hostname).toMatch(/\.go\.jp$/)
    expect(guide.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('link only to counter forms and class topics that exist', () => {
    const topics = TOPICS.map((t) => t.id) as string[]
    for (const { guide } of files) {
      if (guide.related?.form) expect(formIds).toContain(guide.related.form)
      for (const t of guide.related?.topics ?? []) expect(topics).toContain(t)
    }
  })

  it('keeps the schema in step with the code (drawings, topics)', () => {
    expect(schema.properties.steps.items.properties.illustration.enum).toEqual([...SCENES])
    expect(schema.properties.related.properties.topics.items.enum).toEqual(TOPICS.map((t) => t.id))
  })

  it('gives every overview, step and finish screen a fixed address for the static build', () => {
    const paths = guidePaths(dir)
    expect(paths).toContain('/guides/mynumber-pins')
    expect(paths).toContain('/guides/mynumber-pins/lock')
    expect(paths).toContain('/guides/mynumber-pins/done')
    expect(new Set(paths).size).toBe(paths.length)
  })
})

describe('a broken guide', () => {
  const read = (name: string) => JSON.parse(readFileSync(resolve(__dirname, '../fixtures/guides', name), 'utf8')) as unknown

  it('is rejected by the schema, naming the field', () => {
    const problems = guideProblems(read('broken-category.json'))
    expect(problems.some((p) => p.startsWith('field /category:'))).toBe(true)
  })

  it('with steps that differ between languages is rejected, saying which and where', () => {
    const problems = guideProblems(read('broken-steps.json'))
    expect(problems).toContain('field /steps/2/id: "done" is kept for the finish screen')
    expect(problems).toContain('field /text/ja-easy/steps: has 3 steps, the guide has 4 (camera, point, done, check)')
    expect(problems).toContain('field /text/en/steps/1/id: is "aim", expected "point" (same steps in the same order in every language)')
    expect(problems).toContain('field /text/en/steps/2/id: is "tap", expected "done" (same steps in the same order in every language)')
  })

  it('stops with an error naming the file', () => {
    expect(() => assertGuide(read('broken-steps.json'), 'src/content/guides/basics-qr.json')).toThrow(ContentError)
    expect(() => assertGuide(read('broken-steps.json'), 'src/content/guides/basics-qr.json')).toThrow(/src\/content\/guides\/basics-qr\.json is not valid/)
    const good = JSON.parse(readFileSync(resolve(dir, 'basics-qr.json'), 'utf8')) as unknown
    expect(() => assertGuide(good, 'src/content/guides/other-name.json')).toThrow(/should be named basics-qr\.json/)
  })
})
