import { beforeEach, describe, expect, it } from 'vitest'
import { createApp, h, nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import UiRuby from '../../src/components/ui/UiRuby.vue'
import { useSettingsStore } from '../../src/stores/settings'
import { rubyToReading } from '../../src/domain/text/ruby'
import { i18n } from '../../src/i18n'

const TEXT = 'メモを ｛見｜み｝て ください'

function render(text = TEXT): HTMLElement {
  const el = document.createElement('div')
  const pinia = createPinia()
  setActivePinia(pinia)
  createApp({ render: () => h(UiRuby, { text }) }).use(pinia).use(i18n).mount(el)
  return el
}

describe('UiRuby', () => {
  beforeEach(() => {
    localStorage.clear()
    i18n.global.locale.value = 'ja'
  })

  it('in another language, marks the Japanese inside the text lang="ja" (and shows no furigana)', () => {
    i18n.global.locale.value = 'vi'
    const el = render('Mang 「住民票」 và ｛見｜み｝て')
    expect([...el.querySelectorAll('[lang="ja"]')].map((e) => e.textContent)).toEqual(['「住民票」', '見て'])
    expect(el.textContent).toBe('Mang 「住民票」 và 見て')
  })

  it('shows furigana as <ruby> with the reading in <rt>, kept with the next character', () => {
    const el = render()
    expect(el.querySelector('rt')?.textContent).toBe('み')
    expect(el.querySelector('.ruby-keep')?.textContent).toBe('見（み）て')
  })

  it('shows no <rt> once furigana are switched off, and speech still has the reading', async () => {
    const el = render()
    useSettingsStore().furigana = false
    await nextTick()
    expect(el.querySelector('ruby, rt')).toBeNull()
    expect(el.textContent).toBe('メモを 見て ください')
    expect(rubyToReading(TEXT)).toBe('メモを みて ください')
  })
})
