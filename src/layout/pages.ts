/**
 * Bare page numbers in PDF text: a line holding only `7` (often centred,
 * `  7  `), or digits glued to the first line of the next page (`12本一致`).
 * A number alone proves nothing (a table's row number, a wrapped `30万人`),
 * so a page number is accepted only as a member of a run: the numbers go
 * up by one (a page without text may be skipped), and a page holds many
 * lines of text between two of them.
 *
 * ```
 * …稳定增长，每年新增就业10万人以上。
 *   2
 * ^^^ page 2 of the run 1, 2, 3 …
 * 12本一致，经济潜力充分发挥。
 * ^^ page 12 glued to the line after it
 * ```
 */
import { grammars } from '../core/grammars.js'
import type { Line } from './lines.js'

/** A line that may hold a bare page number. */
export interface PageCandidate {
  /** Index of the line. */
  line: number
  /** The number. */
  value: number
  /** Length of the page number at the start of the line (the whole line when alone). */
  length: number
  /** True when the number is glued to text on its line. */
  glued: boolean
}

const LONE = /^[ \u3000]*([0-9０-９]{1,3})[ \u3000]*$/u
const GLUED = new RegExp(`^([0-9]{1,3})(?=${grammars.layout.pageRun.gluedBefore})`, 'u')

/** The bare number a line holds alone or glued to its start, if any. */
export function pageCandidate(input: string, line: Line, index: number): PageCandidate | undefined {
  const raw = input.slice(line.start, Math.min(line.end, line.start + 16))
  const lone = line.end - line.start <= 16 ? LONE.exec(raw) : null
  if (lone) return { line: index, value: toNumber(lone[1]!), length: line.end - line.start, glued: false }
  const glued = GLUED.exec(raw)
  if (glued) return { line: index, value: Number(glued[1]), length: glued[1]!.length, glued: true }
  return undefined
}

function toNumber(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)))
}

/**
 * The candidates that are page numbers: runs of increasing numbers with at
 * least `minLines` text lines per page (median) and `minRun` members.
 * `textLines[i]` counts the text lines before line `i`.
 */
export function pageRuns(candidates: readonly PageCandidate[], textLines: ArrayLike<number>): PageCandidate[] {
  const { minRun, minLines } = grammars.layout.pageRun
  const accepted: PageCandidate[] = []
  let left = [...candidates]
  for (;;) {
    const run = longestRun(left, textLines)
    if (run.length < minRun || medianGap(run, textLines) < minLines) break
    accepted.push(...run)
    const taken = new Set(run)
    left = left.filter((c) => !taken.has(c))
  }
  return accepted.sort((a, b) => a.line - b.line)
}

/** The longest chain in line order whose numbers go up by 1 or 2. */
function longestRun(candidates: readonly PageCandidate[], textLines: ArrayLike<number>): PageCandidate[] {
  // For each value, the longest chain seen so far that ends with it.
  const best = new Map<number, { length: number; at: number }>()
  const previous = new Int32Array(candidates.length).fill(-1)
  const length = new Int32Array(candidates.length)
  let top = -1
  candidates.forEach((c, i) => {
    length[i] = 1
    for (const step of [1, 2]) {
      const p = best.get(c.value - step)
      // A page holds at least one text line.
      if (p && length[i]! < p.length + 1 && textLines[c.line]! > textLines[candidates[p.at]!.line]!) {
        length[i] = p.length + 1
        previous[i] = p.at
      }
    }
    const here = best.get(c.value)
    if (!here || here.length < length[i]!) best.set(c.value, { length: length[i]!, at: i })
    if (top < 0 || length[i]! > length[top]!) top = i
  })
  const run: PageCandidate[] = []
  for (let k = top; k >= 0; k = previous[k]!) run.push(candidates[k]!)
  return run.reverse()
}

function medianGap(run: readonly PageCandidate[], textLines: ArrayLike<number>): number {
  const gaps = run.slice(1).map((c, i) => textLines[c.line]! - textLines[run[i]!.line]!)
  gaps.sort((a, b) => a - b)
  return gaps[Math.floor(gaps.length / 2)] ?? 0
}
