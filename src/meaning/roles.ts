/**
 * The roles stage: fills `role`, `year`, `metric` and `change` of every
 * quantity node. First the context of each document is inferred
 * (`document-context.ts`: its kind, period and report year); then the tree
 * is walked with a frame per section (主要目标 vs 发展情况, the nearest
 * deciding heading wins), and each sentence reads its cue words (预计, 截至,
 * 由…提高到), time references (到2015年, “十五”末, 今年) and, in tables, the
 * column headers (目标 / 完成情况) and the row's indicator name. Cue lists
 * are data in `grammars/zh/roles.json` (`grammar.ts`); years are read by
 * `years.ts`, metrics by `metrics.ts`, sentences by `sentence-roles.ts` and
 * tables by `table-roles.ts`.
 */
import type { ParseContext } from '../core/context.js'
import type { LanguageMode } from '../quantities/english.js'
import { assignEnglishRoles } from './english-roles.js'
import type { Document, DocumentContext, Nodes, Root } from '../core/types.js'
import { inferDocumentContexts, thisYearOf } from './document-context.js'
import { has, roleGrammar as R } from './grammar.js'
import type { MetricCarry } from './metrics.js'
import { sentenceRoles, type Frame } from './sentence-roles.js'
import { tableRoles } from './table-roles.js'
import { timeRefs, type TimeRef } from './years.js'

type Period = { start: number; end: number }

/**
 * What a heading says of the quantities below it: a frame when it decides
 * (strong cues decide even inside a decided section, weak ones only at the
 * top), or only a target year (`到2035年基本建成…`), or nothing.
 */
export function frameOf(title: string, period: Period | null, outer: Frame): { frame: Frame; decides: boolean } {
  const refs = timeRefs(title, outer.thisYear ?? null).filter((r) => !r.base)
  const past = period ? refs.find((r) => r.year < period.start) : undefined
  const future = period ? refs.find((r) => r.year >= period.start) : undefined
  const targetYear = future?.year ?? outer.targetYear ?? null
  const actual = (strong: boolean): { frame: Frame; decides: boolean } => ({ frame: { ...outer, role: 'actual', year: past?.year ?? outer.year, strong }, decides: true })
  const targetStrong = has(title, R.headingTarget)
  if (has(title, R.headingAchieved)) return actual(true)
  if (has(title, R.headingPresent)) return { frame: { ...outer, role: 'actual', year: null, strong: true }, decides: true }
  // a title covering both a review or outlook and the goals (发展环境和主要目标) leaves it to the headings below
  if ((past || has(title, R.headingActual) || has(title, R.headingOutlook)) && targetStrong) return { frame: { ...outer, targetYear }, decides: false }
  if (past || has(title, R.headingActual)) return actual(true)
  if (has(title, R.headingOutlook)) return { frame: { ...outer, role: 'outlook', year: null, strong: true }, decides: true }
  if (targetStrong) return { frame: { ...outer, role: 'target', targetYear, strong: true }, decides: true }
  if (has(title, R.headingActualWeak)) return actual(false)
  if (has(title, R.headingOutlookWeak)) return { frame: { ...outer, role: 'outlook', year: null, strong: false }, decides: true }
  if (has(title, R.headingTargetWeak)) return { frame: { ...outer, role: 'target', targetYear, strong: false }, decides: true }
  return { frame: { ...outer, targetYear }, decides: false }
}

/** The frame of a section inside `outer`: the nearest deciding heading wins, a weak cue only where none has decided. */
export function innerFrame(title: string, period: Period | null, outer: Frame): Frame {
  const { frame, decides } = frameOf(title, period, outer)
  if (!decides) return frame
  if (outer.role === null || frame.strong) return frame
  return { ...outer, targetYear: frame.targetYear ?? outer.targetYear ?? null }
}

/**
 * Fill role, year, metric and change of every quantity in the tree. With
 * `lang` auto or en, the quantities of sentences and tables written in
 * English (all of them with en) then take the English rules
 * (`english-roles.ts`), which overwrite these fields.
 */
export function assignRoles(tree: Root, ctx: ParseContext, lang: LanguageMode = 'zh'): void {
  const contexts = inferDocumentContexts(tree)
  tree.children.forEach((doc, k) => {
    const context = contexts[k] ?? null
    const period = context?.period ?? null
    let frame: Frame = rootFrame(context)
    // the amounts a 条例 or 办法 sets (fines, allowances, time limits) are standards it requires
    if (context?.kind === 'regulation') frame = { ...frame, role: 'target', strong: true, rules: true }
    if (doc.kind === 'attachment' && doc.title) frame = innerFrame(doc.title, period, frame)
    walk(doc, frame, doc, period)
  })
  if (lang !== 'zh') assignEnglishRoles(tree, ctx, lang === 'en')
}

/** The frame a document starts in: actuals of the year before its period, `今年` from its report year. */
export function rootFrame(context: DocumentContext | null): Frame {
  const period = context?.period ?? null
  return { role: null, year: period ? period.start - 1 : null, thisYear: thisYearOf(context), targetYear: null }
}

function walk(node: Nodes, frame: Frame, doc: Document, period: Period | null): void {
  if (node.type === 'table') {
    tableRoles(node, frame, doc, period)
    return
  }
  if (!('children' in node)) return
  const inner = (node.type === 'section' || node.type === 'box') && !frame.rules ? innerFrame(node.title, period, frame) : frame
  // the sentences of one paragraph share their metrics (分别 lists, 比…增加 after a ；) and a date before a ；
  const shared: MetricCarry = { metrics: [] }
  let date: TimeRef | undefined
  for (const child of node.children as Nodes[]) {
    if (child.type === 'sentence') date = sentenceRoles(child.children, inner, period, null, shared, date)
    else {
      date = undefined
      walk(child, inner, doc, period)
    }
  }
}
