/**
 * Years: time references in a text (2010年底, “十五”末, 十二五期间) and the
 * plan period of a tree.
 */
import { execAll } from '../core/scan.js'
import type { Root } from '../core/types.js'
import { roleGrammar as R } from './grammar.js'

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


export interface TimeRef {
  start: number
  end: number
  year: number
  base: boolean
}

/** Year references of a text: 2010年底, “十五”末, 十二五期间. */
export function timeRefs(text: string): TimeRef[] {
  const refs: TimeRef[] = []
  const push = (start: number, end: number, year: number): void => {
    const before = text.slice(Math.max(0, start - 3), start).replace(/[“"＂的\s]/g, '')
    const after = text.slice(end, end + 3)
    if (/^(?:起|以来|开始)/.test(after)) return
    const base = R.baseMarkers.some((b) => before.endsWith(b)) || /^(?:相比|比较)/.test(after)
    refs.push({ start, end, year, base })
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
