/**
 * The words after a guide (「次にすること」) name other guides in quotes: 「マイナポータルにログインする」
 * or “Read a QR code”. These are split out so each named guide can be a link. Plain function.
 */
export type MentionSegment = { text: string; guideId?: string }

const QUOTED = /「([^「」]+)」|“([^“”]+)”/g

export function guideMentions(text: string, guides: { id: string; title: string }[], self?: string): MentionSegment[] {
  const byTitle = new Map(guides.filter((g) => g.id !== self).map((g) => [g.title, g.id]))
  const out: MentionSegment[] = []
  let last = 0
  for (const m of text.matchAll(QUOTED)) {
    const title = m[1] ?? m[2]!
    const id = byTitle.get(title)
    if (!id) continue
    const start = m.index + 1
    if (start > last) out.push({ text: text.slice(last, start) })
    out.push({ text: title, guideId: id })
    last = start + title.length
  }
  if (last < text.length) out.push({ text: text.slice(last) })
  return out
}
