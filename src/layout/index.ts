/**
 * Layout normalisation: from the input string to blocks.
 *
 * Whatever the form (hard-wrapped PDF text with page numbers, one-line web
 * text, markdown, Word-table text, HTML), the result is a list of blocks
 * whose text is normalised and mapped back to input offsets. Nothing is
 * dropped: page numbers, running headers and separators become `aside`
 * blocks (or ride on the paragraph they interrupt).
 */
import type { ParseContext } from '../core/context.js'
import { grammars } from '../core/grammars.js'
import { MappedTextBuilder, type MappedText } from '../core/source-map.js'
import type { InputForm } from '../core/types.js'
import type { AsideBlock, Block, TableBlock, TextBlock } from './blocks.js'
import { detectForm } from './detect.js'
import { repairGlyphs } from './glyphs.js'
import { htmlBlocks } from './html.js'
import { displayWidth, splitLines, splitSpaceRuns, type Line } from './lines.js'
import { cleanLine, type CleanLine } from './markup.js'
import { matchMarker, startsWithMarker } from '../structure/numbering.js'
import { pageCandidate, pageRuns, type PageCandidate } from './pages.js'
import { applyMergedCells, pipeTable, tsvRow, untabbedWordTable, wordTable, type MergedCells } from './tables.js'

export type { AsideBlock, Block, TableBlock, TextBlock } from './blocks.js'

type LineKind = 'blank' | 'page' | 'header' | 'separator' | 'pipe' | 'wordCell' | 'tsv' | 'text'

interface ClassifiedLine extends Line {
  kind: LineKind
}

/** Lines longer than this (display width) are cut at space runs. */
const LONG_LINE = 150

export function readBlocks(original: string, ctx: ParseContext, format?: InputForm, merged?: MergedCells): { blocks: Block[]; form: InputForm } {
  if (!/\S/.test(original)) {
    ctx.warn('empty-input', undefined, undefined, null)
    return { blocks: [], form: format ?? 'plain' }
  }
  // Same length as the input: every offset below is an input offset.
  const input = repairGlyphs(original, ctx)
  const form = format ?? detectForm(input)
  if (form === 'html') {
    try {
      return { blocks: htmlBlocks(input, ctx), form }
    } catch (error) {
      // Pathological nesting overflows the HTML tree builder's recursion:
      // read the page as text with its tags stripped instead.
      if (!(error instanceof RangeError)) throw error
      ctx.warn('html-fallback', undefined, error.message)
    }
  }
  const markdown = form === 'markdown' || form === 'html'
  const lines = splitLines(input).flatMap((l) => {
    if (displayWidth(input, l.start, l.end) <= LONG_LINE) return [l]
    const parts = splitSpaceRuns(input, l)
    return parts.length > 1 ? parts.map((s) => ({ ...s, cut: true })) : parts
  })
  const glued = lines.flatMap((l) => splitGluedPageNumber(input, l)).map((l) => (l.kind ? (l as ClassifiedLine) : classify(input, l)))
  const classified = form === 'pdf-text' || form === 'plain' ? markPageRuns(input, glued) : glued
  markRunningHeaders(input, classified, form)
  return { blocks: group(input, classified, ctx, markdown, merged), form }
}

/** `－3－计划”，连续…`: a page number glued to the next page's first line. */
const GLUED_PAGE = /^\s*[－—\-–‐]\s*[0-9０-９]{1,4}\s*[－—\-–‐](?=\s*\S)/u

function splitGluedPageNumber(input: string, line: Line): Array<Line & { kind?: LineKind }> {
  const m = GLUED_PAGE.exec(input.slice(line.start, Math.min(line.end, line.start + 24)))
  if (!m || m[0].length >= line.end - line.start) return [line]
  const cut = line.start + m[0].length
  return [
    { start: line.start, end: cut, kind: 'page' },
    { ...line, start: cut },
  ]
}

/**
 * Bare page numbers (`  7  `, `12本一致…`) that form a run of pages become
 * `page` lines; a number glued to a line is cut off it.
 */
function markPageRuns(input: string, lines: ClassifiedLine[]): ClassifiedLine[] {
  const textLines = new Int32Array(lines.length)
  const candidates: PageCandidate[] = []
  let count = 0
  lines.forEach((l, i) => {
    textLines[i] = count
    if (l.kind === 'blank') return
    count++
    if (l.kind !== 'text' || l.cut) return
    const c = pageCandidate(input, l, i)
    if (c) candidates.push(c)
  })
  const pages = pageRuns(candidates, textLines)
  if (!pages.length) return lines
  const out = [...lines]
  // From the end, so that splitting a line keeps the earlier indices.
  for (const p of [...pages].reverse()) {
    const l = lines[p.line]!
    if (!p.glued) out[p.line] = { ...l, kind: 'page' }
    else out.splice(p.line, 1, { start: l.start, end: l.start + p.length, kind: 'page' }, { ...l, start: l.start + p.length })
  }
  return out
}

function classify(input: string, line: Line): ClassifiedLine {
  const raw = input.slice(line.start, line.end)
  let kind: LineKind = 'text'
  if (!/\S/.test(raw)) kind = 'blank'
  else if (grammars.layout.pageNumberRegex.some((r) => r.test(raw))) kind = 'page'
  else if (/^[\s|:]*-{3,}[-\s\t|:]*$/.test(raw) || /^\s*(?:\*\s*){3,}$/.test(raw)) kind = 'separator'
  else if (/^\s*\|.*\|/.test(raw)) kind = 'pipe'
  else if (raw.charCodeAt(0) === 0x09 && raw.indexOf('\t', 1) < 0) kind = 'wordCell'
  else if (/\S\t|\t\S/.test(raw.replace(/^\t+/, ''))) kind = 'tsv'
  return { ...line, kind }
}

/**
 * In hard-wrapped PDF text, a short line repeated on many pages (the plan's
 * name at the top of each page) is a running header.
 */
function markRunningHeaders(input: string, lines: ClassifiedLine[], form: InputForm): void {
  if (form !== 'pdf-text') return
  // Lines next to a page number (skipping blanks), by their text.
  const nearPage: number[] = []
  const neighbour = (from: number, step: number): number => {
    let k = from + step
    while (k >= 0 && k < lines.length && lines[k]!.kind === 'blank') k += step
    return k
  }
  lines.forEach((l, i) => {
    if (l.kind !== 'page') return
    for (const k of [neighbour(i, -1), neighbour(i, 1)]) if (lines[k]?.kind === 'text') nearPage.push(k)
  })
  const counts = new Map<string, number>()
  const key = (l: Line): string => input.slice(l.start, l.end).trim()
  for (const k of nearPage) counts.set(key(lines[k]!), (counts.get(key(lines[k]!)) ?? 0) + 1)
  const headerLike = (t: string): boolean => t.length >= 2 && t.length <= 40 && !startsWithMarker(t) && !/[。；，]/.test(t)
  for (const k of nearPage) {
    const l = lines[k]!
    const t = key(l)
    if (headerLike(t) && (counts.get(t) ?? 0) >= 2) l.kind = 'header'
  }
  // Without page numbers to stand by, a title-like line repeated on three
  // or more pages is a header too; its first occurrence may be the title.
  const all = new Map<string, number[]>()
  lines.forEach((l, i) => {
    if (l.kind !== 'text') return
    const t = key(l)
    if (t.length >= 6 && headerLike(t)) all.set(t, [...(all.get(t) ?? []), i])
  })
  for (const at of all.values()) {
    if (at.length < 3) continue
    for (const i of at.slice(1)) lines[i]!.kind = 'header'
  }
  markRepeatedHeadings(input, lines, neighbour)
}

/**
 * A chapter title repeated at the top of its pages (`第一章 发展基础`): a
 * copy of a heading line with no other marker of its scheme since the
 * original, standing at a page break (next to a page number) or
 * interrupting a sentence, is a running header. A second `1.建设内容` in
 * the next box follows a `2.` and stays a heading.
 */
function markRepeatedHeadings(input: string, lines: ClassifiedLine[], neighbour: (from: number, step: number) => number): void {
  /** Per scheme, the text of its last heading line. */
  const last = new Map<string, string>()
  lines.forEach((l, i) => {
    if (l.kind !== 'text') return
    const t = input.slice(l.start, l.end).replace(/\s+/g, '')
    const m = t.length <= 40 ? matchMarker(t) : undefined
    if (!m || !isHeadingLine(t)) return
    if (last.get(m.id) !== t) {
      last.set(m.id, t)
      return
    }
    const before = lines[neighbour(i, -1)]
    const after = lines[neighbour(i, 1)]
    const atBreak = before?.kind === 'page' || after?.kind === 'page'
    const interrupts = before?.kind === 'text' && !TITLE_END.test(input.slice(before.start, before.end).trim()) && !isHeadingLine(input.slice(before.start, before.end).trim())
    if (atBreak || interrupts) l.kind = 'header'
  })
}

function aside(input: string, l: Line, reason: AsideBlock['reason']): AsideBlock {
  let s = l.start
  let e = l.end
  while (s < e && /\s/.test(input[s]!)) s++
  while (e > s && /\s/.test(input[e - 1]!)) e--
  return { kind: 'aside', reason, start: s, end: e }
}

function group(input: string, lines: ClassifiedLine[], ctx: ParseContext, markdown: boolean, merged?: MergedCells): Block[] {
  const blocks: Block[] = []
  const wrap = wrapWidth(input, lines, markdown)
  let pending: ClassifiedLine[] = []
  const flushText = (): void => {
    if (pending.length) blocks.push(...paragraphs(input, pending, wrap, markdown))
    pending = []
  }
  let i = 0
  while (i < lines.length) {
    const l = lines[i]!
    if (l.kind === 'wordCell') {
      const end = wordRegionEnd(input, lines, i)
      const cellCount = lines.slice(i, end).filter((x) => x.kind === 'wordCell').length
      if (cellCount >= 3) {
        flushText()
        let last = end
        while (last > i && lines[last - 1]!.kind === 'blank') last--
        blocks.push(wordTable(input, lines.slice(i, last), ctx, markdown))
        i = end
        continue
      }
      pending.push({ ...l, kind: 'text' })
      i++
      continue
    }
    if (l.kind === 'tsv') {
      flushText()
      i = tsvRegion(input, lines, i, blocks, ctx, markdown, merged)
      continue
    }
    if (l.kind === 'pipe') {
      let j = i
      while (j < lines.length && (lines[j]!.kind === 'pipe' || lines[j]!.kind === 'separator')) j++
      const table = j - i >= 2 ? pipeTable(input, lines.slice(i, j)) : undefined
      if (table) {
        flushText()
        blocks.push(table)
        i = j
        continue
      }
      pending.push({ ...l, kind: 'text' })
      i++
      continue
    }
    const word = l.kind === 'text' ? untabbedWordTable(input, lines, i, markdown) : undefined
    if (word) {
      flushText()
      blocks.push(word.table)
      i = word.end
      continue
    }
    if (l.kind === 'separator') {
      flushText()
      blocks.push(aside(input, l, 'separator'))
      i++
      continue
    }
    pending.push(l)
    i++
  }
  flushText()
  return blocks
}

/** End (exclusive) of a Word-table region starting at `from`. */
function wordRegionEnd(input: string, lines: ClassifiedLine[], from: number): number {
  let j = from
  while (j < lines.length) {
    const k = lines[j]!.kind
    if (k === 'wordCell' || k === 'blank') {
      j++
      continue
    }
    if (k === 'text') {
      const t = input.slice(lines[j]!.start, lines[j]!.end).trim()
      if (/^(?:附\s*件|专栏|第[一二三四五六七八九十百0-9]+[章节篇])/.test(t) || /^[一二三四五六七八九十]{1,3}、/.test(t)) break
      j++
      continue
    }
    break
  }
  return j
}

/** Reads a region of tab-separated rows; returns the index after it. */
function tsvRegion(input: string, lines: ClassifiedLine[], from: number, blocks: Block[], ctx: ParseContext, markdown: boolean, merged?: MergedCells): number {
  let i = from
  const first = tsvRow(input, lines[i]!, markdown)
  const filled = first.cells.filter((c) => c.text.text.length > 0)
  // A box or attachment title padded with tabs heads the table.
  if (filled.length === 1 && startsWithMarker(filled[0]!.text.text)) {
    blocks.push(textBlock(input, [lines[i]!], filled[0]!.text))
    i++
  }
  const rows: TableBlock['rows'] = []
  const asides: AsideBlock[] = []
  let j = i
  while (j < lines.length) {
    const k = lines[j]!.kind
    if (k === 'tsv') {
      const row = tsvRow(input, lines[j]!, markdown)
      // A row of markup only (`<td>\t`) is a row inside a table, set aside before one.
      if (row.cells.some((c) => c.text.text.length > 0) || rows.length > 0) rows.push(row)
      else if (/\S/.test(input.slice(row.start, row.end))) blocks.push(aside(input, lines[j]!, 'markup'))
      j++
    } else if (k === 'separator' && rows.length) {
      asides.push(aside(input, lines[j]!, 'separator'))
      j++
    } else if (k === 'blank' && j + 1 < lines.length && (lines[j + 1]!.kind === 'tsv' || lines[j + 1]!.kind === 'blank')) {
      j++
    } else if (k === 'text' && rows.length && isGroupLine(input, lines, j)) {
      // A merged row (一、就业) exported without its tabs.
      const l = lines[j]!
      rows.push({ cells: [{ text: cleanLine(input, l.start, l.end, markdown).text, start: l.start, end: l.end }], start: l.start, end: l.end })
      j++
    } else break
  }
  if (rows.length === 0) return Math.max(j, from + 1)
  // A caption merged across the whole first row (a table title drawn inside its grid) heads the table.
  if (merged && rows.length > 2 && isMergedCaption(rows[0]!, merged)) {
    blocks.push(textBlock(input, [rows[0]!], rows[0]!.cells[0]!.text))
    rows.shift()
  }
  if (rows.length === 1 && rows[0]!.cells.filter((c) => c.text.text).length === 1) {
    const cell = rows[0]!.cells.find((c) => c.text.text)!
    blocks.push(textBlock(input, [rows[0]!], cell.text))
  } else {
    const width = (r: (typeof rows)[number]): number => {
      let n = r.cells.length
      while (n > 0 && !r.cells[n - 1]!.text.text) n--
      return n
    }
    const widths = rows.map((r) => r.cells.length)
    const max = Math.max(...widths)
    for (const r of rows) {
      if (width(r) > rows[0]!.cells.length && rows[0]!.cells.length < max) {
        ctx.warn('table-ragged', ctx.locator.position(r.start, r.end), `row has ${width(r)} cells, first row has ${rows[0]!.cells.length}`)
      }
    }
    const table: TableBlock = { kind: 'table', form: 'tsv', rows, start: rows[0]!.start, end: rows[rows.length - 1]!.end }
    if (merged?.size) applyMergedCells(table, merged)
    // a rule between two rows lies inside the table, one after the last row follows it
    const inside = asides.filter((a) => a.start < table.end)
    if (inside.length) table.asides = inside
    blocks.push(table)
    asides.splice(0, inside.length)
  }
  blocks.push(...asides)
  return j
}

/** A first row whose one cell, with text, is merged across every column of the row. */
function isMergedCaption(row: TableBlock['rows'][number], merged: MergedCells): boolean {
  if (row.cells.length < 2 || !row.cells[0]!.text.text) return false
  const covered = merged.get(row.start) ?? []
  return row.cells.slice(1).every((_, k) => covered.some((c) => c.column === k + 1 && c.origin.line === row.start && c.origin.column === 0))
}

/** A short untabbed line between two tab-separated rows. */
function isGroupLine(input: string, lines: ClassifiedLine[], at: number): boolean {
  const t = input.slice(lines[at]!.start, lines[at]!.end).trim()
  if (t.length > 30 || /[。；]/.test(t)) return false
  let k = at + 1
  while (k < lines.length && lines[k]!.kind === 'blank') k++
  return lines[k]?.kind === 'tsv'
}

interface WrapInfo {
  /** Display width of a full line, when the text is hard-wrapped. */
  width?: number
  /** True when blank lines separate wrapped lines, not paragraphs. */
  blankIsNoise: boolean
  /**
   * Display width of a paragraph's full first line when paragraphs start
   * indented (the indent lost in extraction leaves it short of `width`).
   */
  indent?: number
}

/**
 * The wrap width of hard-wrapped text: most lines fill the width exactly;
 * paragraph-final lines fall short of it.
 */
function wrapWidth(input: string, lines: ClassifiedLine[], markdown: boolean): WrapInfo {
  const widths: number[] = []
  let followedByBlank = 0
  let text = 0
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!
    if (l.kind !== 'text') continue
    text++
    if (lines[i + 1]?.kind === 'blank') followedByBlank++
    if (markdown && /^\s*#/.test(input.slice(l.start, l.start + 8))) continue
    const w = displayWidth(input, l.start, l.end)
    if (w >= 4) widths.push(trimmedWidth(input, l))
  }
  const blankIsNoise = text > 0 && followedByBlank / text > 0.6
  if (widths.length < 8) return { blankIsNoise }
  const sorted = [...widths].sort((a, b) => a - b)
  const w = sorted[Math.floor(sorted.length * 0.8)]!
  const full = widths.filter((x) => x >= w - 2 && x <= w + 2).length
  const over = widths.filter((x) => x > w + 4).length
  if (w >= 12 && w <= 120 && full / widths.length >= 0.4 && over / widths.length < 0.1) {
    const indent = indentWidth(input, lines, w)
    return indent === undefined ? { width: w, blankIsNoise } : { width: w, blankIsNoise, indent }
  }
  return { blankIsNoise }
}

/**
 * The usual width of a paragraph's first line that continues on the next
 * line, when it falls short of the wrap width by an indent; undefined when
 * paragraphs start flush.
 */
function indentWidth(input: string, lines: ClassifiedLine[], w: number): number | undefined {
  const firsts: number[] = []
  // After a short line that ends a sentence, a new paragraph starts.
  let prevEnds = true
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!
    if (l.kind !== 'text') continue
    const t = input.slice(l.start, l.end).trim()
    const x = trimmedWidth(input, l)
    if (prevEnds && x >= w - 4 && x <= w + 1) firsts.push(x)
    prevEnds = SENTENCE_END.test(t) && x < w - 3
  }
  if (firsts.length < 5) return undefined
  const sorted = [...firsts].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]!
  return median <= w - 1.5 ? median : undefined
}

function trimmedWidth(input: string, l: Line): number {
  let s = l.start
  let e = l.end
  while (s < e && /\s/.test(input[s]!)) s++
  while (e > s && /\s/.test(input[e - 1]!)) e--
  return displayWidth(input, s, e)
}

const SENTENCE_END = /[。！？；!?;]$/
const DATE_LINE = new RegExp(grammars.layout.dateLine, 'u')
const TITLE_END = /[。！？；：:!?;”’）)」』】》]$/

/** Joins the text lines of a run into paragraph blocks. */
function paragraphs(input: string, lines: ClassifiedLine[], wrap: WrapInfo, markdown: boolean): Block[] {
  const out: Block[] = []
  let current: { lines: Array<ClassifiedLine & CleanLine>; asides: AsideBlock[] } | undefined
  let sawBlank = false
  const close = (): void => {
    if (current) out.push(joinLines(input, current.lines, current.asides))
    current = undefined
  }
  for (const l of lines) {
    if (l.kind === 'blank') {
      sawBlank = true
      continue
    }
    if (l.kind === 'page' || l.kind === 'header') {
      const a = aside(input, l, l.kind === 'page' ? 'page-number' : 'running-header')
      // A page break inside a paragraph rides on it; between paragraphs it
      // is a block of its own.
      if (current) current.asides.push(a)
      else out.push(a)
      continue
    }
    const clean = { ...l, ...cleanLine(input, l.start, l.end, markdown) }
    if (!clean.text.text) {
      // Markup with no text (an empty `##`, a lone `**`) is set aside.
      const a = aside(input, l, 'markup')
      if (a.end > a.start) (current ? current.asides : out).push(a)
      sawBlank = true
      continue
    }
    if (current && shouldJoin(input, current.lines[current.lines.length - 1]!, clean, wrap, sawBlank)) {
      current.lines.push(clean)
    } else {
      close()
      current = { lines: [clean], asides: [] }
    }
    sawBlank = false
  }
  close()
  // Asides collected after a paragraph's last line belong between blocks.
  return out.flatMap((b) => (b.kind === 'text' ? splitTrailingAsides(b) : [b]))
}

function splitTrailingAsides(b: TextBlock & { asides?: AsideBlock[] }): Block[] {
  if (!b.asides?.length) return [b]
  const inside = b.asides.filter((a) => a.start < b.end)
  const after = b.asides.filter((a) => a.start >= b.end)
  const block: TextBlock & { asides?: AsideBlock[] } = { ...b }
  if (inside.length) block.asides = inside
  else delete block.asides
  return [block, ...after]
}

function shouldJoin(input: string, prev: ClassifiedLine & CleanLine, next: ClassifiedLine & CleanLine, wrap: WrapInfo, blankBetween: boolean): boolean {
  if (prev.mdHeading || next.mdHeading) return false
  const p = prev.text.text
  const n = next.text.text
  if (DATE_LINE.test(n)) return false
  // An indented line after a finished sentence starts a paragraph (or is a
  // right-aligned signature or date).
  if (SENTENCE_END.test(p) && /^(?:[ \t]{4}|\u3000{2})/.test(input.slice(next.start, next.start + 4))) return false
  const nextMarker = startsWithMarker(n)
  if (wrap.width) {
    if (blankBetween && !wrap.blankIsNoise) return false
    const width = trimmedWidth(input, prev)
    const full = width >= wrap.width - (wrap.width >= 20 ? 3 : 2)
    // A line cannot end on 、，“（《: it was wrapped, whatever its width.
    const open = /[、，,“‘（(《〈【]$/.test(p)
    if (!full && !open) return false
    if (nextMarker && SENTENCE_END.test(p)) return false
    // A whole heading line (marker, title, no punctuation) before another heading.
    if (nextMarker && isBareHeading(p)) return false
    // A heading line a little short of the width (indented, or ended early)
    // continues only into the short tail of its title (…完整性 / 和连续性),
    // not into a paragraph's first full line.
    if (!open && isHeadingLine(p) && !unclosed(p) && width < wrap.width - 1 && !isTitleTail(input, next, wrap.width)) {
      // Where paragraphs start indented, only a next line of that width starts one.
      if (wrap.indent === undefined || Math.abs(trimmedWidth(input, next) - wrap.indent) <= 0.5) return false
    }
    return true
  }
  // Paragraph-per-line text with stray hard wraps (…厚植优 / 势。).
  if (nextMarker || /^(?:——|--|－－)/.test(n)) return false
  if (prev.cut || TITLE_END.test(p) || !/[\u4e00-\u9fff，、A-Za-z0-9]$/.test(p)) return false
  // Only prose wraps: a line without any punctuation is a title.
  if (displayWidth(p, 0, p.length) < 20 || !/[，、；。,]/.test(p)) return false
  // a heading line does not run on, but an article (第N条) is a sentence that can
  const m = matchMarker(p.trimStart())
  if (m && m.scheme.prose !== true && !/[。；！？]/.test(p)) return false
  return true
}

/** A marker followed by a title with no sentence or title end: a heading line. */
function isHeadingLine(text: string): boolean {
  const m = matchMarker(text)
  return m !== undefined && !/[。！？；：!?;:]/.test(text.slice(m.length))
}

/** The end of a wrapped title: a line short of the width, with no stop before its end. */
function isTitleTail(input: string, line: ClassifiedLine & CleanLine, width: number): boolean {
  const t = line.text.text
  return trimmedWidth(input, line) < width - (width >= 20 ? 3 : 2) && !/[。！？；!?;]/.test(t.slice(0, -1))
}

/** An opening bracket or book-title mark left open at the end of a line: `《…总体规划`. */
function unclosed(text: string): boolean {
  let depth = 0
  for (const ch of text) {
    if (ch === '《' || ch === '（' || ch === '(' || ch === '“') depth++
    else if ((ch === '》' || ch === '）' || ch === ')' || ch === '”') && depth > 0) depth--
  }
  return depth > 0
}

/** A marker followed by a title without any punctuation. */
function isBareHeading(text: string): boolean {
  const m = matchMarker(text)
  return m !== undefined && !/[，、。；！？：,;:]/.test(text.slice(m.length))
}

function joinLines(input: string, lines: Array<ClassifiedLine & CleanLine>, asides: AsideBlock[]): TextBlock & { asides?: AsideBlock[] } {
  const first = lines[0]!
  const last = lines[lines.length - 1]!
  // One line (web text, markdown): its mapped text is the block's, no copy.
  const text = lines.length === 1 ? first.text : joinedText(lines)
  const block = textBlock(input, [first, last], text, first.mdHeading || undefined)
  return asides.length ? { ...block, asides } : block
}

function joinedText(lines: ReadonlyArray<ClassifiedLine & CleanLine>): MappedText {
  const b = new MappedTextBuilder()
  let prev = ''
  for (const l of lines) {
    const t = l.text
    // Latin words wrapped over lines keep a space between them.
    if (b.length > 0 && ((/[A-Za-z]$/.test(prev) && /^[A-Za-z0-9(]/.test(t.text)) || (/[A-Za-z0-9,.;:%)]$/.test(prev) && /^[A-Za-z]/.test(t.text)))) {
      b.appendVirtual(' ', t.offsets[0]! - 1)
    }
    b.appendMapped(t)
    prev = t.text
  }
  return b.build()
}

function textBlock(input: string, span: Line[], text: TextBlock['text'], mdHeading?: number): TextBlock {
  let s = span[0]!.start
  let e = span[span.length - 1]!.end
  while (s < e && /\s/.test(input[s]!)) s++
  while (e > s && /\s/.test(input[e - 1]!)) e--
  const block: TextBlock = { kind: 'text', text, start: s, end: e }
  if (mdHeading) block.mdHeading = mdHeading
  return block
}
