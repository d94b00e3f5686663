import { describe, expect, it } from 'vitest'
import { i18n, loadFeatureMessages } from '../../src/i18n'
import { parseRuby, withFurigana } from '../../src/domain/text/ruby'

describe('data put into a translated message never becomes furigana', () => {
  it('every t() makes named values literal; the town\'s own markup is kept when marked', async () => {
    await loadFeatureMessages('classes', 'ja-easy')
    await loadFeatureMessages('guides', 'ja-easy')
    const t = i18n.global.t
    const opts = { locale: 'ja-easy' as const }
    // the message's own furigana stays; the fee from the CSV is shown as written
    expect(parseRuby(t('classes.detail.feeYen', { fee: '{無料|1万円}' }, opts))).toEqual([{ text: '{無料|1万円}' }, { text: '円', ruby: 'えん' }])
    expect(parseRuby(t('classes.detail.capacityPeople', { count: '｛10｜100｝' }, opts))).toEqual([{ text: '｛10｜100｝' }, { text: '人', ruby: 'にん' }])
    expect(t('classes.detail.capacityPeople', { count: 10 }, opts)).toBe('10｛人｜にん｝')
    // a guide's title is the town's own content: its furigana is meant
    const done = parseRuby(t('guides.finish.done', { title: withFurigana('｛転入｜てんにゅう｝') }, opts))
    expect(done).toContainEqual({ text: '転入', ruby: 'てんにゅう' })
  })
})
