import { describe, expect, it } from 'vitest'
import { fuzzPayload } from './payload-fuzz'
import { loadForms } from '../../src/content/registry'

const shipped = await loadForms()

describe('payload decoder fuzz (fixed seed)', () => {
  it('20,000 mutated codes of every form: 0 crashes, 0 wrong accepts; damage is caught and harmless changes still decode', { timeout: 60_000 }, () => {
    const report = fuzzPayload(shipped, 20_000)
    expect(report.failures).toEqual([])
    expect(report.crashes).toBe(0)
    expect(report.wrongAccepts).toBe(0)
    expect(report.inputs).toBe(20_000)
    // the fuzzer really reaches both sides: most inputs are refused, reordered/full-width ones decode
    expect(report.rejected.damaged).toBeGreaterThan(5_000)
    expect(report.acceptedCorrect).toBeGreaterThan(1_000)
    for (const code of ['not-yorisoi', 'incomplete', 'mixed'] as const) expect(report.rejected[code], code).toBeGreaterThan(0)
  })
})
