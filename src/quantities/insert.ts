/**
 * The quantities stage: replaces the single `text` child of every sentence
 * and table cell by text / quantity / text … with exact positions.
 *
 * Sentences are read with `findQuantities`; table cells too, with the unit
 * of the row's unit column (单位) or of the column header (（万人）) as a
 * hint, and numbering, unit, year and remark columns skipped.
 */
import type { ParseContext } from '../core/context.js'
import { positionIn, sliceMapped, type MappedText } from '../core/source-map.js'
import { columnGrammar, tableGrammar as T } from '../core/table-grammar.js'
import { cellText, columnLabels, originCell } from '../core/table-grid.js'
import type { Nodes, Parents, PhrasingContent, Quantity, Root, Section, Box, Table, Text } from '../core/types.js'
import { findQuantities, unitFromText, type FindHints, type QuantityMatch } from './find.js'

/** Header tests of `grammars/zh/tables.json`: columns whose cells are never quantities, the unit column. */
const { skipColumn: SKIP_COLUMN, unitColumn: UNIT_COLUMN } = columnGrammar.zh
const UNIT_IN_HEADER = /[（(]\s*([^（）()]{1,8})\s*[）)]\s*$/
const YEAR_IN_HEADER = /(?:19|20)\d{2}/

/**
 * Insert `quantity` nodes into every sentence and table cell of the tree,
 * except those in `skip` (the sentences and cells another reader owns,
 * such as the English one).
 */
export function insertQuantities(tree: Root, ctx: ParseContext, skip: ReadonlySet<Nodes> = new Set()): void {
  visit(tree, -1, ctx, skip)
}

function visit(node: Nodes, markerEnd: number, ctx: ParseContext, skip: ReadonlySet<Nodes>): void {
  if (skip.has(node)) return
  if (node.type === 'table') {
    insertTable(node, ctx, skip)
    return
  }
  if (node.type === 'sentence') {
    replaceText(node, ctx, {}, markerEnd)
    return
  }
  if (!('children' in node)) return
  const owner: Section | Box | null = node.type === 'section' || node.type === 'box' ? node : null
  for (const child of (node as Parents).children as Nodes[]) {
    // in a heading, the marker (1、 / 专栏 2) is not a quantity
    const end = child.type === 'heading' && owner ? (owner.marker.position.end.offset ?? -1) : node.type === 'heading' ? markerEnd : -1
    visit(child, end, ctx, skip)
  }
}

function insertTable(table: Table, ctx: ParseContext, skip: ReadonlySet<Nodes>): void {
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
      if (cell.header || skip.has(cell) || SKIP_COLUMN.test(header)) return
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
  return headers.some((h, k) => k > name && !!h && (YEAR_IN_HEADER.test(h) || T.valueColumn.some((w) => h.includes(w)))) ? name : -1
}

/** True when the cell holds one number (with unit/qualifier) and nothing else. */
function wholeCell(text: string, m: QuantityMatch[]): boolean {
  if (m.length !== 1) return false
  return text.slice(0, m[0]!.start).trim() === '' && text.slice(m[0]!.end).trim() === ''
}

function replaceText(parent: { children: PhrasingContent[] }, ctx: ParseContext, hints: FindHints, skipBefore: number): void {
  splitQuantities(parent, ctx, findQuantities, hints, skipBefore)
}

/**
 * Replace the single `text` child of a sentence or cell by text / quantity
 * / text … for the matches `find` reports (a cell is first read whole, as
 * one quantity, then as running text). Each new node gets its position and
 * its `ctx.textMaps` entry; `skipBefore` drops matches before an input
 * offset (a heading's marker). Shared by the Chinese and English readers.
 */
export function splitQuantities<H extends { cell?: boolean }>(
  parent: { children: PhrasingContent[] },
  ctx: ParseContext,
  find: (text: string, hints: H) => QuantityMatch[],
  hints: H,
  skipBefore: number,
): void {
  if (parent.children.length !== 1) return
  const only = parent.children[0]!
  if (only.type !== 'text') return
  const map = ctx.textMaps.get(only)
  if (!map) return
  let matches: QuantityMatch[]
  if (hints.cell) {
    const asCell = find(map.text, hints)
    matches = wholeCell(map.text, asCell) ? asCell : find(map.text, {} as H)
  } else {
    matches = find(map.text, hints)
  }
  // the finders never overlap two matches; should one ever, the later is dropped (its text stays in the earlier)
  let lastEnd = 0
  matches = matches.filter((m) => {
    const keep = map.offsets[m.start]! >= skipBefore && m.end > m.start && m.start >= lastEnd
    if (keep) lastEnd = m.end
    return keep
  })
  if (matches.length === 0) return
  const out: PhrasingContent[] = []
  let at = 0
  for (const m of matches) {
    if (m.start > at) out.push(textNode(map, at, m.start, ctx))
    out.push(quantityNode(map, m, ctx))
    at = m.end
  }
  if (at < map.text.length) out.push(textNode(map, at, map.text.length, ctx))
  parent.children = out
  ctx.textMaps.delete(only)
}

function textNode(map: MappedText, s: number, e: number, ctx: ParseContext): Text {
  const slice = sliceMapped(map, s, e)
  const node: Text = { type: 'text', value: slice.text, position: positionIn(ctx.locator, map, s, e) }
  ctx.textMaps.set(node, slice)
  return node
}

function quantityNode(map: MappedText, m: QuantityMatch, ctx: ParseContext): Quantity {
  const position = positionIn(ctx.locator, map, m.start, m.end)
  return {
    type: 'quantity',
    raw: ctx.input.slice(position.start.offset ?? 0, position.end.offset ?? 0),
    position,
    ...(m.value !== undefined ? { value: m.value } : {}),
    ...(m.min !== undefined ? { min: m.min, max: m.max! } : {}),
    ...(m.parts ? { parts: m.parts } : {}),
    unit: m.unit,
    ...(m.classifier ? { classifier: m.classifier } : {}),
    qualifier: m.qualifier,
    ...(m.inherited ? { inherited: true } : {}),
    role: 'other',
    year: null,
    metric: null,
  }
}

