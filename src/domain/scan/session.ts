/**
 * The counter's reading session: parts scanned in any order become one application. A bad scan
 * is reported and changes nothing already collected or shown. Memory only — no storage.
 */
import type { FormDefinition } from '../forms/types'
import { decodePayload, inspectPart, type DecodedApplication, type PayloadErrorCode } from '../payload'

export type ScanOutcome =
  | { kind: 'application'; application: DecodedApplication; code: string }
  | { kind: 'progress'; received: number[]; total: number }
  | { kind: 'error'; code: PayloadErrorCode; formId?: string; formVersion?: number }
  | { kind: 'duplicate'; received: number[]; total: number }

export class ScanSession {
  private parts: { index: number; digits: string }[] = []
  private tag: string | undefined
  private count = 0
  application: DecodedApplication | undefined
  /** The whole code of `application`, its parts in order: the same code read again is the same application. */
  code: string | undefined

  constructor(private readonly forms: FormDefinition[]) {}

  /** Part numbers collected so far for the application being read. */
  get received(): number[] {
    return this.parts.map((p) => p.index).sort((a, b) => a - b)
  }

  add(text: string): ScanOutcome {
    const info = inspectPart(text)
    if (!info.ok) return { kind: 'error', code: info.code }
    if (this.parts.length > 0 && info.tag !== this.tag) {
      // a part of another application while one is half read: say so, keep what was read
      if (this.parts.length < this.count) return { kind: 'error', code: 'mixed' }
      this.parts = [] // the previous application was complete: this is the next resident's
    }
    if (this.parts.some((p) => p.digits === info.digits)) {
      if (this.application && this.code && this.parts.length === this.count) return { kind: 'application', application: this.application, code: this.code }
      return { kind: 'duplicate', received: this.received, total: info.count }
    }
    if (this.parts.some((p) => p.index === info.index)) return { kind: 'error', code: 'mixed' }
    this.tag = info.tag
    this.count = info.count
    this.parts.push({ index: info.index, digits: info.digits })
    const result = decodePayload(
      this.parts.map((p) => p.digits),
      this.forms,
    )
    if (result.ok) {
      this.application = result
      this.code = [...this.parts]
        .sort((a, b) => a.index - b.index)
        .map((p) => p.digits)
        .join(' ')
      return { kind: 'application', application: result, code: this.code }
    }
    if (result.code === 'incomplete') return { kind: 'progress', received: this.received, total: info.count }
    // the whole application failed (damaged after joining, unknown form): start over
    this.parts = []
    this.tag = undefined
    return { kind: 'error', code: result.code, formId: result.formId, formVersion: result.formVersion }
  }

  clear(): void {
    this.parts = []
    this.tag = undefined
    this.count = 0
    this.application = undefined
    this.code = undefined
  }
}
