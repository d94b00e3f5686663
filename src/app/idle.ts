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

/**
 * Runs `task` once the page has loaded and nobody has typed, tapped or pasted for `quietMs`
 * (then in an idle callback): for downloads that must happen on every visit but must not share
 * the line with someone at work — a counter clerk's scanner types a code as keystrokes. Returns
 * a function that cancels it (when the page is left first).
 */
export function whenQuiet(task: () => void, quietMs = 3000): () => void {
  const events = ['keydown', 'input', 'pointerdown', 'paste'] as const
  let timer: number | undefined
  let done = false
  const stop = (): void => {
    done = true
    window.clearTimeout(timer)
    for (const e of events) window.removeEventListener(e, restart, true)
    window.removeEventListener('load', restart)
  }
  function restart(): void {
    window.clearTimeout(timer)
    if (document.readyState !== 'complete') return // counted from the load event
    timer = window.setTimeout(() => {
      stop()
      whenIdle(task, 2000)
    }, quietMs)
  }
  for (const e of events) window.addEventListener(e, restart, { capture: true, passive: true })
  if (document.readyState === 'complete') restart()
  else window.addEventListener('load', restart, { once: true })
  return () => {
    if (!done) stop()
  }
}
