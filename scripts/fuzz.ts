/**
 * `npm run fuzz [-- <inputs> [<seed>]]`: the payload decoder fuzzer at full size (200,000 mutated
 * codes by default; `npm test` runs 20,000 of the same in test/domain/payload.fuzz.test.ts).
 * Prints the counts and exits non-zero on any crash or wrong accept, showing the first few to replay.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { FormDefinition } from '../src/domain/forms/types.ts'
import { fuzzPayload } from '../test/domain/payload-fuzz.ts'

const dir = resolve(import.meta.dirname, '../src/content/forms')
// the same files src/content/forms/index.ts ships (it uses Vite's import.meta.glob, which tsx lacks)
const forms = readdirSync(dir)
  .filter((f) => /\.v\d+\.json$/.test(f))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FormDefinition)

const inputs = Number(process.argv[2] ?? 200_000)
const seed = Number(process.argv[3] ?? 20261128)
const started = performance.now()
const report = fuzzPayload(forms, inputs, seed)
const seconds = (performance.now() - started) / 1000

console.log(`payload fuzz: ${forms.map((f) => `${f.id}.v${f.version}`).join(', ')}; seed ${seed}`)
console.log(`inputs            ${report.inputs}`)
for (const [code, n] of Object.entries(report.rejected)) console.log(`rejected ${code.padEnd(13)}${n}`)
console.log(`accepted-correct  ${report.acceptedCorrect}`)
console.log(`accepted-forged   ${report.acceptedForged} (content changed and every check recomputed: a valid code of another application)`)
console.log(`crashes           ${report.crashes}`)
console.log(`wrong accepts     ${report.wrongAccepts}`)
console.log(`time              ${seconds.toFixed(1)} s (${Math.round(report.inputs / seconds)} inputs/s)`)
console.log(`mutations         ${Object.entries(report.byMutation).map(([k, v]) => `${k} ${v}`).join(', ')}`)
if (report.crashes || report.wrongAccepts) {
  console.error(JSON.stringify(report.failures, null, 2))
  process.exit(1)
}
