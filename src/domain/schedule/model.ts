/**
 * What the app knows of a town's class schedule once it is read: a class, the topics residents
 * filter by, and which copy to show. Apart from the reading itself (./import, with papaparse), so
 * the pages and the store load no CSV parser: the file is read in the import worker.
 */

export interface ClassEvent {
  /** Stable across imports of the same file: town code + the row's own number, else a hash. */
  id: string
  line: number
  name: string
  summary: string
  category: string
  startDate: string
  endDate: string
  startTime?: string
  endTime?: string
  timeNote: string
  venue: string
  address: string
  lat?: number
  lon?: number
  organizer: string
  target: string
  capacity: string
  fee: string
  applyMethod: string
  applyDeadline: string
  url: string
  contactName: string
  contactPhone: string
  notes: string
  topics: TopicId[]
  /** 'beginner' when the row says so (はじめて, 初心者, 入門 …); the standard has no level column. */
  level?: 'beginner'
}

export interface SkippedRow {
  line: number
  reason: 'no-name' | 'bad-date' | 'end-before-start'
  detail: string
}

export interface ImportResult {
  variant: 'standard' | 'recommended' | 'columns79' | 'unknown'
  rowsRead: number
  events: number
  classes: ClassEvent[]
  skipped: SkippedRow[]
}

export interface ImportOptions {
  keywords: string[]
  allRowsAreClasses?: boolean
}

/** Topics residents filter by, each found by words in the class's name and description. */
export const TOPICS = [
  { id: 'basics', words: ['基本', '初心者', '入門', '体験', 'はじめて', '操作', '使い方', 'スマホ教室', 'スマートフォン教室'] },
  { id: 'line', words: ['LINE', /(?<!オン)ライン/] },
  { id: 'mynumber', words: ['マイナンバー', 'マイナ保険証', 'マイナンバーカード'] },
  { id: 'myportal', words: ['マイナポータル', 'オンライン申請', 'ぴったりサービス', '電子申請'] },
  { id: 'photo', words: ['写真', 'カメラ', '動画'] },
  { id: 'safety', words: ['詐欺', 'セキュリティ', '安全', 'トラブル'] },
  { id: 'cashless', words: ['キャッシュレス', 'スマホ決済', 'QRコード決済', '電子マネー'] },
] as const
export type TopicId = (typeof TOPICS)[number]['id']

/**
 * What is wrong with an imported file, if anything:
 * - `unreadable`: no header we know (random bytes, an empty file, an HTML error page served as
 *   the CSV, a file in an encoding that decodes to nonsense);
 * - `no-classes`: a header we know but not one class — a header-only file, every row skipped as
 *   broken, or rows that are all other kinds of events.
 *
 * Decision: a file with a valid header and zero classes is NOT a good copy. A broken export
 * (the town's system writing only the header, or failing half-way) is far more likely than a
 * town deliberately publishing "no classes at all", and replacing the kept copy with nothing
 * would leave residents offline with an empty list. The cost is that in that rare deliberate
 * case the old copy stays in use — its classes fall off the list by date anyway, and the
 * resident sees 「最新の予定を読み込めませんでした」 rather than a silent change.
 */
export type ScheduleProblem = 'unreadable' | 'no-classes'
export function scheduleProblem(r: Pick<ImportResult, 'variant' | 'classes'>): ScheduleProblem | undefined {
  if (r.variant === 'unknown') return 'unreadable'
  if (r.classes.length === 0) return 'no-classes'
  return undefined
}

/**
 * The fresh copy as the app got it: imported, or why there is none (`offline`: the request
 * itself failed; `http`: the server answered with an error status).
 */
export type FreshSchedule = ImportResult | 'offline' | 'http'

/**
 * - `offline`: no connection, the kept copy is shown;
 * - `stale`: the server's file was broken or missing, the kept copy is shown;
 * - `unreadable` / `no-classes` / `unavailable`: nothing to show, and why (first load);
 * - `error`: no connection and nothing kept.
 */
export type ScheduleNotice = 'offline' | 'stale' | 'unreadable' | 'no-classes' | 'unavailable' | 'error'

export interface ScheduleDecision {
  /** Which copy the list shows. */
  show: 'fresh' | 'kept' | 'none'
  /** Whether the fresh file replaces the kept copy (only ever a good file). */
  store: boolean
  notice?: ScheduleNotice
}

/**
 * Which copy to show and keep once the fresh file has been tried. Never replaces a good kept
 * copy with a broken or empty one; a broken kept copy (left by an older version of the app) is
 * treated as no copy.
 */
export function decideSchedule(kept: Pick<ImportResult, 'variant' | 'classes'> | undefined, fresh: FreshSchedule): ScheduleDecision {
  const keptGood = kept !== undefined && !scheduleProblem(kept)
  if (typeof fresh !== 'string') {
    const problem = scheduleProblem(fresh)
    if (!problem) return { show: 'fresh', store: true }
    return keptGood ? { show: 'kept', store: false, notice: 'stale' } : { show: 'none', store: false, notice: problem }
  }
  if (fresh === 'offline') return keptGood ? { show: 'kept', store: false, notice: 'offline' } : { show: 'none', store: false, notice: 'error' }
  return keptGood ? { show: 'kept', store: false, notice: 'stale' } : { show: 'none', store: false, notice: 'unavailable' }
}
