/**
 * Reading a table as a grid: cell text, the origin of a merged (virtual)
 * cell, and one label per column from all header rows.
 *
 * Shared by the quantities, roles and records stages, so that they agree
 * on what a column is called.
 */
import type { Table, TableCell } from './types.js'

/** Text of a cell (text and quantity children), whitespace removed. */
export function cellText(cell: TableCell | undefined): string {
  if (!cell) return ''
  return cell.children.map((c) => (c.type === 'text' ? c.value : c.raw)).join('').replace(/\s+/g, '')
}

/**
 * The cell that holds the text of grid position (`row`, `column`): the cell
 * itself, or the origin of the merged cell that covers it.
 */
export function originCell(table: Table, row: number, column: number): TableCell | undefined {
  const cell = table.children[row]?.children[column]
  const ref = cell?.data?.spanOf
  return ref ? table.children[ref.row]?.children[ref.column] : cell
}

/** Labels of a table's columns: one per header-row level, top first. */
export interface ColumnLabels {
  /** All levels joined (`目标值` over `2025年` gives `目标值2025年`). */
  headers: string[]
  /** The last level's label of the column (`2025年`). */
  leaves: string[]
}

/**
 * Per column, the labels of the consecutive header rows joined top to
 * bottom. A merged header cell labels every column it covers, once per
 * column even when it spans several header rows. In text forms, where a
 * merged cell is written once and the cells it covered are empty, an empty
 * upper header cell takes the label on its left when the row below labels
 * both columns (`目标值 |` over `2020年 | 2025年`).
 */
export function columnLabels(table: Table): ColumnLabels {
  const headerRows: number[] = []
  table.children.forEach((r, i) => {
    if (r.kind === 'header') headerRows.push(i)
  })
  const width = Math.max(0, ...headerRows.map((i) => table.children[i]!.children.length))
  const headers: string[] = []
  const leaves: string[] = []
  for (let k = 0; k < width; k++) {
    const parts: string[] = []
    let lastOrigin: TableCell | undefined
    headerRows.forEach((i, level) => {
      const origin = originCell(table, i, k)
      if (origin === lastOrigin) return
      lastOrigin = origin
      let text = cellText(origin)
      const below = headerRows[level + 1]
      if (!text && origin && !origin.data?.spanOf && below !== undefined && cellText(table.children[below]!.children[k])) {
        for (let j = k - 1; j >= 0; j--) {
          const left = table.children[i]!.children[j]
          const t = cellText(left)
          if (!t) continue
          if (cellText(table.children[below]!.children[j])) text = t
          break
        }
      }
      if (text) parts.push(text)
    })
    headers[k] = parts.join('')
    leaves[k] = parts[parts.length - 1] ?? ''
  }
  return { headers, leaves }
}

/**
 * The column of the names under a name header at column `k`: a header
 * merged over a category column and the name column (`指标` above
 * `保护利用 | 博物馆数量`) labels both, and the names stand in the last
 * column it covers.
 */
export function lastColumnOfLabel(headers: readonly string[], k: number): number {
  let last = k
  while (k >= 0 && headers[last + 1] !== undefined && headers[last + 1] === headers[k]) last++
  return last
}
