/**
 * Every shipped form in every version still supported: `src/content/forms/<id>.v<version>.json`.
 * When a form's fields change, add the next version as a new file and keep the old one, so an
 * old draft or QR code still opens and scans. Files are checked against form.schema.json at build.
 */
import type { FormDefinition } from '../../domain/forms/types'

const files = import.meta.glob<FormDefinition>('./*.v*.json', { eager: true, import: 'default' })

export const shippedForms: FormDefinition[] = Object.values(files)
