/**
 * Years: time references in a text (2010年底, “十五”末, 十二五期间) and the
 * plan period of a tree.
 */
import { execAll } from '../core/scan.js'
import type { Root } from '../core/types.js'
import { roleGrammar as R } from './grammar.js'
import { contextGrammar } from './document-context.js'

const C = contextGrammar.zh

export const FIVE_YEAR: Readonly<Record<string, number>> = { 八五: 1995, 九五: 2000, 十五: 2005, 十一五: 2010, 十二五: 2015, 十三五: 2020, 十四五: 2025, 十五五: 2030 }
export const PERIOD_RE = /[“"＂]?(十[一二三四五]五|十五|九五|八五)[”"＂]?\s*(期末|末年|末|期间|时期|初|期)?/gu
const YEAR_RE = /((?:19|20)\d{2})\s*年\s*(底|末|初|年底|年末|上半年|度)?/gu

/** Plan period: from the tree, else from the first document's title. */
export function planPeriodOf(tree: Root): { start: number; end: number } | null {
  if (tree.data.period) return tree.data.period
  for (const d of tree.children) {
    const m = /(十[一二三四五]五|十五|九五)/.exec(d.title ?? '')
    if (m && FIVE_YEAR[m[1]!]) return { start: FIVE_YEAR[m[1]!]! - 4, end: FIVE_YEAR[m[1]!]! }
  }
  return null
}


/** A year reference in a text. */
export interface TimeRef {
  start: number
  end: number
  year: number
  /** A comparison base (比2020年, 在2018年基础上). */
  base: boolean
  /** A look back (过去一年, 去年, 过去五年): what it dates was achieved. */
  review?: boolean
  /** A deadline (到2025年, 力争到2025年): what it dates is to be reached by then. */
  by?: boolean
}

/**
 * Year references of a text: 2010年底, “十五”末, 十二五期间; with `thisYear`
 * (the year of a 政府工作报告 or of a one-year plan) also 今年, 过去一年,
 * 去年, 明年.
 */
export function timeRefs(text: string, thisYear: number | null = null): TimeRef[] {
  const refs: TimeRef[] = []
  const push = (start: number, end: number, year: number, review = false): void => {
    const before = text.slice(Math.max(0, start - 3), start).replace(/[“"＂的\s]/g, '')
    const after = text.slice(end, end + 4).replace(/^的/, '')
    if (/^(?:起|以来|开始)/.test(after)) return
    const base = R.baseMarkers.some((b) => before.endsWith(b)) || R.baseAfter.some((b) => after.startsWith(b))
    const ref: TimeRef = { start, end, year, base }
    if (review) ref.review = true
    if (R.futureMarkers.some((w) => text.slice(Math.max(0, start - w.length), start).replace(/\s+/g, '') === w)) ref.by = true
    refs.push(ref)
  }
  if (thisYear !== null) {
    const words: Array<[readonly string[], number, boolean]> = [
      [C.thisYear, thisYear, false],
      [C.lastYear, thisYear - 1, true],
      [C.pastPeriod, thisYear - 1, true],
      [C.nextYear, thisYear + 1, false],
    ]
    const taken = new Uint8Array(text.length)
    for (const [list, year, review] of words) {
      for (const w of [...list].sort((a, b) => b.length - a.length)) {
        for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) {
          if (taken[at]) continue
          taken.fill(1, at, at + w.length)
          push(at, at + w.length, year, review)
        }
      }
    }
  }
  for (const m of execAll(YEAR_RE, text)) push(m.index, m.index + m[0].length, Number(m[1]))
  for (const m of execAll(PERIOD_RE, text)) {
    const end = FIVE_YEAR[m[1]!]
    if (!end) continue
    // a bare 十五 must name the period (“十五”, 十五期末), not fifteen
    if (m[1] === '十五' && !m[2] && !/[“"＂]/.test(m[0])) continue
    push(m.index, m.index + m[0].length, m[2] === '初' ? end - 4 : end)
  }
  return refs.sort((a, b) => a.start - b.start)
}
