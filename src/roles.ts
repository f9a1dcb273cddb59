/**
 * The roles stage: fills `role`, `year`, `metric` and `change` of every
 * quantity node from the section it stands in (主要目标 vs 发展情况), cue
 * words of its sentence (预计, 截至, 由…提高到), time references (到2015年,
 * “十五”末) and, in tables, the column headers (目标 / 完成情况) and the row's
 * indicator name. Cue lists are data in `grammars/roles.json`.
 */
import { z } from 'zod'
import rolesJson from '../grammars/roles.json'
import type { ParseContext } from './context.js'
import type { Change, Document, Nodes, Quantity, Role, Root, Table, TableCell } from './types.js'

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
})

/** The validated role cues (built once). */
export const roleGrammar = Object.freeze(((): z.infer<typeof rolesSchema> => {
  const g = rolesSchema.parse(rolesJson)
  const byLength = (a: string[]): string[] => [...a].sort((x, y) => y.length - x.length)
  return { ...g, metricStripEnd: byLength(g.metricStripEnd), metricStripStart: byLength(g.metricStripStart) }
})())
const R = roleGrammar

const FIVE_YEAR: Readonly<Record<string, number>> = { 八五: 1995, 九五: 2000, 十五: 2005, 十一五: 2010, 十二五: 2015, 十三五: 2020, 十四五: 2025, 十五五: 2030 }
const PERIOD_RE = /[“"]?(十[一二三四五]五|十五|九五|八五)[”"]?\s*(期末|末年|末|期间|时期|初|期)?/gu
const YEAR_RE = /((?:19|20)\d{2})\s*年\s*(底|末|初|年底|年末|上半年|度)?/gu
const BOUNDARY = /[，。；：,;:！？!?（）()]/

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
    const before = text.slice(Math.max(0, start - 3), start).replace(/[“"的\s]/g, '')
    const after = text.slice(end, end + 3)
    if (/^(?:起|以来|开始)/.test(after)) return
    const base = R.baseMarkers.some((b) => before.endsWith(b)) || /^(?:相比|比较)/.test(after)
    refs.push({ start, end, year, base })
  }
  for (const m of text.matchAll(YEAR_RE)) push(m.index, m.index + m[0].length, Number(m[1]))
  for (const m of text.matchAll(PERIOD_RE)) {
    const end = FIVE_YEAR[m[1]!]
    if (!end) continue
    // a bare 十五 must name the period (“十五”, 十五期末), not fifteen
    if (m[1] === '十五' && !m[2] && !/[“"]/.test(m[0])) continue
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

function walk(node: Nodes, frame: Frame, doc: Document, period: { start: number; end: number } | null): void {
  if (node.type === 'table') {
    tableRoles(node, frame, doc, period)
    return
  }
  if (node.type === 'sentence') {
    sentenceRoles(node.children, frame, period)
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
  for (const child of node.children as Nodes[]) walk(child, inner, doc, period)
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

function sentenceRoles(children: readonly Nodes[], frame: Frame, period: { start: number; end: number } | null, cellYear?: number | null): void {
  const { text, spans } = flatten(children)
  if (spans.length === 0) return
  const refs = timeRefs(text)
  const planEnd = period?.end ?? null
  const metrics = sentenceMetrics(text, spans)
  spans.forEach(({ q, s, e }, k) => {
    const before = text.slice(0, s)
    const clauseStart = lastBoundary(text, s)
    const clause = text.slice(clauseStart, s)
    let ref: TimeRef | undefined
    for (const r of refs) if (r.end <= s && !r.base) ref = r
    if (ref && has(text.slice(ref.end, s), R.baselineConnectors)) ref = undefined
    const baseline = /[由从]/.test(text.slice(Math.max(0, clauseStart - 1), s)) && has(text.slice(e, e + 12), R.baselineConnectors) && /^[^，。；]*$/.test(text.slice(e, e + 4))
    const ageBound = q.unit === 'age' && !/满\s*$/.test(before)
    let role: Role
    let year: number | null
    const own = cellYear ?? null
    if (ageBound) {
      role = 'other'
      year = null
    } else if (frame.role === 'actual') {
      role = has(before, ['预计']) ? 'other' : 'actual'
      year = ref?.year ?? (role === 'other' ? planEnd : frame.year)
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
  for (let k = s - 1; k >= 0; k--) if (BOUNDARY.test(text[k]!)) return k + 1
  return 0
}

function nextBoundary(text: string, e: number): number {
  for (let k = e; k < text.length; k++) if (BOUNDARY.test(text[k]!)) return k
  return text.length
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

const LEAD_TIME = /^(?:到|至|截至|截止|在)?\s*(?:(?:19|20)\d{2}\s*年\s*(?:底|末|初|上半年)?|[“"]?(?:十[一二三四五]?五|九五)[”"]?\s*(?:期末|末年|末|期间|时期)?)\s*[，,]?/u
const BASE_PHRASE = /(?:比|较|与)\s*[^，。；]{0,12}?(?:期末|末年|年底|年末|末|同期|上年|去年|年)(?:相比)?/gu

/** Strip lead-in and trailing verbs from a subject phrase. */
export function cleanMetric(raw: string): string {
  let s = raw.replace(/\s+/g, '').replace(BASE_PHRASE, '').replace(/^\d{1,2}\s*[.．、]/, '')
  for (let guard = 0; guard < 12; guard++) {
    const before = s
    s = s.replace(LEAD_TIME, '')
    for (const w of R.metricStripStart) if (s.startsWith(w) && s.length > w.length + 1) s = s.slice(w.length)
    // 全市常住人口中… → …
    const among = /^[^，]{2,8}?(?:人口|人员)中(?=.{3,})/.exec(s)
    if (among) s = s.slice(among[0].length)
    for (const w of R.metricStripEnd) if (s.endsWith(w)) s = s.slice(0, -w.length)
    // …由“九五”末年的 / …2005年末: a trailing baseline or date is not the metric
    const tailing = /(?:[由从][^由从，]{0,14}|(?:19|20)\d{2}年(?:底|末)?|[“"]?(?:十[一二三四五]?五|九五)[”"]?(?:期末|末年|末)?的?)$/.exec(s)
    if (tailing && tailing.index >= 2) s = s.slice(0, tailing.index)
    s = s.replace(/^[，,、和及]+|[，,、和及]+$/g, '')
    if (s === before) break
  }
  return s
}

function verbOf(left: string): string {
  const m = /(增长|增加|下降|减少|提高|递增|增幅|上升|降低)[了]?\s*$/.exec(left.replace(/分别|均/g, ''))
  return m ? m[1]! : ''
}

/** Metric of each quantity of a sentence (分别 lists get one item each). */
function sentenceMetrics(text: string, spans: Array<{ q: Quantity; s: number; e: number }>): Array<string | null> {
  const out: Array<string | null> = []
  let k = 0
  while (k < spans.length) {
    const first = spans[k]!
    // the group of quantities joined by 、 和 及 (and ， after 分别)
    const cs = Math.max(lastBoundary(text, first.s), k > 0 ? spans[k - 1]!.e : 0)
    const left = text.slice(cs, first.s)
    const respectively = left.includes('分别')
    let n = 1
    while (k + n < spans.length) {
      const gap = text.slice(spans[k + n - 1]!.e, spans[k + n]!.s).trim()
      if (/^(?:、|和|及|与)$/.test(gap) || (respectively && /^[，,]$/.test(gap))) n++
      else break
    }
    const verb = verbOf(left)
    let subject = cleanMetric(left)
    if (R.metricStripStart.includes(subject)) subject = ''
    if (subject.length < 2) {
      // 50人入选国家“千人计划”: the name follows the number
      const right = text.slice(spans[k + n - 1]!.e, nextBoundary(text, spans[k + n - 1]!.e)).replace(/^的/, '')
      const r = cleanMetric(right.replace(/^[、和及]/, ''))
      subject = r.length >= 2 && n === 1 ? r : subject
    }
    if (respectively || n > 1) {
      const items = subject.split(/[、和及与]/).filter((x) => x.length > 0)
      if (items.length === n && n > 1) {
        const last = items[n - 1]!
        const prev = items[n - 2]!
        const L = /[一二三四五六七八九十]$/.test(prev) && /^[一二三四五六七八九十]/.test(last) ? 1 : prev.length
        const tail = last.slice(L).replace(/^[一二三四五六七八九十]+大/, '')
        for (let j = 0; j < n; j++) {
          const item = j === n - 1 || !tail || items[j]!.endsWith(tail) ? (j === n - 1 ? last : items[j]!) : items[j]! + tail
          out.push(item + (verb && !item.endsWith(verb) ? verb : ''))
        }
      } else if (subject.length < 2 && out.length >= n) {
        // 比“十五”末分别增长80.6%、62.7%…: the items of the previous list
        const prevItems = out.slice(out.length - n)
        for (let j = 0; j < n; j++) out.push(prevItems[j] ? prevItems[j]!.replace(/(增长|增加|下降|减少)$/, '') + verb : null)
      } else {
        for (let j = 0; j < n; j++) out.push(subject.length >= 2 ? subject + verb : null)
      }
    } else if (subject.length >= 2) {
      out.push(subject + (verb && !subject.endsWith(verb) ? verb : ''))
    } else {
      // 比…增加212元: the metric of the previous quantity
      const prev = out[out.length - 1]
      out.push(prev ? prev.replace(/(增长|增加|下降|减少|提高)$/, '') + verb : null)
    }
    k += n
  }
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
        // a list of place names (南京、无锡…6市) is named by the column header
        for (const q of qs) if (!q.metric || q.metric.length < 2 || q.metric.split('、').every((x) => x.length <= 3)) q.metric = header || name || null
        return
      }
      const q = qs[0]!
      const headerYear = timeRefs(header)[0]?.year ?? null
      const growth = has(header, R.columnGrowth)
      const actualCol = has(header, R.columnActual)
      const targetCol = has(header, R.columnTarget) || growth
      q.role = actualCol ? 'actual' : targetCol ? 'target' : frame.role === 'actual' ? 'actual' : 'target'
      q.year = headerYear ?? deadline ?? tablePeriod ?? (q.role === 'actual' ? frame.year : period?.end ?? null)
      const suffix = growth ? header.replace(PERIOD_RE, '').replace(/[“”"]/g, '') : ''
      q.metric = name ? name + suffix : header || null
      if (growth) q.change = { direction: 'increase', period: /年/.test(header) ? 'annual' : 'cumulative' }
    })
  }
}
