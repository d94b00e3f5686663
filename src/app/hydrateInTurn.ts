import { defineAsyncComponent, defineComponent, onMounted, type Component, type HydrationStrategy } from 'vue'
import type { Router } from 'vue-router'

/**
 * Taking over a prerendered page (hydration) is one long task when the whole page is taken
 * over at once: on a slow phone about 60 ms of main thread for the home page, during which a tap
 * waits. A component made with `hydrateInTurn` is taken over in a task of its own instead, when
 * the browser is next idle: the page's parts one after another (the header, then the page).
 *
 * Nothing waits for them: the first touch, key or focus anywhere on the page takes over every
 * part still waiting at once, before the event reaches the element (listeners added while an
 * event is on its way to its target still hear it), so a tap on a button that was not taken
 * over yet works. (Vue's own `hydrateOnInteraction` replays a copied event instead, and only for
 * the part touched.) So does a navigation. And a page loads what changes it (progress, drafts)
 * only once it has been taken over (`onTakenOver`). So no part is updated or unmounted before it
 * was taken over, which Vue does not support (it would leave the built content and add a
 * second copy), and no part is taken over in a state the built page did not have.
 *
 * Where the page was not prerendered, the component renders at once like any other: the wrapper
 * knows its component from the start.
 */

const waiting = new Set<() => void>()
const drained: (() => void)[] = []

/** Takes over every part still waiting, now. */
export function hydrateNow(): void {
  // (a part taken over may hold parts of its own, waiting in their turn: those too)
  while (waiting.size) for (const run of [...waiting]) run()
}

/** Resolves once no part waits to be taken over. */
export function whenHydrated(): Promise<void> {
  return waiting.size === 0 ? Promise.resolve() : new Promise((resolve) => drained.push(resolve))
}

const idle = (run: () => void): (() => void) => {
  if (!window.requestIdleCallback) {
    const id = window.setTimeout(run, 20)
    return () => window.clearTimeout(id)
  }
  // (at the latest after 2 s on a page that never idles)
  const id = window.requestIdleCallback(run, { timeout: 2000 })
  return () => window.cancelIdleCallback(id)
}

const settle = (): void => {
  if (waiting.size === 0) drained.splice(0).forEach((resolve) => resolve())
}

const inTurn: HydrationStrategy = (hydrate) => {
  const run = (): void => {
    if (!waiting.delete(run)) return
    cancel()
    hydrate()
    settle()
  }
  waiting.add(run)
  const cancel = idle(run)
  return () => {
    waiting.delete(run)
    cancel()
    settle()
  }
}

export function hydrateInTurn<T extends Component>(component: T): T {
  const wrapper = defineAsyncComponent({ loader: () => Promise.resolve(component), hydrate: inTurn })
  // known before its first render, so a page rendered in the browser renders it at once (no
  // empty first frame, no focus lost to it)
  void (wrapper as { __asyncLoader?: () => Promise<unknown> }).__asyncLoader?.()
  return wrapper as unknown as T
}

/** In an app taking over a prerendered page: the first touch, key or focus, a navigation and printing take over every part still waiting. */
export function takeOverOnFirstInput(router: Router): void {
  for (const type of ['pointerdown', 'touchstart', 'keydown', 'focusin']) document.addEventListener(type, hydrateNow, { capture: true, passive: true })
  // printed from the browser's menu before every part was taken over: paper gets the whole page
  window.addEventListener('beforeprint', hydrateNow)
  router.beforeEach(() => hydrateNow())
}

/**
 * `onMounted`, once every part of the page has been taken over (at once where nothing waits): for
 * what a page loads that changes it (progress, drafts, bookmarks).
 */
export function onTakenOver(load: () => unknown): void {
  onMounted(() => void whenHydrated().then(load))
}

/** `<InTurn>`: its content is taken over in a task of its own (a long page's sections). */
export const InTurn = hydrateInTurn(defineComponent({ name: 'InTurn', setup: (_, { slots }) => () => slots.default?.() }))
