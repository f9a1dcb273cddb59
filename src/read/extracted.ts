/** What the PDF and DOCX readers hand to `parseDocument`. */

/** One line of the extracted text and where it came from. */
export interface ExtractedLine {
  /** Offset of the line in the extracted text. */
  start: number
  /** Offset after the line (line break excluded). */
  end: number
  /** What the line is: body text, a table row, or page chrome (running
   * header, footer, page number) that the layout stage sets aside. */
  kind: 'text' | 'table-row' | 'header' | 'footer'
  /** PDF: 1-based page of the line's first character. */
  page?: number
  /** PDF: 1-based page of the line's last character, when it differs. */
  pageEnd?: number
  /** DOCX: 0-based index of the line's first paragraph (`w:p`) in the body. */
  paragraph?: number
  /** DOCX: index of its last paragraph, when it differs (table rows). */
  paragraphEnd?: number
  /** Heading level (1-based) from the style (DOCX) or the font size (PDF). */
  headingLevel?: number
  /** True when the whole line is bold (DOCX). */
  bold?: boolean
  /**
   * Table rows: the grid positions of the row that a merged cell covers
   * (DOCX `w:gridSpan`, `w:vMerge` continue; a PDF cell whose border is
   * not drawn). Their text stays empty;
   * each names the origin cell by the start offset of its row's line and
   * its grid column.
   */
  covered?: CoveredCell[]
}

/** A grid position covered by a merged cell, and that cell's origin. */
export interface CoveredCell {
  /** 0-based grid column of the covered position. */
  column: number
  /** Start offset (in the extracted text) of the origin cell's row line, and the origin's grid column. */
  origin: { line: number; column: number }
}

/** Text extracted from a binary document, one paragraph or table row a line. */
export interface Extracted {
  text: string
  lines: ExtractedLine[]
}

/** Builds an `Extracted` line by line. */
export class ExtractedBuilder {
  private parts: string[] = []
  private length = 0
  readonly lines: ExtractedLine[] = []

  push(value: string, info: Omit<ExtractedLine, 'start' | 'end'>): void {
    if (this.parts.length) {
      this.parts.push('\n')
      this.length += 1
    }
    this.parts.push(value)
    this.lines.push({ start: this.length, end: this.length + value.length, ...info })
    this.length += value.length
  }

  /** Start offset that the next pushed line will have. */
  nextStart(): number {
    return this.parts.length ? this.length + 1 : 0
  }

  build(): Extracted {
    return { text: this.parts.join(''), lines: this.lines }
  }
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F\u201C\u201D\u2018\u2019\u2014\u2026\u00B7]/

/**
 * Join two pieces of one paragraph: Chinese text wraps without a space,
 * Latin words and numbers keep one.
 */
export function joinPieces(a: string, b: string): string {
  if (!a) return b
  if (!b) return a
  const x = a[a.length - 1]!
  const y = b[0]!
  if (/\s/.test(x) || /\s/.test(y) || CJK.test(x) || CJK.test(y)) return a + b
  return `${a} ${b}`
}

/**
 * Remove spaces that layout put between characters (justification, the
 * gap LibreOffice and Word leave between Chinese and Latin text): a space
 * goes when a neighbour is a Chinese character or full-width punctuation.
 */
export function dropLayoutSpaces(s: string): string {
  return s.replace(/[ \u00a0]+/g, (space, at: number, whole: string) => {
    const before = whole[at - 1]
    const after = whole[at + space.length]
    if (before === undefined || after === undefined) return ''
    return CJK.test(before) || CJK.test(after) ? '' : ' '
  })
}
