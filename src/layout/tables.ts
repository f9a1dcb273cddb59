/**
 * Tables from plain text: tab-separated rows, Word exports with one cell
 * per line, and markdown pipe tables (read by remark-parse with
 * the GFM table extension, so its quirks match remark's).
 */
import type { Root as MdastRoot } from 'mdast'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTable } from 'micromark-extension-gfm-table'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { ParseContext } from '../core/context.js'
import { tableGrammar as T } from '../core/table-grammar.js'
import { MappedTextBuilder } from '../core/source-map.js'
import type { AsideBlock, TableBlock } from './blocks.js'
import type { Line } from './lines.js'
import type { CoveredCell } from '../read/extracted.js'
import { cleanLine } from './markup.js'

type Row = TableBlock['rows'][number]

/** Grid positions covered by merged cells, by the start offset of their row's line (from the DOCX reader). */
export type MergedCells = ReadonlyMap<number, readonly CoveredCell[]>

/**
 * Merged cells of tab-separated rows, rebuilt from the positions they
 * cover: each covered (empty) cell becomes a virtual cell naming its
 * origin, and the origin gets its `rowSpan`/`colSpan`, as HTML spans do.
 * An origin outside the table (its row read as a title) leaves the
 * position an ordinary empty cell.
 */
export function applyMergedCells(table: TableBlock, merged: MergedCells): void {
  const rowAt = new Map(table.rows.map((r, i) => [r.start, i]))
  table.rows.forEach((row, r) => {
    for (const c of merged.get(row.start) ?? []) {
      const o = rowAt.get(c.origin.line)
      const cell = row.cells[c.column]
      const origin = o === undefined ? undefined : table.rows[o]!.cells[c.origin.column]
      if (o === undefined || !cell || !origin || cell.text.text || origin.spanOf || o > r || (o === r && c.origin.column >= c.column)) continue
      cell.spanOf = { row: o, column: c.origin.column }
      const rowSpan = r - o + 1
      const colSpan = c.column - c.origin.column + 1
      if (rowSpan > (origin.rowSpan ?? 1)) origin.rowSpan = rowSpan
      if (colSpan > (origin.colSpan ?? 1)) origin.colSpan = colSpan
    }
  })
}
type Cell = Row['cells'][number]

/** Cells of one tab-separated line. */
export function tsvRow(input: string, line: Line, markdown: boolean): Row {
  const cells: Cell[] = []
  let s = line.start
  for (let i = line.start; i <= line.end; i++) {
    if (i === line.end || input.charCodeAt(i) === 0x09) {
      cells.push({ text: cleanLine(input, s, i, markdown).text, start: s, end: i })
      s = i + 1
    }
  }
  // Trailing empty cells that only pad the row are kept: they carry the
  // column count; callers decide what an empty row is.
  return { cells, start: line.start, end: line.end }
}

/**
 * A Word table exported as text: each cell starts a line with a tab, a
 * cell's further lines follow without one (vertical text such as 就/业/类
 * is one cell, joined without separators).
 *
 * Rows are found from the numbering column: the header runs up to the
 * first cell that reads `1`, and each row starts with the next number.
 */
export function wordTable(input: string, lines: Line[], ctx: ParseContext, markdown: boolean): TableBlock {
  const cells: Cell[] = []
  let current: { parts: Line[] } | undefined
  const close = (): void => {
    if (!current) return
    const b = new MappedTextBuilder()
    let prevAscii = false
    for (const part of current.parts) {
      const t = cleanLine(input, part.start, part.end, markdown).text
      if (t.text.length === 0) continue
      const firstAscii = /^[A-Za-z0-9]/.test(t.text)
      if (b.length > 0 && prevAscii && firstAscii) b.appendVirtual(' ', t.offsets[0]! - 1)
      b.appendMapped(t)
      prevAscii = /[A-Za-z0-9]$/.test(t.text)
    }
    const first = current.parts[0]!
    const last = current.parts[current.parts.length - 1]!
    cells.push({ text: b.build(), start: first.start, end: last.end })
    current = undefined
  }
  for (const line of lines) {
    if (input.charCodeAt(line.start) === 0x09) {
      close()
      current = { parts: [{ start: line.start + 1, end: line.end }] }
    } else if (current && line.end > line.start && /\S/.test(input.slice(line.start, line.end))) {
      current.parts.push(line)
    }
  }
  close()
  const start = lines[0]!.start
  const end = lines[lines.length - 1]!.end
  const rows = rowsFromNumbering(cells)
  if (!rows) {
    ctx.warn('table-ragged', ctx.locator.position(start, end), 'no numbering column; one cell per row')
    return { kind: 'table', form: 'word', rows: cells.map((c) => ({ cells: [c], start: c.start, end: c.end })), start, end }
  }
  for (const r of rows) {
    if (r.cells.length !== rows[0]!.cells.length) {
      ctx.warn('table-ragged', ctx.locator.position(r.start, r.end), `row has ${r.cells.length} cells, header has ${rows[0]!.cells.length}`)
    }
  }
  return { kind: 'table', form: 'word', rows, start, end }
}

function rowsFromNumbering(cells: Cell[]): Row[] | undefined {
  const num = (c: Cell | undefined): number | undefined => {
    const m = c && /^\s*([0-9０-９]{1,3})\s*$/.exec(c.text.text)
    return m ? Number(m[1]!.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))) : undefined
  }
  const firstOne = cells.findIndex((c) => num(c) === 1)
  if (firstOne < 1) return undefined
  const width = firstOne
  const rows: Row[] = []
  const push = (from: number, to: number): void => {
    const cs = cells.slice(from, to)
    if (cs.length) rows.push({ cells: cs, start: cs[0]!.start, end: cs[cs.length - 1]!.end })
  }
  push(0, width)
  let i = firstOne
  let expected = 1
  while (i < cells.length) {
    // The row runs to the cell holding the next number, looked for at
    // the expected width first, then anywhere after it.
    let next = -1
    if (num(cells[i + width]) === expected + 1) next = i + width
    else {
      for (let j = i + 1; j < cells.length; j++) {
        if (num(cells[j]) === expected + 1) {
          next = j
          break
        }
      }
    }
    const to = next < 0 ? cells.length : next
    push(i, to)
    i = to
    expected++
  }
  return rows
}

/**
 * A markdown pipe table. The GFM table parser (micromark, as remark uses
 * it) decides whether the header and delimiter rows make a table; rows
 * are then split here, line by line, by the same rules (optional outer
 * pipes, `\|` escapes, trimmed cells), because micromark's table
 * tokenizer runs at a few tens of KB/s on long tables.
 */
export function pipeTable(input: string, lines: Line[]): TableBlock | undefined {
  if (lines.length < 2) return undefined
  const head = input.slice(lines[0]!.start, lines[1]!.end)
  const tree: MdastRoot = markdownWithTables().parse(head)
  if (!tree.children.some((n) => n.type === 'table')) return undefined
  const rows: Row[] = []
  lines.forEach((line, index) => {
    if (index === 1) return // the delimiter row
    rows.push({ cells: pipeCells(input, line), start: line.start, end: line.end })
  })
  return { kind: 'table', form: 'pipe', rows, start: lines[0]!.start, end: lines[lines.length - 1]!.end }
}

/** remark-parse with the GFM table extension registered the way remark-gfm does it. */
function markdownWithTables() {
  const processor = unified().use(remarkParse)
  const data = processor.data()
  data.micromarkExtensions = [gfmTable()]
  data.fromMarkdownExtensions = [gfmTableFromMarkdown()]
  return processor
}

function pipeCells(input: string, line: Line): Cell[] {
  let s = line.start
  let e = line.end
  while (s < e && /\s/.test(input[s]!)) s++
  while (e > s && /\s/.test(input[e - 1]!)) e--
  if (input[s] === '|') s++
  if (e > s && input[e - 1] === '|' && input[e - 2] !== '\\') e--
  const cells: Cell[] = []
  let from = s
  let code = false
  for (let i = s; i <= e; i++) {
    const c = input[i]
    if (c === '`') code = !code
    if (i === e || (c === '|' && !code && input[i - 1] !== '\\')) {
      let a = from
      let z = i
      while (a < z && /[ \t]/.test(input[a]!)) a++
      while (z > a && /[ \t]/.test(input[z - 1]!)) z--
      cells.push({ text: cleanLine(input, a, z, true).text, start: a, end: z })
      from = i + 1
    }
  }
  return cells
}

/** A line of a text region, with its kind from the layout stage (`blank` for empty lines). */
type KindLine = Line & { kind: string }

const CATEGORY_LABEL = /^[一二三四五六七八九十]{1,3}[、．.]/
const SHORT_LABEL = /^[^。，；：、,;:]{1,6}$/
const TABLE_END = /^\d{0,3}附件/

/**
 * A Word table exported as one cell per line without tabs (cells apart by
 * blank lines, empty cells lost), found from its structure: a header run
 * of short lines naming columns (序号 / 指标 / 单位 / 目标 …, one of them a
 * numbering column), then rows that each start with the next number in
 * that column and have the same count of lines. A category written once
 * left of the numbering column (一、生态宜居) is a cell merged down the
 * rows it stands for:
 *
 * ```
 * 目 标 ⏎ 序号 ⏎ 指 标 ⏎ 解 释 ⏎ 一、生态宜居 ⏎ 1 ⏎ 区域开发强度（%）⏎ …的比例。⏎ 2 ⏎ …
 * ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ header      ^ category (rowSpan)   ^ row 1 from its number
 * ```
 *
 * Returns the table and the index of the line after it, or undefined when
 * the lines at `from` do not make such a table.
 */
export function untabbedWordTable(input: string, lines: readonly KindLine[], from: number, markdown: boolean): { table: TableBlock; end: number } | undefined {
  const label = (l: KindLine): string => input.slice(l.start, l.end).replace(/[\s\u3000]+/g, '')
  const first = lines[from]
  if (!first || first.kind !== 'text' || !T.wordHeaderColumn.includes(label(first))) return undefined
  // the non-blank lines from `from`, as indices
  const idx: number[] = []
  const chrome: number[] = []
  for (let i = from; i < lines.length; i++) {
    const k = lines[i]!.kind
    if (k === 'blank') continue
    // a page number or running header between rows is set aside
    if (k === 'page' || k === 'header') chrome.push(i)
    else if (k === 'text' || k === 'wordCell') idx.push(i)
    else break
  }
  const text = (n: number): string => label(lines[idx[n]!]!)
  const isNumber = (n: number, value: number): boolean => n < idx.length && text(n) === String(value)
  // the header run
  let h = 0
  while (h < idx.length && h < 16 && SHORT_LABEL.test(text(h)) && !/^\d+$/.test(text(h)) && !CATEGORY_LABEL.test(text(h))) h++
  const headerLabels = idx.slice(0, h).map((_, n) => text(n))
  const numCol = headerLabels.findIndex((t) => T.numberColumn.includes(t))
  if (numCol < 0) return attributeRowsTable(input, lines, { idx, chrome }, headerLabels, markdown)
  if (h < 3 || headerLabels.filter((t) => T.wordHeaderColumn.includes(t)).length < 2) return undefined
  // rows: from each number to the next, a category label standing before a number
  type Span = { category?: number; from: number; to: number }
  const rows: Span[] = []
  let n = h
  let expected = 1
  let category: number | undefined
  if (n < idx.length && CATEGORY_LABEL.test(text(n)) && isNumber(n + 1, 1)) category = n++
  if (!isNumber(n, 1)) return undefined
  while (isNumber(n, expected)) {
    let to = n + 1
    let next: number | undefined
    while (to < idx.length) {
      if (isNumber(to, expected + 1)) break
      // numbering that restarts, or an attachment, is past the table
      if (isNumber(to, 1) || TABLE_END.test(text(to))) {
        next = undefined
        break
      }
      if (CATEGORY_LABEL.test(text(to)) && isNumber(to + 1, expected + 1)) {
        next = to
        break
      }
      to++
    }
    rows.push({ ...(category !== undefined ? { category } : {}), from: n, to: next ?? to })
    category = next
    n = next !== undefined ? next + 1 : to
    if (next === undefined && !isNumber(to, expected + 1)) break
    expected++
  }
  if (rows.length < 3) return undefined
  const counts = rows.slice(0, -1).map((r) => r.to - r.from)
  const width = mode(counts)
  if (counts.filter((c) => c === width).length * 2 < counts.length) return undefined
  // the last row holds as many lines as the others
  const last = rows[rows.length - 1]!
  last.to = Math.min(last.to, last.from + width)
  const headerCells = joinHeaderLines(headerLabels, numCol + width)
  const columns = Math.max(headerCells.length, numCol + width)
  const cell = (from: number, to: number): Cell => {
    const b = new MappedTextBuilder()
    for (let k = from; k < to; k++) b.appendMapped(cleanLine(input, lines[idx[k]!]!.start, lines[idx[k]!]!.end, markdown).text)
    return { text: b.build(), start: lines[idx[from]!]!.start, end: lines[idx[to - 1]!]!.end }
  }
  const empty = (at: number): Cell => ({ text: { text: '', offsets: new Int32Array([at]) }, start: at, end: at })
  const out: Row[] = []
  const header: Cell[] = []
  let at = 0
  for (const size of headerCells) {
    header.push(cell(at, at + size))
    at += size
  }
  out.push({ cells: header, start: header[0]!.start, end: header[header.length - 1]!.end })
  let origin: { row: number; cell: Cell } | undefined
  rows.forEach((r) => {
    const cells: Cell[] = []
    if (numCol > 0) {
      if (r.category !== undefined) {
        origin = { row: out.length, cell: cell(r.category, r.category + 1) }
        cells.push(origin.cell)
      } else if (origin) {
        const s = lines[idx[r.from]!]!.start
        cells.push({ ...empty(s), spanOf: { row: origin.row, column: 0 } })
        origin.cell.rowSpan = out.length - origin.row + 1
      } else cells.push(empty(lines[idx[r.from]!]!.start))
      while (cells.length < numCol) cells.push(empty(cells[cells.length - 1]!.end))
    }
    // one line a cell; lines beyond the last column belong to the last cell
    for (let k = r.from; k < r.to; k++) {
      if (cells.length === columns - 1) {
        cells.push(cell(k, r.to))
        break
      }
      cells.push(cell(k, k + 1))
    }
    while (cells.length < columns) cells.push(empty(cells[cells.length - 1]!.end))
    out.push({ cells, start: cells[0]!.start, end: cells[cells.length - 1]!.end })
  })
  const start = lines[idx[0]!]!.start
  const lastCell = out[out.length - 1]!
  const endLine = idx[last.to - 1]! + 1
  const table: TableBlock = { kind: 'table', form: 'word', rows: out, start, end: lastCell.end }
  const asides = chrome.filter((i) => i < endLine).map((i) => chromeAside(input, lines[i]!))
  if (asides.length) table.asides = asides
  return { table, end: endLine }
}

/**
 * The same export of a table without a numbering column, when its last
 * column is the attribute column (指标 ⏎ 2025年 ⏎ 属性): each row ends with
 * its attribute cell (约束性, 预期性), one line a cell. A row's last lines
 * are its last cells; a line before them is its first cell, and a row without it
 * (a category written once, in the first column) is covered by the
 * category above it:
 *
 * ```
 * 类别 ⏎ 指标 ⏎ 2025年 ⏎ 属性 ⏎ 医疗 ⏎ 床位数（张）⏎ 6.2 ⏎ 预期性 ⏎ 医师数（人）⏎ 3.1 ⏎ 约束性 ⏎ …
 * ```
 */
function attributeRowsTable(
  input: string,
  lines: readonly KindLine[],
  found: { idx: readonly number[]; chrome: readonly number[] },
  headerLabels: readonly string[],
  markdown: boolean,
): { table: TableBlock; end: number } | undefined {
  const { idx, chrome } = found
  const width = headerLabels.findIndex((t) => T.attributeColumn.includes(t)) + 1
  if (width < 3 || headerLabels.slice(0, width).filter((t) => T.wordHeaderColumn.includes(t)).length < 2) return undefined
  const text = (n: number): string => input.slice(lines[idx[n]!]!.start, lines[idx[n]!]!.end).replace(/[\s\u3000]+/g, '')
  const isAttribute = (n: number): boolean => n < idx.length && T.attributeCell.includes(text(n))
  // the value cell before the attribute holds a number or a dash
  const isValue = (n: number): boolean => /[0-9０-９]|^[—－\-–]+$/.test(text(n))
  // a row may leave out its first cell only when that is not the name column
  const least = T.indicatorNameColumn.includes(headerLabels[0]!) ? width : width - 1
  const rows: Array<{ from: number; to: number }> = []
  let n = width
  while (n < idx.length) {
    let e = n
    while (e < idx.length && e - n < width - 1 && !isAttribute(e)) e++
    if (!isAttribute(e) || e - n + 1 < least || !isValue(e - 1)) break
    rows.push({ from: n, to: e + 1 })
    n = e + 1
  }
  if (rows.length < 3) return undefined
  const cell = (from: number, to: number): Cell => {
    const b = new MappedTextBuilder()
    for (let k = from; k < to; k++) b.appendMapped(cleanLine(input, lines[idx[k]!]!.start, lines[idx[k]!]!.end, markdown).text)
    return { text: b.build(), start: lines[idx[from]!]!.start, end: lines[idx[to - 1]!]!.end }
  }
  const empty = (at: number): Cell => ({ text: { text: '', offsets: new Int32Array([at]) }, start: at, end: at })
  const out: Row[] = []
  const header = headerLabels.slice(0, width).map((_, k) => cell(k, k + 1))
  out.push({ cells: header, start: header[0]!.start, end: header[width - 1]!.end })
  let origin: { row: number; cell: Cell } | undefined
  for (const r of rows) {
    const last = r.to - (width - 1)
    const cells: Cell[] = []
    if (last > r.from) {
      origin = { row: out.length, cell: cell(r.from, last) }
      cells.push(origin.cell)
    } else if (origin) {
      cells.push({ ...empty(lines[idx[r.from]!]!.start), spanOf: { row: origin.row, column: 0 } })
      origin.cell.rowSpan = out.length - origin.row + 1
    } else cells.push(empty(lines[idx[r.from]!]!.start))
    for (let k = last; k < r.to; k++) cells.push(cell(k, k + 1))
    out.push({ cells, start: cells[0]!.start, end: cells[cells.length - 1]!.end })
  }
  const endLine = idx[rows[rows.length - 1]!.to - 1]! + 1
  const table: TableBlock = { kind: 'table', form: 'word', rows: out, start: lines[idx[0]!]!.start, end: out[out.length - 1]!.end }
  const asides = chrome.filter((i) => i < endLine).map((i) => chromeAside(input, lines[i]!))
  if (asides.length) table.asides = asides
  return { table, end: endLine }
}

function chromeAside(input: string, l: KindLine): AsideBlock {
  let s = l.start
  let e = l.end
  while (s < e && /\s/.test(input[s]!)) s++
  while (e > s && /\s/.test(input[e - 1]!)) e--
  return { kind: 'aside', reason: l.kind === 'page' ? 'page-number' : 'running-header', start: s, end: e }
}

/** The most frequent value of a non-empty list (the smallest on a tie). */
function mode(values: readonly number[]): number {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best = values[0] ?? 0
  for (const [v, c] of counts) if (c > (counts.get(best) ?? 0) || (c === counts.get(best) && v < best)) best = v
  return best
}

/**
 * Sizes (in lines) of the header cells: one line each, except that when
 * there are more header lines than columns, two adjacent lines that
 * together make a column name (指标 / 类型 → 指标类型) are one cell.
 */
function joinHeaderLines(labels: readonly string[], columns: number): number[] {
  const sizes: number[] = []
  let surplus = labels.length - columns
  for (let i = 0; i < labels.length; i++) {
    if (surplus > 0 && i + 1 < labels.length && T.wordHeaderColumn.includes(labels[i]! + labels[i + 1]!)) {
      sizes.push(2)
      i++
      surplus--
    } else sizes.push(1)
  }
  return sizes
}
