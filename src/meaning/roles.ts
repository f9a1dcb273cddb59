/**
 * The roles stage: fills `role`, `year`, `metric` and `change` of every
 * quantity node from the section it stands in (主要目标 vs 发展情况), cue
 * words of its sentence (预计, 截至, 由…提高到), time references (到2015年,
 * “十五”末) and, in tables, the column headers (目标 / 完成情况) and the row's
 * indicator name. Cue lists are data in `grammars/zh/roles.json`
 * (`grammar.ts`); years are read by `years.ts`, metrics by `metrics.ts`,
 * sentences by `sentence-roles.ts` and tables by `table-roles.ts`.
 */
import type { ParseContext } from '../core/context.js'
import type { Document, Nodes, Root } from '../core/types.js'
import { has, roleGrammar as R } from './grammar.js'
import type { MetricCarry } from './metrics.js'
import { sentenceRoles, type Frame } from './sentence-roles.js'
import { tableRoles } from './table-roles.js'
import { planPeriodOf, timeRefs } from './years.js'

function frameOf(title: string, period: { start: number; end: number } | null, outer: Frame): Frame {
  const refs = timeRefs(title)
  const past = refs.find((r) => period && r.year < period.start)
  if (past) return { role: 'actual', year: past.year }
  if (has(title, R.headingActual)) return { role: 'actual', year: outer.year }
  if (has(title, R.headingOutlook)) return { role: 'outlook', year: null }
  if (has(title, R.headingTarget)) return { role: 'target', year: outer.year }
  return outer
}

/** Fill role, year, metric and change of every quantity in the tree. */
export function assignRoles(tree: Root, _ctx: ParseContext): void {
  const period = planPeriodOf(tree)
  const defaultActualYear = period ? period.start - 1 : null
  for (const doc of tree.children) {
    let frame: Frame = { role: null, year: defaultActualYear }
    if (doc.kind === 'attachment' && doc.title) frame = frameOf(doc.title, period, frame)
    walk(doc, frame, doc, period)
  }
}

function walk(node: Nodes, frame: Frame, doc: Document, period: { start: number; end: number } | null, carry: MetricCarry = { metrics: [] }): void {
  if (node.type === 'table') {
    tableRoles(node, frame, doc, period)
    return
  }
  if (node.type === 'sentence') {
    sentenceRoles(node.children, frame, period, null, carry)
    return
  }
  if (!('children' in node)) return
  let inner = frame
  if ((node.type === 'section' || node.type === 'box') && frame.role === null) inner = frameOf(node.title, period, frame)
  else if ((node.type === 'section' || node.type === 'box') && frame.role !== null) {
    // a nested heading naming a past period still dates its actuals
    const f = frameOf(node.title, period, frame)
    if (f.role === 'actual' && frame.role === 'actual') inner = f
  }
  // the sentences of one paragraph share their metrics (分别 lists, 比…增加 after a ；)
  const shared: MetricCarry = { metrics: [] }
  for (const child of node.children as Nodes[]) walk(child, inner, doc, period, shared)
}

