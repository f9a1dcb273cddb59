/**
 * Sentences: a paragraph's text split after 。！？； (and their ASCII
 * forms), with brackets and quotes kept balanced, so that
 * `他说：“好。再见。”然后…` stays one sentence up to the closing quote.
 */
import { grammars } from '../core/grammars.js'
import { isSpace } from '../core/source-map.js'

// Classes by UTF-16 code in one table: `text.charCodeAt(i)` allocates
// nothing (`text[i]` makes a string per CJK character) and a table read
// is cheaper than a Set or Map probe for every character of the input.
const code = (ch: string): number => ch.charCodeAt(0)
const END = 1
const OPENS = 2
const CLOSES = 4
const CLASS = new Uint8Array(0x10000)
for (const ch of grammars.layout.sentenceEnd) CLASS[code(ch)]! |= END
for (const [o, c] of grammars.layout.pairs) {
  CLASS[code(o)]! |= OPENS
  CLASS[code(c)]! |= CLOSES
}
const OPEN = new Map(grammars.layout.pairs.map(([o, c]) => [code(o), code(c)]))
const FULL_STOP = 0x2e

/** `[start, end)` spans of the sentences of `text`, whitespace trimmed. */
export function splitSentences(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  const stack: number[] = []
  let start = 0
  const push = (end: number): void => {
    let s = start
    let e = end
    while (s < e && isSpace(text.charCodeAt(s))) s++
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--
    if (e > s) spans.push([s, e])
    start = end
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const k = CLASS[c]!
    if (k === 0 && c !== FULL_STOP) continue
    const closer = k & OPENS ? OPEN.get(c)! : undefined
    if (closer !== undefined && !(closer === c && stack[stack.length - 1] === c)) {
      // Runaway brackets (never closed) must not swallow the paragraph.
      if (stack.length < 8) stack.push(closer)
      continue
    }
    if (k & CLOSES) {
      const at = stack.lastIndexOf(c)
      if (at >= 0) stack.length = at
      continue
    }
    if (k & END || (c === FULL_STOP && latinStop(text, i))) {
      if (stack.length > 0 && !neverCloses(text, i, stack)) continue
      // Keep closing quotes and brackets that follow the stop.
      let j = i + 1
      while (j < text.length && CLASS[text.charCodeAt(j)]! & CLOSES && stack.length === 0) j++
      push(j)
      i = j - 1
      stack.length = 0
    }
  }
  push(text.length)
  return spans
}

/** An English full stop: `.` before a space and a capital, or at the end. */
function latinStop(text: string, i: number): boolean {
  if (!/[A-Za-z0-9)%”"]/.test(text[i - 1] ?? '')) return false
  if (i + 1 >= text.length) return true
  if (!isSpace(text.charCodeAt(i + 1))) return false
  let j = i + 1
  while (j < text.length && isSpace(text.charCodeAt(j))) j++
  return j >= text.length || /[A-Z“"(0-9]/.test(text[j]!)
}

/**
 * A stop inside open brackets ends the sentence only when the brackets
 * are never closed within the next stretch of text (a stray opener).
 */
function neverCloses(text: string, i: number, stack: number[]): boolean {
  const want = stack[stack.length - 1]!
  const limit = Math.min(text.length, i + 200)
  for (let j = i + 1; j < limit; j++) if (text.charCodeAt(j) === want) return false
  return true
}
