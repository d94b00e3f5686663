/**
 * Runs `task` when the browser is next idle, and at the latest after `timeout` ms
 * (requestIdleCallback; a short timer where it is missing, as in Safari before 18.2). For work
 * that must happen on every visit but must not compete with the first paint.
 */
export function whenIdle(task: () => void, timeout = 3000): void {
  if (window.requestIdleCallback) window.requestIdleCallback(() => task(), { timeout })
  else window.setTimeout(task, 200)
}
