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
  /** Year of undated targets in this frame (a heading 到2035年…); else the period's last year. */
  targetYear?: number | null
  /** Whether the heading that set `role` used a strong cue (回顾, 主要目标), which decides inside another decided section. */
  strong?: boolean
  /** The year 今年 means: the year of a 政府工作报告 or of a one-year plan. */
  thisYear?: number | null
  /** The document sets rules (条例, 办法): its headings are chapters and articles, not plan sections, and decide nothing. */
  rules?: boolean
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
  inherited?: TimeRef,
): TimeRef | undefined {
  const { text, spans } = flatten(children)
  // a date carries over a ； to the next sentence of the paragraph (到2012年底，…；…最高10万元)
  const carried = /[；;]\s*$/.test(text) ? [...timeRefs(text, frame.thisYear ?? null)].reverse().find((r) => !r.base) ?? inherited : undefined
  if (spans.length === 0) return carried
  const refs = timeRefs(text, frame.thisYear ?? null)
  const planEnd = frame.targetYear ?? period?.end ?? null
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
    if (!ref && sentenceStart === 0 && inherited) ref = inherited
    // the date of a baseline (由2015年的…提高到) is not the target's; a date before 由 (到2023年，由目前的…) is
    if (ref && has(text.slice(ref.end, s), R.baselineConnectors) && /[由从]/.test(text.slice(Math.max(sentenceStart, ref.start - 3), ref.start))) ref = undefined
    const baseline = /[由从]/.test(text.slice(Math.max(0, clauseStart - 1), s)) && has(text.slice(e, e + 12), R.baselineConnectors) && /^[^，。；]*$/.test(text.slice(e, e + 4))
    const after = text.slice(e).replace(/^\s+/, '')
    // 年满六十周岁，…给予护理假: reaching an age is a condition on who a rule applies to
    const ageBound = q.unit === 'age' && ((!/满\s*$/.test(before) && !measuredAge(after)) || /^年?满/.test(q.raw))
    const normative = has(text.slice(clauseStart, s) + q.raw, R.normativeCues)
    const defining = !normative && (definesTerm(text.slice(sentenceStart)) || definesTerm(text.slice(clauseStart - (text[clauseStart - 1] === '（' ? 1 : 0))) || parameterOf(after) || attributiveBound(q, text.slice(clauseStart, s) + q.raw, after))
    // 到2025年 in a document written before 2025 sets a target, also in a review or outlook section
    const future = ref !== undefined && period !== null && ref.year >= period.start && ref.by === true
    let role: Role
    let year: number | null
    const own = cellYear
    if (ageBound) {
      role = 'other'
      year = null
    } else if (defining) {
      // values that only define what is counted or how it is measured
      role = 'other'
      year = ref?.year ?? own ?? frame.thisYear ?? null
    } else if (normative) {
      role = 'target'
      year = own ?? ref?.year ?? planEnd
    } else if (frame.role === 'actual') {
      role = has(before, ['预计']) ? 'other' : future && !baseline ? 'target' : 'actual'
      year = ref?.year ?? (role === 'other' ? planEnd : frame.year)
    } else if (frame.role === 'outlook' && has(before, R.presentCues) && !has(before, ['预计'])) {
      // 目前…每年只能培养…: a present state, undated unless the sentence dates it
      role = 'actual'
      year = ref?.year ?? null
    } else if (frame.role === 'outlook') {
      const forecast = has(before, R.forecastCues)
      role = forecast ? 'other' : future && !baseline ? 'target' : 'actual'
      year = forecast ? (ref && ref.year >= (period?.start ?? 0) ? ref.year : planEnd) : (ref?.year ?? null)
    } else if (baseline) {
      role = 'actual'
      year = ref && ref.year < (period?.start ?? 0) ? ref.year : null
    } else {
      const pastRef = ref && period && ref.year < period.start && (ref.review || has(before, R.actualCues))
      role = pastRef ? 'actual' : has(clause, ['预计']) ? 'other' : 'target'
      year = own ?? ref?.year ?? planEnd
    }
    q.role = role
    q.year = year
    q.metric = metrics[k] ?? null
    const change = changeOf(text, clauseStart, s, refs)
    if (change) q.change = change
  })
  return carried
}

/** An age that ends its clause (预期寿命达到80岁。) is a measured age, not a bound defining a population (60岁以上的老年人). */
function measuredAge(after: string): boolean {
  return after === '' || !!SENTENCE_END[after.charCodeAt(0)] || /^[，,）)]/.test(after)
}

/** A sentence that defines a term (指…, 是指… at its start, as footnotes and indicator notes do). */
function definesTerm(sentence: string): boolean {
  // a footnote number or 注：, then an optional quoted term (“高层住宅”指…)
  const t = sentence.replace(/^[\s\d注：:.．、（(]+/, '').replace(/^“[^”]{1,12}”/, '')
  return R.definitionLead.some((w) => t.startsWith(w))
}

/** A measurement parameter: the number names a radius, a catchment or a travel time (4公里（公交15分钟可达）服务半径). */
function parameterOf(after: string): boolean {
  const t = after.replace(/^[（(][^（()）]{0,20}[）)]/, '')
  return R.parameterNouns.some((w) => t.startsWith(w))
}

/** A property bound used as an attribute (高度超过80米的住宅): it picks out what is counted, it is not a goal. */
function attributiveBound(q: Quantity, clause: string, after: string): boolean {
  if (q.qualifier === 'eq' || q.qualifier === 'approx' || q.qualifier === 'range') return false
  if (!after.startsWith('的')) return false
  for (const w of R.propertyBound) {
    const at = clause.indexOf(w)
    if (at > 0 && R.propertyNouns.some((n) => clause.slice(0, at).endsWith(n))) return true
  }
  return false
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
  // the 年 of a date (比2015年增长) is not the 年 of 年增长
  const undated = clause.replace(/(?:19|20)\d{2}\s*年(?:底|末|初)?/g, '')
  return { direction: dir, period: has(undated, R.annualCues) ? 'annual' : 'cumulative', ...(base ? { baseYear: base.year } : {}) }
}
