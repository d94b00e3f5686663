import { formatDay } from '../../domain/dates/format'
import { computed } from 'vue'
import { useRoute } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { findGuideFile, shippedGuides } from '../../content/guides'
import { guideList, localizeGuide } from '../../domain/guides/model'
import { GUIDE_CATEGORIES, type GuideLanguage } from '../../domain/guides/types'

/** The guide named in the route, in the language the page is showing. */
export function useGuide() {
  const route = useRoute()
  const { t, locale } = useI18n()
  const lang = computed(() => locale.value as GuideLanguage)
  const file = computed(() => findGuideFile(String(route.params.id ?? '')))
  const guide = computed(() => (file.value ? localizeGuide(file.value, lang.value) : undefined))
  const day = (iso: string) => formatDay(iso, 'date', lang.value)
  return { t, lang, file, guide, day }
}

/** Every guide in the page's language, in category order. */
export function useGuideList() {
  const { locale } = useI18n()
  return computed(() => guideList(shippedGuides, locale.value as GuideLanguage, GUIDE_CATEGORIES))
}
