import QRCode, { type QRCodeSegment } from 'qrcode'

/** The standard quiet zone around a QR code, in modules. */
export const QUIET_ZONE = 4

/**
 * A payload part as a QR code in numeric mode at error correction M, drawn as one SVG path of
 * horizontal runs (one `M…h…v1h…z` per run of dark modules), with the quiet zone included.
 */
export function qrSvgPath(digits: string): { d: string; size: number; version: number } {
  return drawQr([{ data: digits, mode: 'numeric' }])
}

/** Any text (a web address) as a QR code in byte mode at error correction M, drawn the same way. */
export function qrSvgPathText(text: string): { d: string; size: number; version: number } {
  return drawQr([{ data: new TextEncoder().encode(text), mode: 'byte' }])
}

function drawQr(segments: QRCodeSegment[]): { d: string; size: number; version: number } {
  const qr = QRCode.create(segments, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  let d = ''
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!qr.modules.get(y, x)) continue
      let run = 1
      while (x + run < n && qr.modules.get(y, x + run)) run++
      d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`
      x += run - 1
    }
  }
  return { d, size: n + QUIET_ZONE * 2, version: qr.version }
}
