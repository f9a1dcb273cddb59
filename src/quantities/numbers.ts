/**
 * Numerals: Arabic (with decimals and thousands separators), full-width
 * digits and points, Chinese numerals (十五, 两百, 一万二千, 三点五, 二〇一一).
 *
 * Values are kept as exact decimals (`Dec`: digit string × 10^exp) so that
 * scale words are applied by shifting the decimal point: `146.23万` is
 * `14623e2` = 1462300, never 1462299.9999999998.
 */
import { codeTable } from '../core/scan.js'

/** An exact decimal: the integer written by `m` times ten to the `e`. */
export interface Dec {
  /** Digits without sign or point, no leading zeros except a single "0". */
  readonly m: string
  readonly e: number
}

/** A numeral read from a text: `[start, end)` and its value. */
export interface NumeralToken {
  start: number
  end: number
  value: Dec
  /** `arabic` for 0-9 / ０-９, `cn` for Chinese numerals. */
  kind: 'arabic' | 'cn'
  /** True when the numeral has a decimal point. */
  decimal: boolean
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}
const CN_SMALL: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3 }
const CN_BIG: Readonly<Record<string, number>> = { 万: 4, 亿: 8 }

/** True for 0-9 and full-width ０-９. */
export function isDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)
}

function digitOf(code: number): string {
  return String.fromCharCode(code >= 0xff10 ? code - 0xff10 + 0x30 : code)
}

/** True for the UTF-16 code of a character that can be part of a Chinese numeral. */
export function isCnNumeralCode(code: number): boolean {
  return CN_TABLE[code] === 1
}
/** 1 at the UTF-16 code of each Chinese numeral character (a table read per character of the text). */
const CN_TABLE = codeTable('〇零一二两三四五六七八九十百千万亿')

/** Normalise a digit string and exponent into a `Dec`. */
export function dec(m: string, e = 0): Dec {
  let s = m.replace(/^0+(?=\d)/, '')
  let exp = e
  // drop trailing zeros into the exponent so equal values compare equal
  while (s.length > 1 && s.endsWith('0')) {
    s = s.slice(0, -1)
    exp++
  }
  if (s === '0') exp = 0
  return { m: s, e: exp }
}

/** Multiply by 10^k (decimal shift). */
export function shift(d: Dec, k: number): Dec {
  return d.m === '0' ? d : { m: d.m, e: d.e + k }
}

/** Multiply by a small integer factor exactly. */
export function times(d: Dec, factor: number): Dec {
  if (factor === 1) return d
  const p = BigInt(d.m) * BigInt(factor)
  return dec(p.toString(), d.e)
}

/** The nearest double to the exact decimal. */
export function toNumber(d: Dec): number {
  return Number(`${d.m}e${d.e}`)
}

/**
 * Read an Arabic numeral at `i` (digits, full-width digits, one decimal
 * point `.`/`．`, thousands separators `,` followed by exactly three digits).
 */
export function readArabic(text: string, i: number): NumeralToken | null {
  let j = i
  let intPart = ''
  while (j < text.length && isDigit(text.charCodeAt(j))) intPart += digitOf(text.charCodeAt(j++))
  if (intPart === '') return null
  // thousands separators: 1,200 / 12,345,678 (only when the groups are exact)
  if (intPart.length <= 3) {
    let k = j
    let grouped = intPart
    while (text[k] === ',' && isDigit(text.charCodeAt(k + 1)) && isDigit(text.charCodeAt(k + 2)) && isDigit(text.charCodeAt(k + 3)) && !isDigit(text.charCodeAt(k + 4))) {
      grouped += digitOf(text.charCodeAt(k + 1)) + digitOf(text.charCodeAt(k + 2)) + digitOf(text.charCodeAt(k + 3))
      k += 4
    }
    if (k > j) {
      intPart = grouped
      j = k
    }
  }
  let frac = ''
  // 5 .2: text extracted from PDF may set a space before the point
  let at = j
  while (at < j + 2 && text[at] === ' ') at++
  const pt = text[at]
  if ((pt === '.' || pt === '．') && isDigit(text.charCodeAt(at + 1))) {
    let k = at + 1
    while (k < text.length && isDigit(text.charCodeAt(k))) frac += digitOf(text.charCodeAt(k++))
    j = k
  }
  return { start: i, end: j, value: dec(intPart + frac, -frac.length), kind: 'arabic', decimal: frac !== '' }
}

/**
 * Value of a Chinese integer numeral (十五, 两百, 一万二千, 二〇一一, 十万),
 * or null when the string is not a well-formed numeral (十二五).
 */
export function parseCnInteger(s: string): bigint | null {
  if (s === '') return null
  // digit-by-digit form: 二〇一一
  if (![...s].some((c) => c in CN_SMALL || c in CN_BIG)) {
    if (s.length === 1) return BigInt(CN_DIGITS[s] ?? NaN)
    let out = ''
    for (const c of s) {
      const d = CN_DIGITS[c]
      if (d === undefined) return null
      out += d
    }
    // only year-like or zero-padded digit strings are read this way
    return s.length >= 2 && /[〇零]/.test(s) ? BigInt(out) : null
  }
  let total = 0n
  let section = 0n
  let pending: number | null = null
  let lastSmall = 99
  let lastBig = 99
  let zeroSeen = false
  for (const c of s) {
    if (c in CN_DIGITS) {
      if (pending !== null && !zeroSeen) return null
      pending = CN_DIGITS[c]!
      zeroSeen = pending === 0
      if (zeroSeen) pending = null
      continue
    }
    zeroSeen = false
    const small = CN_SMALL[c]
    if (small !== undefined) {
      if (small >= lastSmall) return null
      section += BigInt(pending ?? 1) * 10n ** BigInt(small)
      pending = null
      lastSmall = small
      continue
    }
    const big = CN_BIG[c]!
    if (big >= lastBig) {
      // 万亿: a bigger unit after a smaller one multiplies the whole
      if (!(big === 8 && lastBig === 4 && section === 0n && pending === null)) return null
      total *= 10n ** BigInt(big)
      lastBig = big + 4
      continue
    }
    section += BigInt(pending ?? 0)
    if (section === 0n && total === 0n) section = 1n
    total += section * 10n ** BigInt(big)
    section = 0n
    pending = null
    lastSmall = 99
    lastBig = big
  }
  // 一万二 / 三千五: a trailing digit after a unit is one step lower
  if (pending !== null && lastSmall < 99 && lastSmall > 0 && s.length >= 3 && !/[〇零]/.test(s.slice(-2, -1))) {
    section += BigInt(pending) * 10n ** BigInt(lastSmall - 1)
  } else if (pending !== null && lastSmall === 99 && lastBig < 99 && total > 0n) {
    section += BigInt(pending) * 10n ** BigInt(lastBig - 1)
  } else if (pending !== null) section += BigInt(pending)
  return total + section
}

/** Longest run of numeral characters read as one Chinese numeral. */
const MAX_CN_NUMERAL = 24

/**
 * Read a Chinese numeral at `i`: the longest well-formed run of numeral
 * characters, with an optional decimal part (三点五). `allowBig` lets the run
 * take 万/亿 (off when the caller reads the scale word separately).
 */
export function readChinese(text: string, i: number): NumeralToken | null {
  let j = i
  // the longest well-formed numeral (九千九百九十九万九千九百九十九亿…) is far shorter:
  // a cap keeps the right-to-left shrinking constant-time on runs of numeral characters
  const limit = Math.min(text.length, i + MAX_CN_NUMERAL)
  while (j < limit && isCnNumeralCode(text.charCodeAt(j))) j++
  if (j === i) return null
  // shrink from the right until well formed (十二五 → none, 十五万 → 十五万)
  for (let end = j; end > i; end--) {
    const s = text.slice(i, end)
    const n = parseCnInteger(s)
    if (n === null) continue
    let value = dec(n.toString())
    let stop = end
    let decimal = false
    if (text[end] === '点') {
      let k = end + 1
      let frac = ''
      while (k < text.length && text[k]! in CN_DIGITS) frac += CN_DIGITS[text[k]!]
      , k++
      if (frac !== '' && !/[十百千万亿]$/.test(s)) {
        value = dec(n.toString() + frac, -frac.length)
        stop = k
        decimal = true
        // 三点五万
        const big = CN_BIG[text[stop] ?? '']
        if (big !== undefined) {
          value = shift(value, big)
          stop++
        }
      }
    }
    return { start: i, end: stop, value, kind: 'cn', decimal }
  }
  return null
}

/** Parse a whole numeral string (Arabic, full-width or Chinese) or return null. */
export function parseNumeral(s: string): number | null {
  const t = s.trim()
  const tok = isDigit(t.charCodeAt(0)) ? readArabic(t, 0) : readChinese(t, 0)
  return tok && tok.end === t.length ? toNumber(tok.value) : null
}
