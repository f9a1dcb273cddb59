/**
 * Structural invariants every `parsePlan` result must satisfy, whatever
 * the input: shared by the property-based and adversarial suites.
 *
 * Each check returns a list of problems (empty when the tree is sound) so
 * that a failing property prints what went wrong, not just `false`.
 */
import type { Node, Position } from 'unist'
import type { ParseResult } from '../src/core/types.js'

/** Node types whose spans together must cover every non-whitespace input character
 * (a table covers its own syntax: pipes, delimiter rows, tags between cells). */
export const COVERING_TYPES: ReadonlySet<string> = new Set(['paragraph', 'heading', 'table', 'tableCell', 'setAside'])

interface AnyNode extends Node {
  children?: AnyNode[]
  data?: { setAside?: AnyNode[] } & Record<string, unknown>
}

/** Offsets where each line of `text` starts (lines end at `\n`, `\r\n` or `\r`). */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1)
  }
  return starts
}

function describe(node: AnyNode, path: string): string {
  const p = node.position
  return `${path} ${node.type}${p ? ` [${p.start.offset}, ${p.end.offset})` : ''}`
}

/**
 * Every node has a position with integer offsets in `[0, text.length]`,
 * `start <= end`, line and column agreeing with the offset, children in
 * document order and nested within their parent.
 */
export function positionProblems(result: ParseResult, text: string, limit = 10): string[] {
  const problems: string[] = []
  const starts = lineStarts(text)
  const pointProblem = (node: AnyNode, path: string, which: 'start' | 'end', pos: Position): void => {
    const pt = pos[which]
    const off = pt.offset
    if (off === undefined || !Number.isInteger(off) || off < 0 || off > text.length) {
      problems.push(`${describe(node, path)}: ${which} offset ${off} out of [0, ${text.length}]`)
      return
    }
    // The line holding `off` is the last line start <= off.
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= off) lo = mid
      else hi = mid - 1
    }
    const line = lo + 1
    const column = off - starts[lo]! + 1
    if (pt.line !== line || pt.column !== column) {
      problems.push(`${describe(node, path)}: start ${pt.line}:${pt.column} but offset ${off} is ${line}:${column}`)
    }
  }
  const visit = (node: AnyNode, path: string, parent: AnyNode | undefined): void => {
    if (problems.length >= limit) return
    const pos = node.position
    if (!pos) {
      problems.push(`${describe(node, path)}: no position`)
      return
    }
    pointProblem(node, path, 'start', pos)
    pointProblem(node, path, 'end', pos)
    const s = pos.start.offset ?? -1
    const e = pos.end.offset ?? -1
    if (s > e) problems.push(`${describe(node, path)}: start after end`)
    if (parent?.position) {
      const ps = parent.position.start.offset ?? -1
      const pe = parent.position.end.offset ?? -1
      if (s < ps || e > pe) problems.push(`${describe(node, path)}: outside its parent [${ps}, ${pe})`)
    }
    const kids = node.children ?? []
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i]!
      if (i > 0) {
        const prevEnd = kids[i - 1]!.position?.end.offset ?? -1
        const curStart = kid.position?.start.offset ?? -1
        if (curStart < prevEnd) problems.push(`${describe(kid, `${path}/${i}`)}: starts before its previous sibling ends (${prevEnd})`)
      }
      visit(kid, `${path}/${i}`, node)
    }
    // Set-aside entries ride on a paragraph and may lie anywhere inside it.
    for (const [i, aside] of (node.data?.setAside ?? []).entries()) visit(aside, `${path}/setAside${i}`, node)
  }
  visit(result.tree as unknown as AnyNode, '', undefined)
  return problems
}

/**
 * The lossless invariant: every non-whitespace input character lies inside
 * the span of a paragraph, heading, table (with its syntax) or set-aside node (set-aside
 * entries of `paragraph.data.setAside` included). Returns the uncovered
 * characters as problems, first ones first.
 */
export function losslessProblems(result: ParseResult, text: string, limit = 10): string[] {
  const covered = new Uint8Array(text.length)
  const mark = (node: AnyNode): void => {
    const s = Math.max(0, node.position?.start.offset ?? 0)
    const e = Math.min(text.length, node.position?.end.offset ?? 0)
    covered.fill(1, s, Math.max(s, e))
  }
  const visit = (node: AnyNode): void => {
    if (COVERING_TYPES.has(node.type)) mark(node)
    for (const aside of node.data?.setAside ?? []) mark(aside)
    for (const kid of node.children ?? []) visit(kid)
  }
  visit(result.tree as unknown as AnyNode)
  const problems: string[] = []
  for (let i = 0; i < text.length && problems.length < limit; i++) {
    if (covered[i] === 0 && /\S/.test(text[i]!)) {
      problems.push(`offset ${i} ${JSON.stringify(text[i])} (in ${JSON.stringify(text.slice(Math.max(0, i - 10), i + 10))}) is covered by no paragraph, heading, table or set-aside`)
    }
  }
  return problems
}

/** Position and lossless problems together. */
export function treeProblems(result: ParseResult, text: string): string[] {
  return [...positionProblems(result, text), ...losslessProblems(result, text)]
}
