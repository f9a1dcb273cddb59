/**
 * Quantities in English text (translations of Chinese plans):
 * `findEnglishQuantities(text)` returns the same `QuantityMatch` records as
 * the Chinese finder, with the same unit codes (UNITS.md);
 * `insertEnglishQuantities(tree, ctx)` puts them into the Latin sentences and
 * tables of a tree. Word lists are data in `grammars/en/units.json`,
 * `grammars/en/qualifiers.json` and `grammars/en/not-quantities.json`.
 *
 * One pass from left to right: at each number, read (in order) a scale word,
 * `or more`-style words, a unit (adjacent, or a counted noun after a few
 * modifiers), a rate (`per person per month`), a range continuation, and
 * qualifier words on both sides. Each step looks at a bounded window, so the
 * scan is linear in the length of the text.
 */
import { z } from 'zod'
import unitsJson from '../../grammars/en/units.json'
import qualifiersJson from '../../grammars/en/qualifiers.json'
import notQuantitiesJson from '../../grammars/en/not-quantities.json'
import type { ParseContext } from '../core/context.js'
import { isLatin } from '../structure/outline.js'
import { isSpace } from '../core/source-map.js'
import { columnGrammar } from '../core/table-grammar.js'
import type { PhrasingContent, Qualifier, Root, Sentence, Table, TableCell, TableRow } from '../core/types.js'
import type { QuantityMatch } from './find.js'
import { compileMasks, maskOf, type MaskPatterns } from './masks.js'
import { insertWith, splitQuantities, type QuantityReader } from './split.js'
import { type Dec, dec, readArabic, shift, toNumber } from './numbers.js'

// ---------------------------------------------------------------------------
// Grammar

const qualifier = z.enum(['eq', 'gte', 'gt', 'lte', 'lt', 'approx', 'range'])

const unitSchema = z.object({
  text: z.string().min(1),
  code: z.string().min(1),
  exp: z.number().int().optional(),
  noun: z.boolean().optional(),
  duration: z.boolean().optional(),
  exact: z.boolean().optional(),
})

const unitsSchema = z.object({
  $comment: z.string(),
  scales: z.record(z.string(), z.number().int()),
  currencyBefore: z.array(z.object({ text: z.string().min(1), code: z.string() })),
  units: z.array(unitSchema).min(1),
  rates: z.array(z.object({ text: z.string().min(1), suffix: z.string() })),
  rateCodes: z.array(z.string()),
  perPersonContext: z.array(z.string()),
  unitBefore: z.array(z.object({ text: z.string().min(1), code: z.string() })),
  spelled: z.record(z.string(), z.number().int()),
  spelledUnits: z.array(z.string()),
  personNouns: z.array(z.string().min(1)).min(1),
  populationNouns: z.array(z.string().min(1)).min(1),
  modifierStops: z.array(z.string().min(1)),
})

const wordSchema = z.object({ text: z.string().min(1), q: qualifier })

const qualifiersSchema = z.object({
  $comment: z.string(),
  before: z.array(wordSchema),
  after: z.array(wordSchema),
  rangeWords: z.array(z.string()),
  rangeSeparators: z.string(),
  rangeOpen: z.array(z.string()),
  rangeClose: z.array(z.string()),
  notRangeAfter: z.array(z.string()),
  notRangeAfterUnit: z.array(z.string()),
  listWords: z.array(z.string()),
})

const notQuantitiesSchema = z.object({
  $comment: z.string(),
  masks: z.array(z.object({ why: z.string(), pattern: z.string(), caseSensitive: z.boolean().optional() })),
})

type UnitEntry = z.infer<typeof unitSchema>
interface Word {
  text: string
  q: Qualifier
}

/** Regex alternatives of literal words. */
const alternatives = (list: readonly string[]): string => list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')

const byLength = <T extends { text: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => b.text.length - a.text.length)

const G = Object.freeze(
  ((): {
    scales: ReadonlyMap<string, number>
    currencyBefore: ReadonlyArray<{ text: string; code: string }>
    units: readonly UnitEntry[]
    rates: ReadonlyArray<{ text: string; suffix: string }>
    rateCodes: readonly string[]
    perPersonContext: readonly string[]
    unitBefore: ReadonlyArray<{ text: string; code: string }>
    spelled: ReadonlyMap<string, number>
    spelledUnits: readonly string[]
    peopleNouns: RegExp
    modifierStops: ReadonlySet<string>
    before: readonly Word[]
    after: readonly Word[]
    rangeWords: readonly string[]
    rangeSeparators: string
    rangeOpen: readonly string[]
    rangeClose: readonly string[]
    notRangeAfter: readonly string[]
    notRangeAfterUnit: readonly string[]
    listWords: readonly string[]
    masks: MaskPatterns
  } => {
    const u = unitsSchema.parse(unitsJson)
    const q = qualifiersSchema.parse(qualifiersJson)
    const n = notQuantitiesSchema.parse(notQuantitiesJson)
    const lower = <T extends { text: string }>(list: readonly T[]): T[] => byLength(list.map((x) => ({ ...x, text: x.text.toLowerCase() })))
    return {
      scales: new Map(Object.entries(u.scales)),
      currencyBefore: lower(u.currencyBefore),
      units: lower(u.units),
      rates: lower(u.rates),
      rateCodes: u.rateCodes,
      perPersonContext: u.perPersonContext,
      unitBefore: lower(u.unitBefore),
      spelled: new Map(Object.entries(u.spelled)),
      spelledUnits: u.spelledUnits,
      peopleNouns: new RegExp(`\\bnumber of (?:[a-z-]+ ){0,3}?(?:${alternatives(u.personNouns)})\\b|\\b(?:${alternatives(u.populationNouns)})\\b`),
      modifierStops: new Set(u.modifierStops),
      before: lower(q.before),
      after: lower(q.after),
      rangeWords: q.rangeWords,
      rangeSeparators: q.rangeSeparators,
      rangeOpen: q.rangeOpen,
      rangeClose: q.rangeClose,
      notRangeAfter: q.notRangeAfter,
      notRangeAfterUnit: q.notRangeAfterUnit,
      listWords: q.listWords,
      masks: compileMasks(n.masks, true),
    }
  })(),
)

// ---------------------------------------------------------------------------
// Characters and words

const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39
const isLetterCode = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
const isWordCode = (c: number): boolean => isDigitCode(c) || isLetterCode(c)

/** ASCII-lowercased copy of a text (same length, so indices agree). */
function lowerAscii(text: string): string {
  let out = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x41 && c <= 0x5a) {
      out += text.slice(from, i) + String.fromCharCode(c + 32)
      from = i + 1
    }
  }
  return out + text.slice(from)
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i)) && text[i] !== '\t' && text[i] !== '\n') i++
  return i
}

function skipSpacesBack(text: string, i: number): number {
  while (i > 0 && isSpace(text.charCodeAt(i - 1)) && text[i - 1] !== '\t' && text[i - 1] !== '\n') i--
  return i
}

/** True when `word` stands at `i` of the lowercased text as a whole word. */
function wordAt(lower: string, i: number, word: string): boolean {
  if (!lower.startsWith(word, i)) return false
  if (isWordCode(word.charCodeAt(word.length - 1)) && isWordCode(lower.charCodeAt(i + word.length))) return false
  if (isWordCode(word.charCodeAt(0)) && i > 0 && isLetterCode(lower.charCodeAt(i - 1))) return false
  return true
}

/** True when `word` ends at `end` of the lowercased text as a whole word. */
function wordBefore(lower: string, end: number, word: string): boolean {
  const s = end - word.length
  if (s < 0 || !lower.startsWith(word, s)) return false
  if (isWordCode(word.charCodeAt(0)) && s > 0 && isWordCode(lower.charCodeAt(s - 1))) return false
  return true
}

/** The run of letters (with inner hyphens) starting at `i`. */
function letterRun(lower: string, i: number): number {
  let j = i
  while (j < lower.length && (isLetterCode(lower.charCodeAt(j)) || (lower[j] === '-' && isLetterCode(lower.charCodeAt(j + 1)) && j > i))) j++
  return j
}

// ---------------------------------------------------------------------------
// Pieces: a numeral with its scale word

interface Piece {
  start: number
  /** End of the numeral. */
  numEnd: number
  /** End after the scale words. */
  end: number
  value: Dec
  scaled: boolean
  spelled: boolean
  /** Four-digit integer 1900–2100 written without separators. */
  yearLike: boolean
  /** Exponent of the scale words. */
  exp: number
}

function readSpelled(lower: string, i: number): { end: number; value: number } | null {
  if (i > 0 && isWordCode(lower.charCodeAt(i - 1))) return null
  const e = letterRun(lower, i)
  const word = lower.slice(i, e)
  const whole = G.spelled.get(word)
  if (whole !== undefined) return { end: e, value: whole }
  // twenty-five, twofold
  const dash = word.indexOf('-')
  if (dash > 0) {
    const tens = G.spelled.get(word.slice(0, dash))
    const ones = G.spelled.get(word.slice(dash + 1))
    if (tens !== undefined && tens >= 20 && tens % 10 === 0 && ones !== undefined && ones < 10) return { end: e, value: tens + ones }
    const head = G.spelled.get(word.slice(0, dash))
    if (head !== undefined && word.slice(dash) === '-fold') return { end: i + dash, value: head }
  }
  if (word.endsWith('fold')) {
    const head = G.spelled.get(word.slice(0, -4))
    if (head !== undefined) return { end: e - 4, value: head }
  }
  return null
}

function readPiece(text: string, lower: string, i: number): Piece | null {
  let value: Dec
  let numEnd: number
  let spelled = false
  let yearLike = false
  if (isDigitCode(text.charCodeAt(i))) {
    const tok = readArabic(text, i)
    if (!tok || tok.kind !== 'arabic') return null
    numEnd = tok.end
    value = tok.value
    const raw = text.slice(i, numEnd)
    const v = toNumber(value)
    yearLike = /^\d{4}$/.test(raw) && v >= 1900 && v <= 2100
  } else {
    const s = readSpelled(lower, i)
    if (!s) return null
    numEnd = s.end
    value = dec(String(s.value))
    spelled = true
  }
  let end = numEnd
  let exp = 0
  for (let hop = 0; hop < 3; hop++) {
    const k = skipSpaces(lower, end)
    const e = letterRun(lower, k)
    const scale = e > k ? G.scales.get(lower.slice(k, e)) : undefined
    if (scale === undefined || (k === end && !isDigitCode(lower.charCodeAt(end - 1)) && spelled)) break
    exp += scale
    end = e
  }
  if (exp > 0) {
    value = shift(value, exp)
    yearLike = false
  }
  return { start: i, numEnd, end, value, scaled: exp > 0, spelled, yearLike, exp }
}

// ---------------------------------------------------------------------------
// Units

interface UnitHit {
  code: string
  exp: number
  classifier?: string
  duration?: boolean
  noun?: boolean
  /** End of the unit words (and rate) when they are part of the span. */
  end: number
  /** The unit is a counted noun after modifiers, not part of the span. */
  detached: boolean
}

/** Units by their first character, longest first (a lookup touches only a few). */
const UNITS_BY_FIRST: ReadonlyMap<string, readonly UnitEntry[]> = (() => {
  const m = new Map<string, UnitEntry[]>()
  for (const u of G.units) {
    const list = m.get(u.text[0]!) ?? []
    list.push(u)
    m.set(u.text[0]!, list)
  }
  return m
})()

function unitAt(lower: string, i: number): UnitEntry | null {
  for (const u of UNITS_BY_FIRST.get(lower[i] ?? '') ?? []) {
    if (u.text.startsWith('-') || u.text === 'fold' || u.text === '%' || u.text === '％') {
      if (lower.startsWith(u.text, i) && !isLetterCode(lower.charCodeAt(i + u.text.length))) return u
      continue
    }
    if (wordAt(lower, i, u.text)) return u
  }
  return null
}


/** A unit after a number: adjacent words, or a counted noun after at most three modifiers. */
function readUnit(text: string, lower: string, from: number, allowDetached: boolean): UnitHit | null {
  const at = skipSpaces(lower, from)
  const adjacent = unitAt(lower, at)
  if (adjacent) return hit(adjacent, at, at + adjacent.text.length, false)
  if (!allowDetached) return null
  let k = at
  for (let hop = 0; hop < 3; hop++) {
    const c = lower.charCodeAt(k)
    if (!isWordCode(c)) return null
    let e = k
    while (e < lower.length && (isWordCode(lower.charCodeAt(e)) || (lower[e] === '-' && isWordCode(lower.charCodeAt(e + 1))))) e++
    const word = lower.slice(k, e)
    if (G.modifierStops.has(word) || G.scales.has(word) || /^\d+(?:[.,]\d+)*$/.test(word)) return null
    k = skipSpaces(lower, e)
    const u = unitAt(lower, k)
    if (u) return u.noun ? hit(u, k, k + u.text.length, true) : null
  }
  return null

  function hit(u: UnitEntry, s: number, e: number, detached: boolean): UnitHit {
    return {
      code: u.code,
      exp: u.exp ?? 0,
      ...(u.code === 'count' ? { classifier: text.slice(s, e) } : {}),
      ...(u.duration ? { duration: true } : {}),
      ...(u.noun ? { noun: true } : {}),
      end: detached ? from : e,
      detached,
    }
  }
}

/**
 * The counted noun phrase after a number (6.3 million|new urban jobs|,
 * Build 30|entrepreneurship incubators|): modifiers and the noun, or null
 * when no counted noun follows within three words.
 */
export function nounPhraseAfter(text: string, from: number): string | null {
  const lower = lowerAscii(text)
  let at = skipSpaces(lower, from)
  // skip the scale and unit words the span may have left out
  const u = readUnit(text, lower, at, true)
  if (!u || !u.noun) return null
  const start = at
  for (let hop = 0; hop < 4; hop++) {
    const hit = unitAt(lower, at)
    if (hit && hit.noun) return text.slice(start, at + hit.text.length)
    let e = at
    while (e < lower.length && (isWordCode(lower.charCodeAt(e)) || (lower[e] === '-' && isWordCode(lower.charCodeAt(e + 1))))) e++
    if (e === at) return null
    at = skipSpaces(lower, e)
  }
  return null
}

/** A rate after a money unit (per person per month). */
function readRate(lower: string, from: number): { suffix: string; end: number } | null {
  const at = skipSpaces(lower, from)
  for (const r of G.rates) if (r.text.startsWith('/') ? lower.startsWith(r.text, at) && !isLetterCode(lower.charCodeAt(at + r.text.length)) : wordAt(lower, at, r.text)) return { suffix: r.suffix, end: at + r.text.length }
  return null
}

/** A currency written before the number (RMB 1,624, US$ 10,000). */
function currencyBefore(lower: string, start: number): { code: string; start: number } | null {
  const b = skipSpacesBack(lower, start)
  if (start - b > 1) return null
  for (const c of G.currencyBefore) if (wordBefore(lower, b, c.text)) return { code: c.code, start: b - c.text.length }
  return null
}

// ---------------------------------------------------------------------------
// Masks, clauses, qualifiers


const CLAUSE_END = new Set([...',;:.!?()\t\n，。；：！？（）'])
const LOOKBACK = 80

/** Start of the clause around `i` (bounded look-back). */
function clauseStart(text: string, i: number): number {
  const lo = Math.max(0, i - LOOKBACK)
  for (let k = i - 1; k >= lo; k--) {
    const ch = text[k]!
    // 1,624 and 5.5: a comma or point between digits is part of a number
    if (CLAUSE_END.has(ch) && !((ch === ',' || ch === '.') && isDigitCode(text.charCodeAt(k - 1)) && isDigitCode(text.charCodeAt(k + 1)))) return k + 1
  }
  return lo
}

function qualifierBefore(lower: string, start: number, mask: Uint8Array): { start: number; q: Qualifier } | null {
  const b = skipSpacesBack(lower, start)
  if (b < start - 2) return null
  for (const w of G.before) {
    if (!wordBefore(lower, b, w.text)) continue
    if (mask[b - 1]) continue
    return { start: b - w.text.length, q: w.q }
  }
  return null
}

function qualifierAfter(lower: string, end: number): { end: number; q: Qualifier } | null {
  const at = skipSpaces(lower, end)
  for (const w of G.after) if (wordAt(lower, at, w.text)) return { end: at + w.text.length, q: w.q }
  return null
}

// ---------------------------------------------------------------------------
// The finder

/** What the caller knows beyond the text. */
export interface EnglishHints {
  /** The text is one table cell: a bare number is a quantity. */
  cell?: boolean
  /** Unit written elsewhere (a table's unit column or the row name's brackets). */
  unit?: string
}

interface Built {
  code: string
  value: Dec
  /** Exponent the unit itself adds (gigawatts in kW). */
  exp?: number
  classifier?: string
  end: number
  inherited?: boolean
}

/**
 * Find the quantities of an English text.
 *
 * @example
 * ```ts
 * findEnglishQuantities('the surveyed urban unemployment rate will be kept within 5.5%')
 * // [{ start: 48, end: 59, value: 5.5, unit: 'percent', qualifier: 'lte', … }]
 * findEnglishQuantities('3 to 5 million person-times')
 * // [{ min: 3000000, max: 5000000, unit: 'person-time', qualifier: 'range', … }]
 * ```
 */
export function findEnglishQuantities(text: string, hints: EnglishHints = {}): QuantityMatch[] {
  const out: QuantityMatch[] = []
  if (typeof text !== 'string' || text.length === 0) return out
  const lower = lowerAscii(text)
  const mask = maskOf(text, G.masks)
  const hint = hints.unit ? englishUnitFromText(hints.unit) : null
  let i = 0
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (isLetterCode(c)) {
      // spelled numbers only at a word start
      if (i > 0 && isWordCode(text.charCodeAt(i - 1))) {
        i++
        continue
      }
      const end = letterRun(lower, i)
      const sp = mask[i] ? null : readSpelled(lower, i)
      if (!sp) {
        i = Math.max(end, i + 1)
        continue
      }
    } else if (!isDigitCode(c)) {
      i++
      continue
    }
    if (mask[i]) {
      i++
      continue
    }
    // a number glued to letters (G20, B2B) is a name
    if (isDigitCode(c) && i > 0 && (isLetterCode(text.charCodeAt(i - 1)) || (isDigitCode(text.charCodeAt(i - 1))))) {
      i++
      continue
    }
    const r = readAt(text, lower, i, mask, hints, hint)
    if (typeof r === 'number') {
      i = Math.max(r, i + 1)
      continue
    }
    const previous = out[out.length - 1]
    if (previous && r.start < previous.end) {
      // 1,624 RMB 1: the word before this number already ends the quantity before it
      i = Math.max(r.end, i + 1)
      continue
    }
    out.push(r)
    i = Math.max(r.end, i + 1)
  }
  harmoniseMoney(lower, out)
  return out
}

/** Value times a unit's scale (exact). */
function scaled(v: Dec, exp: number): Dec {
  return exp ? shift(v, exp) : v
}

/** Exact product of two decimals. */
function mul(a: Dec, b: Dec): Dec {
  return dec((BigInt(a.m) * BigInt(b.m)).toString(), a.e + b.e)
}

function perPerson(lower: string, clause: number, start: number, code: string): string {
  if (!G.rateCodes.includes(code)) return code
  const before = lower.slice(clause, start)
  return G.perPersonContext.some((w) => before.includes(w)) ? `${code}/person` : code
}

/** Unit of a piece: adjacent unit words, currency before, rate after. */
function buildUnit(text: string, lower: string, p: Piece, currency: { code: string } | null, allowDetached: boolean): Built | null {
  let end = p.end
  let code: string | null = null
  let value = p.value
  let classifier: string | undefined
  let unitExp = 0
  const u = readUnit(text, lower, p.end, allowDetached && !currency)
  if (currency) {
    code = currency.code
    // RMB 1.5 trillion yuan
    if (u && !u.detached && u.code === code) end = u.end
  } else if (u) {
    code = u.code
    value = scaled(value, u.exp)
    unitExp = u.exp
    classifier = u.classifier
    end = u.end
    if (p.spelled && !p.scaled && !G.spelledUnits.includes(u.code)) return null
  }
  if (!code) return null
  if (G.rateCodes.includes(code)) {
    const r = readRate(lower, end)
    if (r) {
      code += r.suffix
      end = r.end
    }
  }
  return { code, value, end, exp: unitExp, ...(classifier ? { classifier } : {}) }
}

function isDuration(b: Built | null): boolean {
  return b !== null && (b.code === 'year' || b.code === 'month' || b.code === 'day')
}

/**
 * Try to read a quantity at `i`. Returns the match, or the index to go on
 * from when the number there is not a quantity.
 */
function readAt(text: string, lower: string, i: number, mask: Uint8Array, hints: EnglishHints, hint: EnglishUnit | null): QuantityMatch | number {
  const p = readPiece(text, lower, i)
  if (!p) return letterRun(lower, i)
  const clause = clauseStart(text, i)
  const currency = currencyBefore(lower, i)
  const prefixStart = currency ? currency.start : i
  // a list number at the start of a sentence or cell: "1. GDP"
  if (!hints.cell && !p.spelled && text[p.numEnd] === '.' && !isDigitCode(text.charCodeAt(p.numEnd + 1)) && skipSpacesBack(text, i) === 0 && p.numEnd - i <= 2) return p.numEnd + 1
  // after-words between the number and a counted noun: 30 or more incubators
  const afterQ = qualifierAfter(lower, p.end)
  let unit = afterQ ? null : buildUnit(text, lower, p, currency, true)
  if (afterQ) {
    const u = readUnit(text, lower, afterQ.end, true)
    if (u && !u.detached) {
      unit = { code: u.code, value: scaled(p.value, u.exp), end: u.end, ...(u.classifier ? { classifier: u.classifier } : {}) }
    } else if (u) {
      unit = { code: u.code, value: scaled(p.value, u.exp), end: afterQ.end, ...(u.classifier ? { classifier: u.classifier } : {}) }
    }
  }
  const unitBefore = !unit && !currency ? G.unitBefore.find((w) => wordBefore(lower, skipSpacesBack(lower, i), w.text)) : undefined
  if (unitBefore) unit = { code: unitBefore.code, value: p.value, end: p.end }

  // ranges: 3 to 5 million, 3-5, 6.0%–6.5%, between 3 and 5
  const range = readRange(text, lower, p, unit, clause, mask, hints, hint)
  if (range !== null) return range

  if (p.yearLike && (!unit || isDuration(unit))) return p.end
  if (unit && unit.code === 'year' && /[0-9]/.test(text.slice(p.start, p.numEnd)) && p.yearLike) return p.end
  if (p.spelled && !unit && !p.scaled) return p.numEnd

  let built: Built | null = unit
  if (!built) {
    if (hints.cell && hint) {
      built = { code: hint.code, value: mul(p.value, hint.multiplier), end: p.end, inherited: true, ...(hint.classifier ? { classifier: hint.classifier } : {}) }
    } else if (hints.cell && !p.spelled) {
      built = { code: 'none', value: p.value, end: p.end }
    } else {
      const shared = sharedUnit(text, lower, p.end, p.scaled)
      if (shared?.code === 'none') built = { code: peopleBefore(lower, clause, i) ? 'person' : 'none', value: scaled(p.value, shared.exp), end: p.end, inherited: true }
      else if (shared) built = { ...shared, value: scaled(p.value, shared.exp), end: p.end, inherited: true }
      else if (p.scaled) built = { code: peopleBefore(lower, clause, i) ? 'person' : 'none', value: p.value, end: p.end, ...(peopleBefore(lower, clause, i) ? { inherited: true } : {}) }
      // 10,000 or more: a bound written after a bare number makes it an amount
      else if (afterQ && !p.spelled) built = { code: 'none', value: p.value, end: p.end }
      else return p.end
    }
  }
  const code = perPerson(lower, clause, i, built.code)
  const spanEnd = afterQ ? Math.max(built.end, afterQ.end) : built.end
  return finish(text, lower, prefixStart, i, p.numEnd, spanEnd, { value: toNumber(built.value), unit: code, ...(built.classifier ? { classifier: built.classifier } : {}), qualifier: afterQ?.q ?? 'eq', ...(built.inherited ? { inherited: true } : {}) }, mask, hints, afterQ ? true : false)
}

/** The number of people covered … reached 45.6 million: a scaled bare number counting people. */
function peopleBefore(lower: string, clause: number, i: number): boolean {
  return G.peopleNouns.test(lower.slice(clause, i))
}

/**
 * The unit of the next items of a list (70 and 80 percent, from 929 to 1,624
 * yuan). After a range word (from 5 to 10 million) the next number's scale
 * is shared too, unless the first number has its own (`scaledFirst`).
 */
function sharedUnit(text: string, lower: string, from: number, scaledFirst = true): { code: string; exp: number; classifier?: string } | null {
  let j = from
  for (let hop = 0; hop < 6; hop++) {
    j = skipSpaces(lower, j)
    let step = 0
    let rangeWord = false
    for (const w of G.listWords) if (w === ',' ? lower[j] === ',' : wordAt(lower, j, w)) step = w.length
    for (const w of G.rangeWords) if (wordAt(lower, j, w)) (step = w.length), (rangeWord = true)
    if (step === 0) return null
    j = skipSpaces(lower, j + step)
    const cur = currencyBefore(lower, j)
    const c = lower.charCodeAt(j)
    if (!isDigitCode(c) && !cur) {
      // RMB before the next number
      let k = j
      for (const cb of G.currencyBefore) if (wordAt(lower, j, cb.text) || lower.startsWith(cb.text, j)) k = skipSpaces(lower, j + cb.text.length)
      if (k === j || !isDigitCode(lower.charCodeAt(k))) return null
      const q = readPiece(text, lower, k)
      if (!q) return null
      const b = buildUnit(text, lower, q, currencyBefore(lower, k), false)
      return b ? { code: b.code, exp: 0 } : null
    }
    const q = readPiece(text, lower, j)
    if (!q || q.spelled) return null
    const b = buildUnit(text, lower, q, cur, false)
    const scale = rangeWord && hop === 0 && !scaledFirst && q.scaled ? q.exp : 0
    if (b) return isDuration(b) ? null : { code: b.code, exp: scale + (b.exp ?? 0), ...(b.classifier ? { classifier: b.classifier } : {}) }
    // from 5 to 10 million: the scale alone
    if (scale > 0) return { code: 'none', exp: scale }
    j = q.end
  }
  return null
}

function readRange(text: string, lower: string, p: Piece, unit: Built | null, clause: number, mask: Uint8Array, hints: EnglishHints, hint: EnglishUnit | null): QuantityMatch | number | null {
  const afterFirst = skipSpaces(lower, unit && unit.end > p.end ? unit.end : p.end)
  let sepEnd = -1
  const sepCh = text[afterFirst] ?? ''
  const currencyFirst = currencyBefore(lower, p.start)
  const openAt = skipSpacesBack(lower, currencyFirst ? currencyFirst.start : p.start)
  const between = G.rangeOpen.some((w) => wordBefore(lower, openAt, w))
  if (G.rangeSeparators.includes(sepCh) && sepCh !== '') sepEnd = afterFirst + 1
  else if (between) {
    for (const w of G.rangeClose) if (wordAt(lower, afterFirst, w)) sepEnd = afterFirst + w.length
  } else {
    for (const w of G.rangeWords) if (wordAt(lower, afterFirst, w)) sepEnd = afterFirst + w.length
    // from 929 to 1,624 yuan: a change, not a range
    if (sepEnd >= 0 && G.notRangeAfter.some((w) => wordBefore(lower, openAt, w))) return null
    // rise by 1 year to 79.5 years: a change with its own unit, then the new level
    if (sepEnd >= 0 && unit && unit.end > p.end && G.notRangeAfterUnit.some((w) => wordBefore(lower, openAt, w))) return null
  }
  if (sepEnd < 0) return null
  let j = skipSpaces(lower, sepEnd)
  const cur2 = (() => {
    for (const cb of G.currencyBefore) if (lower.startsWith(cb.text, j) && (!isLetterCode(cb.text.charCodeAt(0)) || !isLetterCode(lower.charCodeAt(j + cb.text.length)))) return cb
    return null
  })()
  if (cur2) j = skipSpaces(lower, j + cur2.text.length)
  if (mask[j]) return null
  const q = readPiece(text, lower, j)
  if (!q || (q.spelled && !p.spelled && !q.scaled)) return null
  if (p.yearLike && q.yearLike) return q.end
  // in 2020 to 65%: a year is no end of a range of amounts
  if (p.yearLike && !unit) return null
  const u2 = buildUnit(text, lower, q, cur2 ?? currencyFirst, true)
  if (unit && u2 && unit.code !== u2.code) return null
  if (isDuration(u2) && !unit) return null
  let lo = p.value
  if (!p.scaled && q.scaled) lo = shift(lo, q.exp)
  let code: string
  let hi = q.value
  let classifier: string | undefined
  let inherited = false
  let end: number
  if (u2) {
    code = u2.code
    hi = u2.value
    lo = scaled(lo, u2.exp ?? 0)
    classifier = u2.classifier
    end = u2.end
  } else if (unit) {
    return null
  } else if (q.scaled || p.scaled) {
    code = 'none'
    end = q.end
  } else if (hints.cell && hint) {
    code = hint.code
    lo = mul(lo, hint.multiplier)
    hi = mul(hi, hint.multiplier)
    inherited = true
    end = q.end
  } else {
    return null
  }
  code = perPerson(lower, clause, p.start, code)
  const start = between ? openAt - 'between'.length : currencyFirst ? currencyFirst.start : p.start
  return finish(text, lower, start, p.start, q.numEnd, end, { min: toNumber(lo), max: toNumber(hi), unit: code, ...(classifier ? { classifier } : {}), qualifier: 'range', ...(inherited ? { inherited: true } : {}) }, mask, hints, false)
}

/** Qualifier words around the number and the final span. */
function finish(
  text: string,
  lower: string,
  prefixStart: number,
  numberStart: number,
  numberEnd: number,
  unitEnd: number,
  q: { value?: number; min?: number; max?: number; unit: string; classifier?: string; qualifier: Qualifier; inherited?: boolean },
  mask: Uint8Array,
  hints: EnglishHints,
  hadAfter: boolean,
): QuantityMatch {
  let start = prefixStart
  let end = unitEnd
  let qualifier = q.qualifier
  if (!hadAfter) {
    const a = qualifierAfter(lower, end)
    if (a) {
      end = a.end
      if (qualifier !== 'range') qualifier = a.q
    }
  }
  const b = qualifierBefore(lower, start, mask)
  if (b) {
    start = b.start
    if (qualifier === 'eq') qualifier = b.q
  }
  if (hints.cell) {
    // [63], 〔>55〕, 60.6*: brackets and a footnote star belong to the cell's figure
    const s = skipSpacesBack(text, start)
    const e = skipSpaces(text, end)
    if (/^[[［〔【]$/.test(text[s - 1] ?? '') && /^[\]］〕】]$/.test(text[e] ?? '')) {
      start = s - 1
      end = e + 1
    }
    if (text[end] === '*') end++
  }
  return { start, end, numberStart, numberEnd, ...q, qualifier }
}

/** from RMB 1,280 to RMB 1,620 per month: a plain amount next to a rate of the same statement takes its unit. */
function harmoniseMoney(lower: string, list: QuantityMatch[]): void {
  for (let k = 0; k + 1 < list.length; k++) {
    const a = list[k]!
    const b = list[k + 1]!
    if (b.start - a.end > 30) continue
    const between = lower.slice(a.end, b.start)
    if (/[.;]/.test(between)) continue
    for (const base of G.rateCodes) {
      if (a.unit === base && b.unit.startsWith(`${base}/`) && /^\s*to\s*$/.test(between)) {
        a.unit = b.unit
        a.inherited = true
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Units written apart (table columns and headers)

/** A unit read from a unit text: code and the multiplier it stands for. */
export interface EnglishUnit {
  code: string
  /** Exact multiplier (10,000 persons → 10000). */
  multiplier: Dec
  /** The multiplier as a number. */
  factor: number
  classifier?: string
}

/**
 * Unit code of a unit text such as a table's unit column or the brackets of
 * an indicator name (`%`, `10,000 persons`, `100 million yuan`, `years`).
 */
export function englishUnitFromText(unitText: string): EnglishUnit | null {
  const t = unitText.trim().replace(/^[(（]\s*|\s*[)）]$/g, '')
  if (t === '') return null
  const lower = lowerAscii(t)
  let multiplier = dec('1')
  let at = 0
  if (isDigitCode(lower.charCodeAt(0))) {
    const p = readPiece(t, lower, 0)
    if (!p) return null
    multiplier = p.value
    at = p.end
  } else {
    const e = letterRun(lower, 0)
    const s = G.scales.get(lower.slice(0, e))
    if (s !== undefined) {
      multiplier = shift(multiplier, s)
      at = e
    }
  }
  at = skipSpaces(lower, at)
  let code: string | null = null
  let classifier: string | undefined
  let end = at
  for (const c of G.currencyBefore) {
    if (wordAt(lower, at, c.text) || (!isLetterCode(c.text.charCodeAt(0)) && lower.startsWith(c.text, at))) {
      code = c.code
      end = at + c.text.length
      const u = unitAt(lower, skipSpaces(lower, end))
      if (u && u.code === code) end = skipSpaces(lower, end) + u.text.length
      break
    }
  }
  if (!code) {
    const u = unitAt(lower, at)
    if (!u) return null
    code = u.code
    multiplier = shift(multiplier, u.exp ?? 0)
    if (u.code === 'count') classifier = t.slice(at, at + u.text.length)
    end = at + u.text.length
  }
  if (G.rateCodes.includes(code)) {
    const r = readRate(lower, end)
    if (r) {
      code += r.suffix
      end = r.end
    }
  }
  if (skipSpaces(lower, end) !== lower.length) return null
  return { code, multiplier, factor: toNumber(multiplier), ...(classifier ? { classifier } : {}) }
}

// ---------------------------------------------------------------------------
// Insertion into the tree

/** Header tests of `grammars/en/tables.json`: never-quantity columns, the unit column, the name column. */
const { skipColumn: SKIP_COLUMN, unitColumn: UNIT_COLUMN, indicatorNameColumn: NAME_HEADER } = columnGrammar.en
const UNIT_IN_NAME = /[(（]\s*([^()（）]{1,30})\s*[)）]\s*\*?\s*$/

function cellText(cell: TableCell | undefined): string {
  if (!cell) return ''
  return cell.children.map((c) => (c.type === 'text' ? c.value : c.raw)).join('').replace(/\s+/g, ' ').trim()
}

function phrasingText(children: readonly PhrasingContent[]): string {
  return children.map((c) => (c.type === 'text' ? c.value : c.raw)).join('')
}

/**
 * True when a table is written in English (its header and names are Latin),
 * or is a bilingual table with an English name column (指标 | Indicator | 2020 …).
 */
export function isLatinTable(table: Table): boolean {
  if (isLatin(table.children.map((r) => r.children.map(cellText).join(' ')).join(' '))) return true
  return englishHeaders(table).some((h) => NAME_HEADER.test(h ?? ''))
}

/** Columns whose body cells are mostly words (names in either language), never figures. */
function wordColumns(table: Table, headerRows: readonly TableRow[]): Set<number> {
  const body = table.children.filter((r) => r.kind === 'body' && !headerRows.includes(r))
  const width = Math.max(0, ...body.map((r) => r.children.length))
  const out = new Set<number>()
  for (let k = 0; k < width; k++) {
    const texts = body.map((r) => cellText(r.children[k]))
    if (texts.filter((t) => /[A-Za-z]{3}|[\u4e00-\u9fff]{2}/.test(t)).length * 2 > texts.length) out.add(k)
  }
  return out
}

/**
 * Header rows of an English table: the rows marked `header`, or else a first
 * row made of words and years only (Indicator | 2020 | 2025 | Attribute).
 */
export function englishHeaderRows(table: Table): TableRow[] {
  const marked = table.children.filter((r) => r.kind === 'header')
  if (marked.length) return marked
  const firstRow = table.children[0]
  if (!firstRow) return []
  const cells = firstRow.children.map(cellText)
  const wordsAndYears = cells.every((t) => (t.match(/\d+(?:[.,]\d+)*/g) ?? []).every((n) => /^(?:19|20)\d{2}$/.test(n)))
  return wordsAndYears && cells.some((t) => /[A-Za-z]/.test(t)) ? [firstRow] : []
}

/** Column headers of an English table, one string per column. */
export function englishHeaders(table: Table): string[] {
  const headers: string[] = []
  for (const r of englishHeaderRows(table)) r.children.forEach((c, k) => (headers[k] = headers[k] ? `${headers[k]} ${cellText(c)}` : cellText(c)))
  return headers
}

/** Index of the column that names each row's indicator. */
export function englishNameColumn(table: Table, headers: readonly string[]): number {
  const named = headers.findIndex((h) => NAME_HEADER.test(h ?? ''))
  if (named >= 0) return named
  const body = table.children.filter((r) => !englishHeaderRows(table).includes(r))
  // the first column whose cells are mostly words
  const width = Math.max(0, ...body.map((r) => r.children.length))
  for (let k = 0; k < width; k++) {
    const texts = body.map((r) => cellText(r.children[k]))
    if (texts.filter((t) => /[A-Za-z]{3}/.test(t)).length * 2 > texts.length && !SKIP_COLUMN.test(headers[k] ?? '') ) return k
  }
  return -1
}

/** How the language of a sentence or table is chosen: by its letters (auto), or one for the whole input. */
export type LanguageMode = 'auto' | 'zh' | 'en'

/** True when a sentence or table is read as English: written in Latin letters (auto), or everything with en. */
export function isEnglish(node: Sentence | Table, lang: LanguageMode): boolean {
  if (lang !== 'auto') return lang === 'en'
  return node.type === 'table' ? isLatinTable(node) : isLatin(phrasingText(node.children))
}

/** The English reader: `findEnglishQuantities` for running text, the indicator tables of English translations. */
export const englishReader: QuantityReader = { find: findEnglishQuantities, insertTable }

/**
 * Insert `quantity` nodes into the Latin sentences and English tables of a
 * tree (all of them with `all`), leaving the others alone. Parents that
 * already hold quantities are left alone, so it can run after the Chinese
 * reader.
 */
export function insertEnglishQuantities(tree: Root, ctx: ParseContext, all = false): void {
  insertWith(tree, ctx, (node) => (isEnglish(node, all ? 'en' : 'auto') ? englishReader : null))
}

function insertTable(table: Table, ctx: ParseContext): void {
  const headerRows = englishHeaderRows(table)
  const headers = englishHeaders(table)
  const unitCol = headers.findIndex((h) => UNIT_COLUMN.test(h ?? ''))
  const nameCol = englishNameColumn(table, headers)
  const words = wordColumns(table, headerRows)
  for (const row of table.children) {
    if (row.kind !== 'body' || headerRows.includes(row)) continue
    const rowUnit = unitCol >= 0 ? cellText(row.children[unitCol]) : ''
    const nameUnit = nameCol >= 0 ? UNIT_IN_NAME.exec(cellText(row.children[nameCol]))?.[1] : undefined
    row.children.forEach((cell, k) => {
      const header = headers[k] ?? ''
      if (cell.header || k === nameCol || k === unitCol || SKIP_COLUMN.test(header)) return
      // a name column in the other language, a remarks column: words, not figures
      if (words.has(k) && !/\d/.test(header) && !/[\d]/.test(cellText(cell).slice(0, 3))) return
      const headerUnit = UNIT_IN_NAME.exec(header)?.[1]
      const unit = [rowUnit, nameUnit, headerUnit].find((u) => u && englishUnitFromText(u) !== null)
      replaceText(cell, ctx, { cell: true, ...(unit ? { unit } : {}) }, -1)
    })
  }
}

/** True when the cell holds one number (with unit/qualifier/brackets) and nothing else. */
function replaceText(parent: { children: PhrasingContent[] }, ctx: ParseContext, hints: EnglishHints, skipBefore: number): void {
  splitQuantities(parent, ctx, findEnglishQuantities, hints, skipBefore)
}
