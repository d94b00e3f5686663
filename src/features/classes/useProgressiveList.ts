import { onScopeDispose, shallowRef, watch, type Ref } from 'vue'

/**
 * A long list, rendered in steps: the first `first` items at once, then `step` more per task
 * until all are there. A town's file can list thousands of classes; rendering them all in one go
 * froze the page for seconds after loading and on every keystroke in the text filter. Between
 * steps the browser paints and handles the next key, and a new list (the filter changed) starts
 * over from its first items.
 */
export function useProgressiveList<T>(items: Ref<readonly T[]>, first = 50, step = 100): Ref<readonly T[]> {
  const shown = shallowRef<readonly T[]>([])
  let timer: ReturnType<typeof setTimeout> | undefined
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }
  watch(
    items,
    (all) => {
      stop()
      shown.value = all.length > first ? all.slice(0, first) : all
      const more = () => {
        const next = shown.value.length + step
        shown.value = next >= all.length ? all : all.slice(0, next)
        timer = shown.value === all ? undefined : setTimeout(more, 0)
      }
      if (shown.value !== all) timer = setTimeout(more, 0)
    },
    { immediate: true },
  )
  onScopeDispose(stop)
  return shown
}
