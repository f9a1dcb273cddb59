/**
 * The roles stage: fills `role`, `year`, `metric` and `change` of every
 * quantity node from the section it stands in (主要目标 vs 发展情况), cue
 * words of its sentence (预计, 截至, 由…提高到), time references (到2015年,
 * “十五”末) and, in tables, the column headers (目标 / 完成情况) and the row's
 * indicator name. Cue lists are data in `grammars/zh/roles.json`.
 */
import { z } from 'zod'
import rolesJson from '../../grammars/zh/roles.json'
import { codeTable, execAll } from '../core/scan.js'
import type { ParseContext } from '../core/context.js'
import type { Change, Document, Nodes, Quantity, Role, Root, Table, TableCell } from '../core/types.js'

const rolesSchema = z.object({
  $comment: z.string(),
  headingActual: z.array(z.string()),
  headingOutlook: z.array(z.string()),
  headingTarget: z.array(z.string()),
  forecastCues: z.array(z.string()),
  targetCues: z.array(z.string()),
  actualCues: z.array(z.string()),
  baselineConnectors: z.array(z.string()),
  baseMarkers: z.array(z.string()),
  columnActual: z.array(z.string()),
  columnTarget: z.array(z.string()),
  columnGrowth: z.array(z.string()),
  columnName: z.array(z.string()),
  columnAttribute: z.array(z.string()),
  columnRemark: z.array(z.string()),
  metricStripEnd: z.array(z.string()),
  metricStripStart: z.array(z.string()),
  changeIncrease: z.array(z.string()),
  changeDecrease: z.array(z.string()),
  annualCues: z.array(z.string()),
  populationBound: z.array(z.string()),
  presentCues: z.array(z.string()),
  metricScope: z.array(z.string()),
  metricInnerCut: z.array(z.string()),
  trendAdverbs: z.array(z.string()),
  metricRightStop: z.array(z.string()),
  relativeVerbs: z.array(z.string()),
  changeOnly: z.array(z.string()),
  areaAsides: z.array(z.string()),
  metricInnerLead: z.array(z.string()),
})

/** The validated role cues (built once). */
export const roleGrammar = Object.freeze(((): z.infer<typeof rolesSchema> => {
  const g = rolesSchema.parse(rolesJson)
  const byLength = (a: string[]): string[] => [...a].sort((x, y) => y.length - x.length)
  return { ...g, metricStripEnd: byLength(g.metricStripEnd), metricStripStart: byLength(g.metricStripStart) }
})())
const R = roleGrammar

const FIVE_YEAR: Readonly<Record<string, number>> = { 八五: 1995, 九五: 2000, 十五: 2005, 十一五: 2010, 十二五: 2015, 十三五: 2020, 十四五: 2025, 十五五: 2030 }
const PERIOD_RE = /[“"＂]?(十[一二三四五]五|十五|九五|八五)[”"＂]?\s*(期末|末年|末|期间|时期|初|期)?/gu
const YEAR_RE = /((?:19|20)\d{2})\s*年\s*(底|末|初|年底|年末|上半年|度)?/gu
/** Clause boundaries and sentence ends by UTF-16 code (read per character, so no one-character strings). */
const BOUNDARY = codeTable('，。；：,;:！？!?（）()')
const SENTENCE_END = codeTable('。！？；!?;')

/** Plan period: from the tree, else from the first document's title. */
export function planPeriodOf(tree: Root): { start: number; end: number } | null {
  if (tree.data.period) return tree.data.period
  for (const d of tree.children) {
    const m = /(十[一二三四五]五|十五|九五)/.exec(d.title ?? '')
    if (m && FIVE_YEAR[m[1]!]) return { start: FIVE_YEAR[m[1]!]! - 4, end: FIVE_YEAR[m[1]!]! }
  }
  return null
}

interface Frame {
  role: 'target' | 'actual' | 'outlook' | null
  /** Year of actuals in this frame. */
  year: number | null
}

interface TimeRef {
  start: number
  end: number
  year: number
  base: boolean
}

/** Year references of a text: 2010年底, “十五”末, 十二五期间. */
export function timeRefs(text: string): TimeRef[] {
  const refs: TimeRef[] = []
  const push = (start: number, end: number, year: number): void => {
    const before = text.slice(Math.max(0, start - 3), start).replace(/[“"＂的\s]/g, '')
    const after = text.slice(end, end + 3)
    if (/^(?:起|以来|开始)/.test(after)) return
    const base = R.baseMarkers.some((b) => before.endsWith(b)) || /^(?:相比|比较)/.test(after)
    refs.push({ start, end, year, base })
  }
  for (const m of execAll(YEAR_RE, text)) push(m.index, m.index + m[0].length, Number(m[1]))
  for (const m of execAll(PERIOD_RE, text)) {
    const end = FIVE_YEAR[m[1]!]
    if (!end) continue
    // a bare 十五 must name the period (“十五”, 十五期末), not fifteen
    if (m[1] === '十五' && !m[2] && !/[“"＂]/.test(m[0])) continue
    push(m.index, m.index + m[0].length, m[2] === '初' ? end - 4 : end)
  }
  return refs.sort((a, b) => a.start - b.start)
}

function has(text: string, words: readonly string[]): boolean {
  return words.some((w) => text.includes(w))
}

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

function sentenceRoles(
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

// ---------------------------------------------------------------------------
// Metric

const LEAD_TIME = /^(?:到|至|截至|截止|在)?\s*(?:(?:19|20)\d{2}\s*年\s*(?:底|末|初|上半年)?|[“"＂]?(?:十[一二三四五]?五|九五)[”"＂]?\s*(?:期末|末年|末|期间|时期)?)\s*[，,]?/u
const BASE_PHRASE = /(?:比|较|与)\s*[^，。；]{0,12}?(?:期末|末年|年底|年末|末|同期|上年|去年|年)(?:相比)?/gu
/** A trailing baseline (由“九五”末年的, 从2005年的) or date (2005年末): never part of the metric. */
const TAILING = /(?:[由从](?=[“"＂]?(?:十|九五|八五|(?:19|20)\d{2}|[上去前]年|目前|原来|现在))[^由从，]{0,14}|(?:19|20)\d{2}年(?:底|末)?|[“"＂]?(?:十[一二三四五]?五|九五)[”"＂]?(?:期末|末年|末)?的?)$/u
/** Characters that end a clause; brackets are handled apart (a subject may hold （站）). */
const CLAUSE_END = /[，。；：,;:！？!?]/
/** The farthest a subject phrase is looked for on either side of a number. */
const LOOK_BACK = 80
const LOOK_AHEAD = 24
/** Count-like units whose number may be followed by the counted noun (建设50个…基地). */
const COUNTED = new Set(['count', 'person', 'household', 'person-time', 'percent'])
/** A time window inside a subject (企业养老保险缴费人数近5年…): the subject ends before it. */
const TIME_WINDOW = /(?:近|连续|最近)[0-9０-９一二两三四五六七八九十]+个?(?:年|月)|[0-9０-９一二两三四五六七八九十]+个?年(?:来|以来)/u

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const byLen = (a: readonly string[]): string[] => [...a].sort((x, y) => y.length - x.length)
const CHANGE_WORDS = byLen([...R.changeIncrease, ...R.changeDecrease, '递增', '增幅', '降幅'])
/** A subject made only of change words (比上年提高, 同比下降, 年均递增, 增幅). */
const CHANGE_ONLY = new RegExp(`^(?:${byLen(R.changeOnly).map(escape).join('|')})*(?:${CHANGE_WORDS.map(escape).join('|')})+(?:了)?$`, 'u')
/** A trend phrase closing a subject (劳动合同签订率逐年提升). */
const TREND_END = new RegExp(`(?:${byLen(R.trendAdverbs).map(escape).join('|')})(?:${CHANGE_WORDS.map(escape).join('|')})$`, 'u')
const CHANGE_END = new RegExp(`(?:${CHANGE_WORDS.map(escape).join('|')})$`, 'u')

/** Remove explanatory parentheticals (（包括退休人员）, （市区590元）), keep short name parts (（站）, （助理）). */
function dropAsides(s: string): string {
  return s.replace(/[（(]([^（()）]*)[）)]/gu, (m, inner: string) => (inner.length <= 4 && !/[0-9０-９]|包括|含|其中|即/.test(inner) ? m : ''))
}

/** Drop a short lead before a scope word (巩固、保障全市劳动合同签订率 → 劳动合同签订率). */
function afterScope(s: string): string {
  let best = -1
  let len = 0
  for (const w of R.metricScope) {
    const i = s.lastIndexOf(w)
    if (i > best) {
      best = i
      len = w.length
    }
  }
  if (best <= 0) return s
  const lead = s.slice(0, best).replace(/、/g, '')
  const rest = s.slice(best + len)
  return lead.length <= 6 && !/[占比的与较于]/.test(lead) && rest.length >= 2 ? rest : s
}

/** Cut a subject at a comparison word inside it (集体合同签订率不低于已建工会企业数 → 集体合同签订率). */
function beforeComparison(s: string): string {
  for (const w of R.metricInnerCut) {
    const i = s.indexOf(w)
    if (i >= 2 && s.length - i - w.length >= 2) return s.slice(0, i)
  }
  return s
}

/** Drop the agent before an inner 共/累计 (劳动保障监察机构共检查用人单位 → 检查用人单位) when a full phrase remains. */
function afterInnerLead(s: string): string {
  for (const w of R.metricInnerLead) {
    const i = s.indexOf(w)
    if (i >= 2 && s.length - i - w.length >= 4) return s.slice(i + w.length)
  }
  return s
}

/** Strip lead-in and trailing verbs from a subject phrase. */
export function cleanMetric(raw: string): string {
  let s = dropAsides(raw.replace(/\s+/g, '').replace(BASE_PHRASE, '').replace(/^\d{1,2}\s*[.．、]/, ''))
  s = afterInnerLead(beforeComparison(afterScope(s)))
  const window = TIME_WINDOW.exec(s)
  if (window && window.index >= 2) s = s.slice(0, window.index)
  for (let guard = 0; guard < 12; guard++) {
    const before = s
    s = s.replace(LEAD_TIME, '')
    for (const w of R.metricStripStart) if (s.startsWith(w) && s.length > w.length + 1) s = s.slice(w.length)
    // 全市常住人口中… → …
    const among = /^[^，]{2,8}?(?:人口|人员)中(?=.{3,})/.exec(s)
    if (among) s = s.slice(among[0].length)
    for (const w of R.metricStripEnd) if (s.endsWith(w)) s = s.slice(0, -w.length)
    // …由“九五”末年的 / …2005年末: a trailing baseline or date is not the metric
    const tailing = TAILING.exec(s)
    if (tailing && tailing.index >= 2) s = s.slice(0, tailing.index)
    const trend = TREND_END.exec(s)
    if (trend && trend.index >= 2) s = s.slice(0, trend.index)
    s = s.replace(/^[，,、和及]+|[，,、和及等]+$/g, '')
    if (s === before) break
  }
  return s
}

/** True when a cleaned subject names no thing, only a change (增长, 同比下降, 年均递增). */
export function isChangeOnly(subject: string): boolean {
  return subject.length > 0 && CHANGE_ONLY.test(subject)
}

function verbOf(left: string): string {
  const m = /(增长|增加|下降|减少|提高|递增|增幅|上升|降低)[了]?\s*$/.exec(left.replace(/分别|均/g, ''))
  return m ? m[1]! : ''
}

/** Start of the clause a number stands in: after the last clause end outside brackets, or inside an open bracket. */
function clauseStart(text: string, s: number, floor: number): number {
  let depth = 0
  const stop = Math.max(floor, s - LOOK_BACK)
  for (let k = s - 1; k >= stop; k--) {
    const c = text[k]!
    if (c === '）' || c === ')') depth++
    else if (c === '（' || c === '(') {
      if (depth === 0) return k + 1
      depth--
    } else if (depth === 0 && CLAUSE_END.test(c)) return k + 1
  }
  return stop
}

/** End of the phrase after a number: the clause end outside brackets, a closing bracket, or `ceiling`. */
function clauseEnd(text: string, e: number, ceiling: number): number {
  let depth = 0
  const stop = Math.min(ceiling, e + LOOK_AHEAD)
  for (let k = e; k < stop; k++) {
    const c = text[k]!
    if (c === '（' || c === '(') depth++
    else if (c === '）' || c === ')') {
      if (depth === 0) return k
      depth--
    } else if (depth === 0 && CLAUSE_END.test(c)) return k
  }
  return stop
}

/**
 * The phrase right after a number that names what it counts: 50个|市级高技能人才培养基地,
 * 10名|达到…层次的|尖端人才, 2808人|成功创办了小企业. Empty when the number ends its
 * clause or is followed by a list separator.
 */
export function rightPhrase(text: string, e: number, ceiling: number = text.length): string {
  let r = text.slice(e, clauseEnd(text, e, ceiling)).replace(/\s+/g, '').replace(/^的/, '')
  if (!r || /^[、和及与或等（(]/.test(r)) return ''
  // a predicate of the number (29.9%下降为…, 548元提高到…) is no name
  if (CHANGE_WORDS.some((w) => r.startsWith(w)) || R.baselineConnectors.some((w) => r.startsWith(w))) return ''
  for (const w of R.metricRightStop) {
    const i = r.indexOf(w)
    if (i >= 2) r = r.slice(0, i)
  }
  // a relative clause before the counted noun: 达到国家“千人计划”层次的尖端人才
  const de = r.indexOf('的')
  if (R.relativeVerbs.some((w) => r.startsWith(w))) {
    const last = r.lastIndexOf('的')
    if (last > 0 && r.length - last > 2) r = r.slice(last + 1)
  } else if (de >= 2) {
    // 200个以上职业工种的高技能人才培养网络, 450万无锡人民的民生: the number counts what comes before 的
    r = r.slice(0, de)
  }
  return cleanMetric(r)
}

/** True when a subject ends in a word that links it to its number (达到, 为, 控制在). */
function linked(left: string): boolean {
  const l = left.replace(/\s+|分别|均/g, '')
  return R.metricStripEnd.some((w) => w.length > 0 && l.endsWith(w))
}

/** Short item labels in a 分别 list that names each item before its number (分别提高到小学700元、初中900元). */
function inlineLabel(left: string, head: string | null): { label: string; head: string } | null {
  const plain = left.replace(/\s+/g, '')
  const ok = (s: string): boolean => s.length >= 1 && s.length <= 4 && !/[0-9０-９]/.test(s) && !isChangeOnly(s) && !R.metricStripStart.includes(s)
  if (head) {
    const m = /^[、，,和及与]([^、，,和及与]{1,4})$/u.exec(plain)
    if (m && ok(m[1]!)) return { label: m[1]!, head }
  }
  const at = plain.lastIndexOf('分别')
  if (at < 2) return null
  const named = cleanMetric(plain.slice(0, at))
  const label = cleanMetric(plain.slice(at + 2))
  return named.length >= 2 && ok(label) && label.length < plain.length - at - 2 ? { label, head: named } : null
}

/** Metrics of earlier sentences of the same paragraph (分别 lists and 比…增加 read them). */
export interface MetricCarry {
  metrics: Array<string | null>
}

/** Metric of each quantity of a sentence (分别 lists get one item each). */
function sentenceMetrics(text: string, spans: Array<{ q: Quantity; s: number; e: number }>, carry: MetricCarry): Array<string | null> {
  const out: Array<string | null> = []
  // bounded look-back keeps a sentence of thousands of numbers linear
  const previous = (): string | null => {
    for (let j = out.length - 1; j >= Math.max(0, out.length - 16); j--) if (out[j]) return out[j]!
    if (out.length >= 16) return null
    for (let j = carry.metrics.length - 1; j >= 0; j--) if (carry.metrics[j]) return carry.metrics[j]!
    return null
  }
  // 生均公用经费基准定额分别提高到小学700元、初中900元: each item is named between the numbers
  let inlineHead: string | null = null
  let k = 0
  while (k < spans.length) {
    const first = spans[k]!
    const prevSpan = k > 0 ? spans[k - 1]! : null
    const boundary = clauseStart(text, first.s, 0)
    // an age bound before the number defines its population: 60岁以上的老年人已超100万
    const floor = prevSpan ? (prevSpan.q.unit === 'age' && first.q.unit !== 'age' && prevSpan.s >= boundary ? prevSpan.s : prevSpan.e) : 0
    const cs = Math.max(boundary, floor)
    const left = text.slice(cs, first.s)
    const respectively = left.includes('分别')
    let n = 1
    while (k + n < spans.length) {
      const gap = text.slice(spans[k + n - 1]!.e, spans[k + n]!.s).trim()
      if (/^(?:、|和|及|与)$/.test(gap) || (respectively && /^[，,]$/.test(gap))) n++
      else break
    }
    const verb = verbOf(left)
    const label = inlineLabel(left, inlineHead)
    if (label) {
      inlineHead = label.head
      out.push(label.label + label.head)
      k += 1
      continue
    }
    inlineHead = null
    // a figure for a part of the area in brackets after a figure (548元（市区590元）) measures the same thing
    const opener = text[cs - 1]
    if ((opener === '（' || opener === '(') && prevSpan && text.slice(prevSpan.e, cs - 1).trim() === '') {
      const area = left.replace(/\s+/g, '')
      const prev = previous()
      if (prev && (area === '' || R.areaAsides.includes(area))) {
        out.push(prev)
        k += 1
        continue
      }
    }
    let subject = cleanMetric(left)
    if (R.metricStripStart.includes(subject)) subject = ''
    const lastSpan = spans[k + n - 1]!
    const ceiling = k + n < spans.length ? spans[k + n]!.s : text.length
    const right = n === 1 ? rightPhrase(text, lastSpan.e, ceiling) : ''
    const counted = COUNTED.has(first.q.unit) || first.q.unit === 'age'
    if (right.length >= 2 && (subject.length < 2 || (counted && !linked(left)))) {
      // 50人入选国家“千人计划”, 建设50个市级高技能人才培养基地: the name follows the number
      out.push(right)
      k += n
      continue
    }
    if (subject.length < 2 && (k === 0 || spans[k - 1]!.e <= boundary)) {
      // 劳动合同签订率逐年提升，到“十五”期末达到94%: the subject stands in the clause before
      const prevEnd = boundary - 1
      const prevStart = prevEnd > 0 ? clauseStart(text, prevEnd, k > 0 ? spans[k - 1]!.e : 0) : prevEnd
      const named = prevEnd > prevStart && !/[0-9０-９]/.test(text.slice(prevStart, prevEnd)) ? cleanMetric(text.slice(prevStart, prevEnd)) : ''
      if (named.length >= 2 && !isChangeOnly(named)) subject = named
    }
    if (isChangeOnly(subject)) {
      // 比上年提高1.3个百分点, 年均递增16.4%: the previous metric changed
      const prev = previous()
      const change = subject.replace(/分别|均|了/g, '')
      subject = prev ? prev.replace(CHANGE_END, '') + change : subject
      for (let j = 0; j < n; j++) out.push(subject)
      k += n
      continue
    }
    if (respectively || n > 1) {
      const items = subject.split(/[、和及与]/).filter((x) => x.length > 0)
      const earlier = out.length >= n ? out.slice(out.length - n) : [...carry.metrics.slice(Math.max(0, carry.metrics.length - n)), ...out]
      if (items.length === n && n > 1) {
        const last = items[n - 1]!
        const prev = items[n - 2]!
        const L = /[一二三四五六七八九十]$/.test(prev) && /^[一二三四五六七八九十]/.test(last) ? 1 : prev.length
        const tail = last.slice(L).replace(/^[一二三四五六七八九十]+大/, '')
        for (let j = 0; j < n; j++) {
          const item = j === n - 1 || !tail || items[j]!.endsWith(tail) ? (j === n - 1 ? last : items[j]!) : items[j]! + tail
          out.push(item + (verb && !item.endsWith(verb) ? verb : ''))
        }
      } else if ((subject.length < 2 || isChangeOnly(subject)) && earlier.length >= n) {
        // 比“十五”末分别增长80.6%、62.7%…: the items of the previous list
        const prevItems = earlier.slice(earlier.length - n)
        for (let j = 0; j < n; j++) out.push(prevItems[j] ? prevItems[j]!.replace(CHANGE_END, '') + verb : null)
      } else {
        for (let j = 0; j < n; j++) out.push(subject.length >= 2 ? subject + verb : null)
      }
    } else if (subject.length >= 2) {
      out.push(subject + (verb && !subject.endsWith(verb) ? verb : ''))
    } else {
      // 比…增加212元: the metric of the previous quantity
      const prev = previous()
      out.push(prev ? prev.replace(CHANGE_END, '') + verb : null)
    }
    k += n
  }
  carry.metrics.push(...out)
  if (carry.metrics.length > 32) carry.metrics.splice(0, carry.metrics.length - 32)
  return out
}

// ---------------------------------------------------------------------------
// Tables

function cellText(cell: TableCell | undefined): string {
  if (!cell) return ''
  return cell.children.map((c) => (c.type === 'text' ? c.value : c.raw)).join('').replace(/\s+/g, '')
}

/** Column roles of an indicator table, shared with `indicators.ts`. */
export interface TableLayout {
  headers: string[]
  nameCol: number
  unitCol: number
  deadlineCol: number
  attributeCol: number
  remarkCol: number
}

export function tableLayout(table: Table): TableLayout {
  const headers: string[] = []
  for (const r of table.children) if (r.kind === 'header') r.children.forEach((c, k) => (headers[k] = (headers[k] ?? '') + cellText(c)))
  const find = (words: readonly string[]): number => headers.findIndex((h) => !!h && words.some((w) => h === w || h.includes(w)))
  let nameCol = headers.findIndex((h) => !!h && R.columnName.some((w) => h.startsWith(w)))
  if (nameCol < 0) nameCol = headers.findIndex((h) => !!h && !/序号|编号/.test(h))
  return {
    headers,
    nameCol,
    unitCol: headers.findIndex((h) => h === '单位' || h === '计量单位'),
    deadlineCol: headers.findIndex((h) => !!h && /时间|期限|时限|年份/.test(h)),
    attributeCol: find(R.columnAttribute),
    remarkCol: find(R.columnRemark),
  }
}

/** Name of a table row's indicator, without its list number. */
export function rowName(cells: readonly TableCell[], layout: TableLayout): string {
  return cellText(cells[layout.nameCol]).replace(/^\d+\s*[.．、]\s*/, '')
}

function tableRoles(table: Table, frame: Frame, doc: Document, period: { start: number; end: number } | null): void {
  const layout = tableLayout(table)
  const contextRefs = timeRefs(doc.title ?? '')
  const tablePeriod = contextRefs[0]?.year ?? null
  for (const row of table.children) {
    if (row.kind !== 'body') continue
    const name = rowName(row.children, layout)
    const deadline = layout.deadlineCol >= 0 ? timeRefs(cellText(row.children[layout.deadlineCol]))[0]?.year ?? null : null
    row.children.forEach((cell, k) => {
      const qs = cell.children.filter((c): c is Quantity => c.type === 'quantity')
      if (qs.length === 0) return
      const header = layout.headers[k] ?? ''
      const whole = qs.length === 1 && cell.children.length === 1
      if (!whole) {
        sentenceRoles(cell.children, frame.role ? frame : { role: 'target', year: frame.year }, period, deadline)
        for (const q of qs) {
          // a list of place names (南京、无锡…6市) is named by the column header
          const bare = q.metric ? q.metric.replace(/[（(][^（()）]*[）)]/g, '') : ''
          if (bare.includes('、') && bare.split('、').every((x) => x.length <= 3)) q.metric = header || name || null
          // a bare lead word (新增40套) leaves the row's name
          else if (!q.metric || q.metric.length <= 2) q.metric = (k !== layout.nameCol ? name : '') || header || null
        }
        return
      }
      const q = qs[0]!
      const headerYear = timeRefs(header)[0]?.year ?? null
      const growth = has(header, R.columnGrowth)
      const actualCol = has(header, R.columnActual)
      const targetCol = has(header, R.columnTarget) || growth
      // a year column before the plan period is its baseline (2020年 | 2025年 in a 十四五 table)
      const pastCol = headerYear !== null && period !== null && headerYear < period.start && !has(header, R.columnTarget)
      q.role = actualCol || pastCol ? 'actual' : targetCol ? 'target' : frame.role === 'actual' ? 'actual' : 'target'
      q.year = headerYear ?? deadline ?? tablePeriod ?? (q.role === 'actual' ? frame.year : period?.end ?? null)
      const suffix = growth ? header.replace(PERIOD_RE, '').replace(/[“”"]/g, '') : ''
      q.metric = name ? name + suffix : header || null
      if (growth) q.change = { direction: 'increase', period: /年/.test(header) ? 'annual' : 'cumulative' }
    })
  }
}
