import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { currentForms, findForm } from '../../src/domain/forms'
import { emptyAnswers, validateAnswers, normalizeAnswer } from '../../src/domain/forms/validate'
import { assertForm, formProblems } from '../../src/content/validate'
import type { LeafField } from '../../src/domain/forms/types'
import { presentApplication } from '../../src/domain/forms/present'
import { loadForms } from '../../src/content/registry'

const shipped = await loadForms()

const dir = 'src/content/forms'
const files = readdirSync(dir).filter((f) => /\.v\d+\.json$/.test(f))
const read = (f: string) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))

describe('forms as data', () => {
  it.each(files)('%s passes the schema and its name matches id and version', (file) => {
    expect(() => assertForm(read(file), `${dir}/${file}`)).not.toThrow()
  })

  it('ships the counter forms, each in its current version', () => {
    expect(currentForms(shipped).map((f) => f.id).sort()).toEqual([
      'inkan-shomei', 'inkan-toroku', 'inu-toroku', 'jido-teate', 'jumin-hyo', 'jumin-ido', 'kaigo-soshitsu', 'kodomo-iryohi',
      'koki-soshitsu', 'kokuho-shikaku', 'kokumin-nenkin', 'koseki-shomei', 'shussan-ikuji', 'sosaihi', 'tennyugaku', 'zei-shomei',
    ])
    expect(shipped.length).toBe(files.length)
    expect(findForm(shipped, 'jumin-ido', 1)?.title.ja).toBe('住民異動届')
  })

  it('rejects broken copies, naming the field', () => {
    const form = read('jumin-ido.v1.json')
    const noEn = structuredClone(form)
    delete noEn.fields[1].label.en
    expect(formProblems(noEn).join('\n')).toContain('/fields/1/label/en')
    const badType = structuredClone(form)
    badType.fields[0].type = 'colour'
    expect(formProblems(badType).join('\n')).toContain('/fields/0')
    const dup = structuredClone(form)
    dup.fields[2].id = dup.fields[1].id
    expect(formProblems(dup).join('\n')).toContain('field /fields/2/id: "moveDate" is used twice')
    const dangling = structuredClone(form)
    dangling.fields.at(-1).fields.at(-1).showIf.field = 'nothing'
    expect(formProblems(dangling).join('\n')).toMatch(/showIf\/field: "nothing"/)
    expect(() => assertForm(form, `${dir}/jumin-ido.v2.json`)).toThrow(/should be named jumin-ido\.v1\.json/)
  })

  it('validates answers: required, kana, dates, groups, hidden fields', () => {
    const form = findForm(shipped, 'jumin-ido')!
    const a = emptyAnswers(form)
    expect((a.persons as unknown[]).length).toBe(1)
    const codes = () => validateAnswers(form, a).map((p) => `${p.path}:${p.code}`)
    expect(codes()).toContain('kind:required')
    expect(codes()).toContain('persons.0.name:required')
    // a foreign resident's fields are asked only when ticked
    expect(codes().some((c) => c.startsWith('persons.0.nationality'))).toBe(false)
    Object.assign(a, { kind: 'tennyu', moveDate: '2026-11-20', newAddress: '見本県サンプル市本町1-2-3', oldAddress: '東京都千代田区1-1', headName: '山田 太郎', filer: 'self', phone: '090-1234-5678' })
    a.persons = [{ name: '山田 太郎', kana: 'やまだ たろう', birthDate: '1950-03-04', sex: 'male', relationship: 'head', foreign: true, nationality: '', residenceCard: '' }]
    expect(codes()).toEqual(['persons.0.nationality:required', 'persons.0.residenceCard:required'])
    ;(a.persons[0] as Record<string, unknown>).kana = 'Yamada'
    ;(a.persons[0] as Record<string, unknown>).foreign = false
    expect(codes()).toEqual(['persons.0.kana:kana'])
    ;(a.persons[0] as Record<string, unknown>).kana = 'やまだ　たろう'
    a.moveDate = '2026-02-30'
    expect(codes()).toEqual(['moveDate:date'])
    a.moveDate = '2026-11-20'
    a.persons = []
    expect(codes()).toEqual(['persons:tooFew'])
  })

  it('normalises kana, postal codes and phones as stored', () => {
    const form = findForm(shipped, 'inkan-toroku')!
    const field = (id: string) => form.fields.find((f) => f.id === id) as LeafField
    expect(normalizeAnswer(field('kana'), 'さとう　はなこ')).toBe('サトウ　ハナコ')
    expect(normalizeAnswer(field('postalCode'), '１２３４５６７')).toBe('123-4567')
    expect(normalizeAnswer(field('phone'), '０９０１２３４５６７８')).toBe('09012345678')
    expect(normalizeAnswer(field('name'), ' 髙橋　﨑子 ')).toBe(' 髙橋　﨑子 ')
  })
})

describe('the office-use box (職員記入欄) on the replica', () => {
  it('is presented in Japanese with the form’s documents and boxes, in the data’s order', () => {
    const hyo = findForm(shipped, 'jumin-hyo')!
    const office = presentApplication(hyo, emptyAnswers(hyo), 'en').officeUse!
    expect(office.title).toBe('職員記入欄')
    expect(office.identityDocuments.map((d) => d.label)).toEqual(['マイナンバーカード', '運転免許証', '在留カード', 'パスポート', '健康保険証', 'その他'])
    expect(office.items.map((i) => i.label + (i.unit ?? ''))).toEqual(['受付番号', '受付者', '入力者', '交付枚数枚'])
    expect(presentApplication({ ...hyo, officeUse: undefined }, emptyAnswers(hyo)).officeUse).toBeUndefined()
  })
})
