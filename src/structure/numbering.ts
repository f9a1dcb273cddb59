/**
 * Numbering markers: which scheme a block's first characters belong to,
 * and the number they stand for. The schemes are data
 * (`grammars/numbering.json`); this module only reads numerals.
 */
import { firstChars, indexByFirstChar } from '../core/first-chars.js'
import { grammars, type SchemeGrammar } from '../core/grammars.js'

export interface MarkerMatch {
  scheme: SchemeGrammar
  /** The scheme this marker counts in (`sameAs`, else the scheme's id). */
  id: string
  /** The marker as written (`（一）`, `1．`, `专栏 1`). */
  raw: string
  /** Length of the marker in the block text. */
  length: number
  ordinal: number
  path?: number[]
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** Reads 一 … 九十九 and 一百 … (and Arabic digits, full-width too). */
export function readNumeral(s: string): number {
  const ascii = s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
  if (/^\d+$/.test(ascii)) return Number(ascii)
  let total = 0
  let digit = 0
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch]!
    else if (ch === '十') {
      total += (digit || 1) * 10
      digit = 0
    } else if (ch === '百') {
      total += (digit || 1) * 100
      digit = 0
    } else return Number.NaN
  }
  return total + digit
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 }

/** Reads 12, XIV / xiv and One … Twenty. */
export function readLatinNumeral(s: string): number {
  if (/^[0-9]+$/.test(s)) return Number(s)
  const lower = s.toLowerCase()
  const word = grammars.numerals.words.indexOf(lower)
  if (word >= 0) return word + 1
  if (!/^[ivxlc]+$/.test(lower)) return Number.NaN
  let total = 0
  for (let i = 0; i < lower.length; i++) {
    const v = ROMAN[lower[i]!]!
    const next = ROMAN[lower[i + 1] ?? ''] ?? 0
    total += v < next ? -v : v
  }
  return total
}

/** The marker at the start of `text`, if any. */
export function matchMarker(text: string): MarkerMatch | undefined {
  // only the schemes that can start with the text's first character, in grammar order
  for (const scheme of SCHEMES.at(text.charCodeAt(0))) {
    const m = scheme.regex.exec(text)
    if (!m) continue
    const num = m.groups?.num
    let ordinal: number
    let path: number[] | undefined
    if (scheme.numeral === 'circled') ordinal = grammars.numerals.circled.indexOf(num ?? '') + 1
    else if (scheme.numeral === 'listed') ordinal = [...(scheme.digits ?? '')].indexOf(num ?? '') + 1
    else if (scheme.numeral === 'alpha') ordinal = (num ?? '').charCodeAt(0) - 0x60
    else if (scheme.numeral === 'roman-arabic-word') ordinal = readLatinNumeral(num ?? '')
    else if (scheme.numeral === 'decimal') {
      path = (num ?? '').split(/[.．]/).map(readNumeral)
      ordinal = path[path.length - 1]!
    } else ordinal = num === undefined ? 1 : readNumeral(num)
    if (!Number.isFinite(ordinal) || ordinal < 1) continue
    const raw = m[0].replace(/\s+$/, '')
    const base = scheme.sameAs ?? scheme.id
    // 1.1 and 1.1.1 are different levels of one scheme.
    const id = path ? `${base}-${path.length}` : base
    const result: MarkerMatch = { scheme, id, raw, length: m[0].length, ordinal }
    if (path) result.path = path
    return result
  }
  return undefined
}

const SCHEMES = indexByFirstChar(grammars.schemes, (s) => firstChars(s.pattern, s.regex.ignoreCase))

/** True when `text` begins with a numbering marker of any scheme. */
export function startsWithMarker(text: string): boolean {
  return matchMarker(text.trimStart()) !== undefined
}
