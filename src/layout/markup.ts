/**
 * Removing lightweight markup from a line while keeping the offset map:
 * markdown heading hashes, emphasis (`**`, `__`), inline HTML tags
 * (`<b>`, `</span>`), list bullets, and surrounding spaces.
 */
import { MappedTextBuilder, isSpace, mapIdentity, type MappedText } from '../core/source-map.js'

export interface CleanLine {
  text: MappedText
  /** `#` count of a markdown heading, 0 otherwise. */
  mdHeading: number
}

const TAG = /^<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,200})?\/?>/

/** Clean the input range `[start, end)` of a line. */
export function cleanLine(input: string, start: number, end: number, markdown: boolean): CleanLine {
  let s = start
  while (s < end && isSpace(input.charCodeAt(s))) s++
  let mdHeading = 0
  if (markdown) {
    let h = s
    while (h < end && input[h] === '#' && h - s < 6) h++
    if (h > s && (h === end || input[h] === ' ' || input[h] === '\t')) {
      mdHeading = h - s
      s = h
    } else if ((input[s] === '-' || input[s] === '*' || input[s] === '+') && (input[s + 1] === ' ' || input[s + 1] === '\t')) {
      s += 2
    } else if (input[s] === '>' && (input[s + 1] === ' ' || input[s + 1] === '\t')) {
      s += 2
    }
  }
  // Fast path: no markup in the line, the map is the identity.
  let plain = true
  for (let k = s; k < end; k++) {
    const c = input.charCodeAt(k)
    if (c === 0x3c || (markdown && (c === 0x2a || c === 0x5f))) {
      plain = false
      break
    }
  }
  if (plain) {
    while (s < end && isSpace(input.charCodeAt(s))) s++
    let e = end
    while (e > s && isSpace(input.charCodeAt(e - 1))) e--
    if (markdown && mdHeading > 0) {
      while (e > s && input[e - 1] === '#') e--
      while (e > s && isSpace(input.charCodeAt(e - 1))) e--
    }
    return { text: mapIdentity(input, s, e), mdHeading }
  }
  const b = new MappedTextBuilder()
  let i = s
  let runStart = s
  const flush = (to: number): void => b.appendSpan(input, runStart, to)
  while (i < end) {
    const c = input[i]!
    if (c === '<') {
      const m = TAG.exec(input.slice(i, Math.min(end, i + 220)))
      if (m) {
        flush(i)
        i += m[0].length
        runStart = i
        continue
      }
    }
    if (markdown && (c === '*' || c === '_') && input[i + 1] === c) {
      flush(i)
      i += 2
      runStart = i
      continue
    }
    i++
  }
  flush(end)
  const built = b.build()
  // Trim spaces that markup removal exposed.
  let a = 0
  let z = built.text.length
  while (a < z && isSpace(built.text.charCodeAt(a))) a++
  while (z > a && isSpace(built.text.charCodeAt(z - 1))) z--
  if (markdown && mdHeading > 0) {
    // Closing hashes of an ATX heading.
    while (z > a && built.text[z - 1] === '#') z--
    while (z > a && isSpace(built.text.charCodeAt(z - 1))) z--
  }
  const text = a === 0 && z === built.text.length ? built : slice(built, a, z)
  return { text, mdHeading }
}

function slice(m: MappedText, a: number, z: number): MappedText {
  const offsets = new Int32Array(z - a + 1)
  offsets.set(m.offsets.subarray(a, z))
  offsets[z - a] = z > a ? m.offsets[z - 1]! + 1 : m.offsets[a]!
  return { text: m.text.slice(a, z), offsets }
}
