/**
 * Not-quantity masks: the spans of a text that patterns from
 * `grammars/{zh,en}/not-quantities.json` rule out (time windows, dates, names,
 * ordinals …).
 *
 * Run one by one, twenty patterns mean twenty passes over every sentence.
 * Here each pattern's possible first characters are read from its source
 * (`firstChars`), and one table says which patterns can start with each
 * UTF-16 code. One pass over the text tries, at each position, only the
 * patterns that can start there, each as a sticky pattern. Every pattern
 * keeps its own next start, as its own global scan would, so the mask is
 * the same as running each pattern over the whole text. A pattern whose
 * first characters cannot be told (one that may match the empty string,
 * `.`, a negated class …) is tried at every position.
 */

import { firstChars, indexByFirstChar, type FirstCharIndex } from '../core/first-chars.js'

export interface MaskSource {
  /** A JavaScript regular expression without back-references. */
  pattern: string
  caseSensitive?: boolean
}

export interface MaskPatterns {
  /** Each pattern, sticky. */
  readonly each: readonly RegExp[]
  /** The patterns (indices into `each`) that may start at a character. */
  readonly starting: FirstCharIndex<number>
}

/** Compile mask sources; `caseInsensitive` is the default for sources that do not say. */
export function compileMasks(sources: readonly MaskSource[], caseInsensitive = false): MaskPatterns {
  const insensitive = (s: MaskSource): boolean => (s.caseSensitive === undefined ? caseInsensitive : !s.caseSensitive)
  const each = sources.map((s) => new RegExp(s.pattern, insensitive(s) ? 'iuy' : 'uy'))
  const starting = indexByFirstChar(
    sources.map((_, p) => p),
    (p) => firstChars(sources[p]!.pattern, insensitive(sources[p]!)),
  )
  return { each, starting }
}

/**
 * The not-quantity mask of a text: 1 for every character inside a match
 * of one of the patterns. The patterns' `lastIndex` is reset before and
 * after, within one synchronous call, so no state survives it.
 */
export function maskOf(text: string, masks: MaskPatterns): Uint8Array {
  const mask = new Uint8Array(text.length + 1)
  const { each, starting } = masks
  const possible = starting.possible
  // next[p]: where pattern p's own global scan would look next
  const next = new Int32Array(each.length)
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (possible[code] === 0) continue
    const candidates = starting.at(code)
    for (let c = 0; c < candidates.length; c++) {
      const p = candidates[c]!
      if (next[p]! > at) continue
      const re = each[p]!
      re.lastIndex = at
      const m = re.exec(text)
      re.lastIndex = 0
      if (m === null) continue
      const len = m[0].length
      if (len > 0) mask.fill(1, at, at + len)
      next[p] = at + Math.max(len, 1)
    }
  }
  return mask
}
