import { readonly, ref, type Ref } from 'vue'

/**
 * True once the page is being printed (and from then on): for what only paper shows, made when
 * it is needed rather than when the page opens. Set on `beforeprint` (the browser's print, the
 * page's print button: what it changes renders in a microtask, before the print layout) and when
 * the print media applies (a print preview, a test emulating print). Listened for from when a
 * page that prints is loaded, so a part still waiting to be taken over (app/hydrateInTurn.ts,
 * which takes every part over on `beforeprint`) knows it too.
 */
const printing = ref(false)
if (typeof window !== 'undefined') {
  window.addEventListener('beforeprint', () => (printing.value = true))
  window.matchMedia?.('print').addEventListener?.('change', (e) => e.matches && (printing.value = true))
}

export function usePrinting(): Readonly<Ref<boolean>> {
  return readonly(printing)
}
