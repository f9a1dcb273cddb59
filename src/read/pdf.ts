/**
 * PDF → text with pdfjs-dist (legacy build, no worker in Node): text runs
 * with their positions are rebuilt into lines by baseline, lines into
 * paragraphs by layout (first-line indent, a line ending short of the
 * right margin, a larger gap, a change of font size), two-column pages read
 * column by column, ruled tables rebuilt cell by cell from the drawn
 * borders as tab-separated rows (and tables without borders from the
 * columns their text lines up in), and running headers, footers and page
 * numbers (recognised by position and repetition) written on lines of
 * their own after the paragraph they interrupt, so the layout stage sets
 * them aside and nothing is lost.
 */
import { ExtractedBuilder, dropLayoutSpaces, joinPieces, type Extracted, type ExtractedLine } from './extracted.js'

/** A run of text on a page, in PDF user space (y grows upwards). */
interface Run {
  str: string
  x: number
  y: number
  w: number
  size: number
}

/** A rebuilt line: runs on one baseline. */
interface Line {
  runs: Run[]
  x: number
  right: number
  y: number
  size: number
  page: number
}

interface Rule {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** A rebuilt table row: tab-separated cells, and the grid positions merged cells cover. */
interface GridRow {
  text: string
  /** Covered grid columns, with the row (index in the table) and column of their origin cell. */
  covered: Array<{ column: number; origin: { row: number; column: number } }>
}

interface TableBlock {
  kind: 'table'
  y: number
  rows: GridRow[]
  page: number
  right: number
}
interface LineBlock extends Line {
  kind: 'line'
  text: string
}
type FlowItem = TableBlock | LineBlock

export interface PdfExtracted extends Extracted {
  pageCount: number
  /** Characters of text found on all pages (0 for a scan). */
  textChars: number
}

/** Minimal view of the pdfjs API used here. */
interface PdfjsModule {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDocument> }
  OPS: Record<string, number>
}
interface PdfDocument {
  numPages: number
  getPage(n: number): Promise<PdfPage>
  destroy(): Promise<void>
}
interface PdfPage {
  getViewport(o: { scale: number }): { width: number; height: number; viewBox: number[] }
  getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }> }>
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>
}

/** Extract the text of a PDF. Throws pdfjs' errors for unreadable files. */
export async function extractPdf(bytes: Uint8Array): Promise<PdfExtracted> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfjsModule
  // pdfjs takes ownership of (detaches) the buffer and refuses Buffers:
  // hand it a plain copy.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false })
  const doc = await task.promise
  try {
    const pages: Array<{ lines: Line[]; rules: Rule[]; width: number; height: number }> = []
    let textChars = 0
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const vp = page.getViewport({ scale: 1 })
      const [vx0 = 0, vy0 = 0] = vp.viewBox
      const content = await page.getTextContent()
      const runs: Run[] = []
      for (const item of content.items) {
        if (!item.str || !item.transform) continue
        const [a = 0, b = 0, , , e = 0, f = 0] = item.transform
        const size = Math.hypot(a, b) || item.height || 1
        runs.push({ str: item.str, x: e - vx0, y: f - vy0, w: item.width ?? 0, size })
        textChars += item.str.replace(/\s/g, '').length
      }
      const rules = readRules(await page.getOperatorList(), pdfjs.OPS).map((r) => ({ x0: r.x0 - vx0, x1: r.x1 - vx0, y0: r.y0 - vy0, y1: r.y1 - vy0 }))
      pages.push({ lines: buildLines(runs, n), rules, width: vp.width, height: vp.height })
    }
    return { ...layout(pages), pageCount: doc.numPages, textChars }
  } finally {
    await doc.destroy()
  }
}

// ---------------------------------------------------------------------------
// Rules (table borders) from the operator list

function readRules(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>): Rule[] {
  const rules: Rule[] = []
  let ctm = [1, 0, 0, 1, 0, 0]
  const stack: number[][] = []
  const apply = (x: number, y: number): [number, number] => [ctm[0]! * x + ctm[2]! * y + ctm[4]!, ctm[1]! * x + ctm[3]! * y + ctm[5]!]
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[] | null
    if (fn === OPS.save) stack.push(ctm)
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0]
    else if (fn === OPS.transform && args) {
      const [a, b, c, d, e, f] = args as number[]
      const m = ctm
      ctm = [m[0]! * a! + m[2]! * b!, m[1]! * a! + m[3]! * b!, m[0]! * c! + m[2]! * d!, m[1]! * c! + m[3]! * d!, m[0]! * e! + m[2]! * f! + m[4]!, m[1]! * e! + m[3]! * f! + m[5]!]
    } else if (fn === OPS.constructPath && args) {
      const minMax = args[2] as ArrayLike<number> | undefined
      if (!minMax || minMax.length < 4) return
      const [ax, ay] = apply(minMax[0]!, minMax[1]!)
      const [bx, by] = apply(minMax[2]!, minMax[3]!)
      const x0 = Math.min(ax, bx)
      const x1 = Math.max(ax, bx)
      const y0 = Math.min(ay, by)
      const y1 = Math.max(ay, by)
      const w = x1 - x0
      const h = y1 - y0
      if ((h <= 2 && w > 8) || (w <= 2 && h > 4)) rules.push({ x0, y0, x1, y1 })
    }
  })
  return rules
}

interface Grid {
  top: number
  bottom: number
  left: number
  right: number
  /** Row borders, top first. */
  ys: number[]
  horizontals: Rule[]
  verticals: Rule[]
  columns: number[]
}

/** Ruled tables: horizontal rules joined by vertical ones. */
function findGrids(rules: Rule[]): Grid[] {
  const horizontals = rules.filter((r) => r.y1 - r.y0 <= 2).sort((a, b) => b.y0 - a.y0)
  const verticals = rules.filter((r) => r.x1 - r.x0 <= 2)
  const grids: Grid[] = []
  let current: { hs: Rule[] } | null = null
  const joined = (a: Rule, b: Rule): boolean => {
    const ya = (a.y0 + a.y1) / 2
    const yb = (b.y0 + b.y1) / 2
    return verticals.some((v) => v.y0 <= Math.min(ya, yb) + 2 && v.y1 >= Math.max(ya, yb) - 2 && v.x0 >= Math.min(a.x0, b.x0) - 2 && v.x0 <= Math.max(a.x1, b.x1) + 2)
  }
  const finish = (): void => {
    if (!current || current.hs.length < 2) return
    const ys: number[] = []
    for (const h of current.hs) {
      const y = (h.y0 + h.y1) / 2
      if (!ys.length || Math.abs(ys[ys.length - 1]! - y) > 1.5) ys.push(y)
    }
    if (ys.length < 2) return
    const left = Math.min(...current.hs.map((h) => h.x0))
    const right = Math.max(...current.hs.map((h) => h.x1))
    const top = ys[0]!
    const bottom = ys[ys.length - 1]!
    const vs = verticals.filter((v) => v.x0 >= left - 2 && v.x1 <= right + 2 && v.y1 >= bottom - 2 && v.y0 <= top + 2)
    const columns = dedupe(vs.map((v) => (v.x0 + v.x1) / 2))
    if (columns.length < 2) return
    grids.push({ top, bottom, left, right, ys, horizontals: current.hs, verticals: vs, columns })
  }
  for (const h of horizontals) {
    const last = current?.hs[current.hs.length - 1]
    if (current && last && joined(last, h)) current.hs.push(h)
    else {
      finish()
      current = { hs: [h] }
    }
  }
  finish()
  return grids
}

function dedupe(xs: number[]): number[] {
  const sorted = [...xs].sort((a, b) => a - b)
  const out: number[] = []
  for (const x of sorted) if (!out.length || x - out[out.length - 1]! > 2) out.push(x)
  return out
}

/**
 * Rows of a grid as tab-separated text; runs inside it are consumed. A
 * cell whose top border is not drawn continues the cell above it (a
 * category merged down its rows), one with a column border missing spans
 * those columns: the merged cell's text, wherever it is drawn (vertically
 * centred, in a middle row), stands in its first row and column, and the
 * positions it covers are left empty and listed as covered, so that no
 * row shifts left and no value is read twice.
 */
function gridRows(grid: Grid, runs: Run[]): GridRow[] {
  const nearest = (x: number): number => {
    let best = 0
    grid.columns.forEach((c, i) => {
      if (Math.abs(c - x) < Math.abs(grid.columns[best]! - x)) best = i
    })
    return best
  }
  /** Whether a horizontal rule is drawn at `y` across `x`. */
  const ruled = (y: number, x: number): boolean => grid.horizontals.some((h) => Math.abs((h.y0 + h.y1) / 2 - y) <= 1.5 && h.x0 <= x + 1 && h.x1 >= x - 1)
  interface Cell {
    from: number
    to: number
    runs: Run[]
    /** The origin of the merged cell this one continues. */
    origin?: Cell
    row: number
  }
  const rows: Cell[][] = []
  for (let b = 0; b + 1 < grid.ys.length; b++) {
    const top = grid.ys[b]!
    const bottom = grid.ys[b + 1]!
    const mid = (top + bottom) / 2
    const borders = dedupe(grid.verticals.filter((v) => v.y0 <= mid && v.y1 >= mid).map((v) => (v.x0 + v.x1) / 2))
    if (borders.length < 2) continue
    const bandRuns = runs.filter((r) => {
      const cy = r.y + r.size * 0.35
      return cy < top && cy > bottom
    })
    const above = rows[rows.length - 1]
    const cells: Cell[] = []
    for (let c = 0; c + 1 < borders.length; c++) {
      const a = borders[c]!
      const z = borders[c + 1]!
      const cell: Cell = { from: nearest(a), to: Math.max(nearest(a) + 1, nearest(z)), runs: bandRuns.filter((r) => r.x + r.w / 2 > a && r.x + r.w / 2 < z), row: rows.length }
      const up = above?.find((u) => u.from === cell.from && u.to === cell.to)
      if (up && !ruled(top, (a + z) / 2)) {
        cell.origin = up.origin ?? up
        cell.origin.runs.push(...cell.runs)
        cell.runs = []
      }
      cells.push(cell)
    }
    rows.push(cells)
  }
  return rows.map((cells) => {
    const parts: string[] = []
    const covered: GridRow['covered'] = []
    for (const cell of cells) {
      const origin = cell.origin ?? cell
      parts.push(cell.origin ? '' : dropLayoutSpaces(linesOf(cell.runs).map((l) => lineText(l)).reduce(joinPieces, '')))
      for (let k = cell.from; k < cell.to; k++) {
        if (k > cell.from) parts.push('')
        if (cell.origin || k > cell.from) covered.push({ column: k, origin: { row: origin.row, column: origin.from } })
      }
    }
    return { text: parts.join('\t'), covered }
  })
}

// ---------------------------------------------------------------------------
// Tables without drawn borders

/** The pieces of a line apart by wide gaps (more than 1.5 times the font size). */
function segments(line: Line): Run[][] {
  const out: Run[][] = []
  let end = -Infinity
  for (const r of line.runs) {
    if (!r.str.trim()) continue
    if (out.length && r.x - end <= line.size * 1.5) out[out.length - 1]!.push(r)
    else out.push([r])
    end = r.x + r.w
  }
  return out
}

/**
 * Tables laid out in columns without borders: a run of at least three
 * lines, two of them with three or more pieces apart by wide gaps, whose
 * pieces start at a common set of column positions. Column positions are
 * the clusters of the pieces' left edges (two clusters that never occur
 * on one line are one column: right-aligned numbers start at different
 * x); each piece goes to the column its centre falls in, so a row whose
 * first cells are empty (under a category written once) keeps its cells
 * in their columns instead of shifting left.
 */
function unruledTables(lines: Line[], page: number): { tables: TableBlock[]; rest: Line[] } {
  const tables: TableBlock[] = []
  const rest: Line[] = []
  const pieces = lines.map(segments)
  let i = 0
  while (i < lines.length) {
    if (pieces[i]!.length < 3) {
      rest.push(lines[i]!)
      i++
      continue
    }
    // the run: lines of two or more pieces, close below each other, and
    // single pieces between them (a cell's text wrapped onto a second line)
    const close = (k: number): boolean => lines[k - 1]!.y - lines[k]!.y < Math.max(lines[k]!.size, lines[k - 1]!.size) * 2.5
    let j = i + 1
    while (j < lines.length && close(j) && (pieces[j]!.length >= 2 || (pieces[j]!.length === 1 && j + 1 < lines.length && pieces[j + 1]!.length >= 2 && close(j + 1)))) j++
    const run = lines.slice(i, j)
    const found = run.filter((_, k) => pieces[i + k]!.length >= 3).length >= 2 && run.length >= 3 ? columnTable(run, pieces.slice(i, j), page) : undefined
    if (found) {
      tables.push(found.table)
      i += found.used
    } else {
      rest.push(lines[i]!)
      i++
    }
  }
  return { tables, rest }
}

/** The table of a run of lines, and how many of its lines it takes (the rows that fit its columns). */
function columnTable(lines: Line[], pieces: Run[][][], page: number): { table: TableBlock; used: number } | undefined {
  const size = Math.max(...lines.map((l) => l.size))
  // clusters of the left edges on the lines of three or more pieces, with the lines they occur on
  const starts = pieces.flatMap((ps, l) => (ps.length >= 3 ? ps.map((p) => ({ x: p[0]!.x, line: l })) : [])).sort((a, b) => a.x - b.x)
  const clusters: Array<{ x: number; lines: Set<number> }> = []
  for (const s of starts) {
    const last = clusters[clusters.length - 1]
    if (last && s.x - last.x <= size) last.lines.add(s.line)
    else clusters.push({ x: s.x, lines: new Set([s.line]) })
  }
  const merged: typeof clusters = []
  for (const c of clusters) {
    const last = merged[merged.length - 1]
    if (last && ![...c.lines].some((l) => last.lines.has(l))) for (const l of c.lines) last.lines.add(l)
    else merged.push({ x: c.x, lines: new Set(c.lines) })
  }
  const columns = merged.filter((c) => c.lines.size >= 2)
  if (columns.length < 3) return undefined
  // a title spaced out letter by letter (规  划  纲  要) is not a table
  const all = pieces.flat()
  if (all.filter((p) => p.map((r) => r.str).join('').trim().length === 1).length >= all.length * 0.8) return undefined
  const left = (p: Run[]): number => p[0]!.x
  const right = (p: Run[]): number => p[p.length - 1]!.x + p[p.length - 1]!.w
  const columnOf = (p: Run[]): number => {
    const centre = (left(p) + right(p)) / 2
    let k = 0
    while (k + 1 < columns.length && columns[k + 1]!.x - size / 2 <= centre) k++
    return k
  }
  /** A piece fits its column when it starts in it and ends before the next one. */
  const fits = (p: Run[], k: number): boolean => left(p) >= columns[k]!.x - size && (k + 1 === columns.length || right(p) <= columns[k + 1]!.x + size / 2)
  const text = (p: Run[]): string => dropLayoutSpaces(p.map((r) => r.str).join(''))
  const grid: string[][] = []
  let used = 0
  for (const ps of pieces) {
    const ks = ps.map(columnOf)
    // a line whose pieces do not stand in the columns, one a column, ends the table
    if (ps.some((p, n) => !fits(p, ks[n]!)) || new Set(ks).size < ks.length) break
    used++
    // one piece right of the first column continues the cell above it
    const above = grid[grid.length - 1]
    if (ps.length === 1 && above && ks[0]! > 0) {
      above[ks[0]!] = joinPieces(above[ks[0]!]!, text(ps[0]!))
      continue
    }
    const cells: string[] = columns.map(() => '')
    ps.forEach((p, n) => (cells[ks[n]!] = text(p)))
    grid.push(cells)
  }
  if (grid.length < 3) return undefined
  const rows: GridRow[] = grid.map((cells) => ({ text: cells.join('\t'), covered: [] }))
  const taken = lines.slice(0, used)
  return { table: { kind: 'table', y: taken[0]!.y + size, rows, page, right: Math.max(...taken.map((l) => l.right)) }, used }
}

// ---------------------------------------------------------------------------
// Lines

function linesOf(runs: Run[], page = 0): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x)
  const lines: Line[] = []
  for (const r of sorted) {
    const line = lines.find((l) => Math.abs(l.y - r.y) < Math.max(l.size, r.size) * 0.5)
    if (line) {
      line.runs.push(r)
      line.size = Math.max(line.size, r.size)
    } else lines.push({ runs: [r], x: r.x, right: r.x + r.w, y: r.y, size: r.size, page })
  }
  for (const l of lines) {
    l.runs.sort((a, b) => a.x - b.x)
    l.x = Math.min(...l.runs.filter((r) => r.str.trim()).map((r) => r.x), l.runs[0]!.x)
    l.right = Math.max(...l.runs.map((r) => r.x + r.w))
  }
  return lines.sort((a, b) => b.y - a.y)
}

function buildLines(runs: Run[], page: number): Line[] {
  return linesOf(runs, page).filter((l) => l.runs.some((r) => r.str.trim()))
}

function lineText(line: Line): string {
  let text = ''
  let end = -Infinity
  for (const r of line.runs) {
    // a wide gap inside a line (not a table: those are ruled) is one space
    if (text && r.x - end > r.size * 1.5) text += ' '
    text += r.str
    end = r.x + r.w
  }
  return dropLayoutSpaces(text)
}

// ---------------------------------------------------------------------------
// Page chrome

const PAGE_NUMBER = /^[-－—–~～\s]*(第\s*)?[0-9０-９]+\s*(页)?(\s*[/／共]\s*[0-9０-９]+\s*页?)?[-－—–~～\s]*$/
const chromeKey = (s: string): string => s.replace(/\s/g, '').replace(/[0-9０-９]+/g, '#')

/** Lines in the top or bottom band of the page that repeat or are page numbers. */
function findChrome(pages: Array<{ lines: Line[]; height: number }>): Set<Line> {
  const chrome = new Set<Line>()
  const candidates = (p: { lines: Line[]; height: number }): Line[] => p.lines.filter((l) => l.y > p.height * 0.92 || l.y < p.height * 0.08)
  const counts = new Map<string, number>()
  for (const p of pages) for (const key of new Set(candidates(p).map((l) => chromeKey(lineText(l))))) counts.set(key, (counts.get(key) ?? 0) + 1)
  const needed = Math.max(2, Math.ceil(pages.length / 2))
  for (const p of pages) {
    for (const l of candidates(p)) {
      const text = lineText(l)
      if (PAGE_NUMBER.test(text) || (pages.length > 1 && (counts.get(chromeKey(text)) ?? 0) >= needed)) chrome.add(l)
    }
  }
  return chrome
}

// ---------------------------------------------------------------------------
// Page layout: chrome, tables, columns, paragraphs

function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!
}

/** Body flow of one page: tables and lines in reading order. */
function pageFlow(lines: Line[], rules: Rule[], width: number, page: number): FlowItem[][] {
  const grids = findGrids(rules)
  const runs = lines.flatMap((l) => l.runs)
  const inGrid = (r: Run): Grid | undefined => grids.find((g) => r.y + r.size * 0.35 < g.top && r.y + r.size * 0.35 > g.bottom && r.x + r.w / 2 > g.left && r.x + r.w / 2 < g.right)
  const tables: TableBlock[] = grids.map((g) => ({ kind: 'table', y: g.top, rows: gridRows(g, runs.filter((r) => inGrid(r) === g)), page, right: g.right }))
  const unruled = unruledTables(linesOf(runs.filter((r) => !inGrid(r)), page).filter((l) => l.runs.some((r) => r.str.trim())), page)
  tables.push(...unruled.tables)
  const free = unruled.rest
  // Two columns: a run of lines none of which crosses the middle, with
  // text on both sides (on one baseline or on lines of either half), is
  // read left column first.
  const mid = width / 2
  const crosses = (l: Line): boolean => l.runs.some((r) => r.x < mid - 4 && r.x + r.w > mid + 4)
  const both = (l: Line): boolean => l.runs.some((r) => r.x + r.w <= mid) && l.runs.some((r) => r.x >= mid)
  const regions: FlowItem[][] = []
  let single: LineBlock[] = []
  let i = 0
  const asBlock = (l: Line): LineBlock => ({ ...l, kind: 'line', text: lineText(l) })
  while (i < free.length) {
    let j = i
    while (j < free.length && !crosses(free[j]!)) j++
    const run = free.slice(i, j)
    const leftOnly = run.filter((l) => l.right <= mid + 2).length
    const rightOnly = run.filter((l) => l.x >= mid - 2).length
    if (run.length >= 6 && (run.filter(both).length >= 2 || (rightOnly >= 3 && leftOnly >= 3))) {
      if (single.length) regions.push(single)
      single = []
      // the gutter ends where the right column's lines start (punctuation
      // may hang past the middle at the end of a left-column line)
      const gutter = Math.min(...run.flatMap((l) => l.runs.filter((r) => r.x >= mid - 2).map((r) => r.x))) - 1
      const left = run.map((l) => ({ ...l, runs: l.runs.filter((r) => r.x < gutter) })).filter((l) => l.runs.length)
      const right = run.map((l) => ({ ...l, runs: l.runs.filter((r) => r.x >= gutter) })).filter((l) => l.runs.length)
      for (const col of [left, right]) {
        regions.push(
          col.map((l) => {
            const x = Math.min(...l.runs.map((r) => r.x))
            const right = Math.max(...l.runs.map((r) => r.x + r.w))
            return asBlock({ ...l, x, right })
          }),
        )
      }
      i = j
    } else {
      single.push(...free.slice(i, Math.max(j, i + 1)).map(asBlock))
      i = Math.max(j, i + 1)
    }
  }
  if (single.length) regions.push(single)
  // Tables go into the region whose lines surround them (the last one
  // above them), in order of height.
  for (const t of tables) {
    const region = regions.find((r) => r.some((b) => b.y < t.y)) ?? regions[regions.length - 1]
    if (region) region.push(t)
    else regions.push([t])
  }
  for (const r of regions) r.sort((a, b) => b.y - a.y)
  return regions
}

function layout(pages: Array<{ lines: Line[]; rules: Rule[]; width: number; height: number }>): Extracted {
  const out = new ExtractedBuilder()
  const chrome = findChrome(pages)
  // The body font size: the size most characters have.
  const sizeCount = new Map<number, number>()
  for (const p of pages) for (const l of p.lines) if (!chrome.has(l)) sizeCount.set(Math.round(l.size), (sizeCount.get(Math.round(l.size)) ?? 0) + lineText(l).length)
  const bodySize = [...sizeCount].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12
  const headingSizes = [...sizeCount.keys()].filter((s) => s > bodySize + 0.5).sort((a, b) => b - a)
  const headingLevel = (size: number): number | undefined => {
    const i = headingSizes.indexOf(Math.round(size))
    return i < 0 ? undefined : i + 1
  }

  let para: { text: string; page: number; pageEnd: number; size: number; last: LineBlock; right: number } | null = null
  let pending: Array<{ text: string; kind: ExtractedLine['kind']; page: number }> = []
  const flushPara = (): void => {
    if (para) {
      const level = headingLevel(para.size)
      out.push(para.text, { kind: 'text', page: para.page, ...(para.pageEnd !== para.page ? { pageEnd: para.pageEnd } : {}), ...(level ? { headingLevel: level } : {}) })
      para = null
    }
  }
  const flushChrome = (): void => {
    for (const c of pending) out.push(c.text, { kind: c.kind, page: c.page })
    pending = []
  }
  let lastTableRow: string | null = null

  pages.forEach((p, index) => {
    const page = index + 1
    const header = p.lines.filter((l) => chrome.has(l) && l.y > p.height / 2)
    const footer = p.lines.filter((l) => chrome.has(l) && l.y <= p.height / 2)
    const body = p.lines.filter((l) => !chrome.has(l))
    for (const l of header) pending.push({ text: lineText(l), kind: 'header', page })
    if (!para && lastTableRow === null) flushChrome()
    const regions = pageFlow(body, p.rules, p.width, page)
    regions.forEach((region, r) => {
      const lineBlocks = region.filter((b): b is LineBlock => b.kind === 'line')
      const left = quantile(lineBlocks.map((b) => b.x), 0.1)
      const right = quantile(lineBlocks.map((b) => b.right), 0.9)
      region.forEach((b, k) => {
        const first = k === 0
        if (b.kind === 'table') {
          flushPara()
          // a table continued from the last page carries on after the chrome
          if (!(first && r === 0 && lastTableRow !== null)) flushChrome()
          const starts: number[] = []
          for (const row of b.rows) {
            starts.push(out.nextStart())
            const covered = row.covered.flatMap((c) => (starts[c.origin.row] === undefined ? [] : [{ column: c.column, origin: { line: starts[c.origin.row]!, column: c.origin.column } }]))
            out.push(row.text, { kind: 'table-row', page, ...(covered.length ? { covered } : {}) })
          }
          flushChrome()
          lastTableRow = b.rows[b.rows.length - 1]?.text ?? ''
          return
        }
        const prev = para?.last
        const sameFlow = prev && prev.page === page && !first
        const continues =
          para !== null &&
          prev !== undefined &&
          Math.abs(prev.size - b.size) < 0.6 &&
          b.x <= left + b.size * 0.8 &&
          prev.right >= para.right - b.size * 1.5 &&
          (!sameFlow || prev.y - b.y < Math.max(prev.size, b.size) * 2.2)
        if (continues && para) {
          para.text = joinPieces(para.text, b.text)
          para.pageEnd = page
          para.last = b
          para.right = right
        } else {
          flushPara()
          if (lastTableRow !== null || page !== (pending[0]?.page ?? page) || pending.length) flushChrome()
          para = { text: b.text, page, pageEnd: page, size: b.size, last: b, right }
        }
        lastTableRow = null
      })
    })
    for (const l of footer) pending.push({ text: lineText(l), kind: 'footer', page })
  })
  flushPara()
  flushChrome()
  return out.build()
}
