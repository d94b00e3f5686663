import { defineStore } from 'pinia'
import { ref } from 'vue'

/** A new release waiting to take over. The app never reloads by itself: the resident decides. */
export const usePwaStore = defineStore('pwa', () => {
  const updateReady = ref(false)
  let activate: (() => void) | null = null

  function offerUpdate(apply: () => void): void {
    activate = apply
    updateReady.value = true
  }

  function applyUpdate(): void {
    activate?.()
  }

  function dismiss(): void {
    updateReady.value = false
  }

  return { updateReady, offerUpdate, applyUpdate, dismiss }
})
