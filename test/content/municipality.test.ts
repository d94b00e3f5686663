import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sample from '../../src/content/municipality.json'
import { ContentError, assertMunicipality, municipalityProblems } from '../../src/content/validate'
import { contentCheck } from '../../build/content-check'

const copy = (): Record<string, any> => structuredClone(sample) as Record<string, any>

describe('municipality.json schema', () => {
  it('accepts the sample town', () => {
    expect(municipalityProblems(sample)).toEqual([])
  })

  it.each([
    ['a missing translation', (d: any) => delete d.counters[0].hours.en, '/counters/0/hours/en'],
    ['a malformed phone number', (d: any) => (d.mainPhone = '03 1234 5678'), '/mainPhone'],
    ['an unknown default language', (d: any) => (d.defaultLanguage = 'fr'), '/defaultLanguage'],
    ['a retention of zero days', (d: any) => (d.draftRetentionDays = 0), '/draftRetentionDays'],
    ['a misspelt field', (d: any) => (d.schedule.keyword = ['x']), '/schedule/keyword'],
    ['no keywords', (d: any) => (d.schedule.keywords = []), '/schedule/keywords'],
    ['a logo on another host', (d: any) => (d.logo = 'https://cdn.example.com/logo.png'), '/logo'],
    ['no counters', (d: any) => (d.counters = []), '/counters'],
  ])('rejects %s, naming the field', (_name, breakIt, field) => {
    const data = copy()
    breakIt(data)
    const problems = municipalityProblems(data)
    expect(problems.some((p) => p.startsWith(`field ${field}:`))).toBe(true)
    expect(() => assertMunicipality(data, 'municipality.json')).toThrow(ContentError)
    expect(() => assertMunicipality(data, 'municipality.json')).toThrow(/municipality\.json is not valid:[\s\S]*field /)
  })

  it('stops the build through the same check, naming file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-content-'))
    const file = join(dir, 'municipality.json')
    const data = copy()
    delete data.name.en
    writeFileSync(file, JSON.stringify(data))
    const plugin = contentCheck({ municipality: file, label: 'src/content/municipality.json' })
    const hook = plugin.buildStart as (this: unknown) => void
    const context = { addWatchFile: () => undefined }
    expect(() => hook.call(context)).toThrow(/src\/content\/municipality\.json is not valid:\n\s+- field \/name\/en: must have required property 'en'/)

    writeFileSync(file, '{ "id": ')
    expect(() => hook.call(context)).toThrow(/src\/content\/municipality\.json is not valid JSON/)

    writeFileSync(file, JSON.stringify(sample))
    expect(() => hook.call(context)).not.toThrow()
  })
})
