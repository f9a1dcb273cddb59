/**
 * Flat records: every quantity of the tree with its section path, and
 * every row of an indicator table (指标名称 / 单位 / 目标 / 完成情况 / 属性 …)
 * as an `Indicator` linked to its quantities.
 */
import type { ParseContext } from '../core/context.js'
import { gridText, rowName, tableLayout } from '../meaning/table-roles.js'
import type { Indicator, Nodes, Quantity, QuantityRecord, Root, Table, TableCell } from '../core/types.js'

interface Where {
  path: string[]
  document: number
  context: string
}

function plainText(children: readonly Nodes[]): string {
  return children.map((c) => (c.type === 'text' ? c.value : c.type === 'quantity' ? c.raw.replace(/[\r\n]+/g, '') : '')).join('')
}

/**
 * The quantity as a flat record: every field but `type`, in the node's own
 * key order, then where it stands. A plain key loop: object rest/spread
 * takes V8's slow generic path here and showed as the largest single cost
 * of parsing a short text.
 */
function record(q: Quantity, where: Where): QuantityRecord {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(q)) if (key !== 'type') out[key] = q[key as keyof Quantity]
  out.sectionPath = where.path
  out.document = where.document
  out.context = where.context
  return out as unknown as QuantityRecord
}

/**
 * Visits the nodes of the tree in document order with the titles of the
 * enclosing sections and boxes (an attachment's title first) and the index
 * of their document; `visit` returns true to skip a node's children.
 */
function walkSections(tree: Root, visit: (node: Nodes, path: string[], document: number) => boolean): void {
  const walk = (node: Nodes, path: string[], document: number): void => {
    if (visit(node, path, document) || !('children' in node)) return
    const inner = node.type === 'section' || node.type === 'box' ? [...path, node.title] : path
    for (const child of node.children as Nodes[]) walk(child, inner, document)
  }
  tree.children.forEach((doc, i) => walk(doc, doc.kind === 'attachment' && doc.title ? [doc.title] : [], i))
}

/** Every quantity of the tree, in document order, with its section path. */
export function collectQuantities(tree: Root): QuantityRecord[] {
  const out: QuantityRecord[] = []
  walkSections(tree, (node, path, document) => {
    if (node.type !== 'sentence' && node.type !== 'tableCell') return false
    if (!node.children.some((c) => c.type === 'quantity')) return true
    const context = plainText(node.children)
    for (const c of node.children) if (c.type === 'quantity') out.push(record(c, { path, document, context }))
    return true
  })
  return out
}

function cellText(cell: TableCell | undefined): string {
  return cell ? plainText(cell.children).replace(/\s+/g, '') : ''
}

/** One `Indicator` per body row of every indicator table of the tree. */
export function buildIndicators(tree: Root, _ctx: ParseContext): Indicator[] {
  const out: Indicator[] = []
  walkSections(tree, (node, path, document) => {
    if (node.type !== 'table') return false
    out.push(...tableIndicators(node, path, document))
    return true
  })
  return out
}

function tableIndicators(table: Table, path: string[], document: number): Indicator[] {
  const layout = tableLayout(table)
  // an indicator table has a name column and at least one value column (目标, 现状, 2025年 …)
  if (layout.nameCol < 0 || !layout.headers.some((h) => /目标|完成|现状|基期|增长|(?:19|20)\d{2}/.test(h ?? ''))) return []
  const out: Indicator[] = []
  let group: string | undefined
  const categoryColumns = new Set<number>()
  for (const row of table.children) {
    if (row.kind !== 'body') continue
    row.children.forEach((cell, k) => {
      if (k < layout.nameCol && (cell.data?.rowSpan ?? 1) > 1) categoryColumns.add(k)
    })
  }
  const groupName = (text: string): string | undefined => text.replace(/^[一二三四五六七八九十]+[、．.]\s*/, '').replace(/[（(]\d+[）)]$/, '') || undefined
  table.children.forEach((row, r) => {
    if (row.kind === 'group') {
      group = groupName(row.children.map(cellText).join(''))
      return
    }
    if (row.kind !== 'body') return
    // a category cell merged down the rows left of the names (一、生态宜居) groups them, and so
    // does a category of a single row in a column where the others are merged
    for (let k = 0; k < layout.nameCol; k++) {
      const origin = table.children[r]!.children[k]
      const ref = origin?.data?.spanOf
      const from = ref ? table.children[ref.row]!.children[ref.column] : origin
      if ((from?.data?.rowSpan ?? 1) > 1 || (categoryColumns.has(k) && !ref && cellText(from))) group = groupName(cellText(from))
    }
    const name = rowName(table, r, layout)
    if (!name) return
    const context = row.children.map(cellText).join(' | ')
    const where: Where = { path, document, context }
    const ind: Indicator = { name, unit: layout.unitCol >= 0 ? gridText(table, r, layout.unitCol) || null : null, position: row.position }
    const targets: QuantityRecord[] = []
    row.children.forEach((cell, k) => {
      const q = cell.children.find((c): c is Quantity => c.type === 'quantity')
      if (!q || k === layout.nameCol) return
      const header = layout.headers[k] ?? ''
      if ((q.change && q.change.period === 'annual') || /增长|增速|年均/.test(header)) ind.growth ??= record(q, where)
      else if (q.role === 'actual') ind.baseline ??= record(q, where)
      else if (q.role === 'target') targets.push(record(q, where))
    })
    // staged targets (2025年 | 2035年): the target is the latest, every stage is kept
    if (targets.length) ind.target = targets.reduce((a, b) => ((b.year ?? 0) > (a.year ?? 0) ? b : a))
    if (targets.length > 1) ind.stages = targets
    const attr = layout.attributeCol >= 0 ? gridText(table, r, layout.attributeCol) : context
    if (/约束/.test(attr)) ind.attribute = 'binding'
    else if (/预期/.test(attr)) ind.attribute = 'expected'
    const remark = layout.remarkCol >= 0 ? gridText(table, r, layout.remarkCol) : context
    if (/累计/.test(remark) || ind.target?.change?.period === 'cumulative') ind.accumulation = 'cumulative'
    else if (/新增/.test(remark)) ind.accumulation = 'new'
    if (group) ind.group = group
    if (ind.baseline || ind.target || ind.growth) out.push(ind)
  })
  return out
}
