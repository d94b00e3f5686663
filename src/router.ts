import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import HomeView from './features/home/HomeView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title, announced on navigation and used for document.title. */
    titleKey: string
    /** Staff-facing pages are in Japanese whatever the resident's language. */
    staff?: boolean
    /** The feature folder whose messages the page needs (loaded before it renders). */
    feature?: string
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { titleKey: 'home.title' } },
  { path: '/classes', name: 'classes', component: () => import('./features/classes/ClassesView.vue'), meta: { titleKey: 'classes.title', feature: 'classes' } },
  { path: '/classes/:id', name: 'class', component: () => import('./features/classes/ClassDetailView.vue'), meta: { titleKey: 'classes.title', feature: 'classes' } },
  { path: '/guides', name: 'guides', component: () => import('./features/guides/GuidesView.vue'), meta: { titleKey: 'guides.title', feature: 'guides' } },
  // Stable addresses printed on flyers and handouts: /guides/<id>, /guides/<id>/<step id>, /guides/<id>/done.
  { path: '/guides/:id/:step?', name: 'guide', component: () => import('./features/guides/GuideRoute.vue'), meta: { titleKey: 'guides.title', feature: 'guides' } },
  { path: '/life', name: 'life', component: () => import('./features/life/LifeView.vue'), meta: { titleKey: 'life.title', feature: 'life' } },
  // The event and the step are named in the query, so each page is a real file on a plain static server.
  { path: '/life/event', name: 'life-event', component: () => import('./features/life/LifeEventView.vue'), meta: { titleKey: 'life.title', feature: 'life' } },
  { path: '/life/checklist', name: 'life-checklist', component: () => import('./features/life/LifeChecklistView.vue'), meta: { titleKey: 'life.checklist.title', feature: 'life' } },
  { path: '/counter', name: 'counter', component: () => import('./features/counter/CounterView.vue'), meta: { titleKey: 'counter.title', feature: 'counter' } },
  // Drafts are named in the query, not the path, so each page is a real file on a plain static server.
  { path: '/counter/form', name: 'counter-form', component: () => import('./features/counter/CounterFormView.vue'), meta: { titleKey: 'counter.title', feature: 'counter' } },
  { path: '/counter/check', name: 'counter-check', component: () => import('./features/counter/CounterCheckView.vue'), meta: { titleKey: 'counter.check.title', feature: 'counter' } },
  { path: '/counter/qr', name: 'counter-qr', component: () => import('./features/counter/CounterQrView.vue'), meta: { titleKey: 'counter.qr.title', feature: 'counter' } },
  { path: '/counter/profile', name: 'counter-profile', component: () => import('./features/counter/CounterProfileView.vue'), meta: { titleKey: 'counter.profile.title', feature: 'counter' } },
  { path: '/volunteer', name: 'volunteer', component: () => import('./features/volunteer/VolunteerView.vue'), meta: { titleKey: 'volunteer.title', feature: 'volunteer' } },
  { path: '/volunteer/plan', name: 'volunteer-plan', component: () => import('./features/volunteer/VolunteerPlanView.vue'), meta: { titleKey: 'volunteer.plan.title', feature: 'volunteer' } },
  { path: '/volunteer/present', name: 'volunteer-present', component: () => import('./features/volunteer/VolunteerPresentView.vue'), meta: { titleKey: 'volunteer.plan.title', feature: 'volunteer' } },
  { path: '/volunteer/record', name: 'volunteer-record', component: () => import('./features/volunteer/VolunteerRecordView.vue'), meta: { titleKey: 'volunteer.record.title', feature: 'volunteer' } },
  { path: '/staff', name: 'staff', component: () => import('./features/staff/StaffView.vue'), meta: { titleKey: 'staff.title', feature: 'staff', staff: true } },
  { path: '/settings', name: 'settings', component: () => import('./features/settings/SettingsView.vue'), meta: { titleKey: 'settings.title', feature: 'settings' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./features/home/NotFoundView.vue'), meta: { titleKey: 'notFound.title' } },
]

export function createAppRouter() {
  return createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  })
}
