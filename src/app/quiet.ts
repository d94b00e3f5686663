import { whenIdle } from './idle'

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
