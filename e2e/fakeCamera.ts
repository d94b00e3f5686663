/**
 * A fake camera for Chromium (`--use-file-for-fake-video-capture`): a still image — a QR code
 * screenshot — centred on a white 640×480 frame, as a YUV4MPEG2 (.y4m) file, the raw format
 * Chromium reads. Written here with pngjs rather than by ffmpeg, so the tests need no ffmpeg
 * (a large apt install on a fresh CI machine) for two files.
 */
import { writeFileSync } from 'node:fs'
import { PNG } from 'pngjs'

const W = 640
const H = 480

/** Writes `frames` identical frames of `png` scaled (nearest neighbour) to `size`×`size`, centred on white. */
export function writeQrVideo(png: Buffer, file: string, size = 440, frames = 20): void {
  const image = PNG.sync.read(png)
  const rgb = new Uint8Array(W * H * 3).fill(255)
  const left = Math.floor((W - size) / 2)
  const top = Math.floor((H - size) / 2)
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const sx = Math.floor((x * image.width) / size)
      const sy = Math.floor((y * image.height) / size)
      const s = (sy * image.width + sx) * 4
      const a = image.data[s + 3]! / 255
      const d = ((top + y) * W + left + x) * 3
      for (let c = 0; c < 3; c++) rgb[d + c] = Math.round(image.data[s + c]! * a + 255 * (1 - a))
    }
  // BT.601 full-range (JPEG) RGB → Y'CbCr, chroma averaged over 2×2 blocks (4:2:0)
  const yPlane = new Uint8Array(W * H)
  const uPlane = new Uint8Array((W / 2) * (H / 2))
  const vPlane = new Uint8Array((W / 2) * (H / 2))
  for (let i = 0; i < W * H; i++) {
    const [r, g, b] = [rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!]
    yPlane[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b)
  }
  for (let y = 0; y < H / 2; y++)
    for (let x = 0; x < W / 2; x++) {
      let u = 0
      let v = 0
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const i = ((2 * y + dy) * W + 2 * x + dx) * 3
        const [r, g, b] = [rgb[i]!, rgb[i + 1]!, rgb[i + 2]!]
        u += 128 - 0.168736 * r - 0.331264 * g + 0.5 * b
        v += 128 + 0.5 * r - 0.418688 * g - 0.081312 * b
      }
      uPlane[y * (W / 2) + x] = Math.max(0, Math.min(255, Math.round(u / 4)))
      vPlane[y * (W / 2) + x] = Math.max(0, Math.min(255, Math.round(v / 4)))
    }
  const frame = Buffer.concat([Buffer.from('FRAME\n'), yPlane, uPlane, vPlane])
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: frames }, () => frame)]))
}
