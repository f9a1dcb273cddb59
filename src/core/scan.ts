/**
 * Helpers for the scanning loops that run over every character of a plan.
 *
 * Character classes are tables by UTF-16 code: a hot loop reads
 * `table[text.charCodeAt(i)]`, with no one-character string per CJK
 * character (`text[i]` makes one), no hash probe (a `Set` lookup), and an
 * index past the end of the text (`charCodeAt` gives NaN) reads as not in
 * the class.
 */

/** 1 at the code of each character of `chars` (characters of the Basic Multilingual Plane). */
export function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000)
  for (const ch of chars) {
    if (ch.length !== 1) throw new RangeError(`codeTable: ${JSON.stringify(ch)} is outside the Basic Multilingual Plane`)
    table[ch.charCodeAt(0)] = 1
  }
  return table
}

/**
 * Every match of a global pattern in `text`, like `text.matchAll(re)`
 * but without the copy of the pattern `matchAll` makes on each call (the
 * larger cost on a short sentence). `lastIndex` is reset before and after,
 * within this synchronous call, so no state survives it.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = []
  re.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    out.push(m)
    if (m[0].length === 0) re.lastIndex++
  }
  re.lastIndex = 0
  return out
}

/** `items` grouped by a UTF-16 code (`codeOf`), each group in the items' order. */
export function groupByCode<T>(items: readonly T[], codeOf: (item: T) => number): ReadonlyMap<number, readonly T[]> {
  const groups = new Map<number, T[]>()
  for (const item of items) {
    const code = codeOf(item)
    const group = groups.get(code)
    if (group) group.push(item)
    else groups.set(code, [item])
  }
  return groups
}
