import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { useSettingsStore } from '../../src/stores/settings'
import { SETTINGS_STORAGE_KEY } from '../../src/domain/settings/settings'

describe('settings store', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('starts from the browser language on a first visit', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US', 'ja'])
    expect(useSettingsStore().language).toBe('en')
  })

  it('persists every change and reads it back in a new session', async () => {
    const store = useSettingsStore()
    store.setLanguage('ja-easy')
    store.textSize = 'xlarge'
    store.highContrast = true
    store.readAloud = true
    store.furigana = false
    await nextTick()
    const stored = { language: 'ja-easy', languageChosen: true, textSize: 'xlarge', highContrast: true, readAloud: true, furigana: false }
    expect(JSON.parse(localStorage.getItem(SETTINGS_STORAGE_KEY)!)).toEqual(stored)

    setActivePinia(createPinia()) // a reload
    const again = useSettingsStore()
    expect(again.snapshot()).toEqual(stored)
    expect(again.furigana).toBe(false)
  })

  it('a ?lang= link never overwrites a language the resident chose: it shows this visit only', () => {
    const store = useSettingsStore()
    store.setLanguage('en')
    store.followLink('ja') // a presenter's QR in Japanese
    expect(store.language).toBe('ja')
    expect(store.linkLanguage).toBe('ja')
    expect(JSON.parse(localStorage.getItem(SETTINGS_STORAGE_KEY)!).language).toBe('en')

    setActivePinia(createPinia()) // the next visit, without the link
    const next = useSettingsStore()
    expect(next.language).toBe('en')
    expect(next.linkLanguage).toBeNull()
  })

  it('a ?lang= link on a first visit is stored as the choice', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ja'])
    const store = useSettingsStore()
    store.textSize = 'large' // a setting changed before any language was chosen
    store.followLink('en')
    expect(store.language).toBe('en')
    expect(store.linkLanguage).toBeNull()
    setActivePinia(createPinia())
    expect(useSettingsStore().language).toBe('en')
  })

  it('returnToSaved() and a choice on the settings page both end a link language', () => {
    const store = useSettingsStore()
    store.setLanguage('en')
    store.followLink('ja-easy')
    store.returnToSaved()
    expect(store.language).toBe('en')
    store.followLink('ja-easy')
    store.setLanguage('ja-easy') // "keep this one"
    expect(store.linkLanguage).toBeNull()
    expect(store.savedLanguage).toBe('ja-easy')
    store.followLink('ja-easy') // the same as the choice: nothing to go back to
    expect(store.linkLanguage).toBeNull()
  })

  it('stores an explicit language choice even when it equals the default', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ja'])
    useSettingsStore().setLanguage('ja')
    expect(JSON.parse(localStorage.getItem(SETTINGS_STORAGE_KEY)!).language).toBe('ja')
  })

  it('keeps working when storage refuses to write', () => {
    const store = useSettingsStore()
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    expect(() => (store.textSize = 'large')).not.toThrow()
    expect(store.textSize).toBe('large')
  })

  it('reset() returns to the defaults once storage is cleared', () => {
    const store = useSettingsStore()
    store.textSize = 'xlarge'
    localStorage.clear()
    store.reset()
    expect(store.textSize).toBe('standard')
  })
})
