import type { PrerenderState } from '../domain/prerender/early'

/** What the head script (domain/prerender/early.ts) decided about this page's prerendered content. */
export function prerenderState(): PrerenderState {
  const state = document.documentElement.dataset.prerender
  return state === 'show' || state === 'hide' ? state : 'none'
}

/**
 * Resolves once the page's first contentful paint has happened (the browser's own `paint`
 * entry), so the app's heavier work (hydration) never delays it; after `timeout` ms at the
 * latest (a tab opened in the background paints nothing until it is shown).
 */
export function afterFirstContentfulPaint(timeout = 1500): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0)
    setTimeout(resolve, timeout)
    if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) return done()
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return
      observer.disconnect()
      done()
    })
    observer.observe({ type: 'paint', buffered: true })
  })
}
