/**
 * Bytes ⇄ decimal digits. Seven bytes (56 bits) become 17 digits (10^17 > 2^56); a last,
 * shorter run of k bytes becomes the fewest digits that can hold it. QR numeric mode stores a
 * digit in 3⅓ bits, so 17 digits take 56.7 bits for 56 bits of data: 1 % overhead.
 */
const DIGITS_FOR_BYTES = [0, 3, 5, 8, 10, 13, 15, 17] as const

export function bytesToDigits(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 7) {
    const chunk = bytes.subarray(i, i + 7)
    let v = 0n
    for (const b of chunk) v = (v << 8n) | BigInt(b)
    out += v.toString().padStart(DIGITS_FOR_BYTES[chunk.length]!, '0')
  }
  return out
}

/** undefined when the digit count cannot come from bytesToDigits or a chunk overflows. */
export function digitsToBytes(digits: string): Uint8Array | undefined {
  const full = Math.floor(digits.length / 17)
  const rest = digits.length - full * 17
  const tail = DIGITS_FOR_BYTES.indexOf(rest as (typeof DIGITS_FOR_BYTES)[number])
  if (tail < 0 || !/^\d*$/.test(digits)) return undefined
  const out = new Uint8Array(full * 7 + tail)
  let o = 0
  for (let i = 0; i < digits.length; ) {
    const n = digits.length - i >= 17 ? 17 : rest
    const bytes = n === 17 ? 7 : tail
    let v = BigInt(digits.slice(i, i + n))
    if (v >= 1n << BigInt(bytes * 8)) return undefined
    for (let b = bytes - 1; b >= 0; b--) {
      out[o + b] = Number(v & 0xffn)
      v >>= 8n
    }
    o += bytes
    i += n
  }
  return out
}

/** CRC-32 (IEEE), as used by zip and PNG. */
const TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

export function crc32(data: Uint8Array | string): number {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
  let c = 0xffffffff
  for (const b of bytes) c = TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
