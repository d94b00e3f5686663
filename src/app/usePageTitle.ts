import { useI18n } from 'vue-i18n'
import type { RouteLocationNormalizedLoaded } from 'vue-router'
import { rubyToPlain } from '../domain/text/ruby'

/** The plain-text title of a route, in Japanese for staff pages. */
export function usePageTitle() {
  const { t } = useI18n()
  return (route: RouteLocationNormalizedLoaded): string => {
    const options = route.meta.staff ? { locale: 'ja' } : {}
    const title = rubyToPlain(t(route.meta.titleKey, {}, options))
    return rubyToPlain(t('app.pageTitle', { title }, options))
  }
}
