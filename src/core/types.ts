/**
 * Node types of the plan syntax tree.
 *
 * The tree follows unist (https://github.com/syntax-tree/unist): every node
 * has a literal `type`, parents have `children`, and every node has a
 * `position` whose offsets are UTF-16 indices into the input string exactly
 * as given (lines and columns are 1-based).
 *
 * Declared the way nlcst/mdast declare theirs: plain interfaces, a content
 * union per parent, `Nodes`/`Parents` unions.
 */
import type { Point, Position } from 'unist'

export type { Point, Position }

/** Fields every node has. */
export interface NodeBase {
  type: string
  position: Position
  data?: Record<string, unknown>
}

// ---------------------------------------------------------------------------
// Numbering

/** Identifier of a numbering scheme (see `grammars/numbering.json`). */
export type SchemeId = string

/** A numbering marker as it appears in the text (`（一）`, `1．`, `专栏 2`). */
export interface Marker {
  /** The marker exactly as written, without markdown or surrounding spaces. */
  raw: string
  /** Scheme id from `grammars/numbering.json` (`cn-dun`, `paren-cn`, …). */
  scheme: SchemeId
  /** The number the marker stands for (1-based; `1.2` gives its last part). */
  ordinal: number
  /** Full dotted path for decimal markers (`[1, 2]` for `1.2`). */
  path?: number[]
  position: Position
}

// ---------------------------------------------------------------------------
// Phrasing content

/** Plain text. `value` is normalised (wrap breaks and markup removed). */
export interface Text extends NodeBase {
  type: 'text'
  value: string
}

export type Qualifier = 'eq' | 'gte' | 'gt' | 'lte' | 'lt' | 'approx' | 'range'
export type Role = 'target' | 'actual' | 'other'

/** How a growth or decline statement changes its metric. */
export interface Change {
  direction: 'increase' | 'decrease'
  /** `annual` for 年均 rates, `cumulative` otherwise. */
  period: 'annual' | 'cumulative'
  /** Year of comparison when the text gives one (比2020年). */
  baseYear?: number
}

/** A numeric quantity found in a sentence, heading or table cell. */
export interface Quantity extends NodeBase {
  type: 'quantity'
  /** Exact source substring of the span (may contain line breaks). */
  raw: string
  /** Value in the canonical unit; absent for ranges and ratios. */
  value?: number
  min?: number
  max?: number
  /** Parts of a ratio (`20:60:20`). */
  parts?: number[]
  /** Unit code from `grammars/zh/units.json` (the codes of UNITS.md). */
  unit: string
  /** Measure word kept for unit `count` (`个`, `家`). */
  classifier?: string
  qualifier: Qualifier
  /** True when the unit comes from elsewhere in the sentence or table. */
  inherited?: boolean
  role: Role
  year: number | null
  metric: string | null
  change?: Change
  /** The canonical indicator the metric names (`grammars/indicators.json`). */
  indicator?: IndicatorRef
}

/** A canonical indicator: stable id with English and Chinese names. */
export interface IndicatorRef {
  id: string
  en: string
  zh: string
}

export type PhrasingContent = Text | Quantity

/** A sentence: split on 。！？； with brackets and quotes kept balanced. */
export interface Sentence extends NodeBase {
  type: 'sentence'
  children: PhrasingContent[]
}

// ---------------------------------------------------------------------------
// Blocks

/** A run of sentences forming one paragraph of the source. */
export interface Paragraph extends NodeBase {
  type: 'paragraph'
  children: Array<Sentence | List>
}

/** An in-paragraph enumeration (一是…二是…, ——…). */
export interface List extends NodeBase {
  type: 'list'
  /** The enumeration style: `shi` for 一是/二是, `dash` for ——. */
  style: 'shi' | 'dash'
  children: ListItem[]
}

export interface ListItem extends NodeBase {
  type: 'listItem'
  /** The item's lead-in as written (`一是`, `——`). */
  bullet: string
  children: Sentence[]
}

/** The heading line of a section or box: marker and title as sentences. */
export interface Heading extends NodeBase {
  type: 'heading'
  children: Sentence[]
}

/**
 * Span data of a table cell. Tables are grids: every row has a cell for
 * every column it reaches. A merged cell (HTML `rowspan`/`colspan`, Word
 * `w:vMerge`/`w:gridSpan`, a category written once for the rows below it)
 * is its origin cell, with `rowSpan`/`colSpan` when above 1; each other
 * grid position it covers is a virtual cell with no children, a
 * zero-width position, and `spanOf` naming the origin's row and column
 * (0-based, in the table). Text is never duplicated.
 */
export interface TableCellData {
  rowSpan?: number
  colSpan?: number
  spanOf?: { row: number; column: number }
  [key: string]: unknown
}

export interface TableCell extends NodeBase {
  type: 'tableCell'
  /** True for cells of a header row or a header column. */
  header?: boolean
  children: PhrasingContent[]
  data?: TableCellData
}

export interface TableRow extends NodeBase {
  type: 'tableRow'
  /** `header` for column headings, `group` for a row that names a group
   * of the rows below it (一、就业创业), `body` otherwise. */
  kind: 'header' | 'group' | 'body'
  children: TableCell[]
}

/** A table, from any form: tab-separated, markdown pipes, Word, HTML. */
export interface Table extends NodeBase {
  type: 'table'
  /** The form the table was read from. */
  form: 'tsv' | 'pipe' | 'word' | 'html'
  children: TableRow[]
}

/** Text that layout normalisation set aside: page numbers, running
 * headers, markup chrome. Kept so that no input is lost. */
export interface SetAside extends NodeBase {
  type: 'setAside'
  reason: 'page-number' | 'running-header' | 'markup' | 'separator'
  value: string
}

export type FlowContent = Section | Box | Paragraph | Table | SetAside | Heading

/** A numbered unit of the hierarchy (第一章, 一、, （一）, 1., （1）, ①, 第一条 …). */
export interface Section extends NodeBase {
  type: 'section'
  marker: Marker
  /** Text after the marker up to the first 。！？；： or the block end. */
  title: string
  /** 1 for the outermost numbered level of its document. */
  depth: number
  children: FlowContent[]
}

/** A 专栏 box. */
export interface Box extends NodeBase {
  type: 'box'
  marker: Marker
  title: string
  depth: number
  children: FlowContent[]
}

/** What a document's front matter says. */
export interface FrontMatter {
  title?: string
  /** Issuing body (苏州市相城区人民政府). */
  issuer?: string
  /** Document number (文号), e.g. 苏府〔2011〕203号. */
  docNumber?: string
  /** Date as written, and as ISO `YYYY-MM-DD` when it can be read. */
  date?: { raw: string; iso?: string }
  /** Addressees (主送机关). */
  addressees?: string
}

/**
 * One document of a file: a cover notice (通知), the plan itself, or an
 * attachment (附件). An attachment carries its `附件N` marker and title.
 */
export interface Document extends NodeBase, FrontMatter {
  type: 'document'
  kind: 'notice' | 'plan' | 'attachment'
  /** Only for attachments: the `附件N` marker. */
  marker?: Marker
  children: FlowContent[]
  /** Filled by the roles stage: the document context its roles and years read from. */
  data?: DocumentData
}

/** What a document is, as its title and opening say (规划, 工作计划, 实施方案, 政府工作报告, 办法, 通知). */
export type DocumentKind = 'plan' | 'work-plan' | 'implementation-plan' | 'work-report' | 'regulation' | 'notice'

/**
 * The context of one document, inferred before roles are assigned: its
 * kind, the period it plans for (`（2021-2025年）`, 十四五, the year of a
 * yearly plan) and, for a 政府工作报告, the year it is given in.
 */
export interface DocumentContext {
  kind: DocumentKind | null
  period: { start: number; end: number } | null
  /** Only for a 政府工作报告: the year it is given in (its targets are for that year). */
  reportYear?: number
}

/** `data` of a document node. */
export interface DocumentData {
  [key: string]: unknown
  context?: DocumentContext
}

export interface Root extends NodeBase {
  type: 'root'
  data: {
    /** The input form that was detected or forced. */
    form: InputForm
    /** Plan period when the text names one (十二五 → 2011–2015). */
    period?: { start: number; end: number }
  }
  children: Document[]
}

export type InputForm = 'pdf-text' | 'web-text' | 'markdown' | 'html' | 'plain'

export type Parents = Root | Document | Section | Box | Paragraph | List | ListItem | Heading | Sentence | Table | TableRow | TableCell
export type Nodes = Parents | Text | Quantity | SetAside

// ---------------------------------------------------------------------------
// Result

/** Severity follows vfile-message: fatal is an error, false a warning, null info. */
export interface Message {
  /** Stable rule id (see `MessageCode`). */
  ruleId: MessageCode
  source: 'plan-parse'
  reason: string
  /** Chinese text of the reason. */
  reasonZh: string
  place?: Position
  fatal: boolean | null
}

export type MessageCode =
  | 'empty-input'
  | 'no-numbering'
  | 'broken-sequence'
  | 'skipped-number'
  | 'html-fallback'
  | 'table-ragged'
  | 'binary-input'
  | 'replacement-character'
  | 'huge-input'
  | 'no-text-layer'
  | 'wrong-glyphs'

/** A target or actual value flattened out of the tree, with its context. */
export interface QuantityRecord extends Omit<Quantity, 'type'> {
  /** Titles of the enclosing sections and boxes, outermost first. */
  sectionPath: string[]
  /** Index of the document in `tree.children`. */
  document: number
  /** The whole sentence or table cell the quantity stands in. */
  context: string
}

/** One row of an indicator table (指标名称 / 单位 / 目标 / 属性 …). */
export interface Indicator {
  name: string
  unit: string | null
  baseline?: QuantityRecord
  /** The target; with staged targets (2025年 | 2035年) the latest. */
  target?: QuantityRecord
  /** Every target of the row, in column order, when there are several. */
  stages?: QuantityRecord[]
  growth?: QuantityRecord
  /** 约束性 binding, 预期性 expected. */
  attribute?: 'binding' | 'expected'
  /** 累计数 cumulative, 新增数 new. */
  accumulation?: 'cumulative' | 'new'
  /** Group row the indicator stands under (就业创业). */
  group?: string
  /** The canonical indicator the row's name matches. */
  indicator?: IndicatorRef
  position: Position
}

export interface ParseResult {
  tree: Root
  messages: Message[]
  quantities: QuantityRecord[]
  indicators: Indicator[]
}

export interface ParseOptions {
  /** Force an input form instead of detecting it. */
  format?: InputForm
  /**
   * Language of the quantities: `auto` (default) reads each sentence and
   * table as English when it is mostly Latin letters, else as Chinese;
   * `zh` and `en` force one reader for the whole text.
   */
  lang?: 'auto' | 'zh' | 'en'
}
