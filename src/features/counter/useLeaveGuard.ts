import { onBeforeRouteLeave } from 'vue-router'
import { rubyToPlain } from '../../domain/text/ruby'
import { useCounterStore } from '../../stores/counter'
import { useCounterText } from './useCounterText'

/**
 * Leaving the counter pages while answers live only in this page's memory (storage refused
 * them) asks first, in the resident's language. Moving between the counter pages keeps them
 * and asks nothing. Closing or reloading the page is asked by the store's `beforeunload`.
 */
export function useLeaveGuard(): void {
  const store = useCounterStore()
  const { t } = useCounterText()
  onBeforeRouteLeave((to) => {
    if (!store.unkept || to.path.startsWith('/counter')) return true
    return window.confirm(rubyToPlain(t('counter.storage.confirmLeave')))
  })
}
