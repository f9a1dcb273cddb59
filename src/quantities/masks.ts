/**
 * Not-quantity masks: the spans of a text that patterns from
 * `grammars/not-quantities*.json` rule out (time windows, dates, names,
 * ordinals …).
 *
 * Run one by one, twenty patterns mean twenty passes over every sentence.
 * Here they are compiled twice: once joined into one alternation (`any`)
 * that finds, in a single pass, each place where at least one of them
 * matches, and once each as a sticky pattern tried only at those places.
 * Every pattern keeps its own next start, as its own global scan would,
 * so the mask is the same as running each pattern over the whole text.
 */

export interface MaskSource {
  /** A JavaScript regular expression without back-references. */
  pattern: string
  caseSensitive?: boolean
}

export interface MaskPatterns {
  /** All patterns as one alternation (global; case-insensitive if any is). */
  readonly any: RegExp
  /** Each pattern, sticky. */
  readonly each: readonly RegExp[]
}

/** Compile mask sources; `caseInsensitive` is the default for sources that do not say. */
export function compileMasks(sources: readonly MaskSource[], caseInsensitive = false): MaskPatterns {
  const insensitive = (s: MaskSource): boolean => (s.caseSensitive === undefined ? caseInsensitive : !s.caseSensitive)
  const any = new RegExp(sources.map((s) => `(?:${s.pattern})`).join('|') || '(?!)', sources.some(insensitive) ? 'giu' : 'gu')
  return { any, each: sources.map((s) => new RegExp(s.pattern, insensitive(s) ? 'iuy' : 'uy')) }
}

/**
 * The not-quantity mask of a text: 1 for every character inside a match
 * of one of the patterns. The patterns' `lastIndex` is reset before and
 * after, within one synchronous call, so no state survives it.
 */
export function maskOf(text: string, masks: MaskPatterns): Uint8Array {
  const mask = new Uint8Array(text.length + 1)
  const { any, each } = masks
  // next[p]: where pattern p's own global scan would look next
  const next = new Int32Array(each.length)
  any.lastIndex = 0
  let hit: RegExpExecArray | null
  while ((hit = any.exec(text)) !== null) {
    const at = hit.index
    for (let p = 0; p < each.length; p++) {
      if (next[p]! > at) continue
      const re = each[p]!
      re.lastIndex = at
      const m = re.exec(text)
      if (m === null) continue
      const len = m[0].length
      if (len > 0) mask.fill(1, at, at + len)
      next[p] = at + Math.max(len, 1)
    }
    any.lastIndex = at + 1
  }
  any.lastIndex = 0
  for (const re of each) re.lastIndex = 0
  return mask
}
