/**
 * A QR detector for the camera: the browser's own BarcodeDetector where it reads QR codes
 * (Android, macOS, ChromeOS), else the `barcode-detector` ponyfill over zxing-wasm. The wasm is
 * served by Yorisoi itself from the build (never a CDN) and is not precached: the camera fetches
 * it when chosen, `prefetchReader` once /staff has been quiet a few seconds (StaffView), and the
 * service worker keeps it for offline use.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url'

export interface QrDetector {
  detect(source: CanvasImageSource | ImageData): Promise<{ rawValue: string }[]>
}

type NativeDetectorClass = {
  new (options: { formats: string[] }): QrDetector
  getSupportedFormats(): Promise<string[]>
}

export const READER_WASM_URL = wasmUrl

/** The cache the service worker serves `.wasm` from (vite.config.ts, runtimeCaching). */
export const READER_CACHE = 'yorisoi-reader-wasm'

/**
 * Puts the reader wasm in the service worker's cache once /staff is quiet — straight into the
 * cache, since on a first visit the worker may not control the page yet — so the camera works
 * offline afterwards.
 */
export function prefetchReader(): void {
  if (!('caches' in window)) return
  void caches
    .open(READER_CACHE)
    .then(async (cache) => {
      if (!(await cache.match(wasmUrl))) await cache.add(wasmUrl)
    })
    .catch(() => undefined)
}

export async function createQrDetector(): Promise<QrDetector> {
  const native = (window as unknown as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector
  if (native && (await native.getSupportedFormats().catch((): string[] => [])).includes('qr_code')) return new native({ formats: ['qr_code'] })
  const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill')
  prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(wasmUrl, location.href).href : prefix + path) },
  })
  return new BarcodeDetector({ formats: ['qr_code'] })
}
