/**
 * Linking quantities and indicator rows to the canonical indicator
 * dictionary (`grammars/indicators.json`), so that targets can be joined
 * across plans: `城镇登记失业率`, `全市城镇登记失业率` and `城镇失业登记率`
 * all get `{ id: 'registered-urban-unemployment-rate', … }`.
 */
import { matchIndicator } from './indicator-dictionary.js'
import type { Indicator, Nodes, Root } from '../core/types.js'

/** Sets `indicator` on every quantity node whose metric names one. */
export function linkQuantities(tree: Root): void {
  const visit = (node: Nodes): void => {
    if (node.type === 'quantity') {
      const ref = node.metric ? matchIndicator(node.metric) : null
      if (ref) node.indicator = { id: ref.id, en: ref.en, zh: ref.zh }
      return
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child)
  }
  visit(tree)
}

/** Sets `indicator` on every indicator-table row whose name matches. */
export function linkIndicators(indicators: Indicator[]): void {
  for (const row of indicators) {
    const ref = matchIndicator(row.name)
    if (ref) row.indicator = { id: ref.id, en: ref.en, zh: ref.zh }
  }
}
