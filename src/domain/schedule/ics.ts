/**
 * 「カレンダーに追加」: one class as an iCalendar file (RFC 5545) — times in TZID=Asia/Tokyo with
 * its VTIMEZONE, a date range without times as all-day (DTEND the day after), CRLF line ends,
 * text escaped and lines folded at 75 octets.
 */
import type { ClassEvent } from './import'

/** Control characters a content line may not carry (RFC 5545 CONTROL), line breaks aside. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

/** A TEXT value: every line break (CRLF, CR or LF) becomes `\n`, so data never starts a line. */
const escape = (s: string) =>
  s
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')

/** The page's address as a URI value: http(s) only, nothing a line could break on. */
function uri(url: string): string | undefined {
  try {
    const u = new URL(url.trim())
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href.replace(/[\u0000-\u0020\u007F]/g, '') : undefined
  } catch {
    return undefined
  }
}

/** UID: 64-bit FNV-1a of the class id, in hex. Stable (re-adding updates the same event) and made of [0-9a-f] only, whatever the id holds. */
export function icsUid(id: string): string {
  let h = 0xcbf29ce484222325n
  for (const byte of new TextEncoder().encode(id)) h = BigInt.asUintN(64, (h ^ BigInt(byte)) * 0x100000001b3n)
  return `${h.toString(16).padStart(16, '0')}@yorisoi`
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const enc = new TextEncoder()
  const out: string[] = []
  let current = ''
  let size = 0
  for (const ch of line) {
    const n = enc.encode(ch).length
    if (size + n > (out.length ? 74 : 75)) {
      out.push(current)
      current = ''
      size = 0
    }
    current += ch
    size += n
  }
  out.push(current)
  return out.join('\r\n ')
}

const compact = (date: string) => date.replace(/-/g, '')
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

export function classToIcs(event: ClassEvent, options: { url: string; now: Date; prodId?: string }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${escape(options.prodId ?? '-//Yorisoi//Classes//JA')}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']
  const timed = !!event.startTime && event.startDate === event.endDate
  if (timed) {
    lines.push('BEGIN:VTIMEZONE', 'TZID:Asia/Tokyo', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0900', 'TZOFFSETTO:+0900', 'TZNAME:JST', 'END:STANDARD', 'END:VTIMEZONE')
  }
  const stamp = options.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  lines.push('BEGIN:VEVENT', `UID:${icsUid(event.id)}`, `DTSTAMP:${stamp}`)
  if (timed) {
    const t = (time: string) => `${time.replace(':', '')}00`
    lines.push(`DTSTART;TZID=Asia/Tokyo:${compact(event.startDate)}T${t(event.startTime!)}`)
    lines.push(`DTEND;TZID=Asia/Tokyo:${compact(event.endDate)}T${t(event.endTime ?? event.startTime!)}`)
  } else {
    lines.push(`DTSTART;VALUE=DATE:${compact(event.startDate)}`, `DTEND;VALUE=DATE:${compact(nextDay(event.endDate))}`)
  }
  lines.push(`SUMMARY:${escape(event.name)}`)
  const where = [event.venue, event.address].filter(Boolean).join(' ')
  if (where) lines.push(`LOCATION:${escape(where)}`)
  if (Number.isFinite(event.lat) && Number.isFinite(event.lon) && Math.abs(event.lat!) <= 90 && Math.abs(event.lon!) <= 180) lines.push(`GEO:${event.lat};${event.lon}`)
  const description = [event.timeNote, event.summary, event.applyMethod && `申込方法: ${event.applyMethod}`, event.contactPhone && `問合せ: ${event.contactName} ${event.contactPhone}`].filter(Boolean).join('\n')
  if (description) lines.push(`DESCRIPTION:${escape(description)}`)
  const url = uri(options.url)
  if (url) lines.push(`URL:${url}`)
  lines.push('END:VEVENT', 'END:VCALENDAR')
  return lines.map(foldLine).join('\r\n') + '\r\n'
}
