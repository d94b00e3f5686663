import type { FormDefinition } from './types'

export * from './types'

/*
 * Which forms ship is the town's content (src/content/registry.ts `loadForms()`); every function
 * here takes the forms it works on as an argument.
 */

/** The newest version of each form: what a resident starts a new application with. */
export function currentForms(forms: readonly FormDefinition[]): FormDefinition[] {
  const newest = new Map<string, FormDefinition>()
  for (const f of forms) if ((newest.get(f.id)?.version ?? 0) < f.version) newest.set(f.id, f)
  return [...newest.values()].sort((a, b) => (a.order ?? 999) - (b.order ?? 999) || a.id.localeCompare(b.id))
}

export function findForm(forms: readonly FormDefinition[], id: string, version?: number): FormDefinition | undefined {
  if (version === undefined) return currentForms(forms).find((f) => f.id === id)
  return forms.find((f) => f.id === id && f.version === version)
}
