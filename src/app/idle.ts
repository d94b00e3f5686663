/**
 * Runs `task` when the browser is idle after the page has loaded, and at the latest `timeout`
 * ms after that (requestIdleCallback; a plain timer where it is missing, as in Safari before
 * 18.2). For work that must happen on every visit but must not compete with the first paint.
 */
export function whenIdle(task: () => void, timeout = 3000): void {
  const schedule = (): void => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => task(), { timeout })
    else window.setTimeout(task, 200)
  }
  if (document.readyState === 'complete') schedule()
  else window.addEventListener('load', schedule, { once: true })
}
