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
import type { Nodes, Parents, PhrasingContent, Quantity, Root, Section, Box, Table, TableCell, Text } from '../core/types.js'
import { findQuantities, unitFromText, type FindHints, type QuantityMatch } from './find.js'

/** Header words of columns whose cells are never quantities. */
const SKIP_COLUMN = /^(?:序号|编号|单位|计量单位|属性|指标属性|备注|说明|类别|责任单位|牵头单位|责任部门|时间|年份|年度|完成时间|时间期限|完成时限|建设完成时间|期限|时限)$/
const UNIT_COLUMN = /^(?:单位|计量单位)$/
const UNIT_IN_HEADER = /[（(]\s*([^（）()]{1,8})\s*[）)]\s*$/

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

function cellText(cell: TableCell | undefined): string {
  if (!cell) return ''
  return cell.children.map((c) => (c.type === 'text' ? c.value : c.raw)).join('').replace(/\s+/g, '')
}

function insertTable(table: Table, ctx: ParseContext, skip: ReadonlySet<Nodes>): void {
  const headerRows = table.children.filter((r) => r.kind === 'header')
  const headers: string[] = []
  for (const r of headerRows) r.children.forEach((c, k) => (headers[k] = (headers[k] ? headers[k] + ' ' : '') + cellText(c)))
  const unitCol = headers.findIndex((h) => UNIT_COLUMN.test(h ?? ''))
  for (const row of table.children) {
    if (row.kind !== 'body') continue
    const rowUnit = unitCol >= 0 ? cellText(row.children[unitCol]) : ''
    // 学前教育毛入园率（%）: a unit in brackets at the end of the row's name cell
    const nameUnit = row.children.map((c) => UNIT_IN_HEADER.exec(cellText(c))?.[1]).find((u) => u !== undefined && unitFromText(u) !== null)
    row.children.forEach((cell, k) => {
      const header = (headers[k] ?? '').replace(/\s+/g, '')
      if (cell.header || skip.has(cell) || SKIP_COLUMN.test(header)) return
      if (k === 0 && /序号|^$/.test(header) && /^\d{1,3}[.．、]?$/.test(cellText(cell))) return
      const unit = rowUnit && rowUnit !== '——' ? rowUnit : (nameUnit ?? UNIT_IN_HEADER.exec(header)?.[1])
      const hints: FindHints = { cell: true, ...(unit ? { unit } : {}) }
      replaceText(cell, ctx, hints, -1)
    })
  }
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

