/**
 * Finding a life event by the words residents use (ひっこし, 引っ越し, moving, おくやみ, 死亡 …):
 * titles and search words of every language, kanji and their furigana readings, hiragana and
 * katakana alike, so a resident finds the event whatever language the app is in.
 */
import { searchKey } from '../guides/model.ts'
import { rubyToPlain, rubyToReading } from '../text/ruby.ts'
import { LANGUAGES } from '../language.ts'
import type { LifeEvent } from './types.ts'

function haystack(event: LifeEvent): string {
  // only the languages loaded on this phone have their words (an added language's arrive when chosen)
  const parts = LANGUAGES.flatMap((lang) => [event.title[lang] ?? '', ...(event.keywords[lang] ?? [])])
  return parts.map((p) => `${searchKey(rubyToPlain(p))}\n${searchKey(rubyToReading(p))}`).join('\n')
}

/** Events whose words contain every word of the query, in the events' order; all for an empty query. */
export function searchLifeEvents(events: LifeEvent[], query: string): LifeEvent[] {
  const sorted = [...events].sort((a, b) => a.order - b.order)
  const words = searchKey(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return sorted
  return sorted.filter((e) => {
    const hay = haystack(e)
    return words.every((w) => hay.includes(w))
  })
}
