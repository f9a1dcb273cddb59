/**
 * HTML pages: block elements become blocks, tables become tables, and the
 * page chrome (head, scripts, styles, navigation) is set aside.
 */
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import type { ParseContext } from '../core/context.js'
import { MappedTextBuilder, trimMapped, type MappedText } from '../core/source-map.js'
import type { AsideBlock, Block, TableBlock, TextBlock } from './blocks.js'

const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre', 'center', 'dd', 'dt', 'dl', 'figure', 'figcaption', 'caption', 'header', 'footer', 'body', 'html', 'form', 'td', 'th', 'tr', 'tbody', 'thead', 'tfoot'])
const CHROME = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'iframe', 'svg', 'select', 'button', 'input', 'textarea', 'footer'])
/** Class or id of page furniture around the article (breadcrumbs, menus, share bars). */
const CHROME_CLASS = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumb|crumbs?|footer|foot|share|toolbar|sidebar|topbar|header|position|location|weizhi|dqwz)(?:$|[\s_-])/i

export function htmlBlocks(input: string, _ctx: ParseContext): Block[] {
  const tree = unified().use(rehypeParse).parse(input) as HastRoot
  const blocks: Block[] = []
  let current = new MappedTextBuilder()
  let heading = 0
  const flush = (): void => {
    const text = trimMapped(current.build())
    if (text.text.length) {
      const block: TextBlock = { kind: 'text', text, start: text.offsets[0]!, end: text.offsets[text.text.length - 1]! + 1 }
      if (heading) block.mdHeading = heading
      blocks.push(block)
    }
    current = new MappedTextBuilder()
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
        flush()
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

function tableBlock(input: string, table: Element): TableBlock | undefined {
  const rows: TableBlock['rows'] = []
  const visit = (node: Element): void => {
    if (node.tagName === 'tr') {
      const cells: TableBlock['rows'][number]['cells'] = []
      for (const c of node.children) {
        if (c.type !== 'element' || (c.tagName !== 'td' && c.tagName !== 'th')) continue
        const b = new MappedTextBuilder()
        const collect = (n: HastNodes): void => {
          if (n.type === 'text') appendText(input, n, b)
          else if (n.type === 'element') for (const k of n.children) collect(k as HastNodes)
        }
        collect(c)
        const text: MappedText = trimMapped(b.build())
        cells.push({ text, start: clamp(c.position?.start.offset, input) ?? 0, end: clamp(c.position?.end.offset, input) ?? 0 })
      }
      // A row the parser implied (no <tr> in the source) spans its cells.
      if (cells.length) rows.push({ cells, start: clamp(node.position?.start.offset, input) ?? cells[0]!.start, end: clamp(node.position?.end.offset, input) ?? cells[cells.length - 1]!.end })
      return
    }
    for (const c of node.children) if (c.type === 'element') visit(c)
  }
  visit(table)
  if (!rows.length) return undefined
  return { kind: 'table', form: 'html', rows, start: clamp(table.position?.start.offset, input) ?? 0, end: clamp(table.position?.end.offset, input) ?? 0 }
}

/**
 * An offset from the HTML parser, kept inside the input: at the end of a
 * file it can point one past it (a comment left open: `<td><!--`).
 */
function clamp(offset: number | undefined, input: string): number | undefined {
  return offset === undefined ? undefined : Math.min(offset, input.length)
}
