import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import sample from '../../src/content/municipality.json'

/** Everything below src/ except the content a town edits. */
function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return path.endsWith(join('src', 'content')) ? [] : codeFiles(path)
    return [path]
  })
}

describe('the town lives in data only', () => {
  const names = [sample.name.ja, sample.name.en, sample.id, sample.mainPhone, sample.prefecture.ja]
  const files = codeFiles('src')

  it('finds code to check', () => {
    expect(files.length).toBeGreaterThan(10)
  })

  it.each(names)('"%s" appears nowhere in src/ outside src/content', (name) => {
    const offenders = files.filter((file) => readFileSync(file, 'utf8').includes(name)).map((f) => relative('.', f))
    expect(offenders).toEqual([])
  })
})
