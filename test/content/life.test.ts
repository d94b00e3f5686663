import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { assertItems, assertLifeEvent, assertLifeReferences, assertProcedure, ContentError, itemsProblems, lifeEventProblems, lifeReferenceProblems, procedureProblems, type LifeContent } from '../../src/content/validate'
import { checkLife, dataFileNames, guideFileNames } from '../../build/content-check'
import municipality from '../../src/content/municipality.json'
import { OFFICE_KINDS, UNKNOWN, type LifeEvent, type LifeItem, type Procedure } from '../../src/domain/life/types'
import { parseRuby } from '../../src/domain/text/ruby'
import procedureSchema from '../../src/content/procedures/procedure.schema.json'
import { loadLifeContent } from '../../src/content/registry'

const content = resolve(__dirname, '../../src/content')
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown
const events = dataFileNames(join(content, 'life-events')).map((name) => ({ name, file: `src/content/life-events/${name}`, data: read(join(content, 'life-events', name)) as LifeEvent }))
const procedures = dataFileNames(join(content, 'procedures')).map((name) => ({ name, file: `src/content/procedures/${name}`, data: read(join(content, 'procedures', name)) as Procedure }))
const items = (read(join(content, 'items.json')) as { items: LifeItem[] }).items
const forms = readdirSync(join(content, 'forms'))
  .filter((n) => /\.v\d+\.json$/.test(n))
  .map((n) => read(join(content, 'forms', n)) as LifeContent['forms'][number])
const guides = guideFileNames(join(content, 'guides')).map((n) => (read(join(content, 'guides', n)) as { id: string }).id)
const shipped = (): LifeContent => ({
  events: events.map(({ file, data }) => ({ file, data })),
  procedures: procedures.map(({ file, data }) => ({ file, data })),
  items,
  counters: municipality.counters.map((c) => c.id),
  forms,
  guides,
})

/** Every ja-easy string anywhere under a value. */
function easyStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(easyStrings)
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => (k === 'ja-easy' ? (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []) : easyStrings(v)))
  return []
}
/** Every English string anywhere under a value. */
function enStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(enStrings)
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === 'en' ? [v].flat().filter((x): x is string => typeof x === 'string') : enStrings(v)))
  return []
}
const bareKanji = (texts: string[]) =>
  texts.map((text) => ({ text, kanji: parseRuby(text).filter((s) => !s.ruby).map((s) => s.text).join('').match(/\p{Script=Han}/gu) })).filter((x) => x.kanji)

describe('shipped life events', () => {
  it('ship the six events the issue names', () => {
    expect(events.map((e) => e.data.id).sort()).toEqual(['birth', 'death', 'marriage', 'moving-in', 'moving-out', 'moving-within'])
  })

  it.each(events.map((e) => [e.name, e] as const))('%s passes the schema and the logic checks, and is named after its id', (_name, e) => {
    expect(lifeEventProblems(e.data)).toEqual([])
    expect(() => assertLifeEvent(e.data, e.file)).not.toThrow()
  })

  it.each(events.map((e) => [e.name, e.data] as const))('%s: every question offers わからない and asks only after the question it depends on', (_name, event) => {
    for (const q of event.questions) {
      const unknown = q.options.find((o) => o.value === UNKNOWN)
      expect(unknown?.label.ja, `${event.id}/${q.id}`).toBe('わからない')
    }
  })

  it.each(events.map((e) => [e.name, e.data] as const))('%s has search words in every language and an event date', (_name, event) => {
    for (const lang of ['ja', 'ja-easy', 'en'] as const) expect(event.keywords[lang].length).toBeGreaterThan(0)
    expect(event.eventDate.label.ja.length).toBeGreaterThan(0)
  })

  it('find everyday words (ひっこし, 引っ越し, moving, おくやみ, 死亡)', () => {
    const has = (id: string, word: string) => Object.values(events.find((e) => e.data.id === id)!.data.keywords).flat().includes(word)
    expect(has('moving-in', 'ひっこし') && has('moving-in', '引っ越し') && has('moving-in', 'moving')).toBe(true)
    expect(has('death', 'おくやみ') && has('death', '死亡')).toBe(true)
  })
})

describe('shipped procedures', () => {
  it('ship at least 30 procedures, each picked by some event', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(30)
    const picked = new Set(events.flatMap((e) => e.data.rules.map((r) => r.procedure)))
    expect(procedures.map((p) => p.data.id).filter((id) => !picked.has(id))).toEqual([])
  })

  it.each(procedures.map((p) => [p.name, p] as const))('%s passes the schema and the logic checks, and is named after its id', (_name, p) => {
    expect(procedureProblems(p.data)).toEqual([])
    expect(() => assertProcedure(p.data, p.file)).not.toThrow()
  })

  it.each(procedures.map((p) => [p.name, p.data] as const))('%s has a deadline, a place, things to bring, official https sources and a review date', (_name, p) => {
    expect(p.deadline.rule.ja.length).toBeGreaterThan(0)
    if ('counter' in p.where) expect(municipality.counters.map((c) => c.id)).toContain(p.where.counter)
    else expect(OFFICE_KINDS).toContain(p.where.office)
    expect(Array.isArray(p.bring)).toBe(true)
    expect(p.sources.length).toBeGreaterThan(0)
    for (const s of [...p.sources, ...(p.online ?? [])]) {
      const url = new URL(s.url)
      expect(url.protocol).toBe('https:')
      expect(url.hostname).toMatch(/\.go\.jp$/)
    }
    expect(p.reviewed).toBe('2026-11-28')
  })

  it('state the deadlines the law sets, in numbers the engine counts', () => {
    const d = (id: string) => procedures.find((p) => p.data.id === id)!.data.deadline
    expect(d('tennyu-todoke')).toMatchObject({ kind: 'days', count: 14 })
    expect(d('tenkyo-todoke')).toMatchObject({ kind: 'days', count: 14 })
    expect(d('jido-teate')).toMatchObject({ kind: 'days', count: 15 })
    expect(d('shibo-todoke')).toMatchObject({ kind: 'days', count: 7, firstDayCounts: true })
    expect(d('shussei-todoke')).toMatchObject({ kind: 'days', count: 14, firstDayCounts: true })
    expect(d('sozoku-hoki')).toMatchObject({ kind: 'months', count: 3 })
    expect(d('jun-kakutei-shinkoku')).toMatchObject({ kind: 'months', count: 4 })
    expect(d('sozoku-toki')).toMatchObject({ kind: 'years', count: 3 })
    expect(d('kokuho-join')).toMatchObject({ kind: 'days', count: 14 })
    expect(d('kokuho-death')).toMatchObject({ kind: 'days', count: 14 })
    expect(d('setainushi-henko')).toMatchObject({ kind: 'days', count: 14 })
    expect(d('residence-card-address')).toMatchObject({ kind: 'days', count: 14 })
  })

  it('keep the schema in step with the code (outside offices)', () => {
    expect(procedureSchema.properties.where.oneOf[1]!.properties!.office!.enum).toEqual([...OFFICE_KINDS])
  })
})

describe('the registry', () => {
  it('loads every shipped event (in order), procedure and item, and no schema', async () => {
    const loaded = await loadLifeContent()
    expect(loaded.events.map((e) => e.id)).toEqual(['moving-in', 'moving-out', 'moving-within', 'birth', 'death', 'marriage'])
    expect(loaded.procedures.map((p) => p.id).sort()).toEqual(procedures.map((p) => p.data.id).sort())
    expect(loaded.items.map((i) => i.id)).toEqual(items.map((i) => i.id))
  })
})

describe('life content references', () => {
  it('every rule names a procedure, every procedure a counter, items, forms with real fields and values, and guides that ship', () => {
    expect(Object.fromEntries(lifeReferenceProblems(shipped()))).toEqual({})
    expect(() => assertLifeReferences(shipped())).not.toThrow()
  })

  it('the shared items list has unique ids', () => {
    expect(itemsProblems(read(join(content, 'items.json')))).toEqual([])
  })

  it('every kanji in やさしい日本語 carries furigana (events, procedures, items, the new counters)', () => {
    const texts = [...events.flatMap((e) => easyStrings(e.data)), ...procedures.flatMap((p) => easyStrings(p.data)), ...easyStrings(items), ...easyStrings(municipality.counters)]
    expect(texts.length).toBeGreaterThan(300)
    expect(bareKanji(texts)).toEqual([])
    // The check itself finds a kanji left without its reading.
    expect(bareKanji(['{引|ひ}っ越しの {届|とど}け'])).toHaveLength(1)
  })

  it('English text has no Japanese left in it', () => {
    const texts = [...events.flatMap((e) => enStrings(e.data)), ...procedures.flatMap((p) => enStrings(p.data)), ...enStrings(items)]
    expect(texts.filter((t) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(t))).toEqual([])
  })
})

describe('broken life content', () => {
  const fixture = (name: string) => read(resolve(__dirname, '../fixtures/life', name))

  it('a life event with a question without わからない and a rule on an unknown question is rejected, naming the fields', () => {
    const problems = lifeEventProblems(fixture('broken-event.json'))
    expect(problems).toContain('field /questions/0/options: needs the option "unknown" (わからない)')
    expect(problems).toContain('field /questions/1/askIf/question: "pets" is not a question before this point')
    expect(problems).toContain('field /rules/1/when/anyOf/0: "maybe" is not an option of "dog"')
    expect(() => assertLifeEvent(fixture('broken-event.json'), 'src/content/life-events/broken-event.json')).toThrow(/src\/content\/life-events\/broken-event\.json is not valid:[\s\S]*field \/questions\/0\/options/)
  })

  it('a procedure missing its deadline and with a non-official source is rejected by the schema, naming the fields', () => {
    const problems = procedureProblems(fixture('broken-procedure.json'))
    expect(problems.some((p) => p.startsWith('field /deadline:'))).toBe(true)
    expect(problems.some((p) => p.startsWith('field /sources/0/url:'))).toBe(true)
    expect(() => assertProcedure(fixture('broken-procedure.json'), 'src/content/procedures/broken-procedure.json')).toThrow(ContentError)
  })

  it('a procedure naming a counter, item, form field and option that do not exist is rejected, naming file and field', () => {
    const broken = structuredClone(procedures.find((p) => p.data.id === 'tennyu-todoke')!.data) as Procedure & { where: { counter: string } }
    broken.where = { counter: 'nowhere' }
    broken.bring = [...broken.bring, 'hanko-x']
    broken.form = { id: 'jumin-ido', prefill: { kind: { value: 'moving' }, moveDay: { from: 'eventDate' }, newAddress: { from: 'eventDate' } } }
    const data = shipped()
    data.procedures = data.procedures.map((p) => (p.data.id === 'tennyu-todoke' ? { ...p, data: broken } : p))
    const problems = lifeReferenceProblems(data).get('src/content/procedures/tennyu-todoke.json')
    expect(problems).toEqual([
      'field /where/counter: "nowhere" is not a counter in municipality.json',
      'field /bring/5: "hanko-x" is not an item in src/content/items.json',
      'field /form/prefill/kind/value: "moving" is not a valid value of "kind"',
      'field /form/prefill/moveDay: "moveDay" is not a field of form jumin-ido v1',
      'field /form/prefill/newAddress/from: the event date can only fill a date field, "newAddress" is address',
    ])
    expect(() => assertLifeReferences(data)).toThrow(/src\/content\/procedures\/tennyu-todoke\.json is not valid:\n\s+- field \/where\/counter/)
  })

  it('a rule naming a procedure that does not ship, and a prefill from a question the event lacks, are rejected', () => {
    const data = shipped()
    data.events = data.events.map((e) => (e.data.id === 'birth' ? { ...e, data: { ...e.data, rules: [...e.data.rules, { procedure: 'baby-gift' }] } } : e))
    data.procedures = data.procedures.map((p) =>
      p.data.id === 'shussei-todoke' ? { ...p, data: { ...p.data, form: { id: 'koseki-shomei', prefill: { relation: { from: 'answer' as const, question: 'relation', map: { spouse: 'spouse' } } } } } } : p,
    )
    const problems = lifeReferenceProblems(data)
    expect(problems.get('src/content/life-events/birth.json')).toEqual(['field /rules/6/procedure: "baby-gift" is not a procedure in src/content/procedures'])
    expect(problems.get('src/content/procedures/shussei-todoke.json')).toEqual(['field /form/prefill/relation/question: "relation" is not a question of life event birth, which picks this procedure'])
  })

  it('stops the build through the same checks, naming file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-life-'))
    for (const sub of ['life-events', 'procedures']) {
      mkdirSync(join(dir, sub))
      for (const name of dataFileNames(join(content, sub))) copyFileSync(join(content, sub, name), join(dir, sub, name))
    }
    copyFileSync(join(content, 'items.json'), join(dir, 'items.json'))
    const files = { items: join(dir, 'items.json'), eventsDir: join(dir, 'life-events'), proceduresDir: join(dir, 'procedures'), formsDir: join(content, 'forms'), guidesDir: join(content, 'guides'), purposes: join(content, 'form-purposes.json') }
    expect(() => checkLife(files, municipality)).not.toThrow()

    const proc = read(join(dir, 'procedures', 'sozoku-hoki.json')) as Record<string, unknown>
    delete proc.deadline
    writeFileSync(join(dir, 'procedures', 'sozoku-hoki.json'), JSON.stringify(proc))
    expect(() => checkLife(files, municipality)).toThrow(/src\/content\/procedures\/sozoku-hoki\.json is not valid:\n\s+- field \/deadline: must have required property 'deadline'/)

    writeFileSync(join(dir, 'procedures', 'sozoku-hoki.json'), '{ "id": ')
    expect(() => checkLife(files, municipality)).toThrow(/src\/content\/procedures\/sozoku-hoki\.json is not valid JSON/)

    copyFileSync(join(content, 'procedures', 'sozoku-hoki.json'), join(dir, 'procedures', 'sozoku-hoki.json'))
    const event = read(join(dir, 'life-events', 'death.json')) as LifeEvent
    event.rules.push({ procedure: 'funeral-flowers' })
    writeFileSync(join(dir, 'life-events', 'death.json'), JSON.stringify(event))
    expect(() => checkLife(files, municipality)).toThrow(/src\/content\/life-events\/death\.json is not valid:\n\s+- field \/rules\/\d+\/procedure: "funeral-flowers" is not a procedure/)
  })

  it('a broken items list is rejected, naming the field', () => {
    expect(itemsProblems({ items: [{ id: 'seal', label: { ja: '印鑑', en: 'Seal' } }] })).toContain("field /items/0/label/ja-easy: must have required property 'ja-easy'")
    expect(itemsProblems({ items: [items[0], items[0]] })).toContain(`field /items/1/id: "${items[0]!.id}" is used twice`)
    expect(() => assertItems({ items: [] })).toThrow(/src\/content\/items\.json is not valid/)
  })
})
