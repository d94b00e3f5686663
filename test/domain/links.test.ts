import { describe, expect, it } from 'vitest'
import { mapLinks, phoneDigits, telHref, webHref } from '../../src/domain/text/links'

describe('links built from data are only what they claim', () => {
  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['  javascript:alert(1)'],
    ['\njavascript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['file:///etc/passwd'],
    ['//evil.example/'],
    ['/classes'],
    ['www.city.sample.example.jp'],
    ['https://www.city.sample.example.jp@evil.example/'],
    ['tel:0000000002'],
    ['mailto:a@example.jp'],
    [''],
    ['詳しくは市のホームページ'],
  ])('no web link from %j', (raw) => {
    expect(webHref(raw)).toBeUndefined()
  })

  it.each([
    ['https://www.city.sample.example.jp/digital/', 'https://www.city.sample.example.jp/digital/'],
    ['  http://example.jp/a b ', 'http://example.jp/a%20b'],
    ['HTTPS://EXAMPLE.JP/申込', 'https://example.jp/%E7%94%B3%E8%BE%BC'],
  ])('a web link from %j', (raw, href) => {
    expect(webHref(raw)).toBe(href)
  })

  it.each([
    ['0000-00-0002', '0000000002'],
    ['0000-00-0002（内線123）', '0000000002'],
    ['0000-00-0002 内線123', '0000000002'],
    ['03-1234-5678 ext. 45', '0312345678'],
    ['０３（１２３４）５６７８', '0312345678'],
    ['(03)1234-5678', '0312345678'],
    ['090-1234-5678', '09012345678'],
    ['0120-123-456', '0120123456'],
    ['+81 3-1234-5678', '0312345678'],
    ['+81 (0)90 1234 5678', '09012345678'],
    ['TEL：03−1234−5678', '0312345678'],
    ['03-1234-5678、03-1234-5679', '0312345678'],
    ['03-1234-5678（平日8:30〜17:15）', '0312345678'],
  ])('the number dialled for %j', (raw, digits) => {
    expect(phoneDigits(raw)).toBe(digits)
    expect(telHref(raw)).toBe(`tel:${digits}`)
  })

  it.each([['電話なし'], ['なし'], ['-'], [''], ['123'], ['03-1234-56789012'], ['+1 212 555 0100'], ['javascript:alert(1)'], ['03-1234-5678 デジタル推進課'], ['1234-5678']])('no tel: link from %j', (raw) => {
    expect(telHref(raw)).toBeUndefined()
  })
})

describe('map links', () => {
  it('coordinates: OpenStreetMap, Apple Maps (the iPhone map app) and geo: (Android), all encoded', () => {
    const links = mapLinks({ lat: 35.6, lon: 139.6, query: '中央公民館 本町1-2-3', label: '中央公民館 & "ホール"' })!
    expect(links.web).toBe('https://www.openstreetmap.org/?mlat=35.6&mlon=139.6#map=17/35.6/139.6')
    expect(links.apple).toBe(`https://maps.apple.com/?ll=35.6,139.6&q=${encodeURIComponent('中央公民館 & "ホール"')}`)
    expect(links.geo).toBe(`geo:35.6,139.6?q=35.6,139.6(${encodeURIComponent('中央公民館 & "ホール"')})`)
    for (const href of Object.values(links)) expect(webHref(href) ?? href).not.toMatch(/[\s"<>]/)
  })

  it('hostile text stays inside its parameter; out-of-range coordinates fall back to a search', () => {
    const links = mapLinks({ lat: 999, lon: 139.6, query: 'x&q=javascript:alert(1)#\r\nEvil' })!
    expect(new URL(links.web).searchParams.get('query')).toBe('x&q=javascript:alert(1)# Evil')
    expect(new URL(links.apple).searchParams.get('q')).toBe('x&q=javascript:alert(1)# Evil')
    expect([...new URL(links.apple).searchParams.keys()]).toEqual(['q'])
    expect(links.geo).toBe(`geo:0,0?q=${encodeURIComponent('x&q=javascript:alert(1)# Evil')}`)
    expect(mapLinks({ query: '  ' })).toBeUndefined()
  })
})
