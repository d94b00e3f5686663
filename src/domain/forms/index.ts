import { shippedForms } from '../../content/forms'
import type { FormDefinition } from './types'

export * from './types'

/** Every shipped form in every supported version, sorted by id then version. */
export function allForms(): FormDefinition[] {
  return [...shippedForms].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version)
}

/** The newest version of each form: what a resident starts a new application with. */
export function currentForms(forms: FormDefinition[] = allForms()): FormDefinition[] {
  const newest = new Map<string, FormDefinition>()
  for (const f of forms) if ((newest.get(f.id)?.version ?? 0) < f.version) newest.set(f.id, f)
  return [...newest.values()].sort((a, b) => (a.order ?? 999) - (b.order ?? 999) || a.id.localeCompare(b.id))
}

export function findForm(forms: FormDefinition[], id: string, version?: number): FormDefinition | undefined {
  if (version === undefined) return currentForms(forms).find((f) => f.id === id)
  return forms.find((f) => f.id === id && f.version === version)
}
