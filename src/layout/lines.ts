/**
 * Lines of the input with their offsets. One-line web text is cut into
 * "lines" at the runs of spaces that separate its paragraphs.
 */
export interface Line {
  /** Offset of the first character. */
  start: number
  /** Offset after the last character, line break excluded. */
  end: number
  /** Cut out of a longer line at a run of spaces: a deliberate break. */
  cut?: boolean
}

/** Split on CR, LF and CRLF. */
export function splitLines(input: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i)
    if (c === 0x0a || c === 0x0d) {
      lines.push({ start, end: i })
      if (c === 0x0d && input.charCodeAt(i + 1) === 0x0a) i++
      start = i + 1
    }
  }
  lines.push({ start, end: input.length })
  return lines
}

/**
 * Split web text (paragraphs run together on one line) at runs of two or
 * more spaces, ideographic spaces or no-break spaces.
 *
 * ```
 * …取得了突出的成绩。 　　(一)建立完善…
 *                    ^^^ a paragraph break
 * ```
 */
export function splitSpaceRuns(input: string, line: Line): Line[] {
  // In a line holding tab-separated cells, only ideographic-space runs
  // separate paragraphs (cells may contain double spaces).
  const tabbed = input.slice(line.start, line.end).includes('\t')
  const out: Line[] = []
  let segStart = line.start
  let i = line.start
  while (i < line.end) {
    const c = input.charCodeAt(i)
    if (isRunSpace(c)) {
      let j = i
      while (j < line.end && isRunSpace(input.charCodeAt(j))) j++
      if (tabbed ? input.slice(i, j).includes('\u3000') && j - i >= 2 : j - i >= 2) {
        if (i > segStart) out.push({ start: segStart, end: i })
        segStart = j
      }
      i = j
    } else i++
  }
  if (segStart < line.end) out.push({ start: segStart, end: line.end })
  return out
}

function isRunSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0xa0
}

/**
 * Display width of a line: CJK and full-width characters count 1, ASCII
 * and half-width ½, spaces ½; used to find the wrap width of PDF text.
 */
export function displayWidth(input: string, start: number, end: number): number {
  let w = 0
  for (let i = start; i < end; i++) {
    const c = input.charCodeAt(i)
    w += c < 0x2000 || (c >= 0xff61 && c <= 0xff9f) ? 0.5 : 1
  }
  return w
}
