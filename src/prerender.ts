/**
 * The build's prerender entry (vite.config.ts `prerenderPages`, loaded through Vite's SSR module
 * loader with a happy-dom window): renders one route of the app, in the town's default language
 * and default settings, to the HTML the browser later hydrates.
 */
import { createPinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import { renderToString } from 'vue/server-renderer'
import { createYorisoi } from './app/createYorisoi'

/** `modules`: the source files of the components rendered (@vitejs/plugin-vue records them), to find their stylesheets. */
export async function render(path: string): Promise<{ html: string; title: string; prerender: boolean; modules: string[] }> {
  const { app, router } = await createYorisoi({ pinia: createPinia(), ssr: true, history: createMemoryHistory(), path })
  const context: { modules?: Set<string> } = {}
  const html = await renderToString(app, context)
  const { meta, params } = router.currentRoute.value
  const prerender = typeof meta.prerender === 'function' ? meta.prerender(params) : meta.prerender === true
  return { html, title: document.title, prerender, modules: [...(context.modules ?? [])] }
}
