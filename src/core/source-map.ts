/**
 * Text with a map back to the input.
 *
 * Layout normalisation joins wrapped lines, drops markup and set-aside
 * material; every stage after it works on `MappedText`, whose `offsets`
 * give, for each UTF-16 unit of `text`, the offset of the input character
 * it came from. `offsets[text.length]` is the input offset just after the
 * last character, so a span `[start, end)` of `text` maps to the input span
 * `[offsets[start], offsets[end - 1] + 1)`.
 *
 * ```
 * input:   5.83\n\n亿元
 *          ^   ^    ^
 * text:    5.83亿元      offsets: 0 1 2 3 6 7 | 8
 * ```
 */
import type { Point, Position } from './types.js'

export interface MappedText {
  readonly text: string
  readonly offsets: Int32Array
}

/** The input span `[start, end)` as one `MappedText`, unchanged. */
export function mapIdentity(input: string, start: number, end: number): MappedText {
  const offsets = new Int32Array(end - start + 1)
  for (let i = 0; i <= end - start; i++) offsets[i] = start + i
  return { text: input.slice(start, end), offsets }
}

/** Builds a `MappedText` piece by piece. */
export class MappedTextBuilder {
  private parts: string[] = []
  private offs = new Int32Array(64)
  private size = 0
  private end = -1

  private reserve(n: number): void {
    if (this.size + n + 1 <= this.offs.length) return
    let capacity = this.offs.length * 2
    while (capacity < this.size + n + 1) capacity *= 2
    const next = new Int32Array(capacity)
    next.set(this.offs.subarray(0, this.size))
    this.offs = next
  }

  /** Append input `[start, end)` unchanged. */
  appendSpan(input: string, start: number, end: number): void {
    if (end <= start) return
    this.reserve(end - start)
    this.parts.push(input.slice(start, end))
    for (let i = start; i < end; i++) this.offs[this.size++] = i
    this.end = end
  }

  /** Append text that stands for the input character at `offset`. */
  appendVirtual(value: string, offset: number): void {
    this.reserve(value.length)
    this.parts.push(value)
    for (let i = 0; i < value.length; i++) this.offs[this.size++] = offset
    this.end = Math.max(this.end, offset + 1)
  }

  /** Append a piece of another mapped text. */
  appendMapped(m: MappedText, start = 0, end = m.text.length): void {
    if (end <= start) return
    this.reserve(end - start)
    this.parts.push(m.text.slice(start, end))
    this.offs.set(m.offsets.subarray(start, end), this.size)
    this.size += end - start
    this.end = Math.max(this.end, m.offsets[end - 1]! + 1)
  }

  get length(): number {
    return this.size
  }

  build(): MappedText {
    const offsets = this.offs.slice(0, this.size + 1)
    offsets[this.size] = this.end < 0 ? 0 : this.end
    return { text: this.parts.join(''), offsets }
  }
}

/**
 * The part `[start, end)` of a mapped text. When the character after the
 * part follows its last one in the input (the usual case) the offsets are
 * a view of `m`'s, with no copy; otherwise they are copied to end in the
 * right sentinel.
 */
export function sliceMapped(m: MappedText, start: number, end: number): MappedText {
  if (end > start && m.offsets[end] === m.offsets[end - 1]! + 1) {
    return { text: m.text.slice(start, end), offsets: m.offsets.subarray(start, end + 1) }
  }
  const offsets = new Int32Array(end - start + 1)
  offsets.set(m.offsets.subarray(start, end))
  offsets[end - start] = end > start ? m.offsets[end - 1]! + 1 : m.offsets[start]!
  return { text: m.text.slice(start, end), offsets }
}

/** Input span of `[start, end)` of a mapped text. */
export function inputSpan(m: MappedText, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = m.offsets[Math.min(start, m.text.length)]!
    return [at, at]
  }
  return [m.offsets[start]!, m.offsets[end - 1]! + 1]
}

/** Trim whitespace (ASCII, ideographic space, NBSP) from both ends. */
export function trimMapped(m: MappedText): MappedText {
  let s = 0
  let e = m.text.length
  while (s < e && isSpace(m.text.charCodeAt(s))) s++
  while (e > s && isSpace(m.text.charCodeAt(e - 1))) e--
  return s === 0 && e === m.text.length ? m : sliceMapped(m, s, e)
}

/** Whitespace exactly as JavaScript's `\s` defines it (Unicode White_Space and BOM). */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0xa0) return false
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/**
 * Converts offsets to unist points (1-based line and column), the way
 * `vfile-location` does, with a binary search over line starts.
 *
 * Nodes that meet share their point: a text ends where the next quantity
 * starts, a sentence starts where its first text does. A small cache of
 * recent points, indexed by offset, hands out the same object for the
 * same offset (two thirds of the points of a plan), which keeps the tree
 * smaller; its size is fixed, so it costs nothing on a huge input.
 */
export interface Locator {
  point(offset: number): Point
  position(start: number, end: number): Position
}

/** Points kept for reuse (a power of two). */
const POINT_CACHE = 4096

export function createLocator(input: string): Locator {
  const starts = [0]
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i)
    if (c === 0x0a) starts.push(i + 1)
    else if (c === 0x0d && input.charCodeAt(i + 1) !== 0x0a) starts.push(i + 1)
  }
  const recent = new Array<Point | undefined>(POINT_CACHE)
  const point = (offset: number): Point => {
    const slot = offset & (POINT_CACHE - 1)
    const hit = recent[slot]
    if (hit !== undefined && hit.offset === offset) return hit
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    const made = { line: lo + 1, column: offset - starts[lo]! + 1, offset }
    recent[slot] = made
    return made
  }
  return { point, position: (start, end) => ({ start: point(start), end: point(end) }) }
}

/** Position of `[start, end)` of a mapped text. */
export function positionIn(locator: Locator, m: MappedText, start = 0, end = m.text.length): Position {
  const [s, e] = inputSpan(m, start, end)
  return locator.position(s, e)
}
