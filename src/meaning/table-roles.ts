/**
 * Roles in tables: the column headers (目标 / 完成情况 / 2025年) and the
 * row's indicator name decide role, year and metric of a cell's quantity.
 */
import type { Document, Quantity, Table, TableCell } from '../core/types.js'
import { has, roleGrammar as R } from './grammar.js'
import { sentenceRoles, type Frame } from './sentence-roles.js'
import { PERIOD_RE, timeRefs } from './years.js'


function cellText(cell: TableCell | undefined): string {
  if (!cell) return ''
  return cell.children.map((c) => (c.type === 'text' ? c.value : c.raw)).join('').replace(/\s+/g, '')
}

/** Column roles of an indicator table, shared with `indicators.ts`. */
export interface TableLayout {
  headers: string[]
  nameCol: number
  unitCol: number
  deadlineCol: number
  attributeCol: number
  remarkCol: number
}

export function tableLayout(table: Table): TableLayout {
  const headers: string[] = []
  for (const r of table.children) if (r.kind === 'header') r.children.forEach((c, k) => (headers[k] = (headers[k] ?? '') + cellText(c)))
  const find = (words: readonly string[]): number => headers.findIndex((h) => !!h && words.some((w) => h === w || h.includes(w)))
  let nameCol = headers.findIndex((h) => !!h && R.columnName.some((w) => h.startsWith(w)))
  if (nameCol < 0) nameCol = headers.findIndex((h) => !!h && !/序号|编号/.test(h))
  return {
    headers,
    nameCol,
    unitCol: headers.findIndex((h) => h === '单位' || h === '计量单位'),
    deadlineCol: headers.findIndex((h) => !!h && /时间|期限|时限|年份/.test(h)),
    attributeCol: find(R.columnAttribute),
    remarkCol: find(R.columnRemark),
  }
}

/** Name of a table row's indicator, without its list number. */
export function rowName(cells: readonly TableCell[], layout: TableLayout): string {
  return cellText(cells[layout.nameCol]).replace(/^\d+\s*[.．、]\s*/, '')
}

export function tableRoles(table: Table, frame: Frame, doc: Document, period: { start: number; end: number } | null): void {
  const layout = tableLayout(table)
  const contextRefs = timeRefs(doc.title ?? '')
  const tablePeriod = contextRefs[0]?.year ?? null
  for (const row of table.children) {
    if (row.kind !== 'body') continue
    const name = rowName(row.children, layout)
    const deadline = layout.deadlineCol >= 0 ? timeRefs(cellText(row.children[layout.deadlineCol]))[0]?.year ?? null : null
    row.children.forEach((cell, k) => {
      const qs = cell.children.filter((c): c is Quantity => c.type === 'quantity')
      if (qs.length === 0) return
      const header = layout.headers[k] ?? ''
      const whole = qs.length === 1 && cell.children.length === 1
      if (!whole) {
        sentenceRoles(cell.children, frame.role ? frame : { ...frame, role: 'target' }, period, deadline)
        for (const q of qs) {
          // a list of place names (南京、无锡…6市) is named by the column header
          const bare = q.metric ? q.metric.replace(/[（(][^（()）]*[）)]/g, '') : ''
          if (bare.includes('、') && bare.split('、').every((x) => x.length <= 3)) q.metric = header || name || null
          // a bare lead word (新增40套) leaves the row's name
          else if (!q.metric || q.metric.length <= 2) q.metric = (k !== layout.nameCol ? name : '') || header || null
        }
        return
      }
      const q = qs[0]!
      const headerYear = timeRefs(header)[0]?.year ?? null
      const growth = has(header, R.columnGrowth)
      const actualCol = has(header, R.columnActual)
      const targetCol = has(header, R.columnTarget) || growth
      // a year column before the plan period is its baseline (2020年 | 2025年 in a 十四五 table)
      const pastCol = headerYear !== null && period !== null && headerYear < period.start && !has(header, R.columnTarget)
      q.role = actualCol || pastCol ? 'actual' : targetCol ? 'target' : frame.role === 'actual' ? 'actual' : 'target'
      q.year = headerYear ?? deadline ?? tablePeriod ?? (q.role === 'actual' ? frame.year : frame.targetYear ?? period?.end ?? null)
      const suffix = growth ? header.replace(PERIOD_RE, '').replace(/[“”"]/g, '') : ''
      q.metric = name ? name + suffix : header || null
      if (growth) q.change = { direction: 'increase', period: /年/.test(header) ? 'annual' : 'cumulative' }
    })
  }
}
