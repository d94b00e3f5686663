/**
 * A step-by-step guide as a town ships it (`src/content/guides/<id>.json`). The shape shared by
 * every language (step ids, illustrations, flags, sources) is written once; the words are
 * written per language, with the same steps in the same order.
 */
import type { Language } from '../language'

export type GuideLanguage = Language

export const GUIDE_CATEGORIES = ['mynumber', 'online', 'basics'] as const
export type GuideCategory = (typeof GUIDE_CATEGORIES)[number]

/** Simple drawings made for Yorisoi (see GuideIllustration.vue): a phone, a card, a machine. */
export const SCENES = ['phone-qr', 'phone-form', 'phone-mail', 'phone-photo', 'phone-pin', 'phone-card', 'phone-app', 'phone-list', 'phone-done', 'phone-keyboard', 'phone-wifi', 'phone-settings', 'card', 'letter', 'counter', 'kiosk', 'reader', 'photo-booth', 'computer', 'bank'] as const
export type Scene = (typeof SCENES)[number]

/** A step that needs extra care carries a flag, shown with a word and a symbol (never colour alone). */
export type StepFlag = 'important' | 'caution'

export interface GuideStepShape {
  id: string
  illustration?: Scene
  flag?: StepFlag
}

export interface Trouble {
  problem: string
  fix: string
}

export interface GuideStepText {
  id: string
  title: string
  body: string
  tip?: string
  troubles?: Trouble[]
}

export interface GuideText {
  title: string
  summary: string
  /** 持ち物: what to have ready before starting. */
  needs: string[]
  steps: GuideStepText[]
  /** What to do after the last step. */
  next: string
}

export interface GuideSource {
  name: Record<GuideLanguage, string>
  url: string
}

export interface GuideFile {
  id: string
  category: GuideCategory
  /** Position in its category's list. */
  order: number
  minutes: number
  steps: GuideStepShape[]
  sources: GuideSource[]
  /** YYYY-MM-DD: when the facts were last checked against the sources. */
  reviewed: string
  /** Class topics (schedule TopicId) and a counter form id shown on the finish screen. */
  related?: { topics?: string[]; form?: string }
  text: Record<GuideLanguage, GuideText>
}

/** One guide in one language, ready to render. */
export interface GuideStep extends GuideStepShape, Omit<GuideStepText, 'id'> {
  /** 0-based position. */
  index: number
}

export interface Guide {
  id: string
  category: GuideCategory
  order: number
  minutes: number
  title: string
  summary: string
  needs: string[]
  next: string
  steps: GuideStep[]
  sources: { name: string; url: string }[]
  reviewed: string
  related: { topics: string[]; form?: string }
}
