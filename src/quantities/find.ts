/**
 * `findQuantities(text, hints?)`: every quantity in a piece of normalised
 * text, with its span, value, unit and qualifier. A pure function of its
 * input; all word lists come from `grammars/` (see `grammar.ts`).
 *
 * One pass from left to right: at each numeral, read (in order) an optional
 * scale word, an optional 多/余, a unit, a range or ratio continuation and
 * qualifier words on both sides. Every step looks at a bounded window, so
 * the whole scan is linear in the length of the text.
 */
import type { Qualifier } from '../core/types.js'
import { quantityGrammar as G, type QualifierWord, type UnitEntry } from './grammar.js'
import { codeTable, groupByCode } from '../core/scan.js'
import { maskOf } from './masks.js'
import { foldTraditional } from './fold.js'
import { type Dec, type NumeralToken, isCnNumeralCode, isDigit, readArabic, readChinese, shift, times, toNumber, dec } from './numbers.js'

/** A quantity found in a text; offsets are indices into that text. */
export interface QuantityMatch {
  /** Span of the whole quantity: qualifier words, number, unit. */
  start: number
  end: number
  /** Span of the numeral(s) alone. */
  numberStart: number
  numberEnd: number
  value?: number
  min?: number
  max?: number
  parts?: number[]
  /** Unit code (UNITS.md); `none` when the text gives no unit. */
  unit: string
  classifier?: string
  qualifier: Qualifier
  /** The unit was not written next to the number. */
  inherited?: boolean
}

/** What the caller knows beyond the text. */
export interface FindHints {
  /** Unit written elsewhere, e.g. a table's unit column (`万人`, `%`). */
  unit?: string
  /** The text is one table cell: a bare number is a quantity. */
  cell?: boolean
}

const CLAUSE_END = codeTable('，。；：！？,;:!?\t\n（）()')
const SEGMENT_START = codeTable('。；！？：;:!?\t\n')
/** Space, ideographic space, no-break space: the blanks allowed inside a quantity. */
const isBlank = (code: number): boolean => code === 0x20 || code === 0x3000 || code === 0xa0
const FAN = 0x7ffb // 翻
const BAI = 0x767e // 百
const LATIN_L = 0x6c
const LATIN_I = 0x49
/** Power of ten of each scale character by UTF-16 code (十 1 … 亿 8), 0 for others. */
const SCALE_EXP = new Uint8Array(0x10000)
for (const [ch, e] of G.scales) if (ch.length === 1) SCALE_EXP[ch.charCodeAt(0)] = e
const SHI = 0x5341 // 十
const WAN = 0x4e07 // 万
const YI = 0x4ebf // 亿
/** One-character vague words (数十万, 几百). */
const VAGUE = codeTable(G.vague.filter((w) => w.length === 1).join(''))
const LOOKBACK = 40

interface UnitHit {
  entry: UnitEntry
  end: number
}

interface Piece {
  tok: NumeralToken
  value: Dec
  /** End after scale word and 多/余. */
  end: number
  scaled: boolean
  approxWord?: Qualifier
  unit?: UnitHit
  /** End including the unit. */
  unitEnd: number
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isBlank(text.charCodeAt(i))) i++
  return i
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z]/.test(ch)
}

/** True when `text` has a character a Chinese quantity needs: a digit or a Chinese numeral. */
function hasNumeral(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (isDigit(c) || isCnNumeralCode(c)) return true
  }
  return false
}

/** The units by the UTF-16 code of their first character, longest first as in `G.units`. */
const UNITS_BY_FIRST = groupByCode(G.units, (u) => u.text.charCodeAt(0))

function matchUnit(text: string, i: number, kind: 'arabic' | 'cn'): UnitHit | null {
  const candidates = UNITS_BY_FIRST.get(text.charCodeAt(i))
  if (candidates === undefined) return null
  for (const u of candidates) {
    if (!text.startsWith(u.text, i)) continue
    if (kind === 'cn' && !u.cn) continue
    const next = text[i + u.text.length]
    // 所有 is a word, 1所以上 a count
    if (u.notBefore && next !== undefined && u.notBefore.includes(next) && !BOUND_WORD_AFTER.test(text.slice(i + u.text.length, i + u.text.length + 2))) continue
    // a Latin unit (m, kW) is a whole word: 10 min is no metre
    if (isLetter(u.text[u.text.length - 1]) && isLetter(next)) continue
    const end = i + u.text.length
    const rate = u.text.includes('/') || u.duration ? null : readDenominator(text, end)
    if (rate) return { entry: { ...u, text: text.slice(i, rate.end), code: `${u.code}/${rate.code}` }, end: rate.end }
    return { entry: u, end }
  }
  return null
}

/**
 * The denominator of a rate after a unit: `/` with an optional number and
 * scale word and a unit (个/万人 → 1e4person, 元/亩 → mu, 8.5/10万 → 1e5).
 * `unit` is false for a bare denominator (10万) that names no unit.
 *
 * ```
 * 3.5个/万人      6.5张/千人      8.5/10万
 *      ^^^^^           ^^^^^        ^^^^
 * ```
 */
function readDenominator(text: string, at: number, bare = false): { code: string; end: number } | null {
  const slash = text[at]
  if (slash !== '/' && slash !== '／') return null
  let j = at + 1
  let exp = 0
  // a power of ten (10万), never another number (1/3)
  const num = isDigit(text.charCodeAt(j)) ? readArabic(text, j) : null
  if (num) {
    if (num.value.m !== '1') return null
    exp = num.value.e
    j = num.end
  }
  const word = (k: number): { text: string; code: string } | undefined => G.denominators.find((d) => text.startsWith(d.text, k))
  let w = word(j)
  let scaled = false
  if (!w) {
    const sc = readScale(text, j)
    if (sc.exp > 0) {
      exp += sc.exp
      j = sc.end
      scaled = true
      w = word(j)
    }
  }
  if (w) return { code: exp > 0 ? `1e${exp}${w.code}` : w.code, end: j + w.text.length }
  // 8.5/10万: a bare number per a scaled count
  if (bare && scaled) return { code: `per-${10 ** exp}`, end: j }
  return null
}

/** Read scale words (万, 亿, 百万, 千万, 万亿) after an Arabic numeral. */
function readScale(text: string, i: number): { exp: number; end: number } {
  let exp = 0
  let j = i
  while (j < text.length) {
    const c = text.charCodeAt(j)
    const e = SCALE_EXP[c]!
    if (e === 0 || (exp === 0 && c === SHI)) break
    // a scale word that begins a unit (千米, 千瓦时, 百分点, 千兆) is the unit, also after 万/亿 (120亿千瓦时)
    if (c !== WAN && c !== YI && matchUnit(text, j, 'arabic')) break
    exp += e
    j++
  }
  return { exp, end: j }
}

function readNumeral(text: string, i: number): NumeralToken | null {
  const c = text.charCodeAt(i)
  if (isDigit(c)) return readArabic(text, i)
  // OCR: a Latin l or I standing for 1 before a range separator (l-2个)
  if ((c === LATIN_L || c === LATIN_I) && !isLetter(text[i - 1]) && G.rangeSeparators.includes(text[i + 1] ?? '') && isDigit(text.charCodeAt(i + 2))) {
    return { start: i, end: i + 1, value: dec('1'), kind: 'arabic', decimal: false }
  }
  if (isCnNumeralCode(c)) {
    const tok = readChinese(text, i)
    // 五百万千瓦: 千 after 万/亿 begins the unit, it is not part of the numeral
    if (tok) {
      for (let k = i + 1; k < tok.end; k++) {
        const prev = text.charCodeAt(k - 1)
        if ((prev === WAN || prev === YI) && SCALE_EXP[text.charCodeAt(k)]! < 4 && matchUnit(text, k, 'cn')) return readChinese(text.slice(0, k), i)
      }
    }
    return tok
  }
  return null
}

/** Read a numeral with its scale word, 多/余 and unit. */
function readPiece(text: string, i: number): Piece | null {
  const tok = readNumeral(text, i)
  if (!tok) return null
  let value = tok.value
  let j = tok.end
  let scaled = tok.kind === 'cn' && hasWanOrYi(text, tok.start, tok.end)
  let approxWord: Qualifier | undefined
  if (tok.kind === 'arabic') {
    for (const w of G.afterScale) {
      if (text.startsWith(w.text, j) && G.scales.has(text[j + w.text.length] ?? '')) {
        approxWord = w.q
        j += w.text.length
        break
      }
    }
  }
  const k = skipSpaces(text, j)
  if (tok.kind === 'arabic') {
    const sc = readScale(text, k)
    if (sc.exp > 0) {
      value = shift(value, sc.exp)
      j = sc.end
      scaled = true
    }
  }
  if (!approxWord) {
    const at = skipSpaces(text, j)
    for (const w of G.afterScale) {
      if (text.startsWith(w.text, at)) {
        approxWord = w.q
        j = at + w.text.length
        break
      }
    }
  }
  let unit = matchUnit(text, skipSpaces(text, j), tok.kind)
  // 8.5/10万: a rate per a scaled number
  const per = unit === null && tok.kind === 'arabic' ? readDenominator(text, j, true) : null
  if (per && per.code.startsWith('per-')) unit = { entry: { text: text.slice(j, per.end), code: per.code }, end: per.end }
  const piece: Piece = { tok, value, end: j, scaled, unitEnd: unit ? unit.end : j }
  if (approxWord) piece.approxWord = approxWord
  if (unit) piece.unit = unit
  return piece
}

function hasWanOrYi(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k)
    if (c === WAN || c === YI) return true
  }
  return false
}

function isYearLike(p: Piece): boolean {
  const v = toNumber(p.tok.value)
  return p.tok.kind === 'arabic' && !p.tok.decimal && p.tok.end - p.tok.start === 4 && v >= 1900 && v <= 2100 && !p.scaled
}

function clauseStart(text: string, i: number): number {
  const lo = Math.max(0, i - LOOKBACK)
  for (let k = i - 1; k >= lo; k--) if (CLAUSE_END[text.charCodeAt(k)]) return k + 1
  return lo
}

/** Qualifier words before a number by the UTF-16 code of their last character, longest first as in `G.before`. */
const BEFORE_BY_LAST = groupByCode(G.before, (w) => w.text.charCodeAt(w.text.length - 1))

/** The qualifier word (不低于, 约 …) that ends at `end`, if any. */
function qualifierBefore(text: string, end: number): QualifierWord | null {
  if (end <= 0) return null
  for (const w of BEFORE_BY_LAST.get(text.charCodeAt(end - 1)) ?? []) if (end - w.text.length >= 0 && text.startsWith(w.text, end - w.text.length)) return w
  return null
}

/** Unit code from a unit text such as a table's unit column (`万人`, `%`, `元/人.月`). */
export function unitFromText(unitText: string): { code: string; exp: number; classifier?: string; factor?: number } | null {
  const t = foldTraditional(unitText).replace(/[\s（）()]/g, '')
  if (t === '') return null
  const sc = readScale(t, 0)
  const hit = matchUnit(t, sc.end, 'arabic')
  if (!hit || hit.end !== t.length) return null
  return { code: hit.entry.code, exp: sc.exp + (hit.entry.exp ?? 0), ...(hit.entry.classifier ? { classifier: hit.entry.classifier } : {}), ...(hit.entry.factor ? { factor: hit.entry.factor } : {}) }
}

/** Minus signs: hyphen-minus, full-width and small hyphen-minus, the minus sign. */
const MINUS = codeTable('-－﹣−')
/** Characters after which a minus sign is a sign, not a range dash or a hyphen. */
const SIGN_AFTER = codeTable('：:，,、；;（(［[【≥≤<>＜＞=＝为是至到')

/** True when the minus at `i` follows the start of the text, a blank at the start, a clause mark or a word (增长-5%), not a number or a Latin name. */
function minusAllowedAfter(text: string, i: number): boolean {
  let b = i
  while (b > 0 && isBlank(text.charCodeAt(b - 1))) b--
  if (b === 0) return true
  const c = text.charCodeAt(b - 1)
  if (SIGN_AFTER[c]) return true
  return c >= 0x4e00 && c <= 0x9fff && !isCnNumeralCode(c) && !unitEndsAt(text, b)
}

/** True when a number's unit (元, 个, 年 …) ends at `end`: a minus after it is a range dash (5元-8元). */
function unitEndsAt(text: string, end: number): boolean {
  for (let k = Math.max(0, end - 4); k < end; k++) {
    const hit = matchUnit(text, k, 'arabic')
    if (hit && hit.end === end && (isDigit(text.charCodeAt(k - 1)) || SCALE_EXP[text.charCodeAt(k - 1)]! > 0)) return true
  }
  return false
}

/** 由/从 … before a number: what follows 至/到 is the new level, not the end of a range. */
const CHANGE_FROM = /[由从]/
const YEAR_DURATION_AFTER = ['每', '满', '连续', '为期', '期限', '期限为', '延长', '缩短', '年限', '不少于', '不低于', '超过']
const INHERIT_AFTER = /(?:提高|增加|上升|下降|降低|调整|增长|减少|提升)(?:到|至|为)$/
const PERSON_BEFORE = /(?:人才|人口|人数|人员|劳动力|劳动者|职工|农民|居民|老年人|学生|毕业生|群众|培训|就业|人)[^，。；、]{0,8}$/
const ARTICLE_LIKE = new Set(['个', '项', '家', '所', '条', '类', '批', '件', '场', '座', '种', '名', '位', '套'])
const CN_BAD_PREV = codeTable('统唯之同单其专划初归星周逐')

function applyUnit(p: Piece, entry: UnitEntry): { value: Dec; code: string; classifier?: string } {
  let v = p.value
  if (entry.exp) v = shift(v, entry.exp)
  if (entry.factor) v = times(v, entry.factor)
  return { value: v, code: entry.code, ...(entry.classifier ? { classifier: entry.classifier } : {}) }
}

/** Codes that are never the numerator of a density. */
const NO_DENSITY = new Set(['percent', 'percentage-point', 'permille', 'multiple', 'ratio', 'none', 'year', 'month', 'day', 'hour', 'minute', 'age'])

function contextUnit(text: string, clause: number, numberStart: number, code: string): string {
  const before = text.slice(clause, numberStart)
  for (const r of G.perPersonContext) if (r.from === code && before.includes(r.cue)) return r.code
  // 人口密度超过每平方公里1.5万人, 每平方公里道路长度8公里: a density
  if (!code.includes('/') && !NO_DENSITY.has(code)) {
    for (const area of G.areaDenominators) {
      if (!before.includes(`每${area}`)) continue
      const d = G.denominators.find((x) => x.text === area)
      if (d) return `${code}/${d.code}`
    }
  }
  if (code === 'household') {
    const wider = text.slice(Math.max(0, numberStart - LOOKBACK), numberStart)
    if (G.householdAsCount.some((w) => wider.includes(w))) return 'count'
  }
  return code
}

/**
 * Find the quantities of a normalised text.
 *
 * @example
 * ```ts
 * findQuantities('城镇登记失业率控制在4%以内')
 * // [{ start: 10, end: 14, value: 4, unit: 'percent', qualifier: 'lte', … }]
 * ```
 */
export function findQuantities(input: string, hints: FindHints = {}): QuantityMatch[] {
  const out: QuantityMatch[] = []
  // Traditional characters are matched as Simplified; offsets stay those of the input
  const text = foldTraditional(input)
  if (!hasNumeral(text)) return out
  const mask = maskOf(text, G.masks)
  const hintUnit = hints.unit ? unitFromText(hints.unit) : null
  let i = 0
  while (i < text.length) {
    const code = text.charCodeAt(i)
    // 翻一番 / 翻两番
    if (code === FAN) {
      const m = /^翻(了)?\s*([一二两三四])\s*番/.exec(text.slice(i, i + 6))
      if (m) {
        const n = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4 }[m[2] as '一'] ?? 1
        out.push({ start: i, end: i + m[0].length, numberStart: i, numberEnd: i + m[0].length, value: 2 ** n, unit: 'multiple', qualifier: 'eq' })
        i += m[0].length
        continue
      }
    }
    // 百分之九十五
    if (code === BAI && text.startsWith('百分之', i) && !mask[i]) {
      const tok = readNumeral(text, i + 3)
      if (tok) {
        const m = finish(text, i, tok.end, { value: toNumber(tok.value), unit: 'percent', qualifier: 'eq' }, mask)
        out.push(m)
        i = m.end
        continue
      }
    }
    // 数十万 / 几百
    if (isCnNumeralCode(text.charCodeAt(i + 1)) && VAGUE[code] && !mask[i]) {
      let j = i + 1
      let exp = 0
      while (j < text.length && /[十百千万亿]/.test(text[j]!)) exp += ({ 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 } as Record<string, number>)[text[j]!]!, j++
      const unit = exp > 0 ? matchUnit(text, skipSpaces(text, j), 'cn') : null
      if (exp > 0 && unit && !unit.entry.duration) {
        const lo = applyUnit({ value: shift(dec('1'), exp) } as Piece, unit.entry)
        const hi = applyUnit({ value: shift(dec('9'), exp) } as Piece, unit.entry)
        out.push({ start: i, end: unit.end, numberStart: i, numberEnd: j, min: toNumber(lo.value), max: toNumber(hi.value), unit: lo.code, ...(lo.classifier ? { classifier: lo.classifier } : {}), qualifier: 'approx' })
        i = unit.end
        continue
      }
    }
    // -5, －5, ﹣5: a minus sign before a number that follows no other number
    if (MINUS[code] && isDigit(text.charCodeAt(i + 1)) && !mask[i] && minusAllowedAfter(text, i)) {
      const m = readAt(text, i + 1, mask, hints, hintUnit, out)
      if (m !== null && typeof m !== 'number' && m.start === i + 1 && m.value !== undefined) {
        out.push({ ...m, start: i, numberStart: i, value: -m.value })
        i = m.end
        continue
      }
    }
    const startsNumber = isDigit(code) || isCnNumeralCode(code) || code === LATIN_L || code === LATIN_I
    if (!startsNumber || mask[i]) {
      i++
      continue
    }
    if (isLetter(text[i - 1]) && isDigit(code)) {
      i = readArabic(text, i)?.end ?? i + 1
      continue
    }
    const m = readAt(text, i, mask, hints, hintUnit, out)
    if (m === null) {
      const tok = readNumeral(text, i)
      i = tok ? Math.max(tok.end, i + 1) : i + 1
      continue
    }
    if (typeof m === 'number') {
      i = m
      continue
    }
    out.push(m)
    i = Math.max(m.end, i + 1)
  }
  shareListQualifiers(text, out)
  harmoniseMoney(text, out)
  return joinBoundRanges(text, out)
}

/**
 * 处二千元以上二万元以下罚款, 二倍以上五倍以下: an amount closed by a lower
 * bound word right before one of the same unit closed by an upper bound word
 * is one range from the first to the second.
 */
function joinBoundRanges(text: string, list: QuantityMatch[]): QuantityMatch[] {
  const out: QuantityMatch[] = []
  for (let k = 0; k < list.length; k++) {
    const a = list[k]!
    const b = list[k + 1]
    if (
      b &&
      a.qualifier === 'gte' &&
      b.qualifier === 'lte' &&
      a.value !== undefined &&
      b.value !== undefined &&
      a.value < b.value &&
      a.unit === b.unit &&
      (a.classifier ?? '') === (b.classifier ?? '') &&
      b.start === b.numberStart &&
      endsWithWord(text, a.end, G.boundRange.lower) &&
      endsWithWord(text, b.end, G.boundRange.upper) &&
      isAllBlank(text, a.end, b.start)
    ) {
      const range: QuantityMatch = { ...a, end: b.end, numberEnd: b.numberEnd, min: a.value, max: b.value, qualifier: 'range', ...(a.inherited || b.inherited ? { inherited: true } : {}) }
      delete range.value
      out.push(range)
      k++
      continue
    }
    out.push(a)
  }
  return out
}

/** True when `text` has one of `words` ending at `end`. */
function endsWithWord(text: string, end: number, words: readonly string[]): boolean {
  return words.some((w) => end >= w.length && text.startsWith(w, end - w.length))
}

/** True when `text[from, to)` is empty or blanks only. */
function isAllBlank(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isBlank(text.charCodeAt(k))) return false
  return true
}

/**
 * 由929元提高到1624元/人.月 and 人均月养老金775元，比…增加212元: a plain 元
 * next to a per-person or per-month amount of the same statement takes its unit.
 */
function harmoniseMoney(text: string, list: QuantityMatch[]): void {
  for (let k = 0; k + 1 < list.length; k++) {
    const a = list[k]!
    const b = list[k + 1]!
    if (b.start - a.end > 30) continue
    const between = text.slice(a.end, b.start)
    if (/[。；]/.test(between)) continue
    if (a.unit === 'CNY' && b.unit.startsWith('CNY/') && /(?:提高|增加|上升|调整)(?:到|至)/.test(between)) {
      a.unit = b.unit
      a.inherited = true
    } else if (b.unit === 'CNY' && a.unit.startsWith('CNY/') && /比|增加|增长|提高|上升/.test(between)) {
      b.unit = a.unit
      b.inherited = true
    }
  }
}

/** Qualifier words around the number and the final span. */
function finish(
  text: string,
  numberStart: number,
  numberEnd: number,
  q: { value?: number; min?: number; max?: number; parts?: number[]; unit: string; classifier?: string; qualifier: Qualifier; inherited?: boolean },
  mask: Uint8Array,
  prefixStart = numberStart,
): QuantityMatch {
  let start = prefixStart
  let end = numberEnd
  let qualifier = q.qualifier
  // after: 以上 / 以内 / 左右 …
  const at = skipSpaces(text, end)
  for (const w of G.after) {
    if ((w.text === '多' || w.text === '余') && (q.qualifier !== 'eq' || !/^[，。；、,;）)]?$/.test(text[at + 1] ?? '') || !/^[，。；、,;）)]/.test(text[at + 1] ?? '。'))) continue
    if (text.startsWith(w.text, at)) {
      end = at + w.text.length
      if (qualifier !== 'range') qualifier = qualifier === 'approx' && w.q === 'approx' ? 'approx' : qualifier === 'eq' || w.q === 'approx' ? w.q : qualifier
      break
    }
  }
  // 200张床位以上的, 1万名老人以上的: the bound follows the counted noun
  if (end === numberEnd && q.unit !== 'none') {
    const m = NOUN_THEN_BOUND.exec(text.slice(at, at + 8))
    if (m) {
      end = at + m[0].length
      if (qualifier === 'eq') qualifier = m[1] === '以下' ? 'lte' : 'gte'
    }
  }
  // before: 不低于 / 超过 / 约 …
  let b = start
  while (b > 0 && isBlank(text.charCodeAt(b - 1))) b--
  const w = qualifierBefore(text, b)
  if (w && !mask[b - 1]) {
    start = b - w.text.length
    const neg = negatorBefore(text, start)
    const wq = neg ? NEGATED[w.q] ?? w.q : w.q
    if (neg && wq !== w.q) start -= neg.length
    if (qualifier === 'eq') qualifier = wq
    else if (wq === 'approx' && qualifier === 'gt') qualifier = 'approx'
  } else if (qualifier === 'eq') {
    // detached: 不低于已建工会企业数92%
    // (offsets into `text`, no substrings: this runs for most quantities)
    const cs = clauseStart(text, start)
    let best = -1
    let bestQ: Qualifier | null = null
    for (const d of G.detached) {
      const k = lastIndexWithin(text, d, cs, start)
      if (k < 0 || k <= best) continue
      const covered = G.detached.some((o) => {
        const at = k - o.indexOf(d)
        return o.length > d.length && o.includes(d) && at >= cs && at + o.length <= start && text.startsWith(o, at)
      })
      if (!covered && !hasDigitOrPercent(text, k + d.length, start)) {
        best = k
        const dq = G.before.find((x) => x.text === d)?.q ?? null
        bestQ = dq && negatorBefore(text, k) ? NEGATED[dq] ?? dq : dq
      }
    }
    if (bestQ) qualifier = bestQ
  }
  return { start, end, numberStart, numberEnd, ...q, qualifier }
}

/** A short noun then 以上/以下 and 的: 200张床位以上的养老机构. */
const NOUN_THEN_BOUND = /^[\u4e00-\u9fff]{1,4}?(以上|以下)(?=的)/

/** A comparison turned round by a modal negation: 不宜超过 is at most, 不宜小于 at least. */
const NEGATED: Partial<Record<Qualifier, Qualifier>> = { gt: 'lte', gte: 'lt', lt: 'gte', lte: 'gt' }

/** The modal negation (不宜, 不应 …) that ends at `end`, if any. */
function negatorBefore(text: string, end: number): string | undefined {
  return G.negators.find((n) => end >= n.length && text.startsWith(n, end - n.length))
}

/** The last start of `word` inside `text[from, to)`, or -1; looks no further back than `from`. */
function lastIndexWithin(text: string, word: string, from: number, to: number): number {
  for (let k = to - word.length; k >= from; k--) if (text.startsWith(word, k)) return k
  return -1
}

/** True when `text[from, to)` has a digit or a percent sign. */
function hasDigitOrPercent(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k)
    if (isDigit(c) || c === 0x25 || c === 0xff05) return true
  }
  return false
}

/**
 * Try to read a quantity at `i`. Returns the match, or a number (the index
 * to continue from) when the numeral is not a quantity, or null.
 */
function readAt(text: string, i: number, mask: Uint8Array, hints: FindHints, hintUnit: ReturnType<typeof unitFromText>, found: QuantityMatch[]): QuantityMatch | number | null {
  let p = readPiece(text, i)
  if (!p) return null
  const tok = p.tok
  if (tok.kind === 'cn') {
    if (CN_BAD_PREV[text.charCodeAt(i - 1)] || isCnNumeralCode(text.charCodeAt(i - 1))) return tok.end
  }
  // list marker at a segment start: 3.90%以上 → marker 3. and 90%
  if (!hints.cell && tok.kind === 'arabic' && tok.decimal) {
    let k = i - 1
    while (k >= 0 && isBlank(text.charCodeAt(k))) k--
    const intLen = text.slice(i, tok.end).search(/[.．]/)
    if ((k < 0 || SEGMENT_START[text.charCodeAt(k)]) && intLen >= 1 && intLen <= 2) {
      return i + intLen + 1
    }
  }
  const clause = clauseStart(text, i)

  // ranges: 3～5万人, 6.0%—6.5%, 1至2次
  const afterFirst = skipSpaces(text, p.unitEnd)
  const sepCh = text[afterFirst] ?? ''
  const weak = G.weakRangeSeparators.find((w) => text.startsWith(w, afterFirst))
  // 6%至7%: 至/到 right after a unit joins a range when the other end has the same unit (checked below); 由5%至7% is a change
  const weakOk = weak !== undefined && (!p.unit || (!p.unit.entry.duration && !CHANGE_FROM.test(text.slice(clause, i))))
  if ((G.rangeSeparators.includes(sepCh) && text[afterFirst + 1] !== sepCh && text[afterFirst - 1] !== sepCh) || weakOk) {
    const sepLen = weak && !G.rangeSeparators.includes(sepCh) ? weak.length : 1
    const j = skipSpaces(text, afterFirst + sepLen)
    const q = readPiece(text, j)
    if (q && q.tok.kind === tok.kind) {
      if (isYearLike(p) && isYearLike(q)) return Math.max(q.unitEnd, q.tok.end)
      const sameUnit = !p.unit || (q.unit && q.unit.entry.code === p.unit.entry.code)
      if (q.unit && sameUnit && !(q.unit.entry.duration && !yearDurationOk(text, i))) {
        const entry = q.unit.entry
        let lo = p.value
        if (!p.scaled && q.scaled) lo = shift(lo, q.value.e - q.tok.value.e)
        const a = applyUnit({ ...p, value: lo }, entry)
        const b = applyUnit(q, entry)
        const code = contextUnit(text, clause, i, a.code)
        return finish(text, i, q.unitEnd, { min: toNumber(a.value), max: toNumber(b.value), unit: code, ...(a.classifier ? { classifier: a.classifier } : {}), qualifier: 'range' }, mask)
      }
      // 3至10万居民: a bare range of a scaled number naming people
      if (!p.unit && !q.unit && !hints.cell && q.scaled && tok.kind === 'arabic' && namesPeopleAfter(text, q.end)) {
        const lo = p.scaled ? p.value : shift(p.value, q.value.e - q.tok.value.e)
        return finish(text, i, q.end, { min: toNumber(lo), max: toNumber(q.value), unit: 'person', qualifier: 'range', inherited: true }, mask)
      }
      if (!p.unit && !q.unit && hints.cell && hintUnit) {
        const f = hintUnit.factor ?? 1
        return finish(text, i, q.end, { min: toNumber(times(shift(p.value, hintUnit.exp), f)), max: toNumber(times(shift(q.value, hintUnit.exp), f)), unit: hintUnit.code, qualifier: 'range', inherited: true }, mask)
      }
    }
  }

  // ratios: 20:60:20, 11.8：55.1：33.1, 1：8000
  if (!p.unit && !p.scaled && G.ratioSeparators.includes(text[p.end] ?? '') && isDigit(text.charCodeAt(p.end + 1))) {
    const parts = [toNumber(p.value)]
    let j = p.end
    while (G.ratioSeparators.includes(text[j] ?? '') && isDigit(text.charCodeAt(j + 1))) {
      const t = readArabic(text, j + 1)!
      parts.push(toNumber(t.value))
      j = t.end
    }
    const before = text.slice(Math.max(0, i - 20), i)
    if (parts.length >= 3 || /比例|比重|结构|之比|配比|比为|比达/.test(before)) {
      return finish(text, i, j, { parts, unit: 'ratio', qualifier: 'eq' }, mask)
    }
    return j
  }

  // a year: 2010年, 2011～2015 年
  if (isYearLike(p) && (!p.unit || p.unit.entry.duration)) {
    if (p.unit || /^\s*(?:年|年度|—|-|～|~)/.test(text.slice(p.end, p.end + 3)) || !hints.cell) return Math.max(p.unitEnd, tok.end)
  }

  // prefixed rate units: 每人每月70元
  let prefixStart = i
  let prefixed: string | undefined
  if (p.unit && p.unit.entry.code === 'CNY') {
    for (const pu of G.prefixed) {
      let b = i
      while (b > 0 && isBlank(text.charCodeAt(b - 1))) b--
      if (text.slice(b - pu.text.length, b) === pu.text) {
        prefixed = pu.code
        prefixStart = b - pu.text.length
        break
      }
    }
  }

  if (p.unit) {
    const entry = p.unit.entry
    // 11.2年: a number with a fraction before 年 is a length of time, never a calendar year
    if (entry.duration && !yearDurationOk(text, i, p.unitEnd) && !/[.．]/.test(text.slice(tok.start, tok.end))) return p.unitEnd
    if (tok.kind === 'cn') {
      const numeral = text.slice(tok.start, tok.end)
      if (numeral === '一' && ARTICLE_LIKE.has(entry.text) && !/^\s*(?:以上|多|余)/.test(text.slice(p.unitEnd, p.unitEnd + 3))) return p.unitEnd
      if (numeral === '零') return p.unitEnd
      if (entry.code === 'count' && !hints.cell && restatesList(text, clause, i)) return p.unitEnd
      if (G.cnEnumerationClassifiers.includes(entry.text) && !p.approxWord && !hints.cell && !countsThings(text, i, p)) return p.unitEnd
      // a bare scale word (万人) is a number only after 近/约/上 (近万人) or before 多/余/以上 (十多个, 千座以上)
      if (/^[百千万亿]+$/.test(numeral) && !p.approxWord && !/[近约超逾上]\s*$/.test(text.slice(Math.max(0, i - 4), i)) && !BOUND_AFTER.test(text.slice(p.unitEnd, p.unitEnd + 3))) return p.unitEnd
      // 每二年举办一次: the 一次 belongs to the frequency already read
      const last = found[found.length - 1]
      if (numeral === '一' && entry.text === '次' && last && last.unit === 'year' && i - last.end < 6) return p.unitEnd
    }
    if (entry.classifier === '市' || entry.classifier === '县') {
      if (tok.kind === 'cn') return p.unitEnd
    }
    const a = applyUnit(p, entry)
    const code = prefixed ?? contextUnit(text, clause, i, a.code)
    const classifier = code === 'count' && !a.classifier && entry.text.endsWith('户') ? '户' : a.classifier
    return finish(text, i, p.unitEnd, { value: toNumber(a.value), unit: code, ...(classifier ? { classifier } : {}), qualifier: p.approxWord ?? 'eq' }, mask, prefixStart)
  }

  // no unit written next to the number
  if (hints.cell) {
    if (hintUnit) {
      const v = times(shift(p.value, hintUnit.exp), hintUnit.factor ?? 1)
      return finish(text, i, p.end, { value: toNumber(v), unit: hintUnit.code, ...(hintUnit.classifier ? { classifier: hintUnit.classifier } : {}), qualifier: p.approxWord ?? 'eq', inherited: true }, mask)
    }
    if (tok.kind === 'arabic') return finish(text, i, p.end, { value: toNumber(p.value), unit: 'none', qualifier: p.approxWord ?? 'eq' }, mask)
    return p.end
  }
  // AQI≤100, 容积率大于等于3.5: a bare number after a comparison sign is a threshold
  if (tok.kind === 'arabic' && !p.scaled && bareAfterSign(text, i)) {
    return finish(text, i, p.end, { value: toNumber(p.value), unit: 'none', qualifier: p.approxWord ?? 'eq' }, mask)
  }
  // a list sharing one unit: 分别增加7.0和3.9个百分点
  const shared = sharedUnit(text, p.end)
  if (shared) {
    const a = applyUnit(p, shared)
    return finish(text, i, p.end, { value: toNumber(a.value), unit: contextUnit(text, clause, i, a.code), ...(a.classifier ? { classifier: a.classifier } : {}), qualifier: p.approxWord ?? 'eq', inherited: true }, mask)
  }
  // a scaled bare number naming people: 598万户籍人口, 高层次人才6.2万
  if (p.scaled && tok.kind === 'arabic' || (p.scaled && tok.kind === 'cn' && /^[近约超逾]$/.test(text[i - 1] ?? ''))) {
    const before = text.slice(clause, i)
    if (namesPeopleAfter(text, p.end) || PERSON_BEFORE.test(before)) {
      return finish(text, i, p.end, { value: toNumber(p.value), unit: 'person', qualifier: p.approxWord ?? 'eq', inherited: true }, mask)
    }
    return p.end
  }
  // 由548元提高到790.5: the unit of an earlier quantity of the sentence
  if (tok.kind === 'arabic' && INHERIT_AFTER.test(text.slice(Math.max(0, i - 4), i))) {
    const prev = found[found.length - 1]
    if (prev && prev.unit !== 'none' && prev.value !== undefined && i - prev.end < 40) {
      return finish(text, i, p.end, { value: toNumber(p.value), unit: prev.unit, ...(prev.classifier ? { classifier: prev.classifier } : {}), qualifier: p.approxWord ?? 'eq', inherited: true }, mask)
    }
  }
  return p.end
}

/** Bound words that may follow a unit whose next character would otherwise make it part of a word (1所以上). */
const BOUND_WORD_AFTER = /^(?:以上|以下|以内)/
/** Words after a number and its unit that bound it (以上, 左右, 多, 余). */
const BOUND_AFTER = /^\s*(?:以上|以下|以内|左右|多|余)/
/** Words right before a count that point back at a list (等三项, 这两种, 上述三个). */
const POINTS_BACK = /(?:等|这|该|上述|前述|此)\s*$/

/**
 * 养老、医疗、失业、工伤、生育五项社会保险: a Chinese-numeral count right
 * after a list of names (or 等, 这, 上述) restates the list; a count verb
 * after the last item (养老、医疗机构达到十五家) keeps it a count.
 */
function restatesList(text: string, clause: number, i: number): boolean {
  const before = text.slice(clause, i)
  if (POINTS_BACK.test(before)) return true
  const k = before.lastIndexOf('、')
  if (k < 0) return false
  const tail = before.slice(k + 1)
  return !G.cnCountCues.some((w) => tail.includes(w))
}

/**
 * 建设十五个产业园区, 新增十项, 近百个: a Chinese numeral with 个/项/类/种/条
 * counts things when the numeral is more than a single digit, a bound
 * word goes with it, or a count verb (`cnCountCues`) comes right before it;
 * otherwise it names a set (三项制度, 两个大局, 三条控制线).
 */
function countsThings(text: string, i: number, p: Piece): boolean {
  if (toNumber(p.tok.value) > 10 || p.tok.decimal) return true
  let b = i
  while (b > 0 && isBlank(text.charCodeAt(b - 1))) b--
  if (qualifierBefore(text, b) !== null || BOUND_AFTER.test(text.slice(p.unitEnd, p.unitEnd + 3))) return true
  const before = text.slice(Math.max(0, b - 4), b).replace(/了$/, '')
  return G.cnCountCues.some((w) => before.endsWith(w))
}

/** True when a comparison sign or word of `bareAfter` ends right before `i` (spaces allowed). */
function bareAfterSign(text: string, i: number): boolean {
  let b = i
  while (b > 0 && isBlank(text.charCodeAt(b - 1))) b--
  return G.bareAfter.some((w) => b >= w.length && text.startsWith(w, b - w.length))
}

/** True when a noun of people follows a bare scaled number (598万户籍人口, 10万居民). */
function namesPeopleAfter(text: string, end: number): boolean {
  const after = text.slice(skipSpaces(text, end), end + 10)
  return G.personNouns.some((n) => n !== '人' && after.startsWith(n)) || /^[^，。；、]{0,6}(?:人口|人民|劳动力|人员|职工|居民|农民)/.test(after)
}

function yearDurationOk(text: string, i: number, unitEnd = -1): boolean {
  // 居住一年以上: a calendar year is never bounded by 以上
  if (unitEnd >= 0 && /^\s*(?:及)?以上/.test(text.slice(unitEnd, unitEnd + 4))) return true
  let b = i
  while (b > 0 && isBlank(text.charCodeAt(b - 1))) b--
  return YEAR_DURATION_AFTER.some((w) => text.slice(b - w.length, b) === w)
}

/** The unit of the next items of a list (7.0和3.9个百分点), if any. */
function sharedUnit(text: string, from: number): UnitEntry | null {
  let j = from
  for (let hop = 0; hop < 8; hop++) {
    j = skipSpaces(text, j)
    const sep = G.listSeparators.find((s) => text.startsWith(s, j))
    if (!sep || sep === '，' || sep === ',') return null
    j = skipSpaces(text, j + sep.length)
    const q = readPiece(text, j)
    if (!q || q.tok.kind !== 'arabic') return null
    if (q.unit) return q.unit.entry.duration ? null : q.unit.entry
    j = q.end
  }
  return null
}

/** 分别稳定在80%和70%以上: an after-qualifier of a list's last item applies to all. */
function shareListQualifiers(text: string, list: QuantityMatch[]): void {
  for (let k = list.length - 1; k > 0; k--) {
    const cur = list[k]!
    const prev = list[k - 1]!
    const between = text.slice(prev.end, cur.start).trim()
    if (!/^(?:和|及|与|、)$/.test(between)) continue
    if (prev.qualifier !== 'eq' || cur.qualifier === 'eq' || cur.qualifier === 'range') continue
    if (cur.numberEnd === cur.end) continue
    if (prev.unit !== cur.unit) continue
    // only words written after the number are shared
    if (cur.start !== cur.numberStart) continue
    prev.qualifier = cur.qualifier
  }
}
