/** A bit stream, most significant bit first. */
export class BitWriter {
  private bits: number[] = []

  write(value: number, width: number): void {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** width) throw new RangeError(`${value} does not fit in ${width} bits`)
    for (let i = width - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2)
  }

  /** Unsigned integer of any size: groups of 4 bits, each preceded by a "more follows" bit. */
  writeVarint(value: number): void {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`varint ${value}`)
    const nibbles: number[] = []
    let v = value
    do {
      nibbles.unshift(v % 16)
      v = Math.floor(v / 16)
    } while (v > 0)
    nibbles.forEach((n, i) => {
      this.write(i < nibbles.length - 1 ? 1 : 0, 1)
      this.write(n, 4)
    })
  }

  get length(): number {
    return this.bits.length
  }

  /** The bits packed into bytes; the last byte is padded with zeros. */
  toBytes(): Uint8Array {
    const out = new Uint8Array(Math.ceil(this.bits.length / 8))
    this.bits.forEach((b, i) => {
      if (b) out[i >> 3]! |= 0x80 >> (i & 7)
    })
    return out
  }
}

export class EndOfData extends Error {}

export class BitReader {
  private pos = 0
  constructor(private readonly bytes: Uint8Array) {}

  read(width: number): number {
    let v = 0
    for (let i = 0; i < width; i++) {
      const byte = this.bytes[this.pos >> 3]
      if (byte === undefined) throw new EndOfData('read past the end')
      v = v * 2 + ((byte >> (7 - (this.pos & 7))) & 1)
      this.pos++
    }
    return v
  }

  readVarint(): number {
    let v = 0
    let more = 1
    let guard = 0
    while (more) {
      if (++guard > 14) throw new EndOfData('varint too long')
      more = this.read(1)
      v = v * 16 + this.read(4)
    }
    return v
  }

  /** Bits left that are not zero padding. */
  remainingNonZero(): boolean {
    while (this.pos < this.bytes.length * 8) if (this.read(1)) return true
    return false
  }
}
