/**
 * Roles in tables: the column headers (目标 / 完成情况 / 2025年) and the
 * row's indicator name decide role, year and metric of a cell's quantity.
 */
import { tableGrammar as T } from '../core/table-grammar.js'
import { cellText, columnLabels, lastColumnOfLabel, originCell } from '../core/table-grid.js'
import type { Document, Quantity, Table, TableCell } from '../core/types.js'
import { has, roleGrammar as R } from './grammar.js'
import { sentenceRoles, type Frame } from './sentence-roles.js'
import { PERIOD_RE, timeRefs } from './years.js'

/** A bracket closing an indicator name, holding its unit: （%） （万人/平方公里） (个/万人). */
const UNIT_BRACKET = /[（(][^（）()]{1,10}[）)]$/

/** Column roles of an indicator table, shared with `indicators.ts`. */
export interface TableLayout {
  /** Per column, the labels of all header rows joined (see `columnLabels`). */
  headers: string[]
  /** Per column, the label of the lowest header row. */
  leaves: string[]
  nameCol: number
  unitCol: number
  deadlineCol: number
  attributeCol: number
  remarkCol: number
}

export function tableLayout(table: Table): TableLayout {
  const { headers, leaves } = columnLabels(table)
  const find = (words: readonly string[]): number => headers.findIndex((h) => !!h && words.some((w) => h === w || h.includes(w)))
  let nameCol = headers.findIndex((h) => !!h && R.columnName.some((w) => h.startsWith(w)))
  if (nameCol < 0) nameCol = headers.findIndex((h) => !!h && !/序号|编号/.test(h))
  nameCol = lastColumnOfLabel(headers, nameCol)
  return {
    headers,
    leaves,
    nameCol,
    unitCol: headers.findIndex((h) => h === '单位' || h === '计量单位'),
    deadlineCol: headers.findIndex((h) => !!h && /时间|期限|时限|年份/.test(h)),
    attributeCol: find(R.columnAttribute),
    remarkCol: find(R.columnRemark),
  }
}

/** Name of the indicator of body row `r`, without its list number (a merged name cell names each row it covers). */
export function rowName(table: Table, r: number, layout: TableLayout): string {
  return cellText(originCell(table, r, layout.nameCol)).replace(/^\d+\s*[.．、]\s*/, '')
}

/** Text of grid position (`r`, `k`), read through merged cells. */
export function gridText(table: Table, r: number, k: number): string {
  return k < 0 ? '' : cellText(originCell(table, r, k))
}

export function tableRoles(table: Table, frame: Frame, doc: Document, period: { start: number; end: number } | null): void {
  const layout = tableLayout(table)
  const contextRefs = timeRefs(doc.title ?? '')
  const tablePeriod = contextRefs[0]?.year ?? null
  table.children.forEach((row, r) => {
    if (row.kind !== 'body') return
    // 研发经费投入强度（%）: the unit bracket names the unit, not the metric
    const name = rowName(table, r, layout).replace(UNIT_BRACKET, '')
    const deadline = layout.deadlineCol >= 0 ? timeRefs(gridText(table, r, layout.deadlineCol))[0]?.year ?? null : null
    row.children.forEach((cell, k) => {
      const qs = cell.children.filter((c): c is Quantity => c.type === 'quantity')
      if (qs.length === 0) return
      const header = layout.headers[k] ?? ''
      const whole = qs.length === 1 && cell.children.length === 1
      if (!whole) {
        // an explanation column defines its indicator; only what it requires (不宜小于87%) is a target
        const explains = k !== layout.nameCol && has(header, T.explanationColumn)
        sentenceRoles(cell.children, frame.role ? frame : { ...frame, role: 'target' }, period, deadline)
        for (const q of qs) {
          if (explains && q.role === 'target' && !requires(cell, q)) q.role = 'other'
          // a bound inside the indicator's name (人口密度超过每平方公里1.5万人的…) defines what is counted
          if (k === layout.nameCol) q.role = 'other'
          // a list of place names (南京、无锡…6市) is named by the column header
          const bare = q.metric ? q.metric.replace(/[（(][^（()）]*[）)]/g, '') : ''
          if (bare.includes('、') && bare.split('、').every((x) => x.length <= 3)) q.metric = header || name || null
          // a bare lead word (新增40套) leaves the row's name
          else if (!q.metric || q.metric.length <= 2) q.metric = (k !== layout.nameCol ? name : '') || header || null
        }
        return
      }
      const q = qs[0]!
      wholeCellRole(q, header, layout.leaves[k] ?? header, { frame, period, deadline, tablePeriod })
      const growth = has(header, R.columnGrowth)
      const suffix = growth ? header.replace(PERIOD_RE, '').replace(/[“”"]/g, '') : ''
      q.metric = name ? name + suffix : header || null
      if (growth) q.change = { direction: 'increase', period: /年/.test(header) ? 'annual' : 'cumulative' }
      // [14]: in an indicator table a bracketed value is the period's cumulative total
      else if (/^[［\[]/.test(cellText(cell)) && /[］\]]$/.test(cellText(cell))) q.change = { direction: 'increase', period: 'cumulative' }
    })
  })
}

/**
 * Role and year of a quantity that fills its cell, from its column: an
 * actual or baseline column, a target or growth column, or a year column
 * (one before the plan period is its baseline, one after its start a
 * target, for that year: staged targets 2025年 | 2035年 keep theirs).
 */
function wholeCellRole(
  q: Quantity,
  header: string,
  leaf: string,
  at: { frame: Frame; period: { start: number; end: number } | null; deadline: number | null; tablePeriod: number | null },
): void {
  const { frame, period, deadline, tablePeriod } = at
  const leafYear = timeRefs(leaf)[0]?.year ?? null
  const headerYear = leafYear ?? timeRefs(header)[0]?.year ?? null
  const growth = has(header, R.columnGrowth)
  const actualCol = has(header, R.columnActual)
  const targetCol = has(header, R.columnTarget) || growth
  // a year column before the plan period is its baseline (2020年 | 2025年 in a 十四五 table)
  const pastCol = headerYear !== null && period !== null && headerYear < period.start && !has(leaf, R.columnTarget)
  const futureCol = headerYear !== null && period !== null && headerYear >= period.start
  q.role = actualCol || pastCol ? 'actual' : targetCol || futureCol ? 'target' : frame.role === 'actual' ? 'actual' : 'target'
  q.year = headerYear ?? deadline ?? tablePeriod ?? (q.role === 'actual' ? frame.year : frame.targetYear ?? period?.end ?? null)
}

/**
 * True when the clause of `q` in an explanation cell states a requirement
 * (不宜小于87%, 应达到100%) rather than defining what is counted
 * (AQI≤100的天数).
 */
function requires(cell: TableCell, q: Quantity): boolean {
  let before = ''
  for (const c of cell.children) {
    if (c === q) break
    before += c.type === 'text' ? c.value : c.type === 'quantity' ? c.raw : ''
  }
  const clause = before.slice(Math.max(...['。', '；', ';', '，', ',', '（', '('].map((p) => before.lastIndexOf(p))) + 1) + q.raw
  return has(clause, T.requirementCues)
}
