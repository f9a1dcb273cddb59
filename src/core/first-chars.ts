/**
 * The characters a regular expression's match can start with, read from
 * its source. Scanners use it to try a pattern only where it can match:
 * a table read per character instead of a pattern run per position.
 */

/** What a piece of a pattern can start with, and whether it can match nothing. */
interface First {
  /** UTF-16 codes; null: any character. */
  codes: Set<number> | null
  nullable: boolean
}

/**
 * The UTF-16 codes a non-empty match of `pattern` can start with, or null
 * when that cannot be told (or the pattern can match the empty string).
 * Reads the regular-expression syntax the grammar files use; anything it
 * does not know makes the answer null, never wrong.
 *
 * @example
 *   firstChars('(?<![0-9])[0-9]+年', false) // Set {48, …, 57}
 *   firstChars('第[一二三]', false)          // Set {31532} (第)
 */
export function firstChars(pattern: string, caseInsensitive: boolean): Set<number> | null {
  try {
    const reader = { src: pattern, i: 0, fold: caseInsensitive }
    const f = alternation(reader)
    if (reader.i !== pattern.length || f.nullable) return null
    return f.codes
  } catch {
    return null
  }
}

interface Reader {
  src: string
  i: number
  fold: boolean
}

class Unknown extends Error {}

const union = (a: Set<number> | null, b: Set<number> | null): Set<number> | null => (a === null || b === null ? null : new Set([...a, ...b]))

function alternation(r: Reader): First {
  let out = sequence(r)
  while (r.src[r.i] === '|') {
    r.i++
    const next = sequence(r)
    out = { codes: union(out.codes, next.codes), nullable: out.nullable || next.nullable }
  }
  return out
}

function sequence(r: Reader): First {
  let codes: Set<number> | null = new Set()
  let nullable = true
  while (r.i < r.src.length && r.src[r.i] !== '|' && r.src[r.i] !== ')') {
    const item = quantified(r)
    if (nullable) codes = union(codes, item.codes)
    nullable &&= item.nullable
  }
  return { codes, nullable }
}

function quantified(r: Reader): First {
  const atom = atomAt(r)
  const q = r.src[r.i]
  let optional = false
  if (q === '?' || q === '*') {
    optional = true
    r.i++
  } else if (q === '+') r.i++
  else if (q === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}/.exec(r.src.slice(r.i))
    if (!m) throw new Unknown()
    optional = Number(m[1]) === 0
    r.i += m[0].length
  } else return atom
  if (r.src[r.i] === '?') r.i++ // lazy
  return { codes: atom.codes, nullable: atom.nullable || optional }
}

const ZERO_WIDTH: First = { codes: new Set(), nullable: true }

function atomAt(r: Reader): First {
  const ch = r.src[r.i]!
  if (ch === '(') {
    r.i++
    let lookaround = false
    if (r.src.startsWith('?:', r.i)) r.i += 2
    else if (/^\?<?[=!]/.test(r.src.slice(r.i, r.i + 3))) {
      lookaround = true
      r.i += r.src[r.i + 1] === '<' ? 3 : 2
    } else if (r.src.startsWith('?<', r.i)) r.i = r.src.indexOf('>', r.i) + 1
    else if (r.src[r.i] === '?') throw new Unknown()
    const inner = alternation(r)
    if (r.src[r.i] !== ')') throw new Unknown()
    r.i++
    return lookaround ? ZERO_WIDTH : inner
  }
  if (ch === '^' || ch === '$') {
    r.i++
    return ZERO_WIDTH
  }
  if (ch === '.') {
    r.i++
    return { codes: null, nullable: false }
  }
  if (ch === '[') return { codes: classAt(r), nullable: false }
  if (ch === '\\') {
    const e = r.src[r.i + 1]
    if (e === 'b' || e === 'B') {
      r.i += 2
      return ZERO_WIDTH
    }
    if (e !== undefined && /[1-9k]/.test(e)) throw new Unknown() // back-references
    const x = escapeAt(r)
    return { codes: typeof x === 'number' ? literal(x, r.fold) : x, nullable: false }
  }
  const cp = r.src.codePointAt(r.i)!
  r.i += cp > 0xffff ? 2 : 1
  return { codes: literal(cp, r.fold), nullable: false }
}

/**
 * An escape after `\\`, advancing past it: a code for a literal (`\\.`,
 * `\\u4e00`, `\\n`), a set for a class escape (`\\d`, `\\s`, `\\w`), null
 * for one that can be any of too many (`\\D`, `\\p{…}`).
 */
function escapeAt(r: Reader): number | Set<number> | null {
  const e = r.src[r.i + 1]
  if (e === undefined) throw new Unknown()
  r.i += 2
  const hex = (digits: string | undefined): number => {
    if (digits === undefined || !/^[0-9A-Fa-f]+$/.test(digits)) throw new Unknown()
    return Number.parseInt(digits, 16)
  }
  switch (e) {
    case 'd':
      return range(0x30, 0x39)
    case 'w':
      return new Set([...range(0x30, 0x39), ...range(0x41, 0x5a), ...range(0x61, 0x7a), 0x5f])
    case 's':
      return new Set(SPACE_CODES)
    case 'D':
    case 'W':
    case 'S':
      return null
    case 'p':
    case 'P': {
      const close = r.src.indexOf('}', r.i)
      if (r.src[r.i] !== '{' || close < 0) throw new Unknown()
      r.i = close + 1
      return null
    }
    case 'u': {
      if (r.src[r.i] === '{') {
        const close = r.src.indexOf('}', r.i)
        const cp = hex(r.src.slice(r.i + 1, close))
        r.i = close + 1
        return String.fromCodePoint(cp).charCodeAt(0)
      }
      const code = hex(r.src.slice(r.i, r.i + 4))
      r.i += 4
      return code
    }
    case 'x': {
      const code = hex(r.src.slice(r.i, r.i + 2))
      r.i += 2
      return code
    }
    case 'n':
      return 0x0a
    case 't':
      return 0x09
    case 'r':
      return 0x0d
    case 'f':
      return 0x0c
    case 'v':
      return 0x0b
    case '0':
      return 0
    default:
      if (/[A-Za-z0-9]/.test(e)) throw new Unknown()
      return e.codePointAt(0)!
  }
}

/** A bracket class, advancing past it; null for a negated one. */
function classAt(r: Reader): Set<number> | null {
  r.i++
  const negated = r.src[r.i] === '^'
  if (negated) r.i++
  const out = new Set<number>()
  let any = false
  const one = (): number | Set<number> | null => {
    if (r.src[r.i] === '\\') return escapeAt(r)
    const cp = r.src.codePointAt(r.i)!
    r.i += cp > 0xffff ? 2 : 1
    return cp
  }
  while (r.i < r.src.length && r.src[r.i] !== ']') {
    const a = one()
    if (typeof a !== 'number') {
      if (a === null) any = true
      else for (const c of a) out.add(c)
      continue
    }
    if (r.src[r.i] === '-' && r.src[r.i + 1] !== ']') {
      r.i++
      const b = one()
      if (typeof b !== 'number' || b < a) throw new Unknown()
      for (let c = a; c <= b; c++) for (const x of literal(c, r.fold)) out.add(x)
    } else for (const x of literal(a, r.fold)) out.add(x)
  }
  if (r.src[r.i] !== ']') throw new Unknown()
  r.i++
  return negated || any ? null : out
}

/** The first UTF-16 code of a code point, with its other case for Latin letters when folding. */
function literal(cp: number, fold: boolean): Set<number> {
  if (cp > 0xffff) return new Set([String.fromCodePoint(cp).charCodeAt(0)])
  const out = new Set([cp])
  if (fold) {
    const ch = String.fromCharCode(cp)
    for (const v of [ch.toLowerCase(), ch.toUpperCase()]) if (v.length === 1) out.add(v.charCodeAt(0))
    // the two non-ASCII characters Unicode folds to ASCII letters (ſ → s, K → k)
    if (cp === 0x73 || cp === 0x53) out.add(0x17f)
    if (cp === 0x6b || cp === 0x4b) out.add(0x212a)
    if (cp > 0x7f && (ch.toLowerCase() !== ch || ch.toUpperCase() !== ch)) throw new Unknown() // non-ASCII case folding: not modelled
  }
  return out
}

function range(a: number, b: number): Set<number> {
  const out = new Set<number>()
  for (let c = a; c <= b; c++) out.add(c)
  return out
}

/** What `\s` matches (Unicode White_Space and BOM). */
const SPACE_CODES = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, ...range(0x2000, 0x200a), 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]

/** Items whose pattern may start with a given UTF-16 code, in their order. */
export interface FirstCharIndex<T> {
  /** The items that may start with `code` (those whose first characters cannot be told included). */
  at(code: number): readonly T[]
  /** 1 for a code some item may start with. */
  readonly possible: Uint8Array
}

/**
 * Index `items` by the first characters of their patterns (`first` gives
 * them, or null when they cannot be told: such an item is in every list).
 */
export function indexByFirstChar<T>(items: readonly T[], first: (item: T) => Set<number> | null): FirstCharIndex<T> {
  const anywhere: number[] = []
  const byCode = new Map<number, number[]>()
  items.forEach((item, k) => {
    const codes = first(item)
    if (codes === null) anywhere.push(k)
    else for (const code of codes) byCode.set(code, [...(byCode.get(code) ?? []), k])
  })
  const lists = new Map<number, readonly T[]>()
  for (const [code, ks] of byCode) lists.set(code, [...ks, ...anywhere].sort((a, b) => a - b).map((k) => items[k]!))
  const rest = anywhere.map((k) => items[k]!)
  const possible = new Uint8Array(0x10000).fill(anywhere.length > 0 ? 1 : 0)
  for (const code of byCode.keys()) possible[code] = 1
  return { at: (code) => lists.get(code) ?? rest, possible }
}
