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
    await nextTick()
    expect(JSON.parse(localStorage.getItem(SETTINGS_STORAGE_KEY)!)).toEqual({
      language: 'ja-easy',
      textSize: 'xlarge',
      highContrast: true,
      readAloud: true,
    })

    setActivePinia(createPinia()) // a reload
    const again = useSettingsStore()
    expect(again.snapshot()).toEqual({ language: 'ja-easy', textSize: 'xlarge', highContrast: true, readAloud: true })
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
