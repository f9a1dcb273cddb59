/**
 * Document context: before roles are assigned, each document of a file is
 * read for its kind (规划, 工作计划, 实施方案, 政府工作报告, 办法, 通知), the
 * period it plans for and, for a 政府工作报告, the year it is given in. Roles
 * and years of its quantities read from this context. Word lists are data:
 * `grammars/zh/context.json` and `grammars/en/context.json`.
 *
 * ```txt
 * 某市国土空间总体规划（2021—2035年）     → { kind: 'plan', period: { start: 2021, end: 2035 } }
 * 某市2024年政府工作报告                  → { kind: 'work-report', period: { start: 2024, end: 2024 }, reportYear: 2024 }
 * The 14th Five-Year Plan for Employment  → { kind: 'plan', period: { start: 2021, end: 2025 } }
 * ```
 */
import { z } from 'zod'
import zhJson from '../../grammars/zh/context.json'
import enJson from '../../grammars/en/context.json'
import { execAll } from '../core/scan.js'
import type { Document, DocumentContext, DocumentKind, Nodes, Root } from '../core/types.js'

const kinds = ['plan', 'work-plan', 'implementation-plan', 'work-report', 'regulation', 'notice'] as const
const contextSchema = z.object({
  $comment: z.string(),
  kinds: z.array(z.object({ kind: z.enum(kinds), words: z.array(z.string()).min(1) })),
  thisYear: z.array(z.string()).default([]),
  lastYear: z.array(z.string()).default([]),
  pastPeriod: z.array(z.string()).default([]),
  nextYear: z.array(z.string()).default([]),
  horizonHeadings: z.array(z.string()).default([]),
})

/** The validated context words (built once). */
export const contextGrammar = Object.freeze({ zh: contextSchema.parse(zhJson), en: contextSchema.parse(enJson) })

type Period = { start: number; end: number }

/** First year of each five-year plan period by its name. */
const FIVE_YEAR_START: Readonly<Record<string, number>> = { 八五: 1991, 九五: 1996, 十五: 2001, 十一五: 2006, 十二五: 2011, 十三五: 2016, 十四五: 2021, 十五五: 2026 }
const ORDINALS: Readonly<Record<string, number>> = { eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16 }
const FYP_EN = /\b(?:(\d{1,2})(?:st|nd|rd|th)|(eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth))\s+five-year\s+plan/i
const SPAN = /((?:19|20)\d\d)\s*年?\s*[～~\-－—–至到]+\s*((?:19|20)\d\d)(?!\d)/gu
const SINGLE = /((?:19|20)\d\d)\s*年(?:度)?/u

/** Period of the nth five-year plan (第十四个五年 → 2021–2025). */
function nthPlan(n: number): Period | null {
  return n >= 8 && n <= 20 ? { start: 1991 + 5 * (n - 8), end: 1995 + 5 * (n - 8) } : null
}

const CN_DIGIT: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** A five-year plan named in a text: 第十五个五年, “十四五”, the 14th Five-Year Plan. */
function fiveYearPeriod(text: string): Period | null {
  const nth = /第(十?)([一二三四五六七八九]?)个五年/u.exec(text)
  if (nth && (nth[1] || nth[2])) return nthPlan((nth[1] ? 10 : 0) + (CN_DIGIT[nth[2]!] ?? 0))
  const named = /(十[一二三四五]五|十五|九五|八五)/u.exec(text)
  if (named && FIVE_YEAR_START[named[1]!]) {
    const start = FIVE_YEAR_START[named[1]!]!
    return { start, end: start + 4 }
  }
  const en = FYP_EN.exec(text)
  if (en) return nthPlan(en[1] ? Number(en[1]) : (ORDINALS[en[2]!.toLowerCase()] ?? 0))
  return null
}

/** A year span (2021-2025年, 2019—2035, (2021–2025)) in a text. */
function spanPeriod(text: string): Period | null {
  for (const m of execAll(SPAN, text)) {
    const start = Number(m[1])
    const end = Number(m[2])
    if (end >= start && end - start <= 30) return { start, end }
  }
  return null
}

/** The kind a title names: the kind word ending last decides, the longer one on a tie. */
export function kindOfTitle(title: string): DocumentKind | null {
  let best: { kind: DocumentKind; end: number; length: number } | null = null
  const lower = title.toLowerCase()
  for (const [lang, g] of Object.entries(contextGrammar)) {
    for (const { kind, words } of g.kinds) {
      for (const w of words) {
        const at = lower.lastIndexOf(w)
        if (at < 0) continue
        if (lang === 'en' && !wholeWord(lower, at, w.length)) continue
        const end = at + w.length
        if (!best || end > best.end || (end === best.end && w.length > best.length)) best = { kind, end, length: w.length }
      }
    }
  }
  return best?.kind ?? null
}

function wholeWord(text: string, at: number, length: number): boolean {
  return !/[a-z]/.test(text[at - 1] ?? '') && !/[a-z]/.test(text[at + length] ?? '')
}

/**
 * The period a title names: a five-year plan, a year span, or the single
 * year of a yearly plan, programme or report (2020年城市体检工作方案).
 */
export function periodOfTitle(title: string, kind: DocumentKind | null): Period | null {
  const t = title.replace(/\s+/g, '')
  const span = spanPeriod(t)
  if (span) return span
  const fiveYear = fiveYearPeriod(title)
  if (fiveYear) return fiveYear
  if (kind !== 'plan') {
    const single = SINGLE.exec(t)
    if (single && !/[到至]$/.test(t.slice(0, single.index))) return { start: Number(single[1]), end: Number(single[1]) }
  }
  return null
}

/** The text of the first sentences of a document, before its first section (at most `limit` characters). */
function openingOf(node: Nodes, limit: number): string {
  let text = ''
  const visit = (n: Nodes): boolean => {
    if (text.length >= limit) return false
    if (n.type === 'section' || n.type === 'box' || n.type === 'table') return false
    if (n.type === 'text') text += n.value
    else if (n.type === 'quantity') text += n.raw
    else if ('children' in n) {
      for (const c of n.children as Nodes[]) if (!visit(c)) return false
      if (n.type === 'sentence') text += '\n'
    }
    return true
  }
  visit(node)
  return text.slice(0, limit)
}

/** The text of a whole subtree. */
function textOf(n: Nodes): string {
  if (n.type === 'text') return n.value
  if (n.type === 'quantity') return n.raw
  if (!('children' in n)) return ''
  return (n.children as Nodes[]).map(textOf).join('')
}

/**
 * The horizon of a plan whose title names no period: the `到N年` of its
 * overall goal (a section titled 总体目标 / 主要目标 / 总体要求, else the
 * text before the first section), the period starting
 * at the earliest year span ending in that year (2012~2015年).
 */
function horizonOf(doc: Document): Period | null {
  const words = contextGrammar.zh.horizonHeadings
  let goal: string | null = null
  const find = (n: Nodes): void => {
    if (goal !== null || !('children' in n)) return
    if ((n.type === 'section' || n.type === 'box') && words.some((w) => n.title.includes(w))) {
      goal = textOf(n)
      return
    }
    for (const c of n.children as Nodes[]) find(c)
  }
  find(doc)
  // else the goal stated before the first section (总体要求与目标：…到2022年)
  const text = goal ?? openingOf(doc, 4000)
  const by = /[到至]\s*((?:19|20)\d\d)\s*年/u.exec(text)
  if (!by) return null
  const end = Number(by[1])
  let start = end
  for (const m of execAll(SPAN, textOf(doc))) if (Number(m[2]) === end && Number(m[1]) < start && end - Number(m[1]) <= 10) start = Number(m[1])
  return { start, end }
}

/** The context of one document from its own title and text, before anything is inherited. */
function ownContext(doc: Document): DocumentContext {
  const title = doc.title ?? ''
  const opening = openingOf(doc, 400)
  const kind = doc.kind === 'notice' ? 'notice' : (kindOfTitle(title) ?? (title ? null : kindOfTitle(firstSentence(opening))))
  let period = title ? periodOfTitle(title, kind) : null
  const context: DocumentContext = { kind, period }
  if (kind === 'work-report') {
    const year = period?.start === period?.end ? period?.end : undefined
    const dated = doc.date?.iso ? Number(doc.date.iso.slice(0, 4)) : undefined
    const reportYear = year ?? dated ?? yearOfOpening(opening)
    if (reportYear !== undefined) {
      context.reportYear = reportYear
      period = { start: reportYear, end: reportYear }
    }
  }
  if (!period && doc.kind !== 'notice') period = spanPeriod(opening.slice(0, 120)) ?? fiveYearPeriodOfOpening(opening) ?? horizonOf(doc)
  context.period = period
  return context
}

function firstSentence(text: string): string {
  const m = /[^。\n]*[。\n]?/u.exec(text)
  return m ? m[0] : ''
}

function yearOfOpening(opening: string): number | undefined {
  const m = SINGLE.exec(opening.slice(0, 80))
  return m ? Number(m[1]) : undefined
}

/** A five-year period the opening names as the plan's (“十四五”时期, 十四五规划, the 14th Five-Year Plan). */
function fiveYearPeriodOfOpening(opening: string): Period | null {
  const m = /[“"]?(十[一二三四五]五|十五|九五)[”"]?\s*(?:规划|时期|期间)/u.exec(opening)
  if (m) return fiveYearPeriod(m[1]!)
  const nth = /第(十?[一二三四五六七八九]?)个五年规划/u.exec(opening)
  if (nth) return fiveYearPeriod(nth[0])
  const en = FYP_EN.exec(opening)
  return en ? fiveYearPeriod(en[0]) : null
}

/**
 * Infer the context of every document of a tree, store it in
 * `document.data.context`, and set `root.data.period` from the main
 * document (the first plan with a period).
 *
 * A cover notice names the plan it issues (关于印发《…（2021-2025年）》的通知):
 * a plan document without a period of its own takes the notice's; an
 * attachment without one takes the main document's.
 *
 * @example
 * ```ts
 * const { tree } = parsePlan('某市2024年政府工作报告\n\n今年主要预期目标是：地区生产总值增长5%左右。')
 * tree.children[0].data?.context // { kind: 'work-report', period: { start: 2024, end: 2024 }, reportYear: 2024 }
 * ```
 */
export function inferDocumentContexts(tree: Root): DocumentContext[] {
  const own = tree.children.map(ownContext)
  const main = own.find((c, k) => tree.children[k]!.kind === 'plan' && c.period) ?? own.find((c) => c.period) ?? null
  const fallback = tree.data.period ?? main?.period ?? null
  let notice: DocumentContext | null = null
  const contexts = own.map((c, k) => {
    const doc = tree.children[k]!
    if (doc.kind === 'notice') {
      notice = c
      // the notice issues the plan its title names (印发《…规划》的通知)
      const issued = /《([^》]+)》/u.exec(doc.title ?? '')?.[1]
      if (issued && !c.period) c.period = periodOfTitle(issued, kindOfTitle(issued))
      return c
    }
    if (!c.period) c.period = (notice as DocumentContext | null)?.period ?? fallback
    if (!c.kind && doc.kind === 'plan') c.kind = main?.kind ?? null
    return c
  })
  tree.children.forEach((doc, k) => {
    doc.data = { ...doc.data, context: contexts[k]! }
  })
  // the context reads more than the tree's first guess (第十五个五年 is 2026–2030, not 十五)
  const period = (main ?? contexts.find((c) => c.period))?.period
  if (period) tree.data.period = period
  return contexts
}

/** The year `今年` means in a document: the report year, or the year of a one-year plan. */
export function thisYearOf(context: DocumentContext | null): number | null {
  if (!context) return null
  if (context.reportYear !== undefined) return context.reportYear
  return context.period && context.period.start === context.period.end ? context.period.end : null
}
