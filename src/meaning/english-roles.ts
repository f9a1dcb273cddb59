/**
 * Roles of quantities in English text: `assignEnglishRoles(tree, ctx)` fills
 * `role`, `year`, `metric` and `change` of the quantity nodes of Latin
 * sentences and English tables, the way `roles.ts` does for Chinese text.
 * It runs after the Chinese roles stage and overwrites what that stage set
 * on English quantities.
 *
 * - role: `target` for "by 2025", "will", "shall", "strive to", sections
 *   titled Main Targets / Goals / Tasks, target and future year columns;
 *   `actual` for "in 2020", "was", "reached", "during the 13th Five-Year
 *   Plan period", sections titled Achievements / Review / Progress, baseline
 *   and past year columns; `other` for forecasts ("projected").
 * - year: the explicit year (by 2025, in 2020, at the end of 2020, a plan
 *   period's last year), else the plan period's last year for targets.
 * - metric: the noun phrase naming what is measured, bounded to its clause.
 * - change: increase / decrease, `annual` for average annual rates.
 */
import type { ParseContext } from '../core/context.js'
import { isLatin } from '../structure/outline.js'
import { englishRoleGrammar, roleGrammar } from './grammar.js'
import { planPeriodOf } from './years.js'
import { inferDocumentContexts } from './document-context.js'
import type { Change, Nodes, PhrasingContent, Quantity, Role, Root, Table, TableCell } from '../core/types.js'
import { execAll } from '../core/scan.js'
import { englishHeaderRows, englishHeaders, englishNameColumn, isLatinTable, nounPhraseAfter } from '../quantities/english.js'

type Period = { start: number; end: number }

/**
 * Cue lists of `grammars/en/roles.json`, matched as whole words,
 * case-insensitive. Strong heading cues decide a section even inside a
 * section another heading decided (Chapter 2 Main Targets under Part I
 * Development Environment); weak ones only at the top.
 */
const C = englishRoleGrammar.cues
/** A change verb or noun right before the number (grow by, an increase of, rose). */
const CHANGE_TAIL = /\b([a-z]+)(?:\s+by)?(?:\s+an?)?(?:\s+average)?(?:\s+annual)?(?:\s+of)?\s*$/i
const SUBJECT_CUT = englishRoleGrammar.subjectCut
const LEAD = englishRoleGrammar.metricStripStart
const TRAIL = englishRoleGrammar.metricStripEnd
const CLAUSE_END = /[,;:!?()（），；：。]/
const SENTENCE_END = /[.;!?。；！？]/

const Y = englishRoleGrammar.years
const FYP = Y.plan

/** Last year of the nth Five-Year Plan (3rd: 1966–1970, then every five years). */
function planEnd(n: number): number | null {
  return n >= 3 && n <= 30 ? 1970 + 5 * (n - 3) : null
}

/**
 * Plan period of a tree: `tree.data.period`, a Chinese title (十四五), or an
 * English title or opening sentence naming "the 14th Five-Year Plan".
 */
export function englishPlanPeriod(tree: Root): Period | null {
  const known = planPeriodOf(tree)
  if (known) return known
  for (const d of tree.children) {
    const texts = [d.title ?? '']
    const firstSentence = findFirstText(d)
    if (firstSentence) texts.push(firstSentence)
    for (const t of texts) {
      FYP.lastIndex = 0
      const m = FYP.exec(t)
      if (!m) continue
      const end = planEnd(m[1] ? Number(m[1]) : (Y.ordinals.get(m[2]!.toLowerCase()) ?? 0))
      if (end) return { start: end - 4, end }
    }
  }
  return null
}

function findFirstText(node: Nodes): string | null {
  if (node.type === 'sentence') return flatten(node.children).text
  if (node.type === 'table' || !('children' in node)) return null
  for (const c of node.children as Nodes[]) {
    const t = findFirstText(c)
    if (t) return t
  }
  return null
}

interface TimeRef {
  start: number
  end: number
  year: number
  /** A year of comparison (compared with 2020, over the 2020 level). */
  base: boolean
}

/** Year references of an English text: by 2025, in 2020, the 13th Five-Year Plan period. */
export function englishTimeRefs(text: string): TimeRef[] {
  const refs: TimeRef[] = []
  const lower = text.toLowerCase()
  const YEAR = /(?<!\d|\d[,.])((?:19|20)\d{2})(?!\d|[,.]\d)/g
  for (const m of execAll(YEAR, text)) {
    const s = m.index
    const before = lower.slice(Math.max(0, s - 24), s)
    const after = lower.slice(s + 4, s + 12)
    if (Y.since.test(before) || /^\s*(?:-|–|—|to)\s*(?:19|20)\d{2}/.test(after) || /^\s*(?:onwards|onward)/.test(after)) continue
    if (/(?:-|–|—|to\s)\s*$/.test(before) && /(?:19|20)\d{2}\s*(?:-|–|—|to\s)\s*$/.test(before)) continue
    const base = Y.base.test(before) || /^\s*levels?\b/.test(after)
    refs.push({ start: s, end: s + 4, year: Number(m[1]), base })
  }
  FYP.lastIndex = 0
  for (const m of execAll(FYP, text)) {
    const end = planEnd(m[1] ? Number(m[1]) : (Y.ordinals.get(m[2]!.toLowerCase()) ?? 0))
    if (!end) continue
    const before = lower.slice(Math.max(0, m.index - 24), m.index)
    const start = Y.periodStart.test(before)
    refs.push({ start: m.index, end: m.index + m[0].length, year: start ? end - 4 : end, base: Y.periodBase.test(before) })
  }
  return refs.sort((a, b) => a.start - b.start)
}

interface Frame {
  role: 'target' | 'actual' | 'outlook' | null
  year: number | null
  strong?: boolean
}

/** What a heading decides (see `roles.ts`): a past period or review → actual, outlook, target; or nothing. */
function frameOf(title: string, period: Period | null, outer: Frame): Frame | null {
  const refs = englishTimeRefs(title).filter((r) => !r.base)
  const past = refs.find((r) => period && r.year < period.start)
  const R = roleGrammar
  const hasZh = (words: readonly string[]): boolean => words.some((w) => title.includes(w))
  const target = C.headingTarget.test(title) || hasZh(R.headingTarget)
  const actual = !!past || C.headingActual.test(title) || hasZh(R.headingActual) || hasZh(R.headingAchieved)
  const outlook = C.headingOutlook.test(title) || hasZh(R.headingOutlook)
  if (target && (actual || outlook) && !hasZh(R.headingAchieved)) return null
  if (actual) return { role: 'actual', year: past?.year ?? outer.year, strong: true }
  if (outlook) return { role: 'outlook', year: null, strong: true }
  if (target) return { role: 'target', year: outer.year, strong: true }
  if (C.headingActualWeak.test(title) || hasZh(R.headingActualWeak)) return { role: 'actual', year: outer.year, strong: false }
  if (C.headingTargetWeak.test(title) || hasZh(R.headingTargetWeak)) return { role: 'target', year: outer.year, strong: false }
  if (C.headingOutlookWeak.test(title) || hasZh(R.headingOutlookWeak)) return { role: 'outlook', year: null, strong: false }
  return null
}

/** The nearest deciding heading wins; a weak cue only where none has decided. */
function innerFrame(title: string, period: Period | null, outer: Frame): Frame {
  const f = frameOf(title, period, outer)
  return f && (outer.role === null || f.strong) ? f : outer
}

/**
 * Fill role, year, metric and change of every quantity of the Latin
 * sentences and English tables of a tree. Each document reads its period
 * from its context (`document.data.context`, see `document-context.ts`).
 */
export function assignEnglishRoles(tree: Root, _ctx: ParseContext, all = false): void {
  if (tree.children.some((d) => !d.data?.context)) inferDocumentContexts(tree)
  const fallback = englishPlanPeriod(tree)
  for (const doc of tree.children) {
    const period = doc.data?.context?.period ?? fallback
    let frame: Frame = { role: null, year: period ? period.start - 1 : null }
    if (doc.kind === 'attachment' && doc.title) frame = innerFrame(doc.title, period, frame)
    walk(doc, frame, period, all)
  }
}

function walk(node: Nodes, frame: Frame, period: Period | null, all: boolean): void {
  if (node.type === 'table') {
    if (all || isLatinTable(node)) tableRoles(node, frame, period)
    return
  }
  if (node.type === 'sentence') {
    if (all || isLatin(flatten(node.children).text)) sentenceRoles(node.children, frame, period)
    return
  }
  if (!('children' in node)) return
  const inner = node.type === 'section' || node.type === 'box' ? innerFrame(node.title, period, frame) : frame
  for (const child of node.children as Nodes[]) walk(child, inner, period, all)
}

/** The text of a run of phrasing nodes and each quantity's span in it. */
function flatten(children: readonly PhrasingContent[]): { text: string; spans: Array<{ q: Quantity; s: number; e: number }> } {
  let text = ''
  const spans: Array<{ q: Quantity; s: number; e: number }> = []
  for (const c of children) {
    if (c.type === 'text') text += c.value
    else {
      const t = c.raw.replace(/[\r\n]+/g, ' ')
      spans.push({ q: c, s: text.length, e: text.length + t.length })
      text += t
    }
  }
  return { text, spans }
}

function sentenceRoles(children: readonly PhrasingContent[], frame: Frame, period: Period | null): void {
  const { text, spans } = flatten(children)
  if (spans.length === 0) return
  const lower = text.toLowerCase()
  const refs = englishTimeRefs(text)
  const inSpan = new Uint8Array(text.length + 1)
  for (const { s, e } of spans) inSpan.fill(1, s, e)
  const bound = (k: number): boolean => !inSpan[k] && CLAUSE_END.test(text[k]!)
  const clauseStartOf = (s: number, floor: number): number => {
    for (let k = s - 1; k >= floor; k--) if (bound(k)) return k + 1
    return floor
  }
  const clauseEndOf = (e: number, ceiling: number): number => {
    for (let k = e; k < ceiling; k++) if (bound(k) || (!inSpan[k] && SENTENCE_END.test(text[k]!) && !/\d/.test(text[k + 1] ?? ''))) return k
    return ceiling
  }
  const claimed = new Set<TimeRef>()
  let after = 0
  let seen = 0
  let lastBefore: TimeRef | undefined
  let lastMetric: string | null = null
  spans.forEach(({ q, s, e }, k) => {
    const prevEnd = k > 0 ? spans[k - 1]!.e : 0
    const nextStart = k + 1 < spans.length ? spans[k + 1]!.s : text.length
    const cs = clauseStartOf(s, 0)
    const ce = clauseEndOf(e, text.length)
    const left = lower.slice(Math.max(cs, prevEnd), s)
    // the time reference: right after the number in its clause, else the last one before it
    // refs are sorted: move the pointers forward only (linear over the sentence)
    while (after < refs.length && refs[after]!.start < e) after++
    while (seen < refs.length && refs[seen]!.end <= s) {
      const r = refs[seen++]!
      if (!r.base && !claimed.has(r)) lastBefore = r
    }
    let ref: TimeRef | undefined
    for (let j = after; j < refs.length && refs[j]!.end <= Math.min(ce, nextStart); j++) {
      if (!refs[j]!.base) {
        ref = refs[j]
        break
      }
    }
    if (ref) claimed.add(ref)
    // a date written right after an earlier number (from 60.6% in 2020 to 65%) is that number's own
    else ref = lastBefore
    const baseline = /\bfrom\s*$/.test(left) && /^\s*(?:in\s+(?:19|20)\d{2}\s*)?to\b/.test(lower.slice(e, e + 30))
    const clause = lower.slice(cs, ce)
    const before = lower.slice(Math.max(0, s - 240), s)
    const targetCue = C.targetCues.test(clause) || C.targetCues.test(before)
    const actualCue = C.actualCues.test(clause)
    const forecast = C.forecastCues.test(before) || C.forecastCues.test(clause)
    const planEndYear = period?.end ?? null
    const future = ref !== undefined && (period ? ref.year >= period.start : /\bby\s+(?:the\s+end\s+of\s+)?$/.test(lower.slice(Math.max(0, ref.start - 20), ref.start)))
    let role: Role
    let year: number | null
    if (q.unit === 'age' && !/\bat\s*$|\bage\s+of\s*$/.test(left)) {
      role = 'other'
      year = null
    } else if (frame.role === 'actual') {
      if (forecast) [role, year] = ['other', ref?.year ?? planEndYear]
      else if (future && targetCue) [role, year] = ['target', ref!.year]
      else [role, year] = ['actual', ref?.year ?? frame.year]
    } else if (baseline) {
      role = 'actual'
      year = ref && (!period || ref.year < period.start) ? ref.year : null
    } else if (ref && period && ref.year < period.start) {
      role = 'actual'
      year = ref.year
    } else if (forecast) {
      role = 'other'
      year = ref?.year ?? planEndYear
    } else if (frame.role === 'outlook' || (!targetCue && actualCue && !future)) {
      role = 'actual'
      year = ref?.year ?? (C.presentCues.test(clause) ? null : period ? period.start - 1 : null)
    } else {
      role = 'target'
      year = ref?.year ?? planEndYear
    }
    q.role = role
    q.year = year
    const metric = metricOf(text, q, s, e, Math.max(cs, prevEnd), Math.min(ce, nextStart))
    q.metric = metric ?? lastMetric
    if (q.metric) lastMetric = q.metric
    delete q.change
    const change = changeOf(lower, left, clause, refs, cs, s)
    if (change) q.change = change
  })
}

function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => w.length > 0)
}

/** Clean a subject phrase: drop lead-ins, cut at its verb, drop trailing prepositions and dates. */
export function cleanEnglishMetric(raw: string): string {
  let ws = words(raw.replace(/\b(?:by|in|at|as of|until|before|during)\s+(?:the\s+)?(?:end\s+of\s+)?(?:(?:19|20)\d{2}|the\s+\d{1,2}(?:st|nd|rd|th)\s+five-year\s+plan(?:\s+period)?)\b/gi, ' '))
  ws = ws.map((w) => w.replace(/^[“"'‘(]+|[”"'’),.]+$/g, '')).filter((w) => w.length > 0)
  while (ws.length && LEAD.has(ws[0]!.toLowerCase())) ws.shift()
  const cut = ws.findIndex((w) => SUBJECT_CUT.has(w.toLowerCase()))
  if (cut >= 0) ws = ws.slice(0, cut)
  while (ws.length && TRAIL.has(ws[ws.length - 1]!.toLowerCase())) ws.pop()
  return ws.join(' ')
}

const COUNTED = new Set(['person', 'count', 'household', 'person-time'])

function metricOf(text: string, q: Quantity, s: number, e: number, from: number, to: number): string | null {
  const subject = cleanEnglishMetric(text.slice(from, s))
  const left = text.slice(from, s).toLowerCase()
  const linked = /\b(?:is|are|was|were|be|been|reach|reached|reaches|exceed|exceeded|stood|remain|remained|total|totaled|totalled)\s*$/.test(left.trim() ? left.trimEnd() + ' ' : left)
  if (COUNTED.has(q.unit) && (subject.length < 3 || !linked)) {
    const noun = nounPhraseAfter(text.slice(0, to), e)
    if (noun) return noun
  }
  if (COUNTED.has(q.unit) && subject.length < 3) {
    // 30 incubators, 350,000 people from poor households: the noun is in the span
    const noun = /[A-Za-z][A-Za-z-]*$/.exec(q.raw.replace(/\s+(?:or|and)\s+(?:more|above|over|less|below|fewer)$/i, ''))?.[0]
    if (noun && !/^\d/.test(noun)) {
      const more = /^\s*((?:from|of|in|with|for)\s+[^,;.]*)/i.exec(text.slice(e, to))
      const tail = more ? cleanEnglishMetric(`x ${more[1]}`).replace(/^x\s*/, '') : ''
      return tail ? `${noun} ${tail}` : noun
    }
  }
  if (subject.length >= 3) return subject
  const right = cleanEnglishMetric(text.slice(e, to))
  return right.length >= 3 && !/^\d/.test(right) ? right : null
}

function changeOf(lower: string, left: string, clause: string, refs: TimeRef[], cs: number, s: number): Change | undefined {
  const tail = CHANGE_TAIL.exec(left)
  let dir: Change['direction'] | null = null
  if (tail) {
    const w = tail[1]!
    if (/\bto\s*$/.test(left)) return undefined
    if (C.changeIncrease.test(w)) dir = 'increase'
    else if (C.changeDecrease.test(w)) dir = 'decrease'
    else if (/\b(?:by|of|at)\s*$/.test(left)) {
      // reduce energy consumption per unit of GDP by 13.5%, grow at an average annual rate of 6%
      const verbs = lower.slice(cs, s)
      const inc = verbs.search(C.changeIncrease)
      const decr = verbs.search(C.changeDecrease)
      if (inc >= 0 || decr >= 0) dir = decr >= 0 && (inc < 0 || decr < inc) ? 'decrease' : 'increase'
    }
  }
  if (!dir) return undefined
  const base = refs.find((r) => r.base && r.start >= cs - 20 && r.end <= cs + clause.length)
  return { direction: dir, period: C.annualCues.test(clause) ? 'annual' : 'cumulative', ...(base ? { baseYear: base.year } : {}) }
}

// ---------------------------------------------------------------------------
// Tables

function cellText(cell: TableCell | undefined): string {
  if (!cell) return ''
  return cell.children.map((c) => (c.type === 'text' ? c.value : c.raw)).join('').replace(/\s+/g, ' ').trim()
}

/** Name of an indicator row: list number, unit brackets and footnote marks removed. */
export function englishRowName(name: string): string {
  return name
    .replace(/^\s*\d+\s*[.)]\s*/, '')
    .replace(/\s*[(（][^()（）]{1,30}[)）]\s*\*?\s*$/, '')
    .replace(/\*+$/, '')
    .trim()
}

function tableRoles(table: Table, frame: Frame, period: Period | null): void {
  const headerRows = englishHeaderRows(table)
  const headers = englishHeaders(table)
  const nameCol = englishNameColumn(table, headers)
  const headerYears = headers.map((h) => englishTimeRefs(h ?? '')[0]?.year ?? null)
  const latest = Math.max(0, ...headerYears.filter((y): y is number => y !== null))
  for (const row of table.children) {
    if (row.kind !== 'body' || headerRows.includes(row)) continue
    const name = nameCol >= 0 ? englishRowName(cellText(row.children[nameCol])) : ''
    row.children.forEach((cell, k) => {
      const qs = cell.children.filter((c): c is Quantity => c.type === 'quantity')
      if (qs.length === 0) return
      const header = headers[k] ?? ''
      const whole = qs.length === 1 && cell.children.length === 1
      if (!whole) {
        sentenceRoles(cell.children, frame.role ? frame : { role: 'target', year: frame.year }, period)
        for (const q of qs) if (!q.metric || q.metric.length < 3) q.metric = name || header || null
        return
      }
      const q = qs[0]!
      const headerYear = headerYears[k] ?? null
      const growth = C.columnGrowth.test(header)
      const actualCol = C.columnActual.test(header) && !C.columnTarget.test(header)
      const targetCol = C.columnTarget.test(header) || growth
      const pastCol = headerYear !== null && !targetCol && (period ? headerYear < period.start : headerYear < latest)
      q.role = actualCol || pastCol ? 'actual' : targetCol ? 'target' : frame.role === 'actual' ? 'actual' : 'target'
      q.year = headerYear ?? (q.role === 'target' ? (period?.end ?? null) : frame.year)
      q.metric = name || header || null
      delete q.change
      if (growth) {
        const cumulative = /^[[［〔【]/.test(q.raw) || (/\bcumulative\b/i.test(header) && !/\bannual\b/i.test(header))
        q.change = { direction: /\b(?:decrease|reduction|decline)\b/i.test(header + ' ' + name) ? 'decrease' : 'increase', period: cumulative ? 'cumulative' : 'annual' }
      }
    })
  }
}
