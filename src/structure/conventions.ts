/**
 * A document's numbering conventions, inferred from all of its candidate
 * markers before any of them is decided: which lines are a table of
 * contents, which schemes nest inside which (the ladder), and which
 * schemes keep counting across their parents. `outline.ts` then reads the
 * candidates in order with these conventions.
 *
 * Every pass is linear in the number of blocks (the ladder votes are
 * counted per pair of schemes that meet, at most a few dozen).
 */
import { grammars } from '../core/grammars.js'
import type { Block } from '../layout/index.js'
import type { HeadingCandidate } from './outline.js'

const { tocLine: TOC_LINE, tocTitle: TOC_TITLE } = grammars.outline

/**
 * Fewest table-of-contents lines (dotted leaders and a page number) a
 * document must have before they are read as one: a single `……12` may be
 * a form to fill in.
 */
const MIN_TOC_LINES = 3
/**
 * The leader pattern is anchored at the end of a line, so only a line's
 * tail is tried: run over a whole line of dots it would backtrack from
 * every position (quadratic; caught by the adversarial suite).
 */
const TOC_TAIL = 32

/**
 * Fewest consecutive heading-only candidates, each repeated later in the
 * body, that make a table of contents without leaders (a list of chapter
 * titles at the top). Two in a row are common in real bodies (第一章 and
 * its 第一节 with no text between), so three.
 */
const MIN_TOC_RUN = 3

/**
 * Fewest members of a run (ordinals 1, 2, 3 in order) that a `needsRun`
 * scheme needs in a document; the bare `1 总则` only counts as numbering
 * when the document keeps counting with it.
 */
const MIN_RUN = 3

/** What one document's numbering looks like. */
export interface Conventions {
  /** `parentOf.get(p)` holds the schemes that `p` was seen to contain. */
  parentOf: Map<string, Set<string>>
  /** Schemes that keep counting across their parents in this document. */
  continuous: Set<string>
}

/** Candidates that cannot be headings whatever their sequence: table-of-contents entries, schemes without a run. */
export function excludedCandidates(blocks: Block[], candidates: Array<HeadingCandidate | undefined>): Set<number> {
  const out = new Set<number>()
  for (const i of tocCandidates(blocks, candidates)) out.add(i)
  for (const i of runlessCandidates(candidates)) out.add(i)
  return out
}

/**
 * Table-of-contents entries: every candidate line with leaders and a page
 * number when the document has enough of them, and runs of heading-only
 * candidates (after a 目录 line, or repeated later in the body).
 */
function tocCandidates(blocks: Block[], candidates: Array<HeadingCandidate | undefined>): number[] {
  const out: number[] = []
  const leaders: number[] = []
  blocks.forEach((b, i) => {
    if (b.kind === 'text' && TOC_LINE.test(b.text.text.slice(-TOC_TAIL))) leaders.push(i)
  })
  if (leaders.length >= MIN_TOC_LINES) for (const i of leaders) if (candidates[i]) out.push(i)
  // Later occurrences of each candidate (scheme, ordinal, title).
  const lastAt = new Map<string, number>()
  candidates.forEach((c, i) => {
    if (c) lastAt.set(tocKey(c), i)
  })
  let i = 0
  while (i < blocks.length) {
    if (!candidates[i]) {
      i++
      continue
    }
    const afterTitle = precededByTocTitle(blocks, i)
    let j = i
    const run: number[] = []
    const keys = new Set<string>()
    while (j < blocks.length) {
      const b = blocks[j]!
      const c = candidates[j]
      if (b.kind === 'aside') {
        j++
        continue
      }
      // a contents list names each entry once: a repeated entry is where the body begins
      if (!c || b.kind !== 'text' || c.leadEnd < b.text.text.length || keys.has(tocKey(c))) break
      keys.add(tocKey(c))
      run.push(j)
      j++
    }
    if (run.length === 0) {
      i++
      continue
    }
    const repeated = run.every((k) => (lastAt.get(tocKey(candidates[k]!)) ?? k) >= j)
    if (run.length >= MIN_TOC_RUN && (afterTitle || repeated)) out.push(...run)
    i = j
  }
  return out
}

/** The 目录 line just before block `i`. */
function precededByTocTitle(blocks: Block[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const b = blocks[k]!
    if (b.kind === 'aside') continue
    return b.kind === 'text' && TOC_TITLE.test(b.text.text.trim())
  }
  return false
}

/** A candidate's scheme, number and title without page numbers and leaders. */
function tocKey(c: HeadingCandidate): string {
  const title = c.title.replace(/[\s.．。·•…⋯_]+/g, '').replace(/[0-9０-９]+$/, '')
  return `${c.marker.id}:${c.marker.path?.join('.') ?? c.marker.ordinal}:${title}`
}

/** Candidates of `needsRun` schemes in a document that never counts 1, 2, 3 with them. */
function runlessCandidates(candidates: Array<HeadingCandidate | undefined>): number[] {
  const bySchemeId = new Map<string, number[]>()
  candidates.forEach((c, i) => {
    if (!c?.marker.scheme.needsRun) return
    const list = bySchemeId.get(c.marker.scheme.id)
    if (list) list.push(i)
    else bySchemeId.set(c.marker.scheme.id, [i])
  })
  const out: number[] = []
  for (const list of bySchemeId.values()) {
    let expected = 1
    for (const i of list) if (candidates[i]!.marker.ordinal === expected) expected++
    if (expected - 1 < MIN_RUN) out.push(...list)
  }
  return out
}

/**
 * The ladder and the continuous schemes of the candidates `from` … `to`
 * (one document or attachment).
 *
 * A scheme that starts again at 1 right after a marker of another scheme
 * is that scheme's child there; the ladder keeps each pair in the
 * direction most of these votes give (`五、` → `第一章` once, `第N章` →
 * `一、` six times: chapters hold the 一、 items, and the first 一、…五、
 * lie in an unnumbered part before them). A scheme continues across its
 * parents when, right after a parent's marker, it goes on counting
 * (`二、` → `2．`) more often than it starts again at 1.
 */
export function inferConventions(candidates: Array<HeadingCandidate | undefined>, from: number, to: number): Conventions {
  const votes = new Map<string, number>()
  const vote = (parent: string, child: string): void => {
    const key = `${parent}>${child}`
    votes.set(key, (votes.get(key) ?? 0) + 1)
  }
  walkPairs(candidates, from, to, (prev, c) => {
    if (c.marker.ordinal === 1) vote(prev.marker.id, c.marker.id)
  })
  const parentOf = new Map<string, Set<string>>()
  for (const [key, n] of votes) {
    const [parent, child] = key.split('>') as [string, string]
    if (n > (votes.get(`${child}>${parent}`) ?? 0)) parentOf.set(parent, new Set([...(parentOf.get(parent) ?? []), child]))
  }
  const goesOn = new Map<string, number>()
  const restarts = new Map<string, number>()
  const last = new Map<string, number>()
  walkPairs(
    candidates,
    from,
    to,
    (prev, c) => {
      const id = c.marker.id
      const before = last.get(id)
      if (before === undefined || !parentOf.get(prev.marker.id)?.has(id)) return
      if (c.marker.ordinal === before + 1) goesOn.set(id, (goesOn.get(id) ?? 0) + 1)
      else if (c.marker.ordinal === 1) restarts.set(id, (restarts.get(id) ?? 0) + 1)
    },
    (c) => last.set(c.marker.id, c.marker.ordinal),
  )
  const continuous = new Set<string>()
  for (const [id, n] of goesOn) if (n > (restarts.get(id) ?? 0)) continuous.add(id)
  return { parentOf, continuous }
}

/**
 * Calls `pair` for each section candidate whose nearest preceding section
 * candidate has another scheme, then `each` for every section candidate.
 * The numbered run right after a 专栏 heading (1, 2, 3 … of one scheme)
 * is the box's own list and is skipped: it says nothing about the body's
 * sequences.
 */
function walkPairs(
  candidates: Array<HeadingCandidate | undefined>,
  from: number,
  to: number,
  pair: (prev: HeadingCandidate, c: HeadingCandidate) => void,
  each?: (c: HeadingCandidate) => void,
): void {
  let prev: HeadingCandidate | undefined
  /** The box list being skipped: its scheme ('' before its first item) and last number. */
  let boxRun: { id: string; ordinal: number } | undefined
  for (let i = from; i < to; i++) {
    const c = candidates[i]
    if (!c) continue
    if (c.marker.scheme.kind !== 'section') {
      boxRun = c.marker.scheme.kind === 'box' ? { id: '', ordinal: 0 } : undefined
      prev = undefined
      continue
    }
    if (boxRun && (boxRun.id === '' || boxRun.id === c.marker.id) && c.marker.ordinal === boxRun.ordinal + 1) {
      boxRun = { id: c.marker.id, ordinal: c.marker.ordinal }
      continue
    }
    boxRun = undefined
    if (prev && prev.marker.id !== c.marker.id) pair(prev, c)
    each?.(c)
    prev = c
  }
}
