/**
 * Property-based tests: `parsePlan` on any string returns a sound tree
 * (positions in bounds, ordered, nested; nothing lost), and `decode` on
 * any byte buffer returns text with warnings or refuses binary input.
 */
import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decode, DecodeError } from '../src/read/decode.js'
import { parsePlan } from '../src/parse.js'
import type { InputForm } from '../src/core/types.js'
import { losslessProblems, positionProblems } from './property-invariants.js'

const SEEDS = new URL('../seeds/', import.meta.url)

/** Pieces plans are made of, including the awkward ones. */
const MARKERS = [
  '一、', '二、', '十一、', '（一）', '（二）', '(三)', '1.', '2．', '3、', '1.2', '1.2.3', '（1）', '(2)', '①', '②', '⑩',
  '第一章', '第二章', '第一节', '第一条', '第十二条', '专栏1', '专栏 2', '附件1', '附件：', '一是', '二是', '——',
]
const WORDS = [
  '就业', '发展', '目标', '城镇登记失业率', '控制在', '以内', '以上', '不低于', '达到', '增长', '年均', '累计', '新增',
  '“十二五”', '期间', '全市', '主要指标', '单位', '属性', '预期性', '约束性', '人才', '总量', '比2020年',
]
const NUMBERS = ['4', '146.23', '3～5', '20:60:20', '１２３', '百分之九十五', '两万', '十万', '0.48', '2015年', '〔2021〕21号', '12333', '1+N']
const UNITS = ['%', '％', '万人', '亿元', '个百分点', '家', '个', '平方米', '公里', '倍', '人次', '万元']
const PUNCT = ['。', '，', '；', '：', '！', '？', '、', ':', ';', '.', ',', '…', '——']
const BRACKETS = ['（', '）', '(', ')', '【', '】', '《', '》', '“', '”', '‘', '’', '「', '」', '〔', '〕', '[', ']', '{', '}', '<', '>']
const SPACE = [' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r', '\u3000', '\u3000\u3000', '\u00a0', '\ufeff', '\f']
const MARKDOWN = ['#', '## ', '**', '*', '|', '|---|---|', '- ', '> ', '`', '![', '](', '\\']
const HTML = ['<p>', '</p>', '<table>', '<tr>', '<td>', '</td>', '</tr>', '</table>', '<br>', '<br/>', '&nbsp;', '&lt;', '<!--', '-->', '<div class="x">', '</div>', '<script>', '<span>']
const ODD = ['\u0000', '\ufffd', '😀', '\ud800', '\udc00', 'é', 'Ω', '\u200b', '\u2028']

const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MARKERS) },
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...UNITS) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.constantFrom(...BRACKETS) },
  { weight: 4, arbitrary: fc.constantFrom(...SPACE) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
)

/** Plan-like soup: markers, Chinese words, numbers, units, punctuation, brackets, space. */
const planSoup = fc.array(token, { maxLength: 120 }).map((parts) => parts.join(''))

/** The same soup with HTML tags and entities mixed in. */
const htmlSoup = fc
  .array(fc.oneof({ weight: 3, arbitrary: token }, { weight: 1, arbitrary: fc.constantFrom(...HTML) }), { maxLength: 120 })
  .map((parts) => parts.join(''))

/** Line-structured text: each line may start with a marker, lines may be tab-separated cells. */
const planLines = fc
  .array(
    fc.tuple(
      fc.option(fc.constantFrom(...MARKERS), { nil: '' }),
      fc.array(token, { maxLength: 12 }).map((p) => p.join('')),
      fc.option(fc.array(fc.constantFrom(...NUMBERS, ...UNITS, ...WORDS), { maxLength: 5 }).map((c) => `\t${c.join('\t')}`), { nil: '' }),
    ).map(([m, body, cells]) => m + body + cells),
    { maxLength: 30 },
  )
  .map((lines) => lines.join('\n'))

/** English translations of plans: their numbering, numbers and units. */
const ENGLISH = [
  'Part I', 'Chapter 1', 'Section 2', 'Article 3', 'Box 1', 'Annex 2', '(a)', '(ii)', '1.', 'The', 'urban', 'jobs', 'rate',
  'will', 'reach', 'by 2025', 'over', 'no more than', 'at least', 'about', 'RMB', 'yuan', 'million', 'billion', 'percent',
  'percentage points', 'per person per month', '10', '4.5', '1,624', '3-5', '2021-2025', '14th Five-Year Plan', '%', '5G',
]
const englishSoup = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ENGLISH) }, { weight: 2, arbitrary: fc.constantFrom(' ', '\n', '\t', '. ', ', ', '; ') }, { weight: 1, arbitrary: token }), { maxLength: 80 })
  .map((parts) => parts.join(' '))

/** Any string at all, including lone surrogates. */
const anyString = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
)

const FORMS: InputForm[] = ['pdf-text', 'web-text', 'markdown', 'html', 'plain']

function sound(text: string, format?: InputForm): void {
  const result = parsePlan(text, format ? { format } : {})
  expect(positionProblems(result, text)).toEqual([])
  expect(losslessProblems(result, text)).toEqual([])
  expect(Array.isArray(result.quantities)).toBe(true)
  expect(Array.isArray(result.messages)).toBe(true)
}

describe('parsePlan on any string', () => {
  const cases: Array<[string, fc.Arbitrary<string>, number]> = [
    ['any string', anyString, 300],
    ['plan-like soup', planSoup, 400],
    ['line-structured plan text', planLines, 300],
    ['text mixed with HTML tags', htmlSoup, 300],
    ['English plan text', englishSoup, 300],
  ]
  for (const [name, arb, numRuns] of cases) {
    it(`should return a sound, lossless tree when given ${name}`, () => {
      fc.assert(fc.property(arb, (text) => sound(text)), { numRuns })
    })
  }

  it('should keep the tag when a tab-separated line holds only an HTML tag', () => {
    sound('<td>\t')
    sound('a\tb\n<td>\t\nc\td')
  })

  it('should return a sound, lossless tree when the input form is forced', () => {
    fc.assert(fc.property(planSoup, fc.constantFrom(...FORMS), (text, format) => sound(text, format)), { numRuns: 300 })
  })

  it('should return a sound, lossless tree when given a slice of a real plan', () => {
    const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, SEEDS), 'utf8'))
    const slice = fc
      .tuple(fc.constantFrom(...seeds), fc.nat(), fc.integer({ min: 0, max: 3000 }))
      .map(([seed, at, length]) => seed.slice(at % seed.length, (at % seed.length) + length))
    fc.assert(fc.property(slice, (text) => sound(text)), { numRuns: 60 })
  })

  it('should throw a TypeError, not crash elsewhere, when given something that is not a string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.constant(null), fc.constant(undefined), fc.object(), fc.uint8Array()), (value) => {
        expect(() => parsePlan(value as unknown as string)).toThrow(TypeError)
      }),
      { numRuns: 50 },
    )
  })
})

describe('parsePlan on every seed', () => {
  for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
    it(`should return a sound, lossless tree when given ${file}`, () => {
      sound(readFileSync(new URL(file, SEEDS), 'utf8'))
    })
  }
})

describe('decode on any byte buffer', () => {
  it('should return text plus warnings, or refuse binary input with a DecodeError, when given any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        let decoded
        try {
          decoded = decode(bytes)
        } catch (error) {
          expect(error).toBeInstanceOf(DecodeError)
          expect((error as DecodeError).code).toBe('binary-input')
          return
        }
        expect(typeof decoded.text).toBe('string')
        expect(Array.isArray(decoded.warnings)).toBe(true)
        for (const w of decoded.warnings) {
          expect(w.offset).toBeGreaterThanOrEqual(0)
          expect(w.offset + w.length).toBeLessThanOrEqual(bytes.length)
          expect(typeof w.message).toBe('string')
        }
        expect(decoded.confidence).toBeGreaterThanOrEqual(0)
        expect(decoded.confidence).toBeLessThanOrEqual(1)
      }),
      { numRuns: 1000 },
    )
  })

  it('should return text plus warnings when given text bytes with random corruption', () => {
    const corrupted = fc
      .tuple(planSoup, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), { maxLength: 8 }))
      .map(([text, hits]) => {
        const bytes = new Uint8Array(Buffer.from(text.replace(/[\u0000-\u0008\u000b\u000e-\u001f]/g, ''), 'utf8'))
        for (const [at, byte] of hits) if (bytes.length) bytes[at % bytes.length] = byte
        return bytes
      })
    fc.assert(
      fc.property(corrupted, (bytes) => {
        try {
          const decoded = decode(bytes)
          expect(typeof decoded.text).toBe('string')
          expect(Array.isArray(decoded.warnings)).toBe(true)
        } catch (error) {
          expect(error).toBeInstanceOf(DecodeError)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('should give back the exact text when given valid UTF-8 without control characters', () => {
    const text = fc.oneof(planSoup, fc.string({ unit: 'grapheme', maxLength: 100 })).map((s) =>
      s.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufeff\ud800-\udfff]/g, ''),
    )
    fc.assert(
      fc.property(text, (s) => {
        const decoded = decode(new Uint8Array(Buffer.from(s, 'utf8')))
        expect(decoded.text).toBe(s)
        expect(decoded.warnings).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})
