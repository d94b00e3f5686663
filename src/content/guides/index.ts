/**
 * Every shipped guide: `src/content/guides/<id>.json`, checked against guide.schema.json (and
 * the same steps in every language) at build time and in tests. A town adds, edits or removes
 * a guide by editing these files only.
 */
import type { GuideFile } from '../../domain/guides/types'
import { registerContent } from '../translations'

const files = import.meta.glob<GuideFile>(['./*.json', '!./guide.schema.json'], { eager: true, import: 'default' })

export const shippedGuides: GuideFile[] = Object.values(files)

/** Resolves once the guides are in the languages shown (the router waits for it before a guide page renders). */
export const guidesTranslated = registerContent(files, 'guides/')

export function findGuideFile(id: string): GuideFile | undefined {
  return shippedGuides.find((g) => g.id === id)
}
