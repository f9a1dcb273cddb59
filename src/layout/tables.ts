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
import { MappedTextBuilder } from '../core/source-map.js'
import type { TableBlock } from './blocks.js'
import type { Line } from './lines.js'
import { cleanLine } from './markup.js'

type Row = TableBlock['rows'][number]
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
