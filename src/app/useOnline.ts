import { onBeforeUnmount, onMounted, ref } from 'vue'

/** Whether the phone has a connection, kept up to date (the online and offline events). */
export function useOnline() {
  const online = ref(navigator.onLine)
  const update = (): void => {
    online.value = navigator.onLine
  }
  onMounted(() => {
    update()
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('online', update)
    window.removeEventListener('offline', update)
  })
  return online
}
