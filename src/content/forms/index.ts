/**
 * Every shipped form in every version still supported: `src/content/forms/<id>.v<version>.json`.
 * When a form's fields change, add the next version as a new file and keep the old one, so an
 * old draft or QR code still opens and scans. Files are checked against form.schema.json at build.
 *
 * Reached only through `loadForms()` in ../registry.ts (one chunk, loaded by the pages that need
 * forms, so the first paint of every other page does not carry them).
 */
import type { FormDefinition } from '../../domain/forms/types'

/** By path (`./jumin-hyo.v1.json`), for the translations. */
export const files = import.meta.glob<FormDefinition>('./*.v*.json', { eager: true, import: 'default' })

/** Sorted by id then version. */
export const shippedForms: FormDefinition[] = Object.values(files).sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version)
