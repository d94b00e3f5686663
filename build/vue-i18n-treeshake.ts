import type { Plugin } from 'vite'

/**
 * vue-i18n 11 reads `getCurrentInstance` through `import * as Vue from 'vue'` and a dynamic
 * `key in Vue` test (its "avoid bundler warning" shim). A dynamic lookup on a namespace stops the
 * bundler from tree-shaking Vue, so every resident's first paint carried all of Vue (custom
 * elements, transitions, …): about 20 kB gzip. With Vue 3.5 `'currentInstance' in Vue` is
 * always false, so the shim always calls `Vue.getCurrentInstance()`: this rewrite to a named
 * import is exactly that behaviour. If vue-i18n changes the shim, the build says so.
 */
const NAMESPACE_IMPORT = "import * as Vue from 'vue';"
const SHIM = /function getCurrentInstance\(\) \{[\s\S]*?return Vue\.getCurrentInstance\(\);\s*\}\s*\}/

export function vueI18nTreeShake(): Plugin {
  return {
    name: 'yorisoi:vue-i18n-treeshake',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/vue-i18n\/dist\/vue-i18n\.runtime\.(mjs|esm-bundler\.js)$/.test(id)) return null
      // the esm-bundler entry only re-exports the .mjs build, which carries the shim
      if (id.endsWith('.esm-bundler.js') && !code.includes(NAMESPACE_IMPORT)) return null
      if (!code.includes(NAMESPACE_IMPORT) || !SHIM.test(code)) {
        this.warn(id + ': vue-i18n no longer has the getCurrentInstance shim this plugin rewrites: remove the plugin')
        return null
      }
      return {
        code: code
          .replace(NAMESPACE_IMPORT, "import { getCurrentInstance as vueGetCurrentInstance } from 'vue';")
          .replace(SHIM, 'function getCurrentInstance() {\n    return vueGetCurrentInstance();\n}'),
        map: null,
      }
    },
  }
}
