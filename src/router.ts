import { createRouter, createWebHistory, START_LOCATION, type RouteParamsGeneric, type Router, type RouterHistory, type RouteRecordRaw } from 'vue-router'
import HomeView from './features/home/HomeView.vue'
import { whenIdle } from './app/idle'
import { FINISH } from './domain/guides/model'
import { loadFormPurposes } from './content/registry'
import { hydrateInTurn } from './app/hydrateInTurn'
import type { Component } from 'vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title, announced on navigation and used for document.title. */
    titleKey: string
    /** Staff-facing pages are in Japanese whatever the resident's language. */
    staff?: boolean
    /** The feature folder whose messages the page needs (loaded before it renders). */
    feature?: string
    /** The page says it works offline itself, below its content (the QR page): no notice above it. */
    offlineNoticeBelow?: boolean
    /**
     * The build writes the page with its content in it (src/prerender.ts): a page whose content
     * is the same for every visitor on its plain address (no draft, no query, nothing stored).
     */
    prerender?: boolean | ((params: RouteParamsGeneric) => boolean)
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { prerender: true, titleKey: 'home.title' } },
  {
    path: '/classes',
    name: 'classes',
    component: () => import('./features/classes/ClassesView.vue'),
    // the schedule is asked for on the way (not awaited): it arrives while the page is taken over
    beforeEnter: async () => {
      if (typeof window !== 'undefined' && !import.meta.env.SSR) (await import('./stores/classes')).useClassesStore().prefetch()
    },
    meta: { prerender: true, titleKey: 'classes.title', feature: 'classes' },
  },
  { path: '/classes/:id', name: 'class', component: () => import('./features/classes/ClassDetailView.vue'), meta: { titleKey: 'classes.title', feature: 'classes' } },
  { path: '/guides', name: 'guides', component: () => import('./features/guides/GuidesView.vue'), meta: { prerender: true, titleKey: 'guides.title', feature: 'guides' } },
  // Stable addresses printed on flyers and handouts: /guides/<id>, /guides/<id>/<step id>, /guides/<id>/done.
  // Only the overview is prerendered: a step shows a read-aloud button where the phone can speak.
  { path: '/guides/:id/:step?', name: 'guide', component: () => import('./features/guides/GuideRoute.vue'),
    // the end page's code (classes, forms, the database) only on the way there (features/guides/finishView.ts)
    beforeEnter: async (to) => {
      if (to.params.step === FINISH) await (await import('./features/guides/finishView')).loadFinishView()
    },
    meta: { prerender: (params) => !params.step, titleKey: 'guides.title', feature: 'guides' } },
  {
    path: '/life',
    name: 'life',
    component: () => import('./features/life/LifeView.vue'),
    // the events are the page: loaded before it renders, so the prerendered page has them too
    beforeEnter: async () => {
      const { useLifeStore } = await import('./stores/life')
      await useLifeStore().loadContent()
    },
    meta: { prerender: true, titleKey: 'life.title', feature: 'life' } },
  // The event and the step are named in the query, so each page is a real file on a plain static server.
  { path: '/life/event', name: 'life-event', component: () => import('./features/life/LifeEventView.vue'), meta: { titleKey: 'life.title', feature: 'life' } },
  { path: '/life/checklist', name: 'life-checklist', component: () => import('./features/life/LifeChecklistView.vue'), meta: { titleKey: 'life.checklist.title', feature: 'life' } },
  {
    path: '/counter',
    name: 'counter',
    component: () => import('./features/counter/CounterView.vue'),
    // the forms to start are the page: loaded before it renders, so the prerendered page has them too
    beforeEnter: async () => {
      const { useCounterStore } = await import('./stores/counter')
      await Promise.all([useCounterStore().readyForms(), loadFormPurposes()])
    },
    meta: { prerender: true, titleKey: 'counter.title', feature: 'counter' },
  },
  // Drafts are named in the query, not the path, so each page is a real file on a plain static server.
  { path: '/counter/form', name: 'counter-form', component: () => import('./features/counter/CounterFormView.vue'), meta: { titleKey: 'counter.title', feature: 'counter' } },
  { path: '/counter/check', name: 'counter-check', component: () => import('./features/counter/CounterCheckView.vue'), meta: { titleKey: 'counter.check.title', feature: 'counter' } },
  { path: '/counter/qr', name: 'counter-qr', component: () => import('./features/counter/CounterQrView.vue'), meta: { titleKey: 'counter.qr.title', feature: 'counter', offlineNoticeBelow: true } },
  { path: '/counter/profile', name: 'counter-profile', component: () => import('./features/counter/CounterProfileView.vue'), meta: { titleKey: 'counter.profile.title', feature: 'counter' } },
  { path: '/volunteer', name: 'volunteer', component: () => import('./features/volunteer/VolunteerView.vue'), meta: { titleKey: 'volunteer.title', feature: 'volunteer' } },
  { path: '/volunteer/plan', name: 'volunteer-plan', component: () => import('./features/volunteer/VolunteerPlanView.vue'), meta: { titleKey: 'volunteer.plan.title', feature: 'volunteer' } },
  { path: '/volunteer/present', name: 'volunteer-present', component: () => import('./features/volunteer/VolunteerPresentView.vue'), meta: { titleKey: 'volunteer.plan.title', feature: 'volunteer' } },
  { path: '/volunteer/record', name: 'volunteer-record', component: () => import('./features/volunteer/VolunteerRecordView.vue'), meta: { titleKey: 'volunteer.record.title', feature: 'volunteer' } },
  { path: '/staff', name: 'staff', component: () => import('./features/staff/StaffView.vue'), meta: { titleKey: 'staff.title', feature: 'staff', staff: true } },
  { path: '/settings', name: 'settings', component: () => import('./features/settings/SettingsView.vue'), meta: { titleKey: 'settings.title', feature: 'settings' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./features/home/NotFoundView.vue'), meta: { titleKey: 'notFound.title' } },
]

/** The app's router; the build's prerender passes a memory history. */
/**
 * A prerendered page's view (meta.prerender) is taken over in a task of its own, after the
 * header (app/hydrateInTurn.ts), so a slow phone never runs the whole page's takeover as one
 * long task. Derived from the meta: a page that opts into prerendering gets it too.
 */
function takenOverInTurn(route: RouteRecordRaw): RouteRecordRaw {
  if (!route.meta?.prerender || !('component' in route) || !route.component) return route
  const view = route.component
  const load = typeof view === 'function' ? (view as () => Promise<{ default: Component }>) : () => Promise.resolve({ default: view as Component })
  return { ...route, component: () => load().then((m) => hydrateInTurn(m.default)) }
}

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  const router = createRouter({
    history,
    routes: routes.map(takenOverInTurn),
    // a page just opened is at its top already: scrolling there would make the browser lay the
    // page out again in the middle of the app's start, for nothing
    scrollBehavior: (_to, from, saved) => saved ?? (from === START_LOCATION ? false : { top: 0 }),
  })
  recoverFromStaleChunks(router)
  return router
}

/** The page a tab last reloaded onto because its files were gone (sessionStorage: per tab). */
export const CHUNK_RELOAD_KEY = 'yorisoi.chunkReload'

/** A lazy page's (or its messages') file could not be loaded: the release it belongs to is gone. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS|Load failed/i.test(message)
}

/**
 * Loads `target` afresh, at most once per target per tab: true when it did. A tab open while a
 * new release took over (another tab pressed 更新する, or a counter PC left open all day) still
 * runs the old release, whose lazy files are no longer on the server nor in the cache; a full
 * load of the page the resident was going to brings the new release. If that page fails again
 * right after, nothing reloads a second time, so the tab can never loop.
 */
export function reloadOnce(target: string, storage: Storage | null = sessionStorageOrNone(), go: (url: string) => void = (url) => window.location.assign(url)): boolean {
  if (!storage || storage.getItem(CHUNK_RELOAD_KEY) === target) return false
  storage.setItem(CHUNK_RELOAD_KEY, target)
  go(target)
  return true
}

function sessionStorageOrNone(): Storage | null {
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}

function recoverFromStaleChunks(router: Router): void {
  router.onError((error, to) => {
    if (isChunkLoadError(error)) reloadOnce(router.resolve(to).href)
  })
  // a page that opened is proof the release works: a later release may reload this tab again
  // (when idle: a tab's first touch of sessionStorage costs a phone several milliseconds, which
  // the first page's start should not)
  router.afterEach((_to, _from, failure) => {
    if (!failure) whenIdle(() => sessionStorageOrNone()?.removeItem(CHUNK_RELOAD_KEY), 1000)
  })
  // Vite also fires 'vite:preloadError' for the same failure, before the router sees it. It is
  // left alone: reloading there would lose the page the resident was going to (the router knows
  // it), and outside a navigation a reload could wipe what they were typing.
}
