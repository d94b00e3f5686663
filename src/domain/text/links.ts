/**
 * The one way a link is built from data (the town's open-data CSV, municipality.json, guide
 * sources): a link is only ever what it claims to be. A web address becomes a link only when it
 * parses as http(s); a phone number only when it reads as a Japanese phone number, and then
 * only that number is dialled. Anything else is shown as plain text by the caller (these return
 * undefined). Plain TypeScript, no DOM.
 */

/** `https:`/`http:` addresses only (after trimming; `new URL` also drops tabs and line breaks
 * inside, so `java\tscript:` is seen as the javascript: it is). The normalised href, or undefined. */
export function webHref(raw: string | undefined | null): string | undefined {
  const text = (raw ?? '').trim()
  if (!text) return undefined
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  // `https://www.city.example.jp@evil.example/` is not the city's site
  if (!url.hostname || url.username || url.password) return undefined
  return url.href
}

/** What may follow the number and is not dialled: an extension, a second number, a note. */
const AFTER_NUMBER = /(内線|ext\.?|extension|\bx\s*\d|#|、|,|;|\/|または|又は|もしくは|FAX|ファクス|ファックス|受付|平日|\d{1,2}:\d{2})/i
const LABEL = /^(TEL|電話番号|電話|問合せ|問い合わせ)\s*[:：.]?\s*/i
const DASHES = /[‐‑‒–—―−ーｰ－]/g

/**
 * The digits to dial for a Japanese phone number written as people write it
 * (`0000-00-0002`, `０３（１２３４）５６７８`, `+81 3-1234-5678`, `TEL 03-1234-5678`), or
 * undefined when it is not one (「電話なし」, a number too short or too long). An extension
 * (`（内線123）`) or anything after the number is never part of what is dialled.
 */
export function phoneDigits(raw: string | undefined | null): string | undefined {
  let text = (raw ?? '').normalize('NFKC').trim().replace(LABEL, '')
  const cut = text.search(AFTER_NUMBER)
  if (cut >= 0) text = text.slice(0, cut)
  text = text.replace(DASHES, '-').replace(/[()\s-]+$/, '').trim()
  if (!/^\+?[\d\s()-]+$/.test(text)) return undefined
  let digits = text.replace(/[^\d]/g, '')
  if (text.startsWith('+')) {
    if (!digits.startsWith('81')) return undefined
    digits = `0${digits.slice(2).replace(/^0/, '')}`
  }
  // landlines, 0120 and 0570 have 10 digits; mobiles, 050 IP phones and 0800 have 11
  if (/^0\d{9}$/.test(digits) || /^0[2-9]0\d{8}$/.test(digits)) return digits
  return undefined
}

/** `tel:` for a Japanese phone number, else undefined. */
export function telHref(raw: string | undefined | null): string | undefined {
  const digits = phoneDigits(raw)
  return digits ? `tel:${digits}` : undefined
}

export interface MapPlace {
  lat?: number
  lon?: number
  /** What to search for when there are no coordinates (an address), and the pin's name. */
  query: string
  label?: string
}

export interface MapLinks {
  /** OpenStreetMap in the browser, on every device. */
  web: string
  /** Apple Maps: opens the Maps app on iPhone/iPad/Mac, a web map elsewhere. */
  apple: string
  /** The `geo:` URI Android hands to the map app the phone has. */
  geo: string
}

const coordinate = (n: number | undefined, limit: number): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= limit

/**
 * Map links for a place: coordinates when both are real numbers in range, else a search for the
 * text. Every piece of data is URL-encoded; undefined when there is nothing to show.
 */
export function mapLinks(place: MapPlace): MapLinks | undefined {
  const query = place.query.replace(/\s+/g, ' ').trim()
  const label = (place.label ?? query).replace(/\s+/g, ' ').trim()
  if (coordinate(place.lat, 90) && coordinate(place.lon, 180)) {
    const ll = `${place.lat},${place.lon}`
    return {
      web: `https://www.openstreetmap.org/?mlat=${place.lat}&mlon=${place.lon}#map=17/${place.lat}/${place.lon}`,
      apple: `https://maps.apple.com/?ll=${ll}&q=${encodeURIComponent(label || ll)}`,
      geo: `geo:${ll}?q=${ll}${label ? `(${encodeURIComponent(label)})` : ''}`,
    }
  }
  if (!query) return undefined
  const q = encodeURIComponent(query)
  return {
    web: `https://www.openstreetmap.org/search?query=${q}`,
    apple: `https://maps.apple.com/?q=${q}`,
    geo: `geo:0,0?q=${q}`,
  }
}
