/**
 * The tree: documents, sections, boxes, headings, paragraphs, sentences
 * and tables, built from the blocks and the outline. Every node gets a
 * position in the input; containers span their children.
 */
import type { ParseContext } from '../core/context.js'
import { grammars } from '../core/grammars.js'
import type { AsideBlock, Block, TableBlock, TextBlock } from '../layout/index.js'
import { buildOutline, frontMatterPatterns, isLatin, titleLike, type OutlineHeading } from './outline.js'
import { matchMarker, readNumeral } from './numbering.js'
import { splitSentences } from './sentences.js'
import { positionIn, sliceMapped, trimMapped, type MappedText } from '../core/source-map.js'
import type {
  Box,
  Document,
  FlowContent,
  Heading,
  InputForm,
  List,
  ListItem,
  Marker,
  Paragraph,
  Position,
  Root,
  Section,
  Sentence,
  SetAside,
  Table,
  TableCell,
  TableRow,
  Text,
} from '../core/types.js'

const LIST_SHI = new RegExp(grammars.layout.listShi, 'u')
const LIST_DASH = new RegExp(grammars.layout.listDash, 'u')

export function buildTree(blocks: Block[], form: InputForm, ctx: ParseContext): Root {
  const outline = buildOutline(blocks, ctx)
  const documents: Document[] = []
  outline.documents.forEach((d, index) => {
    const end = outline.documents[index + 1]?.start ?? blocks.length
    if (end > d.start || index === 0) documents.push(buildDocument(blocks, d.start, end, d.kind, outline.headings, outline.titleBlocks, ctx))
  })
  const root: Root = {
    type: 'root',
    data: { form },
    children: documents.filter((d) => d.children.length > 0),
    position: ctx.locator.position(0, ctx.input.length),
  }
  const period = planPeriod(root, ctx.input)
  if (period) root.data.period = period
  return root
}

type Container = Document | Section | Box

function buildDocument(
  blocks: Block[],
  from: number,
  to: number,
  kind: Document['kind'],
  headings: Map<number, OutlineHeading>,
  titleBlocks: Set<number>,
  ctx: ParseContext,
): Document {
  const doc: Document = { type: 'document', kind, children: [], position: ctx.locator.position(0, 0) }
  const stack: Array<Section | Box> = []
  const top = (): Container => stack[stack.length - 1] ?? doc
  for (let i = from; i < to; i++) {
    const block = blocks[i]!
    const h = headings.get(i)
    if (h && block.kind === 'text') {
      const headingNode = headingOf(block, h, ctx)
      const rest = block.text.text.length > h.leadEnd ? trimMapped(sliceMapped(block.text, h.leadEnd, block.text.text.length)) : undefined
      const body: FlowContent[] = [headingNode]
      if (rest && rest.text.length) {
        const p = paragraphOf(rest, ctx)
        p.position = ctx.locator.position(headingNode.position.end.offset ?? block.start, block.end)
        body.push(p)
      }
      if (h.titleFromNext) {
        const next = blocks[i + 1]
        if (next?.kind === 'text') body.push(headingOf(next, undefined, ctx))
        i++
      }
      const marker = markerOf(block, h, ctx)
      if (h.depth === 0) {
        doc.marker = marker
        doc.title = h.title
        doc.children.push(...body)
        continue
      }
      stack.length = Math.min(stack.length, h.depth - 1)
      const node: Section | Box =
        h.marker.scheme.kind === 'box'
          ? { type: 'box', marker, title: h.title, depth: h.depth, children: body, position: body[0]!.position }
          : { type: 'section', marker, title: h.title, depth: h.depth, children: body, position: body[0]!.position }
      top().children.push(node)
      while (stack.length < h.depth - 1) stack.push(node) // a skipped level keeps depths aligned
      stack.push(node)
      continue
    }
    if (titleBlocks.has(i)) continue
    top().children.push(...flowOf(block, ctx))
  }
  frontMatter(doc, blocks.slice(from, to))
  spanContainers(doc, ctx)
  return doc
}

function markerOf(block: TextBlock, h: OutlineHeading, ctx: ParseContext): Marker {
  const m = h.marker
  const marker: Marker = {
    raw: m.raw,
    scheme: m.id,
    ordinal: m.ordinal,
    position: positionIn(ctx.locator, block.text, 0, m.raw.length),
  }
  if (m.path) marker.path = m.path
  return marker
}

/** The heading line: from the block's start (markup included) to the end of its lead sentence. */
function headingOf(block: TextBlock, h: OutlineHeading | undefined, ctx: ParseContext): Heading {
  const lead = trimMapped(sliceMapped(block.text, 0, h ? h.leadEnd : block.text.text.length))
  const sentence = sentenceOf(lead, 0, lead.text.length, ctx)
  const end = h && h.leadEnd < block.text.text.length ? (sentence.position.end.offset ?? block.end) : block.end
  return { type: 'heading', children: [sentence], position: ctx.locator.position(block.start, end) }
}

function spanOf(block: Block, ctx: ParseContext): Position {
  return ctx.locator.position(block.start, block.end)
}

function textOf(m: MappedText, ctx: ParseContext): Text {
  const node: Text = { type: 'text', value: m.text, position: positionIn(ctx.locator, m) }
  ctx.textMaps.set(node, m)
  return node
}

function sentenceOf(m: MappedText, start: number, end: number, ctx: ParseContext): Sentence {
  const part = sliceMapped(m, start, end)
  return { type: 'sentence', children: [textOf(part, ctx)], position: positionIn(ctx.locator, part) }
}

function flowOf(block: Block, ctx: ParseContext): FlowContent[] {
  if (block.kind === 'aside') return [asideOf(block, ctx)]
  if (block.kind === 'table') return [tableOf(block, ctx)]
  const p = paragraphOf(block.text, ctx)
  p.position = spanOf(block, ctx)
  if (block.asides?.length) p.data = { setAside: block.asides.map((a) => asideOf(a, ctx)) }
  return [p]
}

function asideOf(a: AsideBlock, ctx: ParseContext): SetAside {
  return { type: 'setAside', reason: a.reason, value: ctx.input.slice(a.start, a.end), position: ctx.locator.position(a.start, a.end) }
}

/** A paragraph: sentences, with 一是…二是… and —— runs as lists. */
function paragraphOf(m: MappedText, ctx: ParseContext): Paragraph {
  const sentences = splitSentences(m.text)
    .flatMap(([s, e]) => splitBeforeList(m.text, s, e))
    .map(([s, e]) => sentenceOf(m, s, e, ctx))
  const children: Paragraph['children'] = []
  const dash = LIST_DASH.exec(m.text)
  if (dash && sentences.length) {
    children.push(listOf('dash', [{ bullet: dash[0], sentences }], ctx))
  } else {
    let expected = 1
    let items: Array<{ bullet: string; sentences: Sentence[] }> = []
    for (const s of sentences) {
      const value = (s.children[0] as Text).value
      const shi = LIST_SHI.exec(value)
      if (shi && readNumeral(shi[0].slice(0, -1)) === expected) {
        items.push({ bullet: shi[0], sentences: [s] })
        expected++
      } else if (items.length) items[items.length - 1]!.sentences.push(s)
      else children.push(s)
    }
    if (items.length >= 2) children.push(listOf('shi', items, ctx))
    else for (const item of items) children.push(...item.sentences)
  }
  return { type: 'paragraph', children, position: positionIn(ctx.locator, m) }
}

/** `主要做法有：一是…`: the lead-in before a colon is its own sentence. */
function splitBeforeList(text: string, s: number, e: number): Array<[number, number]> {
  const at = text.slice(s, e).search(/[：:](?:一是)/)
  return at > 0 ? [[s, s + at + 1], [s + at + 1, e]] : [[s, e]]
}

function listOf(style: List['style'], items: Array<{ bullet: string; sentences: Sentence[] }>, _ctx: ParseContext): List {
  const children: ListItem[] = items.map((it) => ({
    type: 'listItem',
    bullet: it.bullet,
    children: it.sentences,
    position: { start: it.sentences[0]!.position.start, end: it.sentences[it.sentences.length - 1]!.position.end },
  }))
  return { type: 'list', style, children, position: { start: children[0]!.position.start, end: children[children.length - 1]!.position.end } }
}

const NUMERIC_CELL = /^[\s0-9０-９.．%％～~\-—–+/:：以上下内约左右万亿个人元]+$/
/** A column label that is a year (`2025年`, `2020`). */
const YEAR_LABEL = /^(?:19|20)\d{2}年?(?:[（(][^（）()]{1,6}[）)])?$/

type BlockRow = TableBlock['rows'][number]

function labelLike(r: BlockRow): boolean {
  const filled = r.cells.filter((c) => c.text.text.length > 0)
  return filled.length >= 1 && filled.every((c) => !NUMERIC_CELL.test(c.text.text) && c.text.text.length <= 24)
}

/**
 * Header rows: the first row when its cells are labels, and each next row
 * of labels while the header above it is still open: one of its merged
 * cells reaches into the row or spans columns the row subdivides
 * (`目标值` over `2020年 | 2025年`), or, in text forms, the row only
 * names years under a header with gaps.
 */
function headerRowCount(rows: readonly BlockRow[]): number {
  const first = rows[0]
  if (!first || rows.length < 2 || !labelLike(first) || first.cells.filter((c) => c.text.text.length > 0).length < 2) return 0
  let n = 1
  while (n < rows.length - 1 && labelLike(rows[n]!)) {
    const above = rows[n - 1]!
    const row = rows[n]!
    const reaches = row.cells.some((c) => c.spanOf !== undefined && c.spanOf.row < n)
    // the row's labels all stand under the merged cells above it (目标值 over 2020年 | 2025年)
    const under = (k: number): boolean => above.cells.some((c, j) => (c.colSpan ?? 1) > 1 && j <= k && k < j + c.colSpan!)
    const subdivides = above.cells.some((c) => (c.colSpan ?? 1) > 1) && row.cells.every((c, k) => !c.text.text || c.spanOf !== undefined || under(k))
    const filled = row.cells.filter((c) => c.text.text.length > 0 && c.spanOf === undefined)
    const years = filled.length >= 2 && filled.every((c) => YEAR_LABEL.test(c.text.text.replace(/\s+/g, ''))) && above.cells.some((c) => c.text.text.length === 0 && c.spanOf === undefined)
    if (!(reaches || subdivides || years)) break
    n++
  }
  return n
}

function tableOf(block: TableBlock, ctx: ParseContext): Table {
  const width = Math.max(...block.rows.map((r) => r.cells.length))
  const headers = headerRowCount(block.rows)
  const rows: TableRow[] = block.rows.map((r, index) => {
    const filled = r.cells.filter((c) => c.text.text.length > 0)
    const isGroup = width >= 3 && filled.length === 1 && r.cells.indexOf(filled[0]!) <= 1 && index >= Math.max(1, headers) && r.cells.every((c) => c.spanOf === undefined || c.spanOf.row === index)
    const isHeader = index < headers
    const kind: TableRow['kind'] = isHeader ? 'header' : isGroup ? 'group' : 'body'
    const cells: TableCell[] = r.cells.map((c) => {
      const cell: TableCell = {
        type: 'tableCell',
        children: c.text.text ? [textOf(c.text, ctx)] : [],
        position: ctx.locator.position(c.start, Math.max(c.start, c.end)),
      }
      if (isHeader) cell.header = true
      if (c.spanOf) cell.data = { spanOf: { row: c.spanOf.row, column: c.spanOf.column } }
      else if ((c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1) {
        cell.data = {}
        if ((c.rowSpan ?? 1) > 1) cell.data.rowSpan = c.rowSpan!
        if ((c.colSpan ?? 1) > 1) cell.data.colSpan = c.colSpan!
      }
      return cell
    })
    return { type: 'tableRow', kind, children: cells, position: ctx.locator.position(r.start, r.end) }
  })
  const table: Table = { type: 'table', form: block.form, children: rows, position: ctx.locator.position(block.start, block.end) }
  if (block.asides?.length) table.data = { setAside: block.asides.map((a) => asideOf(a, ctx)) }
  return table
}

/** Containers span from their first to their last child. */
function spanContainers(node: Container, ctx: ParseContext): void {
  for (const child of node.children) if (child.type === 'section' || child.type === 'box') spanContainers(child, ctx)
  const first = node.children[0]
  const last = node.children[node.children.length - 1]
  if (first && last) node.position = { start: first.position.start, end: last.position.end }
}

const ISSUER_LINE = new RegExp(grammars.layout.issuerLine, 'u')
const ISSUER_NOT = new RegExp(grammars.layout.issuerNot, 'u')
const MONTH_LINE = new RegExp(grammars.layout.monthLine, 'u')
const NOTE_LINE = new RegExp(grammars.layout.noteLine, 'u')

/** Title, number, date, issuer and addressees from a document's front blocks. */
function frontMatter(doc: Document, blocks: Block[]): void {
  const { DOC_NUMBER, DATE_LINE, ADDRESSEES } = frontMatterPatterns
  const titleParts: string[] = []
  let titleDone = false
  const marked = blocks.find((b): b is TextBlock => b.kind === 'text' && b.mdHeading !== undefined && titleLike(b.text.text) && !matchMarker(b.text.text) && !/文件$/.test(b.text.text))
  if (marked && doc.kind !== 'attachment') {
    titleParts.push(marked.text.text)
    titleDone = true
  }
  for (const b of blocks) {
    if (b.kind === 'aside') continue
    if (b.kind !== 'text') break
    const t = b.text.text.replace(/\s+/g, ' ').trim()
    if (matchMarker(t)) break
    const num = t.length <= 40 ? DOC_NUMBER.exec(t) : null
    if (num) {
      doc.docNumber ??= num[0].replace(/\s+/g, '')
      continue
    }
    if (/文件$/.test(t) && t.length <= 30) {
      doc.issuer ??= t.replace(/文件$/, '')
      continue
    }
    if (DATE_LINE.test(t) || MONTH_LINE.test(t)) {
      doc.date ??= { raw: t, ...isoDate(t) }
      titleDone = true
      continue
    }
    // The note （此件公开发布） and the issuing organ under the title are not part of it.
    if (NOTE_LINE.test(t)) continue
    if (titleParts.length && ISSUER_LINE.test(t) && !ISSUER_NOT.test(t)) {
      doc.issuer ??= t
      titleDone = true
      continue
    }
    if (ADDRESSEES.test(t)) {
      doc.addressees ??= t.replace(/[：:]\s*$/, '')
      titleDone = true
      continue
    }
    if (!titleDone && titleLike(t)) {
      if (titleParts[titleParts.length - 1] !== t) titleParts.push(t)
      continue
    }
    if (titleParts.length) titleDone = true
  }
  if (titleParts.length && doc.kind !== 'attachment') {
    const joined = titleParts.join(isLatin(titleParts[0]!) ? ' ' : '')
    doc.title = isLatin(joined) ? joined.replace(/\s+/g, ' ').trim() : joined.replace(/\s+/g, '')
  }
}

function isoDate(raw: string): { iso?: string } {
  const fold = raw.replace(/[〇○零]/g, '0').replace(/[一二三四五六七八九]/g, (d) => String('一二三四五六七八九'.indexOf(d) + 1))
  const m = /(\d{4})\s*年\s*([\d十]{1,3})\s*月\s*([\d十]{1,3})\s*日/.exec(fold)
  if (!m) return {}
  const read = (s: string): number => (s.includes('十') ? (s.startsWith('十') ? 10 : Number(s[0]) * 10) + (s.endsWith('十') ? 0 : Number(s[s.length - 1])) : Number(s))
  const mm = read(m[2]!)
  const dd = read(m[3]!)
  if (!(mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31)) return {}
  return { iso: `${m[1]}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}` }
}

const FIVE_YEAR: Record<string, number> = { 九五: 1996, 十五: 2001, 十一五: 2006, 十二五: 2011, 十三五: 2016, 十四五: 2021, 十五五: 2026 }

/**
 * The plan period: named by the plan's title (“十二五”, 第十四个五年, 2021—2025年,
 * 2012年…计划), else by a year span at the start of its text, else by the
 * first five-year period its opening names.
 */
function planPeriod(root: Root, input: string): { start: number; end: number } | undefined {
  const plan = root.children.find((d) => d.kind === 'plan') ?? root.children[0]
  const title = plan?.title ?? ''
  const from = plan?.position.start.offset ?? 0
  const opening = input.slice(from, from + 400)
  const fiveYear = (name: string | undefined) => {
    const start = name === undefined ? undefined : FIVE_YEAR[name]
    return start === undefined ? undefined : { start, end: start + 4 }
  }
  const span = (t: string) => {
    const m = /((?:19|20)\d\d)\s*年?\s*[～~\-－—–至到]+\s*((?:19|20)\d\d)\s*(?:年|[)）])/.exec(t)
    return m ? { start: Number(m[1]), end: Number(m[2]) } : undefined
  }
  const single = /((?:19|20)\d\d)\s*年(?:度)?[^。]{0,30}(?:工作计划|工作要点|实施方案|计划|方案|要点)/.exec(title)
  return (
    fiveYear(/(十[一二三四五]?五|九五)/.exec(title)?.[1]) ??
    fiveYear(/第(十[一二三四五]?|九)个五年/.exec(title)?.[1]?.concat('五')) ??
    span(title) ??
    (single ? { start: Number(single[1]), end: Number(single[1]) } : undefined) ??
    span(opening) ??
    fiveYear(/[“"]?(十[一二三四五]?五|九五)[”"]?(?:规划|时期|期间)/.exec(opening)?.[1])
  )
}
