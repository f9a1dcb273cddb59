/**
 * `parseQuantity(s)`: read one quantity from a short string, for callers
 * that have their own text (a spreadsheet cell, a form field).
 */
import { findQuantities, type FindHints, type QuantityMatch } from './find.js'

/** A quantity read from a string: value (or min/max, or parts), unit, qualifier. */
export type ParsedQuantity = Omit<QuantityMatch, 'numberStart' | 'numberEnd'> & { raw: string }

/**
 * Parse the first quantity of a string, or return null when it holds none.
 * A bare number is read with unit `none` (or the `unit` hint).
 *
 * @example
 * ```ts
 * parseQuantity('3～5万人') // { min: 30000, max: 50000, unit: 'person', qualifier: 'range', … }
 * parseQuantity('146.23万人') // { value: 1462300, unit: 'person', qualifier: 'eq', … }
 * parseQuantity('14.5', { unit: '万人' }) // { value: 145000, unit: 'person', inherited: true, … }
 * ```
 */
export function parseQuantity(s: string, hints: Omit<FindHints, 'cell'> = {}): ParsedQuantity | null {
  if (typeof s !== 'string') return null
  const text = s.replace(/[\r\n]+/g, '')
  const m = findQuantities(text, { ...hints, cell: true })[0]
  if (!m) return null
  const { numberStart: _a, numberEnd: _b, ...rest } = m
  return { ...rest, raw: text.slice(m.start, m.end) }
}
