import { sameInEveryLanguage, withAddedFromEnglish } from '../../src/domain/language'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { dataFileNames } from '../../build/content-check'
import { addDays, addMonths, daysBetween, dueDate, isCalendarDate, tokyoDate } from '../../src/domain/life/dates'
import { askedQuestions, buildChecklist, evaluate, nextQuestion, pickProcedures, prefill } from '../../src/domain/life/engine'
import { searchLifeEvents } from '../../src/domain/life/search'
import type { LifeAnswers, LifeDeadline, LifeEvent, Procedure } from '../../src/domain/life/types'

const content = resolve(__dirname, '../../src/content')
const read = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T
const events = new Map(dataFileNames(join(content, 'life-events')).map((n) => { const e = read<LifeEvent>(join(content, 'life-events', n)); return [e.id, e] as const }))
const procedures = dataFileNames(join(content, 'procedures')).map((n) => read<Procedure>(join(content, 'procedures', n)))
const event = (id: string) => events.get(id)!

/** The ids picked, with `?` marking 「窓口で確かめてください」. */
const picked = (id: string, answers: LifeAnswers) => pickProcedures(event(id), answers).map((p) => (p.checkAtCounter ? `${p.id}?` : p.id))

describe('life events: which procedures an answer set yields (exact ids; ? = check at the counter)', () => {
  it.each<[string, string, LifeAnswers, string[]]>([
    [
      'moving-in',
      '(a) a family from another town: two adults in their 30s, one with a 在留カード, a 5-year-old, the job and its insurance ended with the move',
      { foreign: 'yes', mynumberCard: 'yes', insurance: 'jobEnded', ages: ['age20to59'], children: 'yes', childStages: ['preschool'], seal: 'no', dog: 'no' },
      ['tennyu-todoke', 'residence-card-address', 'mynumber-card-continue', 'kokuho-join', 'nenkin-shubetsu', 'jido-teate', 'kodomo-iryohi'],
    ],
    [
      'moving-in',
      'a 78-year-old on latter-stage insurance with a dog who wants a registered seal',
      { foreign: 'no', mynumberCard: 'yes', insurance: 'elderly', ages: ['age75plus'], children: 'no', seal: 'yes', dog: 'yes' },
      ['tennyu-todoke', 'mynumber-card-continue', 'koki-korei-move-in', 'kaigo-hoken-move-in', 'inkan-toroku-new', 'dog-registration'],
    ],
    [
      'moving-in',
      'a worker who keeps the employer insurance, with a junior-high pupil',
      { foreign: 'no', mynumberCard: 'no', insurance: 'employer', ages: ['age20to59'], children: 'yes', childStages: ['juniorHigh'], seal: 'no', dog: 'no' },
      ['tennyu-todoke', 'jido-teate', 'kodomo-iryohi', 'school-transfer'],
    ],
    [
      'moving-in',
      'わからない everywhere: nothing is hidden, everything conditional is flagged',
      { foreign: 'unknown', mynumberCard: 'unknown', insurance: 'unknown', ages: ['unknown'], children: 'unknown', childStages: ['unknown'], seal: 'unknown', dog: 'unknown' },
      ['tennyu-todoke', 'residence-card-address?', 'mynumber-card-continue?', 'kokuho-join?', 'nenkin-shubetsu?', 'koki-korei-move-in?', 'kaigo-hoken-move-in?', 'jido-teate?', 'kodomo-iryohi?', 'school-transfer?', 'inkan-toroku-new?', 'dog-registration?'],
    ],
    [
      'moving-out',
      'a family on 国保 with a pupil and a registered seal',
      { insurance: 'yes', ages: ['age20to59'], children: 'yes', childStages: ['elementary', 'preschool'], sealRegistered: 'yes' },
      ['tenshutsu-todoke', 'kokuho-leave', 'jido-teate-move-out', 'school-leave', 'inkan-toroku-end'],
    ],
    [
      'moving-out',
      'a 70-year-old unsure about the insurance and the seal',
      { insurance: 'unknown', ages: ['age65to74'], children: 'no', sealRegistered: 'unknown' },
      ['tenshutsu-todoke', 'kokuho-leave?', 'kaigo-hoken-move-out', 'inkan-toroku-end?'],
    ],
    [
      'moving-within',
      'a junior-high pupil who keeps the same school, and a dog',
      { foreign: 'no', mynumberCard: 'yes', children: 'yes', childStages: ['juniorHigh'], schoolChange: 'no', dog: 'yes' },
      ['tenkyo-todoke', 'mynumber-card-update', 'dog-registration'],
    ],
    [
      'moving-within',
      'a foreign resident not sure whether the school changes',
      { foreign: 'yes', mynumberCard: 'no', children: 'yes', childStages: ['elementary'], schoolChange: 'unknown', dog: 'no' },
      ['tenkyo-todoke', 'residence-card-address', 'school-transfer?'],
    ],
    ['birth', 'parents on 国保', { insurance: 'kokuho' }, ['shussei-todoke', 'jido-teate', 'kodomo-iryohi', 'kokuho-join', 'shussan-ikuji-ichijikin']],
    ['birth', "a parent's employer insurance", { insurance: 'employer' }, ['shussei-todoke', 'jido-teate', 'kodomo-iryohi', 'employer-insurance-dependent']],
    ['birth', 'insurance わからない', { insurance: 'unknown' }, ['shussei-todoke', 'jido-teate', 'kodomo-iryohi', 'kokuho-join?', 'shussan-ikuji-ichijikin?', 'employer-insurance-dependent?']],
    [
      'death',
      '(b) a widow of 78 whose husband (80, 世帯主) leaves her alone in their two-person household',
      { deathReportFiled: 'no', relation: 'spouse', wasHead: 'yes', remaining: 'one', deceasedAge: 'age75plus', pension: 'yes', income: 'no', property: 'yes' },
      ['shibo-todoke', 'koki-korei-death', 'kaigo-hoken-death', 'nenkin-death', 'koseki-inheritance', 'sozoku-hoki', 'jun-kakutei-shinkoku', 'sozoku-toki'],
    ],
    [
      'death',
      'the same, the funeral company already filed the 死亡届',
      { deathReportFiled: 'yes', relation: 'spouse', wasHead: 'yes', remaining: 'one', deceasedAge: 'age75plus', pension: 'yes', income: 'no', property: 'yes' },
      ['koki-korei-death', 'kaigo-hoken-death', 'nenkin-death', 'koseki-inheritance', 'sozoku-hoki', 'jun-kakutei-shinkoku', 'sozoku-toki'],
    ],
    [
      'death',
      'a 60-year-old head of a household of three, on 国保, with a salary',
      { deathReportFiled: 'yes', relation: 'child', wasHead: 'yes', remaining: 'twoOrMore', deceasedAge: 'age40to64', careCertified: 'no', kokuho: 'yes', pension: 'no', income: 'yes', property: 'unknown' },
      ['setainushi-henko', 'kokuho-death', 'koseki-inheritance', 'sozoku-hoki', 'jun-kakutei-shinkoku', 'sozoku-toki?'],
    ],
    [
      'death',
      'わからない about the 死亡届, the household and the age',
      { deathReportFiled: 'unknown', relation: 'unknown', wasHead: 'yes', remaining: 'unknown', deceasedAge: 'unknown', kokuho: 'no', pension: 'no', income: 'no', property: 'no' },
      ['shibo-todoke?', 'setainushi-henko?', 'koki-korei-death?', 'kaigo-hoken-death?', 'koseki-inheritance', 'sozoku-hoki'],
    ],
    [
      'marriage',
      'a foreign spouse moves here, changes surname and joins the partner’s employer insurance',
      { move: 'fromOtherTown', nameChange: 'yes', mynumberCard: 'yes', foreign: 'yes', insurance: 'toSpouseEmployer' },
      ['konin-todoke', 'tennyu-todoke', 'mynumber-card-update', 'mynumber-card-continue', 'residence-card-change', 'employer-insurance-dependent'],
    ],
    ['marriage', 'no move, no name change, own employer insurance', { move: 'none', nameChange: 'no', insurance: 'employer' }, ['konin-todoke']],
    [
      'marriage',
      'a move not decided yet, surname changes, staying on 国保',
      { move: 'unknown', nameChange: 'yes', mynumberCard: 'no', foreign: 'no', insurance: 'kokuhoStays' },
      ['konin-todoke', 'tenkyo-todoke?', 'tennyu-todoke?', 'tenshutsu-todoke?', 'kokuho-change'],
    ],
    [
      'marriage',
      'moving within the city and leaving 国保 for the spouse’s insurance',
      { move: 'withinCity', nameChange: 'no', mynumberCard: 'yes', insurance: 'toSpouseEmployer' },
      ['konin-todoke', 'tenkyo-todoke', 'mynumber-card-update', 'kokuho-leave', 'employer-insurance-dependent'],
    ],
  ])('%s: %s', (id, _scenario, answers, expected) => {
    expect(picked(id, answers)).toEqual(expected)
  })

  it('(a) the 在留カード address is done by the same 転入届 at the same counter, no trip to the immigration bureau', () => {
    const a = { foreign: 'yes', mynumberCard: 'yes', insurance: 'jobEnded', ages: ['age20to59'], children: 'yes', childStages: ['preschool'], seal: 'no', dog: 'no' }
    const list = buildChecklist(event('moving-in'), { eventDate: '2026-11-28', answers: a }, procedures)
    const shimin = list.stops.find((s) => s.key === 'counter:shimin')!
    expect(shimin.entries.map((e) => e.procedure.id)).toEqual(['tennyu-todoke', 'residence-card-address', 'mynumber-card-continue'])
    expect(list.stops.map((s) => s.key)).not.toContain('office:immigration-bureau')
    expect(list.stops.map((s) => s.key)).toEqual(['counter:shimin', 'counter:kokuho', 'counter:kosodate'])
  })

  it('(b) sends the widow to the pension office and to the 法務局, 税務署 and 家庭裁判所 for the inheritance', () => {
    const b = { deathReportFiled: 'no', relation: 'spouse', wasHead: 'yes', remaining: 'one', deceasedAge: 'age75plus', pension: 'yes', income: 'no', property: 'yes' }
    const keys = buildChecklist(event('death'), { eventDate: '2026-11-30', answers: b }, procedures).stops.map((s) => s.key)
    for (const office of ['pension-office', 'legal-affairs-bureau', 'tax-office', 'family-court']) expect(keys).toContain(`office:${office}`)
  })
})

describe('questions', () => {
  it('ask children’s school only when there are children (or it is unknown)', () => {
    const ids = (answers: LifeAnswers) => askedQuestions(event('moving-in'), answers).map((q) => q.id)
    expect(ids({ children: 'no' })).not.toContain('childStages')
    expect(ids({ children: 'yes' })).toContain('childStages')
    expect(ids({ children: 'unknown' })).toContain('childStages')
  })

  it('ask follow-ups through a chain: the school change only for pupils, the household size only for a 世帯主', () => {
    const within = (answers: LifeAnswers) => askedQuestions(event('moving-within'), answers).map((q) => q.id)
    expect(within({ children: 'yes', childStages: ['preschool'] })).not.toContain('schoolChange')
    expect(within({ children: 'yes', childStages: ['elementary'] })).toContain('schoolChange')
    expect(within({ children: 'no', childStages: ['elementary'] })).not.toContain('schoolChange')
    const death = (answers: LifeAnswers) => askedQuestions(event('death'), answers).map((q) => q.id)
    expect(death({ wasHead: 'no' })).not.toContain('remaining')
    expect(death({ deceasedAge: 'age75plus' })).not.toContain('kokuho')
    expect(death({ deceasedAge: 'unknown' })).toContain('kokuho')
  })

  it('next question is the first asked one without an answer, then none', () => {
    const e = event('birth')
    expect(nextQuestion(e, {})?.id).toBe('insurance')
    expect(nextQuestion(e, { insurance: 'kokuho' })).toBeUndefined()
    const death = event('death')
    const answers: LifeAnswers = {}
    const asked: string[] = []
    for (let q = nextQuestion(death, answers); q; q = nextQuestion(death, answers)) {
      asked.push(q.id)
      answers[q.id] = q.kind === 'multiple' ? ['unknown'] : q.id === 'wasHead' ? 'no' : q.id === 'deceasedAge' ? 'age75plus' : 'unknown'
    }
    expect(asked).toEqual(['deathReportFiled', 'relation', 'wasHead', 'deceasedAge', 'pension', 'income', 'property'])
  })

  it('an unanswered question counts as わからない, a question ruled out by an earlier answer as not applying', () => {
    const e = event('death')
    expect(evaluate({ question: 'remaining', anyOf: ['twoOrMore'] }, e, { wasHead: 'yes' })).toBe('unknown')
    expect(evaluate({ question: 'remaining', anyOf: ['twoOrMore'] }, e, { wasHead: 'no', remaining: 'twoOrMore' })).toBe('no')
    expect(evaluate({ not: { question: 'pension', anyOf: ['yes'] } }, e, { pension: 'unknown' })).toBe('unknown')
    expect(evaluate({ any: [{ question: 'pension', anyOf: ['yes'] }, { question: 'income', anyOf: ['yes'] }] }, e, { pension: 'unknown', income: 'yes' })).toBe('yes')
    expect(evaluate({ all: [{ question: 'pension', anyOf: ['yes'] }, { question: 'income', anyOf: ['yes'] }] }, e, { pension: 'unknown', income: 'no' })).toBe('no')
  })
})

describe('answers the data no longer offers', () => {
  it('count as unanswered (わからない), so a stale saved answer never hides a procedure', () => {
    expect(picked('moving-in', { foreign: 'maybe', mynumberCard: 'no', insurance: 'employer', ages: ['age20to59'], children: 'no', seal: 'no', dog: 'no' })).toEqual(['tennyu-todoke', 'residence-card-address?'])
    expect(picked('moving-in', { foreign: 'no', mynumberCard: 'no', insurance: 'employer', ages: ['age20to59'], children: 'yes', childStages: ['kindergarten'], seal: 'no', dog: 'no' })).toEqual(['tennyu-todoke', 'jido-teate', 'kodomo-iryohi', 'school-transfer?'])
    expect(nextQuestion(event('birth'), { insurance: ['kokuho'] })?.id).toBe('insurance')
  })

  it('an empty choice of a multiple-choice question means none of these', () => {
    expect(picked('moving-in', { foreign: 'no', mynumberCard: 'no', insurance: 'employer', ages: [], children: 'no', seal: 'no', dog: 'no' })).toEqual(['tennyu-todoke'])
  })
})

describe('deadline dates (calendar days in Asia/Tokyo)', () => {
  const d = (kind: LifeDeadline['kind'], count?: number, firstDayCounts?: boolean): LifeDeadline => ({ kind, count, firstDayCounts, rule: sameInEveryLanguage('-') })

  it.each([
    ['14 days after a move on 4/1 (転入届)', '2026-04-01', d('days', 14), '2026-04-15'],
    ['14 days across the new year', '2026-12-25', d('days', 14), '2027-01-08'],
    ['15 days for 児童手当 from 1/31', '2027-01-31', d('days', 15), '2027-02-15'],
    ['7 days counting the day of death (死亡届)', '2026-03-28', d('days', 7, true), '2026-04-03'],
    ['14 days counting the day of birth (出生届), over a month end', '2026-01-31', d('days', 14, true), '2026-02-13'],
    ['3 months from 11/30 ends on the last day of February (相続放棄)', '2026-11-30', d('months', 3), '2027-02-28'],
    ['3 months from 11/30 in a leap year', '2023-11-30', d('months', 3), '2024-02-29'],
    ['4 months from 3/31 ends on 7/31 (準確定申告)', '2026-03-31', d('months', 4), '2026-07-31'],
    ['4 months from 10/31 ends on 2/28', '2026-10-31', d('months', 4), '2027-02-28'],
    ['3 years from 2/29 ends on 2/28 (相続登記)', '2024-02-29', d('years', 3), '2027-02-28'],
    ['2 years (出産育児一時金)', '2026-11-28', d('years', 2), '2028-11-28'],
  ])('%s', (_name, from, deadline, expected) => {
    expect(dueDate(from, deadline)).toBe(expected)
  })

  it('has no date for as-soon-as-possible or no deadline', () => {
    expect(dueDate('2026-11-28', d('asap'))).toBeUndefined()
    expect(dueDate('2026-11-28', d('none'))).toBeUndefined()
  })

  it('does arithmetic on calendar dates only', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysBetween('2026-11-28', '2027-01-08')).toBe(41)
    expect(isCalendarDate('2026-02-29')).toBe(false)
    expect(isCalendarDate('2028-02-29')).toBe(true)
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError)
  })

  it('today is the Japanese calendar date, whatever the machine’s time zone', () => {
    expect(tokyoDate(new Date('2026-11-28T14:59:59Z'))).toBe('2026-11-28')
    expect(tokyoDate(new Date('2026-11-28T15:00:00Z'))).toBe('2026-11-29')
  })
})

describe('the checklist', () => {
  const widow = { deathReportFiled: 'no', relation: 'spouse', wasHead: 'yes', remaining: 'one', deceasedAge: 'age75plus', pension: 'yes', income: 'no', property: 'yes' }

  it('gives each procedure its last day and orders them by deadline', () => {
    const list = buildChecklist(event('death'), { eventDate: '2026-11-30', answers: widow }, procedures)
    expect(list.entries.map((e) => [e.procedure.id, e.due ?? e.procedure.deadline.kind])).toEqual([
      ['shibo-todoke', '2026-12-06'],
      ['koki-korei-death', '2026-12-14'],
      ['kaigo-hoken-death', '2026-12-14'],
      ['nenkin-death', 'asap'],
      ['sozoku-hoki', '2027-02-28'],
      ['jun-kakutei-shinkoku', '2027-03-30'],
      ['sozoku-toki', '2029-11-30'],
      ['koseki-inheritance', 'none'],
    ])
    expect(list.missing).toEqual([])
  })

  it('without an event date keeps the order but gives no dates', () => {
    const list = buildChecklist(event('death'), { answers: widow }, procedures)
    expect(list.entries.every((e) => e.due === undefined)).toBe(true)
    expect(list.entries[0]!.procedure.id).toBe('shibo-todoke')
  })

  it('groups by where to go, in the order to visit, with everything to bring once per counter', () => {
    const list = buildChecklist(event('death'), { eventDate: '2026-11-30', answers: widow }, procedures)
    expect(list.stops.map((s) => [s.key, s.due, s.entries.map((e) => e.procedure.id)])).toEqual([
      ['counter:shimin', '2026-12-06', ['shibo-todoke', 'koseki-inheritance']],
      ['counter:kokuho', '2026-12-14', ['koki-korei-death']],
      ['counter:fukushi', '2026-12-14', ['kaigo-hoken-death']],
      ['office:pension-office', undefined, ['nenkin-death']],
      ['office:family-court', '2027-02-28', ['sozoku-hoki']],
      ['office:tax-office', '2027-03-30', ['jun-kakutei-shinkoku']],
      ['office:legal-affairs-bureau', '2029-11-30', ['sozoku-toki']],
    ])
    const shimin = list.stops[0]!
    expect(shimin.bring).toEqual(['death-certificate', 'identity-document'])
    const family = buildChecklist(event('moving-in'), { answers: { foreign: 'yes', mynumberCard: 'yes', insurance: 'jobEnded', ages: ['age20to59'], children: 'yes', childStages: ['preschool'] } }, procedures)
    const kokuho = family.stops.find((s) => s.key === 'counter:kokuho')!
    expect(kokuho.bring).toEqual(['identity-document', 'mynumber-card', 'insurance-loss-certificate', 'pension-number', 'retirement-proof'])
    expect(new Set(kokuho.bring).size).toBe(kokuho.bring.length)
  })

  it('keeps the わからない flag on the entry', () => {
    const list = buildChecklist(event('death'), { answers: { ...widow, deathReportFiled: 'unknown' } }, procedures)
    expect(list.entries.find((e) => e.procedure.id === 'shibo-todoke')?.checkAtCounter).toBe(true)
    expect(list.entries.find((e) => e.procedure.id === 'sozoku-hoki')?.checkAtCounter).toBe(false)
  })

  it('reports a rule whose procedure was not given instead of failing', () => {
    const list = buildChecklist(event('birth'), { answers: { insurance: 'kokuho' } }, procedures.filter((p) => p.id !== 'kodomo-iryohi'))
    expect(list.missing).toEqual(['kodomo-iryohi'])
  })
})

describe('form prefill', () => {
  it('fills the 住民異動届 with the kind of move and the event date', () => {
    const list = buildChecklist(event('moving-in'), { eventDate: '2026-11-28', answers: {} }, procedures)
    expect(list.entries.find((e) => e.procedure.id === 'tennyu-todoke')?.prefill).toEqual({ formId: 'jumin-ido', values: { kind: 'tennyu', moveDate: '2026-11-28' } })
    const within = buildChecklist(event('moving-within'), { eventDate: '2026-12-01', answers: {} }, procedures)
    expect(within.entries.find((e) => e.procedure.id === 'tenkyo-todoke')?.prefill).toEqual({ formId: 'jumin-ido', values: { kind: 'tenkyo', moveDate: '2026-12-01' } })
  })

  it('maps an answer to a form option, and leaves out what it cannot know', () => {
    const koseki = procedures.find((p) => p.id === 'koseki-inheritance')!
    expect(prefill(koseki, event('death'), { answers: { relation: 'child' } })).toEqual({ relation: 'lineal', certTypes: ['full', 'removed'] })
    expect(prefill(koseki, event('death'), { answers: { relation: 'unknown' } })).toEqual({ certTypes: ['full', 'removed'] })
  })

  it('takes わたしの情報 from the profile', () => {
    const inkan = procedures.find((p) => p.id === 'inkan-toroku-new')!
    expect(prefill(inkan, event('moving-in'), { answers: {}, profile: { name: '山田 花子', kana: 'ヤマダ ハナコ', address: '本町1-2-3' } })).toEqual({ name: '山田 花子', kana: 'ヤマダ ハナコ', address: '本町1-2-3' })
    expect(prefill(inkan, event('moving-in'), { answers: {} })).toEqual({})
  })
})

describe('finding an event by everyday words', () => {
  const all = [...events.values()]
  const ids = (query: string) => searchLifeEvents(all, query).map((e) => e.id)

  it.each([
    ['ひっこし', ['moving-in', 'moving-out', 'moving-within']],
    ['ヒッコシ', ['moving-in', 'moving-out', 'moving-within']],
    ['引っ越し', ['moving-in', 'moving-out', 'moving-within']],
    ['Moving', ['moving-in', 'moving-out', 'moving-within']],
    ['ひっこし てんにゅう', ['moving-in']],
    ['おくやみ', ['death']],
    ['死亡', ['death']],
    ['相続', ['death']],
    ['あかちゃん', ['birth']],
    ['ｍａｒｒｉａｇｅ', ['marriage']],
    ['けっこん', ['marriage']],
    ['passport', []],
  ])('%s finds %j', (query, expected) => {
    expect(ids(query)).toEqual(expected)
  })

  it('lists every event, in order, for an empty query', () => {
    expect(ids('  ')).toEqual(['moving-in', 'moving-out', 'moving-within', 'birth', 'death', 'marriage'])
  })
})
