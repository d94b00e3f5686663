import { describe, expect, it } from 'vitest'
import { effect, isReactive } from 'vue'
import { i18n, loadFeatureMessages, loadLocale, merged } from '../../src/i18n'

describe('messages are added as plain objects, whole languages at a time', () => {
  it('merges key by key and changes neither side (the module objects are shared)', () => {
    const base = { home: { title: 'a', more: 'b' }, list: ['x'] }
    const extra = { home: { title: 'c' }, classes: { title: 'd' }, list: ['y'] }
    const out = merged(base, extra)
    expect(out).toEqual({ home: { title: 'c', more: 'b' }, classes: { title: 'd' }, list: ['y'] })
    expect(base).toEqual({ home: { title: 'a', more: 'b' }, list: ['x'] })
    expect(extra.home).toEqual({ title: 'c' })
    expect(merged({}, JSON.parse('{"__proto__": {"polluted": true}}'))).toEqual({})
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('keeps what a language had when a feature arrives, and what renders that language follows it', async () => {
    await loadLocale('en')
    const all = i18n.global.messages.value as Record<string, Record<string, unknown>>
    // a language's messages are not reactive proxies: a t() walks plain objects
    expect(isReactive(all.en)).toBe(false)
    const t = i18n.global.t
    let renders = 0
    effect(() => {
      void t('classes.title', {}, { locale: 'en' })
      renders++
    })
    const before = renders
    await loadFeatureMessages('classes', 'en')
    expect(renders).toBeGreaterThan(before)
    expect(t('classes.title', {}, { locale: 'en' })).not.toBe('classes.title')
    // the shell's messages are still there beside the feature's
    expect(t('home.lead', {}, { locale: 'en' })).toBe('Help with your smartphone and with city hall procedures.')
  })
})
