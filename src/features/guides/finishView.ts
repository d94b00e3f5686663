import { shallowRef, type Component } from 'vue'

/**
 * The page at the end of a guide (`/guides/<id>/done`) suggests a class and a form, so its code
 * brings the classes and counter stores, the CSV reader and the database. It is loaded only on
 * the way to that page (the guide route's guards wait for it), never with a guide's overview
 * or its steps, and is there before the page renders, so focus moves to its heading as on any
 * other page.
 */
export const finishView = shallowRef<Component>()

export async function loadFinishView(): Promise<void> {
  finishView.value ??= (await import('./GuideFinishView.vue')).default
}
