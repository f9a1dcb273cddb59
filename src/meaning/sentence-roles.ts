/**
 * Role, year, metric and change of the quantities of one sentence (or
 * table cell), from the frame of its section, its cue words and its time
 * references.
 */
import { codeTable } from '../core/scan.js'
import type { Change, Nodes, Quantity, Role } from '../core/types.js'
import { has, roleGrammar as R } from './grammar.js'
import { sentenceMetrics, type MetricCarry } from './metrics.js'
import { timeRefs, type TimeRef } from './years.js'

/** Clause boundaries and sentence ends by UTF-16 code (read per character, so no one-character strings). */
const BOUNDARY = codeTable('，。；：,;:！？!?（）()')
const SENTENCE_END = codeTable('。！？；!?;')

/** What the sections around a quantity say of it. */
export interface Frame {
  role: 'target' | 'actual' | 'outlook' | null
  /** Year of actuals in this frame. */
  year: number | null
}


/** The normalised text of a run of phrasing nodes and each quantity's span in it. */
function flatten(children: readonly Nodes[]): { text: string; spans: Array<{ q: Quantity; s: number; e: number }> } {
  let text = ''
  const spans: Array<{ q: Quantity; s: number; e: number }> = []
  for (const c of children) {
    if (c.type === 'text') text += c.value
    else if (c.type === 'quantity') {
      const t = c.raw.replace(/[\r\n]+/g, '')
      spans.push({ q: c, s: text.length, e: text.length + t.length })
      text += t
    }
  }
  return { text, spans }
}

export function sentenceRoles(
  children: readonly Nodes[],
  frame: Frame,
  period: { start: number; end: number } | null,
  cellYear: number | null = null,
  carry: MetricCarry = { metrics: [] },
): void {
  if (!children.some((c) => c.type === 'quantity')) return
  const { text, spans } = flatten(children)
  const refs = timeRefs(text)
  const planEnd = period?.end ?? null
  const metrics = sentenceMetrics(text, spans, carry)
  let sentenceStart = 0
  let scanned = 0
  spans.forEach(({ q, s, e }, k) => {
    // a table cell may hold several sentences: a date of an earlier one does not carry over
    for (; scanned < s; scanned++) if (SENTENCE_END[text.charCodeAt(scanned)]) sentenceStart = scanned + 1
    const before = text.slice(0, s)
    const clauseStart = lastBoundary(text, s)
    const clause = text.slice(clauseStart, s)
    let ref: TimeRef | undefined
    for (const r of refs) if (r.end <= s && !r.base && r.start >= sentenceStart) ref = r
    if (ref && has(text.slice(ref.end, s), R.baselineConnectors)) ref = undefined
    const baseline = /[由从]/.test(text.slice(Math.max(0, clauseStart - 1), s)) && has(text.slice(e, e + 12), R.baselineConnectors) && /^[^，。；]*$/.test(text.slice(e, e + 4))
    const ageBound = q.unit === 'age' && !/满\s*$/.test(before)
    let role: Role
    let year: number | null
    const own = cellYear
    if (ageBound) {
      role = 'other'
      year = null
    } else if (frame.role === 'actual') {
      role = has(before, ['预计']) ? 'other' : 'actual'
      year = ref?.year ?? (role === 'other' ? planEnd : frame.year)
    } else if (frame.role === 'outlook' && has(before, R.presentCues) && !has(before, ['预计'])) {
      // 目前…每年只能培养…: a present state, undated unless the sentence dates it
      role = 'actual'
      year = ref?.year ?? null
    } else if (frame.role === 'outlook') {
      const forecast = has(before, R.forecastCues)
      role = forecast ? 'other' : 'actual'
      year = forecast ? (ref && ref.year >= (period?.start ?? 0) ? ref.year : planEnd) : (ref?.year ?? null)
    } else if (baseline) {
      role = 'actual'
      year = ref && ref.year < (period?.start ?? 0) ? ref.year : null
    } else {
      const pastRef = ref && period && ref.year < period.start && has(before, R.actualCues)
      role = pastRef ? 'actual' : has(clause, ['预计']) ? 'other' : 'target'
      year = own ?? ref?.year ?? planEnd
    }
    q.role = role
    q.year = year
    q.metric = metrics[k] ?? null
    const change = changeOf(text, clauseStart, s, refs)
    if (change) q.change = change
  })
}

function lastBoundary(text: string, s: number): number {
  for (let k = s - 1; k >= 0; k--) if (BOUNDARY[text.charCodeAt(k)]) return k + 1
  return 0
}

function changeOf(text: string, clauseStart: number, s: number, refs: TimeRef[]): Change | undefined {
  const left = text.slice(Math.max(clauseStart, s - 12), s).replace(/[了\s]|分别|均/g, '')
  const tail = left.slice(-4)
  const dir = R.changeDecrease.some((w) => tail.includes(w)) ? 'decrease' : R.changeIncrease.some((w) => tail.includes(w)) ? 'increase' : text.startsWith('翻', s) ? 'increase' : null
  if (!dir) return undefined
  const clause = text.slice(clauseStart, s)
  const base = refs.find((r) => r.base && r.start >= clauseStart - 20 && r.end <= s)
  return { direction: dir, period: has(clause, R.annualCues) ? 'annual' : 'cumulative', ...(base ? { baseYear: base.year } : {}) }
}
