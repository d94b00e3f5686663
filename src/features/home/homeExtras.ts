import type { Component } from 'vue'
import { db } from '../../db'

/**
 * What the home page adds after its first paint, only when the resident has something there:
 * counter forms in progress, くらしの手続きナビ checklists in progress, guides started and not
 * finished, then the next class marked 「気になる」. Kept out of the first-paint chunk with Dexie (and the life data).
 */
export async function homeExtras(): Promise<Component[]> {
  const out: Component[] = []
  if (await db().drafts.count().catch(() => 0)) out.push((await import('../counter/HomeDrafts.vue')).default)
  if (await db().lifeChecklists.count().catch(() => 0)) out.push((await import('../life/HomeLife.vue')).default)
  if (await db().guideProgress.filter((r) => !r.finished).count().catch(() => 0)) {
    const [card, { guidesTranslated }] = await Promise.all([import('../guides/HomeGuides.vue'), import('../../content/guides')])
    // the guides arrived with this card, after the page: their titles in an added language first
    await guidesTranslated
    out.push(card.default)
  }
  if (await db().bookmarks.count().catch(() => 0)) out.push((await import('../classes/HomeNextClass.vue')).default)
  return out
}
