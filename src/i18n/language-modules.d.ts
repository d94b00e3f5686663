/** Built by build/language-modules.ts: each language but Japanese as one module, loaded when chosen. */
declare module 'virtual:yorisoi/languages' {
  type Loader = () => Promise<{ default: unknown }>
  interface LanguageFiles {
    /** Feature messages by path (`/src/features/counter/locales/vi.json`). */
    features: Record<string, Loader>
    /** Content translations by path (`/src/content/locales/vi/guides.json`), the town's own aside. */
    content: Record<string, Loader>
  }
  interface LanguageModule {
    shell: Record<string, unknown>
    /** The town's name, counters and hours (`src/content/locales/<lang>/municipality.json`): every page shows them. */
    municipality: Record<string, Record<string, unknown>> | undefined
    files: () => Promise<LanguageFiles>
  }
  const modules: Record<string, () => Promise<LanguageModule>>
  export default modules
}
