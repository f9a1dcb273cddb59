/**
 * HTML pages: block elements become blocks, tables become tables, and the
 * page chrome (head, scripts, styles, navigation) is set aside.
 */
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import type { ParseContext } from '../core/context.js'
import { MappedTextBuilder, mapIdentity, trimMapped, type MappedText } from '../core/source-map.js'
import { grammars } from '../core/grammars.js'
import { startsWithMarker } from '../structure/numbering.js'
import type { AsideBlock, Block, CellBlock, TableBlock, TextBlock } from './blocks.js'

const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre', 'center', 'dd', 'dt', 'dl', 'figure', 'figcaption', 'caption', 'header', 'footer', 'body', 'html', 'form', 'td', 'th', 'tr', 'tbody', 'thead', 'tfoot'])
const CHROME = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'iframe', 'svg', 'select', 'button', 'input', 'textarea', 'footer'])
/** Class or id of page furniture around the article (breadcrumbs, menus, share bars). */
const CHROME_CLASS = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumb|crumbs?|footer|foot|share|toolbar|sidebar|topbar|header|position|location|weizhi|dqwz)(?:$|[\s_-])/i

/**
 * Blocks of an HTML page. A page stored inside a SQL string (`<p
 * align=\"left\">\n\t一、…`) is unescaped first and read like any page;
 * every offset is then mapped back to the raw input, backslashes included,
 * and the statement around the page (`INSERT INTO … VALUES (1,'`) is set
 * aside as markup.
 */
export function htmlBlocks(input: string, ctx: ParseContext): Block[] {
  if (!isEscaped(input)) return pageBlocks(input, ctx)
  const { text, map } = unescape(input)
  // Escapes between blocks (`\\n\\t` after a tag) become markup too.
  const blocks = pageBlocks(text, ctx).map((b) => remapBlock(sqlWrapper(b, text), map))
  return withMarkupGaps(input, blocks.filter((b) => b.kind !== 'aside' || b.end > b.start))
}

/** Backslash escapes of a string literal around the tags: `=\"`, `>\n`, `\t<`. */
const ESCAPED_TAG = /=\\["']|>(?:\\[nrt])+|(?:\\[nrt])+\s*</g

/** True when the page is written as an escaped string literal (a SQL dump). */
export function isEscaped(input: string): boolean {
  const sample = input.slice(0, 65_536)
  let n = 0
  ESCAPED_TAG.lastIndex = 0
  while (ESCAPED_TAG.exec(sample) && n < 3) n++
  return n >= 3
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', "'": "'", '\\': '\\', '0': '' }

/**
 * The string literal unescaped, with `map[i]` the raw offset of unescaped
 * character `i` and `map[text.length]` the raw length.
 */
function unescape(input: string): { text: string; map: Int32Array } {
  const parts: string[] = []
  const map = new Int32Array(input.length + 1)
  let size = 0
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!
    const value = c === '\\' && i + 1 < input.length ? ESCAPES[input[i + 1]!] : undefined
    if (value === undefined) {
      parts.push(c)
      map[size++] = i
      continue
    }
    if (value) {
      parts.push(value)
      map[size++] = i
    }
    i++
  }
  map[size] = input.length
  return { text: parts.join(''), map: map.slice(0, size + 1) }
}

/** Text before the page's first tag that opens a SQL statement, or after its last tag that closes one. */
const SQL_HEAD = /^(?:INSERT|REPLACE)\s+INTO\b/i
const SQL_TAIL = /^(?:'(?:[^'\\]|\\.){0,200}'|'|[0-9.:-]+|NULL|[,;()\s])+$/i

function sqlWrapper(b: Block, text: string): Block {
  if (b.kind !== 'text') return b
  const raw = text.slice(b.start, b.end)
  if (!raw.includes('<') && (SQL_HEAD.test(raw) || SQL_TAIL.test(raw))) return { kind: 'aside', reason: 'markup', start: b.start, end: b.end }
  return b
}

function remapText(t: MappedText, map: Int32Array): MappedText {
  return { text: t.text, offsets: t.offsets.map((o) => map[o]!) }
}

function remapAside(a: AsideBlock, map: Int32Array): AsideBlock {
  return { ...a, start: map[a.start]!, end: map[a.end]! }
}

function remapBlock(b: Block, map: Int32Array): Block {
  const at = { start: map[b.start]!, end: map[b.end]! }
  if (b.kind === 'aside') return { ...b, ...at }
  const asides = b.asides ? { asides: b.asides.map((a) => remapAside(a, map)) } : {}
  if (b.kind === 'text') return { ...b, ...at, ...asides, text: remapText(b.text, map) }
  return {
    ...b,
    ...at,
    ...asides,
    rows: b.rows.map((r) => ({ start: map[r.start]!, end: map[r.end]!, cells: r.cells.map((c) => ({ start: map[c.start]!, end: map[c.end]!, text: remapText(c.text, map) })) })),
  }
}

function pageBlocks(input: string, _ctx: ParseContext): Block[] {
  const tree = unified().use(rehypeParse).parse(input) as HastRoot
  const blocks: Block[] = []
  let current = new MappedTextBuilder()
  let heading = 0
  /** Lines of the current block, ended by `<br>`. */
  let lines: MappedText[] = []
  const endLine = (): void => {
    const text = trimMapped(current.build())
    if (text.text.length) lines.push(text)
    current = new MappedTextBuilder()
  }
  const flush = (): void => {
    endLine()
    for (const text of joinBreaks(lines)) {
      const block: TextBlock = { kind: 'text', text, start: text.offsets[0]!, end: text.offsets[text.text.length - 1]! + 1 }
      if (heading) block.mdHeading = heading
      blocks.push(block)
    }
    lines = []
  }
  const chrome = (node: Element): void => {
    const s = clamp(node.position?.start.offset, input)
    const e = clamp(node.position?.end.offset, input)
    if (s !== undefined && e !== undefined && e > s) blocks.push({ kind: 'aside', reason: 'markup', start: s, end: e } satisfies AsideBlock)
  }
  const walk = (node: HastNodes): void => {
    if (node.type === 'text') {
      appendText(input, node, current)
      return
    }
    if (node.type !== 'element' && node.type !== 'root') return
    if (node.type === 'element') {
      const cls = `${String(node.properties?.className ?? '').replace(/,/g, ' ')} ${String(node.properties?.id ?? '')}`
      if (CHROME.has(node.tagName) || CHROME_CLASS.test(cls)) {
        flush()
        chrome(node)
        return
      }
      if (node.tagName === 'table') {
        flush()
        const t = tableBlock(input, node)
        if (t) blocks.push(t)
        return
      }
      if (node.tagName === 'br') {
        endLine()
        return
      }
      if (BLOCK.has(node.tagName)) flush()
    }
    const level = node.type === 'element' && /^h[1-6]$/.test(node.tagName) ? Number(node.tagName[1]) : 0
    if (level) heading = level
    for (const child of node.children) walk(child as HastNodes)
    if (node.type === 'element' && BLOCK.has(node.tagName)) flush()
    if (level) heading = 0
  }
  walk(tree)
  flush()
  return withMarkupGaps(input, blocks)
}

const BREAK_ENDS = /[。！？；：!?;:]$/
const TITLE_PUNCTUATION = /[，、。；,;]/
const DASH_ITEM = new RegExp(grammars.layout.listDash, 'u')
const DATE_LINE = new RegExp(grammars.layout.dateLine, 'u')

/**
 * Lines split by `<br>` inside one block: a line that runs on (no stop at
 * its end, the next line no new item) is a wrap and joins the next; a
 * title line, a finished sentence, or a numbered or dashed item after it
 * starts a new block.
 *
 * ```
 * <p>到2015年，城镇登记失业<br>率控制在4%以内。<br>2．…</p>
 *                         ^^^^ wrap        ^^^^ new block
 * ```
 */
function joinBreaks(lines: readonly MappedText[]): MappedText[] {
  const out: MappedText[] = []
  let group: MappedText[] = []
  const close = (): void => {
    if (group.length === 1) out.push(group[0]!)
    else if (group.length > 1) {
      const b = new MappedTextBuilder()
      for (const t of group) b.appendMapped(t)
      out.push(b.build())
    }
    group = []
  }
  for (const line of lines) {
    const prev = group[group.length - 1]?.text
    if (prev !== undefined && !runsOn(prev, line.text)) close()
    group.push(line)
  }
  close()
  return out
}

function runsOn(prev: string, next: string): boolean {
  if (BREAK_ENDS.test(prev) || !TITLE_PUNCTUATION.test(prev)) return false
  return !startsWithMarker(next) && !DASH_ITEM.test(next) && !DATE_LINE.test(next)
}

/** Tags between blocks (`<div class="article">`, `</body>`) become markup asides. */
function withMarkupGaps(input: string, blocks: Block[]): Block[] {
  const sorted = [...blocks].sort((a, b) => a.start - b.start)
  const out: Block[] = []
  let at = 0
  const gap = (from: number, to: number): void => {
    let s = from
    let e = to
    while (s < e && /\s/.test(input[s]!)) s++
    while (e > s && /\s/.test(input[e - 1]!)) e--
    if (e > s) out.push({ kind: 'aside', reason: 'markup', start: s, end: e })
  }
  for (const b of sorted) {
    if (b.start < at) continue // nested in a block already placed
    gap(at, b.start)
    out.push(b)
    at = b.end
  }
  gap(at, input.length)
  return out
}

/**
 * Text of a hast text node mapped to the input. The parser decodes
 * entities and folds CRLF, so source and value are aligned character by
 * character; whitespace runs collapse to one space (none across a line
 * break between CJK text).
 */
function appendText(input: string, node: { value: string; position?: { start: { offset?: number }; end: { offset?: number } } }, b: MappedTextBuilder): void {
  const s = clamp(node.position?.start.offset, input)
  const e = clamp(node.position?.end.offset, input)
  if (s === undefined || e === undefined) return
  const value = node.value
  let i = s
  let k = 0
  let pendingSpace = -1
  let spaceHasBreak = false
  while (k < value.length) {
    const ch = value[k]!
    if (/\s/.test(ch)) {
      if (pendingSpace < 0) pendingSpace = Math.min(i, e - 1)
      if (ch === '\n') spaceHasBreak = true
      k++
      i = advance(input, i, e, ch)
      continue
    }
    if (pendingSpace >= 0) {
      if (!spaceHasBreak && b.length > 0) b.appendVirtual(' ', pendingSpace)
      pendingSpace = -1
      spaceHasBreak = false
    }
    const next = advance(input, i, e, ch)
    b.appendVirtual(ch, Math.min(i, e - 1))
    i = next
    k++
  }
}

/** Where the source continues after the character that decoded to `ch`. */
function advance(input: string, i: number, end: number, ch: string): number {
  if (i >= end) return end
  if (input[i] === ch) return i + 1
  if (input[i] === '\r' && ch === '\n') return input[i + 1] === '\n' ? i + 2 : i + 1
  if (input[i] === '&') {
    const semi = input.indexOf(';', i)
    if (semi > i && semi - i <= 12 && semi < end) return semi + 1
  }
  return i + 1
}

/** Largest `rowspan`/`colspan` honoured; larger values are clipped (the table's own size bounds `rowspan` too). */
const MAX_SPAN = 1000

/**
 * A `<table>` as a grid: `rowspan` and `colspan` are expanded, the merged
 * cell standing at its origin with `rowSpan`/`colSpan`, and every other
 * position it covers a virtual cell (`spanOf`, no text, a zero-width
 * position after the cell before it) so that no text is repeated.
 */
function tableBlock(input: string, table: Element): TableBlock | undefined {
  type Cell = CellBlock
  const trs: Element[] = []
  const collectRows = (node: Element): void => {
    if (node.tagName === 'tr') {
      trs.push(node)
      return
    }
    for (const c of node.children) if (c.type === 'element' && c.tagName !== 'table') collectRows(c)
  }
  for (const c of table.children) if (c.type === 'element') collectRows(c)
  // covered[r][k]: the origin of a merged cell reaching row r, column k
  const covered: Array<Map<number, { row: number; column: number }>> = []
  const rows: TableBlock['rows'] = []
  for (const tr of trs) {
    const sourceCells: Array<{ cell: Cell; rowSpan: number; colSpan: number }> = []
    for (const c of tr.children) {
      if (c.type !== 'element' || (c.tagName !== 'td' && c.tagName !== 'th')) continue
      const b = new MappedTextBuilder()
      const collect = (n: HastNodes): void => {
        if (n.type === 'text') appendText(input, n, b)
        else if (n.type === 'element') for (const k of n.children) collect(k as HastNodes)
      }
      collect(c)
      const text: MappedText = trimMapped(b.build())
      const cell: Cell = { text, start: clamp(c.position?.start.offset, input) ?? 0, end: clamp(c.position?.end.offset, input) ?? 0 }
      sourceCells.push({ cell, rowSpan: spanValue(c.properties?.rowSpan), colSpan: spanValue(c.properties?.colSpan) })
    }
    if (!sourceCells.length) continue
    const r = rows.length
    const taken = covered[r] ?? new Map<number, { row: number; column: number }>()
    const cells: Cell[] = []
    const rowStart = clamp(tr.position?.start.offset, input) ?? sourceCells[0]!.cell.start
    const virtual = (ref: { row: number; column: number }): void => {
      const at = cells.length ? cells[cells.length - 1]!.end : rowStart
      cells.push({ text: mapIdentity(input, at, at), start: at, end: at, spanOf: ref })
    }
    for (const { cell, rowSpan, colSpan } of sourceCells) {
      while (taken.has(cells.length)) virtual(taken.get(cells.length)!)
      const column = cells.length
      if (rowSpan > 1) cell.rowSpan = rowSpan
      if (colSpan > 1) cell.colSpan = colSpan
      cells.push(cell)
      for (let dr = 0; dr < rowSpan; dr++) {
        const map = dr === 0 ? taken : (covered[r + dr] ??= new Map())
        for (let dc = dr === 0 ? 1 : 0; dc < colSpan; dc++) map.set(column + dc, { row: r, column })
      }
      for (let dc = 1; dc < colSpan; dc++) virtual({ row: r, column })
    }
    // positions covered from rows above, right of the last source cell
    const last = Math.max(-1, ...taken.keys())
    while (cells.length <= last) {
      const ref = taken.get(cells.length)
      if (ref) virtual(ref)
      else {
        const at = cells[cells.length - 1]!.end
        cells.push({ text: mapIdentity(input, at, at), start: at, end: at })
      }
    }
    // A row the parser implied (no <tr> in the source) spans its cells.
    rows.push({ cells, start: rowStart, end: clamp(tr.position?.end.offset, input) ?? cells[cells.length - 1]!.end })
  }
  if (!rows.length) return undefined
  // a rowspan running past the last row ends there
  rows.forEach((row, r) => {
    for (const c of row.cells) if (c.rowSpan && r + c.rowSpan > rows.length) c.rowSpan = rows.length - r > 1 ? rows.length - r : undefined
  })
  return { kind: 'table', form: 'html', rows, start: clamp(table.position?.start.offset, input) ?? 0, end: clamp(table.position?.end.offset, input) ?? 0 }
}

/** A `rowspan`/`colspan` attribute as a count of at least 1 (0 and junk read as 1). */
function spanValue(v: unknown): number {
  const n = typeof v === 'number' ? v : Number.parseInt(String(v ?? ''), 10)
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), MAX_SPAN) : 1
}

/**
 * An offset from the HTML parser, kept inside the input: at the end of a
 * file it can point one past it (a comment left open: `<td><!--`).
 */
function clamp(offset: number | undefined, input: string): number | undefined {
  return offset === undefined ? undefined : Math.min(offset, input.length)
}
