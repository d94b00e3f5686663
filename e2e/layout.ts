import type { Page } from '@playwright/test'

/**
 * Layout checks any spec can run on the page it has open (375 px phones, every language and
 * text size). Each returns a list of readable problems, empty when the page is fine, so a spec
 * can report every defect of a page at once: `expect(await layoutProblems(page)).toEqual([])`.
 */

/** Nothing wider than the viewport: the page never scrolls sideways. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth
    const sw = document.documentElement.scrollWidth
    if (sw <= vw) return []
    const widest = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > vw + 1 && !el.closest('.visually-hidden, .skip-link'))
      .filter((el, _i, all) => !all.some((other) => other !== el && el.contains(other)))
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${JSON.stringify((el.textContent ?? '').trim().slice(0, 30))} ends at ${Math.round(el.getBoundingClientRect().right)}px`)
    return [`page is ${sw}px wide in a ${vw}px viewport: ${widest.join('; ')}`]
  })
}

/** A button or styled link whose content is wider or taller than its box (text cut off or spilling out). */
export async function overflowingControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.button, a[class], button')]
      .filter((el) => el.offsetParent !== null && !el.closest('.visually-hidden, .skip-link'))
      .filter((el) => el.clientWidth > 0 && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
      .map((el) => `control ${JSON.stringify((el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40))} overflows its box (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`),
  )
}

/** Two interactive controls drawn over each other (one hides part of the other, or a tap hits the wrong one). */
export async function overlappingControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])'
    const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      // checkVisibility: the content of a closed <details> keeps boxes (content-visibility: hidden) but is not drawn
      (el) => !el.closest('.visually-hidden, .skip-link') && getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0 && el.checkVisibility(),
    )
    // A radio or checkbox drawn inside its own label is one control, not two.
    const target = (el: HTMLElement): HTMLElement => (el instanceof HTMLInputElement && el.closest('label')) || el
    const boxes = controls.map((el) => ({ el, rects: [...target(el).getClientRects()].filter((r) => r.width > 0 && r.height > 0) }))
    const name = (el: HTMLElement): string => JSON.stringify((el.textContent || el.getAttribute('aria-label') || el.getAttribute('name') || el.tagName).replace(/\s+/g, ' ').trim().slice(0, 30))
    const problems: string[] = []
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!
        const b = boxes[j]!
        const ta = target(a.el)
        const tb = target(b.el)
        if (ta === tb || ta.contains(tb) || tb.contains(ta)) continue
        const hit = a.rects.some((ra) => b.rects.some((rb) => Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 1 && Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 1))
        if (hit) problems.push(`controls ${name(a.el)} and ${name(b.el)} overlap`)
      }
    }
    return problems
  })
}

/** Every <ruby> on one line, its reading on the same line just above its base (やさしい日本語). */
export async function splitRubies(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('ruby')]
      .filter((ruby) => ruby.getClientRects().length > 0)
      .flatMap((ruby) => {
        const base = [...ruby.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE)
        const range = document.createRange()
        range.selectNodeContents(ruby)
        const baseRects = base.flatMap((n) => {
          const r = document.createRange()
          r.selectNodeContents(n)
          return [...r.getClientRects()]
        })
        const rt = ruby.querySelector('rt')
        const rtRects = rt ? [...rt.getClientRects()] : []
        const label = JSON.stringify(ruby.textContent)
        const baseLines = new Set(baseRects.map((r) => Math.round(r.top / 4)))
        if (ruby.getClientRects().length > 1 || baseLines.size > 1) return [`ruby ${label} is laid out on two lines`]
        if (rtRects.length > 1) return [`the reading of ${label} is split across lines`]
        const b = baseRects[0]
        const t = rtRects[0]
        if (b && t && (t.bottom > b.top + b.height / 2 || t.top < b.top - 2 * b.height || Math.min(t.right, b.right) <= Math.max(t.left, b.left)))
          return [`the reading of ${label} is not on the line of its base`]
        return []
      }),
  )
}

/**
 * やさしい日本語 is written with spaces between phrases: a line may end only at a space (or after
 * 。、 ！？ and closing brackets, which end a phrase too). Reports each line that ends inside a
 * phrase that would have fit on one line, as 「スマホ教 / 室を」; a phrase wider than its whole box
 * may be cut (the last resort that keeps it on the screen at 特大). Text is grouped by the block
 * it is laid out in; furigana are skipped.
 */
export async function phrasesCutAtLineEnd(page: Page, root = 'body'): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    const inlineDisplays = new Set(['inline', 'ruby', 'ruby-base', 'contents'])
    const blockOf = (el: Element): Element => {
      let e: Element | null = el
      while (e && inlineDisplays.has(getComputedStyle(e).display)) e = e.parentElement
      return e ?? el
    }
    type Char = { ch: string; top: number; bottom: number; width: number }
    const space: Char = { ch: ' ', top: NaN, bottom: NaN, width: 0 }
    const groups = new Map<Element, Char[]>()
    const rootEl = document.querySelector(rootSelector) ?? document.body
    const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n instanceof HTMLBRElement) {
        groups.get(blockOf(n))?.push(space)
        continue
      }
      if (n.nodeType !== Node.TEXT_NODE) continue
      const parent = n.parentElement
      if (!parent || parent.closest('rt, rp, .visually-hidden, .skip-link, script, style, svg, textarea')) continue
      if (parent.getClientRects().length === 0) continue
      const block = blockOf(parent)
      const chars = groups.get(block) ?? []
      const text = n.textContent ?? ''
      for (let i = 0; i < text.length; i++) {
        const r = document.createRange()
        r.setStart(n, i)
        r.setEnd(n, i + 1)
        const rect = [...r.getClientRects()].find((x) => x.width > 0)
        if (rect) chars.push({ ch: text[i]!, top: rect.top, bottom: rect.bottom, width: rect.width })
        else if (/\s/.test(text[i]!)) chars.push(space)
      }
      groups.set(block, chars)
    }
    const endsPhrase = /[\s。、！？!?,.）」』】〉》)\]：:・]/
    const isBreak = (c: Char): boolean => Number.isNaN(c.top) || /\s/.test(c.ch)
    const problems: string[] = []
    for (const [block, chars] of groups) {
      const style = getComputedStyle(block)
      const boxWidth = block.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      let prev: Char | undefined
      let sawSpace = false
      for (let i = 0; i < chars.length; i++) {
        const c = chars[i]!
        if (Number.isNaN(c.top)) {
          sawSpace = true
          continue
        }
        if (prev && c.top >= prev.bottom - 2 && !sawSpace && !endsPhrase.test(prev.ch) && !/[\s「『（(【〈《]/.test(c.ch) && !/[A-Za-z0-9]/.test(prev.ch + c.ch)) {
          let from = i
          while (from > 0 && !isBreak(chars[from - 1]!)) from--
          let to = i
          while (to < chars.length && !isBreak(chars[to]!)) to++
          const phraseWidth = chars.slice(from, to).reduce((sum, x) => sum + x.width, 0)
          if (phraseWidth <= boxWidth) {
            const before = chars.slice(Math.max(0, i - 6), i).map((x) => x.ch).join('')
            const after = chars.slice(i, i + 6).map((x) => x.ch).join('')
            problems.push(`line breaks inside a phrase that fits its box: 「${before.trim()} / ${after.trim()}」`)
          }
        }
        prev = c
        sawSpace = /\s/.test(c.ch)
      }
    }
    return problems
  }, root)
}

/** Every check at once; `rubies` adds the やさしい日本語 checks (ruby on one line, breaks only between phrases). */
/**
 * Furigana markup shown as text (「サンプル{市|し}の」): the town's own text passed into a message
 * without withFurigana, so the literal-interpolation rule kept its braces. Open data is meant to
 * show braces as written, but the sweeps' pages carry none.
 */
export async function rawFuriganaMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = document.body.innerText.match(/[{｛][^{}｛｝\n]*[|｜][^{}｛｝\n]*[}｝]/g) ?? []
    return [...new Set(found)].map((m) => `furigana markup shown as text: ${JSON.stringify(m)}`)
  })
}

export async function layoutProblems(page: Page, { rubies = false } = {}): Promise<string[]> {
  const found = [...(await horizontalOverflow(page)), ...(await overflowingControls(page)), ...(await overlappingControls(page)), ...(await rawFuriganaMarkup(page))]
  if (rubies) found.push(...(await splitRubies(page)), ...(await phrasesCutAtLineEnd(page)))
  return found
}

/** Controls (or their label) smaller than 44 × 44 px, the skip link aside. */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary')) {
      if (el.classList.contains('skip-link')) continue
      const target = (el.closest('label') as HTMLElement | null) ?? el
      const box = target.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      if (box.height < 44 || box.width < 44) found.push(`${el.outerHTML.slice(0, 80)} ${Math.round(box.width)}×${Math.round(box.height)}`)
    }
    return found
  })
}
