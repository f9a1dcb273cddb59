/** "Did you mean …?" for unknown flags and values. */

/** Optimal string alignment distance (Levenshtein with transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1)
      d[i]![j] = v
    }
  }
  return d[a.length]![b.length]!
}

/**
 * The candidate closest to `word`, or `undefined` when none is close
 * enough (more than a third of the letters differ) and none starts with it.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestScore = Number.POSITIVE_INFINITY
  for (const c of candidates) {
    const score = editDistance(word.toLowerCase(), c.toLowerCase())
    if (score < bestScore) {
      best = c
      bestScore = score
    }
  }
  if (best !== undefined && bestScore <= Math.max(2, Math.ceil(word.length / 3))) return best
  const prefixed = candidates.filter((c) => c.startsWith(word) || word.startsWith(c))
  return prefixed.length === 1 ? prefixed[0] : undefined
}
