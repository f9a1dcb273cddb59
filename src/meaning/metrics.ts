/**
 * Metric: the shortest phrase of a sentence that names what a quantity
 * measures (城镇登记失业率, 新增就业), for every quantity of a sentence.
 */
import type { Quantity } from '../core/types.js'
import { matchMarker } from '../structure/numbering.js'
import { roleGrammar as R } from './grammar.js'


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

/** Remove explanatory parentheticals (（包括退休人员）, （市区590元）), keep short name parts (（站）, （助理）) and Latin abbreviations (（PM2.5）, （GDP）). */
function dropAsides(s: string): string {
  return s.replace(/[（(]([^（()）]*)[）)]/gu, (m, inner: string) =>
    /^[A-Za-z][A-Za-z0-9.&]{0,9}$/.test(inner) || (inner.length <= 4 && !/[0-9０-９]|包括|含|其中|即/.test(inner)) ? m : '',
  )
}

/**
 * True when cutting `s` at `i` would split a word of `metricWords`, so that a
 * strip entry found there is only a piece of a longer word:
 *
 * ```txt
 * 建成区绿化覆盖率    一般公共预算收入    棚户区改造累计
 * ^^^^ 建成 + 区       ^^ 共 inside 公共      ^ 计 inside 累计
 * ```
 */
function splitsWord(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return false
  for (const w of R.metricWords) {
    for (let j = Math.max(0, i - w.length + 1); j < i; j++) if (s.startsWith(w, j)) return true
  }
  return false
}

/** `s` without `w` at its start, or null when `w` is not there as a whole word. */
function stripStart(s: string, w: string): string | null {
  return s.startsWith(w) && s.length > w.length + 1 && !splitsWord(s, w.length) ? s.slice(w.length) : null
}

/** `s` without `w` at its end, or null when `w` is not there as a whole word. */
function stripEnd(s: string, w: string): string | null {
  return w.length > 0 && s.endsWith(w) && !splitsWord(s, s.length - w.length) ? s.slice(0, -w.length) : null
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
  // a short lead (巩固、保障全市…), or a modifier ending in 的 (有就业意向的全市刑释解教人员安置率)
  const short = lead.length <= 6 && !/[占比的与较于]/.test(lead)
  const modifier = lead.endsWith('的') && !/[占比与较于]/.test(lead)
  return (short || modifier) && rest.length >= 2 ? rest : s
}

/** Cut a trailing baseline that starts with 由 (收入线标准由家庭年人均可支配收入 → 收入线标准), keeping words such as 理由. */
function beforeBaseline(s: string): string {
  const i = s.lastIndexOf('由')
  return i >= 4 && !splitsWord(s, i) && !splitsWord(s, i + 1) ? s.slice(0, i) : s
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
    if (i >= 2 && s.length - i - w.length >= 4 && !splitsWord(s, i) && !splitsWord(s, i + w.length)) return s.slice(i + w.length)
  }
  return s
}

/** A scope 在…内/中 inside a subject: the agent before it goes (城镇职工和新农合在政策范围内住院费用支付比例 → 政策范围内住院费用支付比例). */
const INNER_SCOPE = /在(?=[^在，]{1,8}?[内中])/u

function afterInnerScope(s: string): string {
  const m = INNER_SCOPE.exec(s)
  return m && m.index >= 2 && s.length - m.index - 1 >= 6 && !splitsWord(s, m.index) && !splitsWord(s, m.index + 1) ? s.slice(m.index + 1) : s
}

/** Strip lead-in and trailing verbs from a subject phrase. */
export function cleanMetric(raw: string): string {
  let s = dropAsides(raw.replace(/\s+/g, '').replace(BASE_PHRASE, '').replace(/^\d{1,2}\s*[.．、]/, ''))
  s = afterInnerScope(afterInnerLead(beforeComparison(afterScope(beforeBaseline(s)))))
  const window = TIME_WINDOW.exec(s)
  if (window && window.index >= 2) s = s.slice(0, window.index)
  for (let guard = 0; guard < 24; guard++) {
    const before = s
    // a bracket can open a name only after a word: 各区（县级市）公办幼儿园 loses 各区, then （县级市）
    s = s.replace(LEAD_TIME, '').replace(/^[（(][^（()）]*[）)]/u, '')
    // one word at a time, longest first: 累计完成 loses 完成, then 累计, never 计 alone
    for (const w of R.metricStripStart) {
      const t = stripStart(s, w)
      if (t !== null) {
        s = t
        break
      }
    }
    // 全市常住人口中… → …
    const among = /^[^，]{2,8}?(?:人口|人员)中(?=.{3,})/.exec(s)
    if (among) s = s.slice(among[0].length)
    for (const w of R.metricStripEnd) {
      const t = stripEnd(s, w)
      if (t !== null) {
        s = t
        break
      }
    }
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
    if (i >= 2 && !splitsWord(r, i)) r = r.slice(0, i)
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

/**
 * True when a subject ends in a word that links it to its number (达到, 为, 控制在),
 * not in a verb whose object is the phrase after the number (各区建有1所…学校, 逐步将19个…项目).
 */
function linked(left: string): boolean {
  const l = left.replace(/\s+|分别|均/g, '')
  if (R.metricObjectVerbs.some((w) => l.endsWith(w))) return false
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

/**
 * The left context of a number without the numbering marker and heading
 * title that share its sentence: a heading whose body runs on after a
 * space names the section, not the quantity.
 *
 * ```txt
 * （一）提升医疗服务能力 新建三级医院2家
 * ^^^^^^ marker   ^^^^^^^^ title  ^^^^^^^^^^^^ left context kept
 * ```
 */
export function withoutHeadingLead(left: string): string {
  const start = left.length - left.trimStart().length
  const marker = matchMarker(left.slice(start))
  if (!marker) return left
  const rest = left.slice(start + marker.length)
  // the title ends at the last run of spaces (not a line break: a hard wrap may fall inside a title)
  const gap = /[ \t\u3000]+(?=[^ \t\u3000]*$)/u.exec(rest.trimEnd())
  return gap && gap.index >= 2 && rest.slice(0, gap.index).trim().length >= 2 ? rest.slice(gap.index + gap[0].length) : rest
}

/** Metrics of earlier sentences of the same paragraph (分别 lists and 比…增加 read them). */
export interface MetricCarry {
  metrics: Array<string | null>
}

/** Metric of each quantity of a sentence (分别 lists get one item each). */
export function sentenceMetrics(text: string, spans: Array<{ q: Quantity; s: number; e: number }>, carry: MetricCarry): Array<string | null> {
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
    const left = withoutHeadingLead(text.slice(cs, first.s))
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
    const lastSpan = spans[k + n - 1]!
    // 处五百元以上五千元以下罚款: a noun naming what the amount is follows it
    const noun = amountNounAfter(text, lastSpan.e)
    if (noun) {
      for (let j = 0; j < n; j++) out.push(noun)
      k += n
      continue
    }
    let subject = cleanMetric(left)
    if (R.metricStripStart.includes(subject)) subject = ''
    const ceiling = k + n < spans.length ? spans[k + n]!.s : text.length
    const right = n === 1 ? rightPhrase(text, lastSpan.e, ceiling) : ''
    const counted = COUNTED.has(first.q.unit) || first.q.unit === 'age'
    // a threshold compares the subject (建筑密度超过35%的比例, 住房支出超过家庭收入50%的家庭): the subject is measured
    const thenDe = /^\s*的/.test(text.slice(spans[k + n - 1]!.e))
    const compared = thenDe && (R.metricInnerCut.some((w) => first.q.raw.startsWith(w)) || beforeComparison(left.replace(/\s+/g, '')) !== left.replace(/\s+/g, ''))
    if (right.length >= 2 && (subject.length < 2 || (counted && !compared && !linked(left)))) {
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

/** The noun right after an amount (的 allowed between) that names what it is: 罚款, 滞纳金. */
function amountNounAfter(text: string, end: number): string | undefined {
  let at = end
  while (at < text.length && /\s/.test(text[at]!)) at++
  if (text[at] === '的') at++
  return R.amountNouns.find((w) => text.startsWith(w, at))
}
