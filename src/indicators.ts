// PLACEHOLDER — to be replaced by the indicator-table stage (issue 3).
import type { ParseContext } from './context.js'
import type { Indicator, QuantityRecord, Root } from './types.js'

export function collectQuantities(_tree: Root): QuantityRecord[] {
  return []
}

export function buildIndicators(_tree: Root, _ctx: ParseContext): Indicator[] {
  return []
}
