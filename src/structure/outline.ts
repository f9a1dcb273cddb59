/**
 * The outline: which blocks are headings, at what depth, and where each
 * document of the file begins. Depth comes from the numbering alone: each
 * document's conventions (tables of contents, the ladder of schemes,
 * schemes that count on across parents) are inferred from all of its
 * candidates first (`conventions.ts`), then a marker must continue its
 * sequence to count (a stray `3.` is text).
 */
import type { ParseContext } from '../core/context.js'
import { grammars } from '../core/grammars.js'
import type { Block, TextBlock } from '../layout/index.js'
import { matchMarker, type MarkerMatch } from './numbering.js'
import { excludedCandidates, inferConventions, type Conventions } from './conventions.js'
import type { Document } from '../core/types.js'

const TITLE_STOP = new Set(grammars.layout.titleEnd)
const DOC_NUMBER = new RegExp(grammars.layout.docNumber, 'u')
const DATE_LINE = new RegExp(grammars.layout.dateLine, 'u')
const ADDRESSEES = new RegExp(grammars.layout.addressees, 'u')

/** A heading found at the start of a text block. */
export interface HeadingCandidate {
  marker: MarkerMatch
  /** Index in the block text where the title starts and ends. */
  titleStart: number
  titleEnd: number
  /** Index where the heading's lead sentence ends (after its stop). */
  leadEnd: number
  title: string
  /** The title stands in the next block (`附件1：` / title line). */
  titleFromNext?: boolean
}

export interface OutlineHeading extends HeadingCandidate {
  block: number
  /** Depth within its document; 0 for an attachment's own heading. */
  depth: number
}

export interface OutlineDocument {
  kind: Document['kind']
  /** First block of the document. */
  start: number
}

export interface Outline {
  documents: OutlineDocument[]
  headings: Map<number, OutlineHeading>
  /** Blocks consumed as the title of the heading before them. */
  titleBlocks: Set<number>
}

/** Heading candidate at the start of a text block, if its text has one. */
export function headingCandidate(block: TextBlock, next: Block | undefined): HeadingCandidate | undefined {
  const text = block.text.text
  const marker = matchMarker(text)
  if (!marker) return undefined
  let i = marker.length
  while (i < text.length && /[\s\u3000]/.test(text[i]!)) i++
  if (marker.scheme.kind !== 'section') {
    while (i < text.length && /[:：\s\u3000]/.test(text[i]!)) i++
  }
  const rest = text.slice(i)
  if (marker.scheme.kind === 'annex') {
    const hasNumber = /[0-9０-９一二三四五六七八九十]/.test(marker.raw.slice(2))
    if (!hasNumber && rest.trim()) return undefined
    // "附件1：…" followed by a list of names (1．…) is not a heading either.
    if (rest && matchMarker(rest)) return undefined
  }
  if (!rest.trim()) {
    if (next?.kind === 'text' && !matchMarker(next.text.text) && titleLike(next.text.text)) {
      return { marker, titleStart: i, titleEnd: i, leadEnd: text.length, title: next.text.text.replace(/\s+/g, ''), titleFromNext: true }
    }
    if (marker.scheme.kind === 'annex') return { marker, titleStart: i, titleEnd: i, leadEnd: text.length, title: '' }
    return undefined
  }
  let end = i
  const latin = isLatin(text)
  while (end < text.length && !TITLE_STOP.has(text[end]!) && !(latin && text[end] === '.' && /\s/.test(text[end + 1] ?? ' '))) end++
  const leadEnd = end < text.length ? end + 1 : end
  const title = latin ? text.slice(i, end).replace(/\s+/g, ' ').trim() : text.slice(i, end).replace(/\s+/g, '')
  if (!title) return undefined
  return { marker, titleStart: i, titleEnd: end, leadEnd, title }
}

/** Text written mostly in Latin letters (an English translation). */
export function isLatin(text: string): boolean {
  let letters = 0
  let cjk = 0
  for (let i = 0; i < text.length && i < 400; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++
    else if (c >= 0x4e00 && c <= 0x9fff) cjk++
  }
  return letters > 3 * cjk && letters > 0
}

/** Short, unpunctuated text that can be a title. */
export function titleLike(text: string): boolean {
  const t = text.trim()
  return t.length > 0 && t.length <= (isLatin(t) ? 160 : 60) && !/[。！？；，]|[,.;](?:\s|$)/.test(t) && !/[:：]$/.test(t) && !DATE_LINE.test(t) && !DOC_NUMBER.test(t)
}

interface Level {
  scheme: string
  ordinal: number
  /** The decimal path of the level's last marker (`2.3` → [2, 3]). */
  path?: number[] | undefined
  /** The rank of a continuous scheme (第N章 2, 第N条 9), whose place in the hierarchy is fixed. */
  rank?: number
}

/** A 专栏 box open after its heading: its own numbered items nest inside it. */
interface OpenBox {
  depth: number
  /** The scheme of the section that holds the box. */
  parent: string | undefined
  levels: Level[]
}

const PART_LABEL = grammars.outline.partLabel

/**
 * Which blocks are headings. First each document's conventions are
 * inferred from all of its candidates (`conventions.ts`: tables of
 * contents, the ladder of schemes, schemes that count on across parents);
 * then the candidates are read in order against a stack of open levels.
 */
export function buildOutline(blocks: Block[], ctx: ParseContext): Outline {
  const found = blocks.map((b, i) => (b.kind === 'text' ? headingCandidate(b, blocks[i + 1]) : undefined))
  const excluded = excludedCandidates(blocks, found)
  const candidates = found.map((c, i) => (excluded.has(i) ? undefined : c))
  const documents: OutlineDocument[] = [{ kind: 'plan', start: 0 }]
  const headings = new Map<number, OutlineHeading>()
  const titleBlocks = new Set<number>()
  const segments = annexSegments(candidates)
  let conventions = inferConventions(candidates, 0, segments[0] ?? blocks.length)
  let segment = 0
  let stack: Level[] = []
  let box: OpenBox | undefined
  /** Last ordinal of each scheme in the current document (for schemes that count on across parents). */
  let lastSeen = new Map<string, number>()
  let lastHeading = -1
  const accept = (i: number, c: HeadingCandidate, depth: number, inBox = false): void => {
    headings.set(i, { ...c, block: i, depth })
    // a box's own list does not move the body's count on
    if (!inBox) lastSeen.set(c.marker.id, c.marker.ordinal)
    if (c.titleFromNext) titleBlocks.add(i + 1)
    lastHeading = i
  }
  const nextOrdinal = nextOfScheme(candidates)
  /** Whether `c` goes on with its continuous scheme: the next number, one skipped, or a gap its own successor confirms. */
  let gap = false
  const countsOn = (c: HeadingCandidate, i: number): boolean => {
    gap = false
    if (c.marker.scheme.continuous !== true && !conventions.continuous.has(c.marker.id)) return false
    const last = lastSeen.get(c.marker.id) ?? (lostFirst(c, i) ? 0 : undefined)
    if (last === undefined || c.marker.ordinal <= last) return false
    gap = c.marker.ordinal !== last + 1
    return c.marker.ordinal <= last + 2 || nextOrdinal[i] === c.marker.ordinal + 1
  }
  /** 第二章 as the first of its scheme with 第三章 next: the text lost its 第一章 line, the sequence goes on from it. */
  const lostFirst = (c: HeadingCandidate, i: number): boolean => c.marker.scheme.continuous === true && c.marker.ordinal === 2 && nextOrdinal[i] === 3
  /** A continuous scheme of a higher rank closes open levels of lower-ranked continuous schemes (第二章 after 第十条). */
  const outranks = (c: HeadingCandidate, level: Level): boolean => c.marker.scheme.continuous === true && level.rank !== undefined && level.rank > c.marker.scheme.rank
  const levelOf = (c: HeadingCandidate, ordinal: number): Level => ({ scheme: c.marker.id, ordinal, path: c.marker.path, ...(c.marker.scheme.continuous === true ? { rank: c.marker.scheme.rank } : {}) })
  for (let i = 0; i < blocks.length; i++) {
    const c = candidates[i]
    if (!c || titleBlocks.has(i)) {
      const b = blocks[i]!
      if (!titleBlocks.has(i) && b.kind === 'text' && PART_LABEL.test(b.text.text.trim())) {
        stack = []
        box = undefined
      }
      continue
    }
    const kind = c.marker.scheme.kind
    if (kind === 'annex') {
      documents.push({ kind: 'attachment', start: i })
      while (segment < segments.length && segments[segment]! <= i) segment++
      conventions = inferConventions(candidates, i, segments[segment] ?? blocks.length)
      stack = []
      box = undefined
      lastSeen = new Map()
      accept(i, c, 0)
      continue
    }
    if (kind === 'box') {
      // Into the innermost open section whose scheme holds numbered items in this document: a box after an
      // item of the lowest level (1. 2. then 专栏) is a sibling of the items, not inside the last one.
      let parent = stack.length - 1
      while (parent > 0 && !conventions.parentOf.get(stack[parent]!.scheme)?.size) parent--
      box = { depth: parent + 2, parent: stack[parent]?.scheme, levels: [] }
      accept(i, c, box.depth)
      continue
    }
    const scheme = c.marker.id
    const place = (): string => `${c.marker.raw}${c.title.slice(0, 20)}`
    if (box && !closesBox(box, stack, c, countsOn(c, i), conventions)) {
      const inBox = boxItem(box, c)
      if (inBox !== undefined) accept(i, c, inBox, true)
      else ctx.warn('broken-sequence', position(ctx, blocks[i]!), `${place()}: expected 1 in 专栏`)
      continue
    }
    box = undefined
    const at = findLevel(stack, scheme)
    if (c.marker.scheme.needsSequence && (at < 0 || stack[at]!.ordinal + 1 !== c.marker.ordinal)) continue
    if (at >= 0) {
      const level = stack[at]!
      const expected = level.ordinal + 1
      const next = succeeds(level, c)
      if (next !== 'no') {
        if (next === 'skip') ctx.warn('skipped-number', position(ctx, blocks[i]!), `${place()}: expected ${expected}`, null)
        stack.length = at + 1
        stack[at] = levelOf(c, c.marker.ordinal)
        accept(i, c, at + 1)
      } else if (c.marker.ordinal === 1 && at === 0) {
        documents.push({ kind: 'plan', start: titleStart(blocks, candidates, lastHeading + 1, i) })
        stack = [levelOf(c, 1)]
        lastSeen = new Map()
        accept(i, c, 1)
      } else {
        ctx.warn('broken-sequence', position(ctx, blocks[i]!), `${place()}: expected ${expected}`)
      }
      continue
    }
    // A scheme the ladder puts above open levels closes them (第一章 after the 一、 items of an unnumbered 总则).
    let keep = stack.length
    while (keep > 0 && (conventions.parentOf.get(scheme)?.has(stack[keep - 1]!.scheme) || outranks(c, stack[keep - 1]!))) keep--
    const goesOn = c.marker.ordinal !== 1 && countsOn(c, i)
    if (keep === stack.length || c.marker.ordinal === 1 || goesOn) stack.length = keep
    if (stack.length === 0 || c.marker.ordinal === 1 || goesOn) {
      if (goesOn && gap) ctx.warn('skipped-number', position(ctx, blocks[i]!), `${place()}: expected ${(lastSeen.get(scheme) ?? 0) + 1}`, null)
      stack.push(levelOf(c, c.marker.ordinal))
      accept(i, c, stack.length)
      continue
    }
    ctx.warn('broken-sequence', position(ctx, blocks[i]!), `${place()}: not the first of a new level`)
  }
  if (headings.size === 0 && blocks.length) ctx.warn('no-numbering', undefined, undefined, null)
  splitNotice(blocks, documents, headings)
  return { documents, headings, titleBlocks }
}

/** For each candidate, the number of the next candidate of its scheme (the layout may have lost the ones between). */
function nextOfScheme(candidates: Array<HeadingCandidate | undefined>): Array<number | undefined> {
  const out: Array<number | undefined> = new Array(candidates.length)
  const ahead = new Map<string, number>()
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i]
    if (!c) continue
    out[i] = ahead.get(c.marker.id)
    ahead.set(c.marker.id, c.marker.ordinal)
  }
  return out
}

/** Blocks that start an attachment (`附件N`). */
function annexSegments(candidates: Array<HeadingCandidate | undefined>): number[] {
  const out: number[] = []
  candidates.forEach((c, i) => {
    if (c?.marker.scheme.kind === 'annex') out.push(i)
  })
  return out
}

/**
 * Whether marker `c` follows the level's last one: `'next'`, `'skip'`
 * (one number left out), or `'no'`. A decimal marker also follows when
 * its parent number moves on and it starts at 1 (`1.2` → `2.1`).
 */
function succeeds(level: Level, c: HeadingCandidate): 'next' | 'skip' | 'no' {
  const path = c.marker.path
  if (path && level.path && path.length > 1 && path.length === level.path.length) {
    const prefix = path.slice(0, -1)
    const before = level.path.slice(0, -1)
    if (prefix.join('.') !== before.join('.')) {
      const last = prefix.length - 1
      const moved = prefix.slice(0, last).join('.') === before.slice(0, last).join('.') && prefix[last]! > before[last]!
      return moved && c.marker.ordinal === 1 ? 'next' : 'no'
    }
  }
  const expected = level.ordinal + 1
  if (c.marker.ordinal === expected) return 'next'
  return c.marker.ordinal === expected + 1 ? 'skip' : 'no'
}

/**
 * Whether marker `c` resumes the body after an open box rather than being
 * one of its items: it goes on with a level of the box first, else with
 * an open level of the body (`（三）` after `（二）`), else it opens the
 * items of the box's section when the box stood before them (a scheme the
 * document nests in that section, at 1).
 */
function closesBox(box: OpenBox, stack: Level[], c: HeadingCandidate, countsOn: boolean, conventions: Conventions): boolean {
  const inBox = findLevel(box.levels, c.marker.id)
  if (inBox >= 0 && succeeds(box.levels[inBox]!, c) !== 'no') return false
  const at = findLevel(stack, c.marker.id)
  if ((at >= 0 && succeeds(stack[at]!, c) !== 'no') || countsOn) return true
  const opensSection = box.parent !== undefined && stack.length === box.depth - 1 && conventions.parentOf.get(box.parent)?.has(c.marker.id) === true
  return at < 0 && opensSection && c.marker.ordinal === 1
}

/**
 * Depth of marker `c` as an item of the open box, or undefined when it is
 * not one: it continues a level of the box, or starts a new one at 1.
 */
function boxItem(box: OpenBox, c: HeadingCandidate): number | undefined {
  const at = findLevel(box.levels, c.marker.id)
  if (at >= 0) {
    if (succeeds(box.levels[at]!, c) === 'no') return undefined
    box.levels.length = at + 1
    box.levels[at] = { scheme: c.marker.id, ordinal: c.marker.ordinal, path: c.marker.path }
    return box.depth + at + 1
  }
  if (c.marker.ordinal !== 1) return undefined
  box.levels.push({ scheme: c.marker.id, ordinal: 1, path: c.marker.path })
  return box.depth + box.levels.length
}

/** Level of the stack numbered with `scheme`, innermost first. */
function findLevel(stack: Level[], scheme: string): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.scheme === scheme) return k
  return -1
}

function position(ctx: ParseContext, b: Block) {
  return ctx.locator.position(b.start, b.end)
}

/**
 * Where a restarted numbering's document begins: at the title lines that
 * precede it (after the previous document's last heading), or at the
 * heading itself when there are none.
 */
function titleStart(blocks: Block[], candidates: Array<HeadingCandidate | undefined>, from: number, to: number): number {
  let start = to
  for (let k = to - 1; k >= from; k--) {
    const b = blocks[k]!
    if (b.kind === 'table' || candidates[k]) break
    if (b.kind !== 'text') continue
    if (titleLike(b.text.text)) start = k
    else if (start < to) break
  }
  return start
}

/**
 * A cover notice (通知) before the plan: its front matter ends with a
 * date line, after which the plan's title begins.
 */
function splitNotice(blocks: Block[], documents: OutlineDocument[], headings: Map<number, OutlineHeading>): void {
  const firstHeading = Math.min(documents[1]?.start ?? blocks.length, ...headings.keys())
  let lastDate = -1
  let noticeCue = false
  for (let k = 0; k < firstHeading; k++) {
    const b = blocks[k]!
    if (b.kind !== 'text') continue
    const t = b.text.text
    if (DATE_LINE.test(t)) lastDate = k
    if (DOC_NUMBER.test(t) || /(?:通知|决定|意见|批复|函)$/.test(t.replace(/\s+/g, '')) || ADDRESSEES.test(t)) noticeCue = true
  }
  if (lastDate < 0 || !noticeCue) return
  for (let k = lastDate + 1; k < firstHeading; k++) {
    const b = blocks[k]!
    if (b.kind === 'text' && titleLike(b.text.text) && !/^(?:抄送|抄报|主题词)/.test(b.text.text) && !/(?:办公室|政府|委员会|厅|局)$/.test(b.text.text)) {
      documents[0]!.kind = 'notice'
      documents.splice(1, 0, { kind: 'plan', start: k })
      return
    }
  }
}

export const frontMatterPatterns = { DOC_NUMBER, DATE_LINE, ADDRESSEES }
