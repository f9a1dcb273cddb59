/**
 * Splitting a sentence or table cell at its quantities: the single `text`
 * child is replaced by text / quantity / text … for the matches a
 * language's finder reports, each node with its exact position. Every
 * language's reader ends here.
 */
import type { ParseContext } from '../core/context.js'
import { positionIn, sliceMapped, type MappedText } from '../core/source-map.js'
import type { Box, Nodes, Parents, PhrasingContent, Quantity, Root, Section, Sentence, Table, Text } from '../core/types.js'
import type { QuantityMatch } from './find.js'

/**
 * What the quantities stage needs of a language: a finder for running text
 * and a reader of the tables written in it (which columns hold figures and
 * which unit each cell takes).
 */
export interface QuantityReader {
  find: (text: string, hints: { cell?: boolean; unit?: string }) => QuantityMatch[]
  insertTable: (table: Table, ctx: ParseContext) => void
}

/** The reader of a sentence or table (by the language it is written in), or null to leave it alone. */
export type PickReader = (node: Sentence | Table) => QuantityReader | null

/**
 * Insert `quantity` nodes into every sentence and table of the tree with
 * the reader `pick` chooses for it. Sentences and cells that already hold
 * quantities are left alone.
 */
export function insertWith(tree: Root, ctx: ParseContext, pick: PickReader): void {
  visit(tree, -1, ctx, pick)
}

function visit(node: Nodes, markerEnd: number, ctx: ParseContext, pick: PickReader): void {
  if (node.type === 'table') {
    pick(node)?.insertTable(node, ctx)
    return
  }
  if (node.type === 'sentence') {
    const reader = pick(node)
    if (reader) splitQuantities(node, ctx, reader.find, {}, markerEnd)
    return
  }
  if (!('children' in node)) return
  const owner: Section | Box | null = node.type === 'section' || node.type === 'box' ? node : null
  for (const child of (node as Parents).children as Nodes[]) {
    // in a heading, the marker (1、 / 专栏 2) is not a quantity
    const end = child.type === 'heading' && owner ? (owner.marker.position.end.offset ?? -1) : node.type === 'heading' ? markerEnd : -1
    visit(child, end, ctx, pick)
  }
}

/** True when the cell holds one number (with unit/qualifier) and nothing else. */
function wholeCell(text: string, m: QuantityMatch[]): boolean {
  if (m.length !== 1) return false
  return text.slice(0, m[0]!.start).trim() === '' && text.slice(m[0]!.end).trim() === ''
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

