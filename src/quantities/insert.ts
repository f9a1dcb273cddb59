/**
 * The quantities stage: replaces the single `text` child of every sentence
 * and table cell by text / quantity / text … with exact positions, each
 * sentence and table read by the reader of its language (`split.ts`).
 *
 * Chinese sentences are read with `findQuantities`; table cells too, with the unit
 * of the row's unit column (单位) or of the column header (（万人）) as a
 * hint, and numbering, unit, year and remark columns skipped.
 */
import type { ParseContext } from '../core/context.js'
import { columnGrammar, tableGrammar as T } from '../core/table-grammar.js'
import { cellText, columnLabels, lastColumnOfLabel, originCell } from '../core/table-grid.js'
import type { Root, Table } from '../core/types.js'
import { englishReader, isEnglish, type LanguageMode } from './english.js'
import { findQuantities, unitFromText, type FindHints, type QuantityMatch } from './find.js'
import { insertWith, splitQuantities, type QuantityReader } from './split.js'

/** Header tests of `grammars/zh/tables.json`: columns whose cells are never quantities, the unit column. */
const { skipColumn: SKIP_COLUMN, unitColumn: UNIT_COLUMN } = columnGrammar.zh
const UNIT_IN_HEADER = /[（(]\s*([^（）()]{1,8})\s*[）)]\s*$/
const YEAR_IN_HEADER = /(?:19|20)\d{2}/

/** The Chinese reader: `findQuantities` for running text, the indicator tables of Chinese plans. */
export const chineseReader: QuantityReader = { find: findQuantities, insertTable }

/**
 * Insert `quantity` nodes into every sentence and table cell of the tree,
 * each read by the reader of its language: with `lang` auto, sentences
 * and tables written in English by the English reader, the rest by the
 * Chinese one; with zh or en, all of them by that language's reader.
 */
export function insertQuantities(tree: Root, ctx: ParseContext, lang: LanguageMode = 'zh'): void {
  insertWith(tree, ctx, (node) => (isEnglish(node, lang) ? englishReader : chineseReader))
}

function insertTable(table: Table, ctx: ParseContext): void {
  const { headers } = columnLabels(table)
  const unitCol = headers.findIndex((h) => UNIT_COLUMN.test(h ?? ''))
  const nameCol = nameColumn(headers)
  table.children.forEach((row, r) => {
    if (row.kind !== 'body') return
    const rowUnit = unitCol >= 0 ? cellText(originCell(table, r, unitCol)) : ''
    // 学前教育毛入园率（%）: a unit in brackets at the end of the row's name cell
    const nameUnit = row.children.map((c) => UNIT_IN_HEADER.exec(cellText(c))?.[1]).find((u) => u !== undefined && unitFromText(u) !== null)
    row.children.forEach((cell, k) => {
      const header = (headers[k] ?? '').replace(/\s+/g, '')
      if (cell.header || SKIP_COLUMN.test(header)) return
      if (k === 0 && /序号|^$/.test(header) && /^\d{1,3}[.．、]?$/.test(cellText(cell))) return
      // 每千人口拥有3岁以下婴幼儿托位数: numbers in the name of an indicator are part of it
      if (k === nameCol) return
      // a category written once for the rows below it (一、生态宜居) names them
      if ((cell.data?.rowSpan ?? 1) > 1 && k < Math.max(nameCol, 1)) return
      const unit = rowUnit && rowUnit !== '——' ? rowUnit : (nameUnit ?? UNIT_IN_HEADER.exec(header)?.[1])
      const hints: FindHints = { cell: true, ...(unit ? { unit } : {}) }
      splitQuantities(cell, ctx, findInCell, hints, -1)
    })
  })
}

/** `[14]` / `［0.8］`: a bracketed value of an indicator table (the period's cumulative total). */
const BRACKETED = /^(\s*[［[]\s*)([^［［\]］]+?)\s*[］\]]\s*$/

/**
 * `findQuantities` for a table cell; a cell holding one bracketed value
 * (`[14]`) is read inside its brackets, the span covering the whole cell.
 */
function findInCell(text: string, hints: FindHints): QuantityMatch[] {
  const m = BRACKETED.exec(text)
  if (!m) return findQuantities(text, hints)
  const inner = findQuantities(m[2]!, hints)
  if (inner.length !== 1 || inner[0]!.start !== 0 || inner[0]!.end !== m[2]!.length) return findQuantities(text, hints)
  const shift = m[1]!.length
  const q = inner[0]!
  return [{ ...q, start: text.length - text.trimStart().length, end: text.trimEnd().length, numberStart: q.numberStart + shift, numberEnd: q.numberEnd + shift }]
}

/**
 * The indicator-name column of a table whose other columns hold its values
 * (a target, baseline, year or growth column right of it), or -1: in a
 * table without value columns the names are read like running text.
 */
function nameColumn(headers: readonly string[]): number {
  const name = headers.findIndex((h) => !!h && T.indicatorNameColumn.includes(h.replace(/\s+/g, '')))
  if (name < 0) return -1
  const names = lastColumnOfLabel(headers, name)
  return headers.some((h, k) => k > names && !!h && (YEAR_IN_HEADER.test(h) || T.valueColumn.some((w) => h.includes(w)))) ? names : -1
}
