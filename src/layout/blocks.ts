/** Blocks: what layout normalisation hands to the numbering and tree stages. */
import type { MappedText } from '../core/source-map.js'
import type { SetAside, Table } from '../core/types.js'

/** A paragraph-like run of text (a paragraph, a heading line, a title). */
export interface TextBlock {
  kind: 'text'
  /** Normalised text (wraps joined, markup removed), mapped to the input. */
  text: MappedText
  /** Input range of the whole block, markup included. */
  start: number
  end: number
  /** Markdown heading level when the block was a `#` heading. */
  mdHeading?: number
  /** Page numbers or running headers that interrupt this block. */
  asides?: AsideBlock[]
}

/** A cell of a table block; see `TableCellData` for spans. */
export interface CellBlock {
  text: MappedText
  start: number
  end: number
  rowSpan?: number
  colSpan?: number
  /** A virtual cell: the grid position covered by this origin cell. */
  spanOf?: { row: number; column: number }
}

export interface TableBlock {
  kind: 'table'
  form: Table['form']
  rows: Array<{ cells: CellBlock[]; start: number; end: number }>
  start: number
  end: number
  /** Lines between its rows that are not rows (a `---` rule). */
  asides?: AsideBlock[]
}

export interface AsideBlock {
  kind: 'aside'
  reason: SetAside['reason']
  start: number
  end: number
}

export type Block = TextBlock | TableBlock | AsideBlock
