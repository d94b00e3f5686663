import { defineStore } from 'pinia'
import { ref } from 'vue'

/** The one `role="status"` region's text: page titles on navigation, and events worth hearing. */
export const useAnnouncerStore = defineStore('announcer', () => {
  const message = ref('')
  function announce(text: string): void {
    // Clear first so the same text twice is still read out.
    message.value = ''
    requestAnimationFrame(() => {
      message.value = text
    })
  }
  return { message, announce }
})
